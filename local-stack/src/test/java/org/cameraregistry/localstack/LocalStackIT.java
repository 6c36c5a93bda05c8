package org.cameraregistry.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.UuidRepresentation;
import org.cameraregistry.cli.SignIn;
import org.cameraregistry.events.Topics;
import org.cameraregistry.events.account.AccountRegistered;
import org.cameraregistry.events.account.AccountVerificationRequested;
import org.cameraregistry.events.camera.CameraDeregistered;
import org.cameraregistry.localstack.demo.DallasDemoCameras;
import org.cameraregistry.localstack.demo.DemoAccounts;
import org.cameraregistry.localstack.demo.DemoJurisdiction;
import org.cameraregistry.localstack.services.ServiceProcess;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.ApiContract;
import org.cameraregistry.testkit.ConsumerGroupProbe;
import org.cameraregistry.testkit.EventPublisher;
import org.cameraregistry.testkit.FreshToken;
import org.cameraregistry.testkit.KafkaProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform as a user meets it: every service started together on a real broker and the
 * MongoDB wire server, two instances of the registry and of geo-search, driven from outside.
 */
@ExtendWith(RunningStack.Shared.class)
class LocalStackIT {

    private static final int DEMO_CAMERAS = RunningStack.DEMO_CAMERAS;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = new JsonMapper();

    private static StackPorts PORTS;
    private static ByteArrayOutputStream CONSOLE;
    private static LocalStack stack;
    /** Anonymous. */
    private static ApiClient gateway;
    private static ApiClient owner;
    private static ApiClient investigator;
    private static FreshToken investigatorToken;

    @BeforeAll
    static void theStack(RunningStack running) {
        stack = running.stack;
        PORTS = running.ports;
        CONSOLE = running.console;
        // Every call through the gateway is also checked against the public API's combined OpenAPI document.
        gateway = new ApiClient(stack.gatewayUrl()).heldTo(ApiContract.of(stack.gatewayUrl() + "/api/docs/openapi.json"));
        DemoAccounts accounts = new DemoAccounts(stack.identityUrl());
        owner = gateway.withBearer(new FreshToken(() -> accounts.tokenOf(DemoAccounts.OWNER)));
        investigatorToken = new FreshToken(() -> accounts.tokenOf(DemoAccounts.INVESTIGATOR));
        investigator = gateway.withBearer(investigatorToken);
    }

    @Test
    void aCameraRegisteredThroughTheGatewayIsFoundMovedAndForgotten() {
        double lat = 32.7791;
        double lon = -96.8088;
        ApiClient.Response created = owner.post("/api/cameras", """
                {"label":"Reunion Tower plaza","latitude":%s,"longitude":%s,"level":"LEVEL_2",
                 "facingDegrees":200,"fieldOfViewDegrees":90,"views":["SIDEWALK"]}""".formatted(lat, lon));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.header("Location")).contains("/api/cameras/" + id);

        await().atMost(Duration.ofSeconds(30)).until(() -> nearestIds(investigator, lat, lon, 1).contains(id));
        JsonNode nearest = search(investigator, "/api/search/nearest?lat=" + lat + "&lon=" + lon + "&limit=1")
                .path("cameras").get(0);
        assertThat(nearest.path("distanceMeters").asDouble()).isZero();
        assertThat(nearest.path("level").asString()).isEqualTo("LEVEL_2");
        assertThat(withinIds(investigator, lat, lon, 25)).contains(id);

        double newLat = 32.8139;
        double newLon = -96.7700;
        ApiClient.Response moved = owner.put("/api/cameras/" + id, """
                {"label":"Moved to Greenville Ave","latitude":%s,"longitude":%s,"level":"LEVEL_2"}"""
                .formatted(newLat, newLon));
        assertThat(moved.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> everyGeoSearchInstance()
                .allMatch(instance -> withinIds(instance, newLat, newLon, 5).contains(id)));
        assertThat(withinIds(investigator, lat, lon, 25)).doesNotContain(id);
        assertThat(nearestIds(investigator, newLat, newLon, 1)).containsExactly(id);

        assertThat(owner.delete("/api/cameras/" + id).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> everyGeoSearchInstance()
                .noneMatch(instance -> withinIds(instance, newLat, newLon, 5).contains(id)));
        assertThat(owner.get("/api/cameras/" + id).status()).isEqualTo(404);
    }

    @Test
    void aRequestThroughTheGatewayAndTheEventsItCausesShareOneTrace() throws IOException {
        String trace = UUID.randomUUID().toString().replace("-", "");
        ApiClient.Response created = owner.post("/api/cameras",
                "{\"label\":\"Traced\",\"latitude\":32.7801,\"longitude\":-96.8002,\"level\":\"LEVEL_1\"}",
                "traceparent", "00-" + trace + "-00f067aa0ba902b7-01");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asString();

        try (KafkaProbe kafka = new KafkaProbe(stack.kafkaBrokers(), Topics.CAMERA_REGISTERED)) {
            ConsumerRecord<String, byte[]> event = kafka.await(Topics.CAMERA_REGISTERED, id, 1).getFirst();
            Header traceparent = event.headers().lastHeader("traceparent");
            assertThat(traceparent).as("the event carries the request's trace").isNotNull();
            assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).startsWith("00-" + trace + "-");
        }
        // Each consumer's span continues it: its log lines about this event carry the same trace id,
        // as a field of the JSON line where the service logs JSON (geo-search here, every service in containers).
        Path notificationLog = logOf("notification-service");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Files.readAllLines(notificationLog))
                .anySatisfy(line -> assertThat(line).contains("[" + trace + "-")));
        try (KafkaProbe kafka = new KafkaProbe(stack.kafkaBrokers(), Topics.NOTIFICATION_DELIVERED)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kafka.recordsUpToNow(Topics.NOTIFICATION_DELIVERED))
                    .as("the email's outcome, published in the same trace")
                    .anySatisfy(outcome -> assertThat(outcome.headers().lastHeader("traceparent")).isNotNull()
                            .extracting(header -> new String(header.value(), StandardCharsets.UTF_8)).asString()
                            .startsWith("00-" + trace + "-")));
        }
        Path geoSearchLog = logOf("geo-search-service");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Files.readAllLines(geoSearchLog).stream()
                .filter(line -> line.startsWith("{")).map(JSON::readTree)
                .filter(line -> trace.equals(line.path("traceId").asString())).map(line -> line.path("message").asString()))
                .anySatisfy(message -> assertThat(message).contains("consumed event").contains("camera=" + id)));
    }

    private static Path logOf(String service) {
        return stack.services().stream().filter(process -> process.spec().name().equals(service)).findFirst()
                .orElseThrow().spec().logFile();
    }

    @Test
    void theDashboardAndTheAlertsNameOnlySeriesTheServicesExport() throws Exception {
        // What some series need to exist at all: an email decided, a dead letter parked, a sign-in (the tokens above).
        ApiClient.Response created = owner.post("/api/cameras",
                "{\"label\":\"Metrics\",\"latitude\":32.7702,\"longitude\":-96.7903,\"level\":\"LEVEL_1\"}");
        assertThat(created.status()).isEqualTo(201);
        try (EventPublisher events = new EventPublisher(stack.kafkaBrokers())) {
            events.raw(Topics.CAMERA_REGISTERED, UUID.randomUUID().toString(), "not an event");
        }
        Path monitoring = Path.of(System.getProperty("monitoring.dir"));
        Set<String> named = new HashSet<>();
        for (Path file : List.of(monitoring.resolve("prometheus/alerts.yml"), monitoring.resolve("grafana/camera-registry.json"))) {
            // Every series is written with its braces (name{...}), so that this finds them all.
            Matcher series = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{").matcher(Files.readString(file));
            while (series.find()) {
                named.add(series.group(1));
            }
        }
        assertThat(named).contains("http_server_requests_seconds_bucket", "kafka_consumer_fetch_manager_records_lag_max",
                "outbox_oldest_waiting_age_seconds", "events_dead_lettered_total", "notification_emails_total");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(exportedSeries()).containsAll(named));
    }

    /** Every series name on every instance's /actuator/prometheus, the gateway's included. */
    private static Set<String> exportedSeries() throws Exception {
        List<String> endpoints = stack.services().stream().map(service -> service.managementUrl() + "/actuator/prometheus").toList();
        Set<String> exported = new HashSet<>();
        for (String endpoint : endpoints) {
            HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).as(endpoint).isEqualTo(200);
            metrics.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0]).forEach(exported::add);
        }
        return exported;
    }

    @Test
    void theDemoCityIsSearchableOnFirstStart() {
        assertThat(stack.demoCamerasRegistered()).isEqualTo(DEMO_CAMERAS);

        DemoAccounts accounts = new DemoAccounts(stack.identityUrl());
        ApiClient richardson = gateway.withBearer(new FreshToken(() -> accounts.tokenOf(DemoAccounts.NEIGHBOURING_INVESTIGATOR)));
        Set<String> all = new HashSet<>();
        for (ApiClient department : List.of(investigator, richardson)) {
            all.addAll(withinIds(department, DallasDemoCameras.CENTER_LATITUDE, DallasDemoCameras.CENTER_LONGITUDE, 30_000));
        }

        assertThat(all).as("the demo cameras Dallas and Richardson see together").hasSizeGreaterThanOrEqualTo(DEMO_CAMERAS);
    }

    @Test
    void anAnonymousCallToAnyApiIs401AndEachRoleSeesOnlyWhatItMay() {
        String camera = "{\"label\":\"Porch\",\"latitude\":32.78,\"longitude\":-96.8,\"level\":\"LEVEL_1\"}";
        for (ApiClient.Response refused : List.of(gateway.get("/api/cameras"), gateway.post("/api/cameras", camera),
                gateway.get("/api/cameras/" + UUID.randomUUID()), gateway.delete("/api/cameras/" + UUID.randomUUID()),
                gateway.get("/api/search/nearest?lat=32.78&lon=-96.8"), gateway.get("/api/me"),
                gateway.get("/api/departments/dallas/jurisdiction"),
                gateway.put("/api/departments/dallas/jurisdiction", DemoJurisdiction.RICHARDSON.geoJson()))) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
            assertThat(refused.json().path("type").asString()).endsWith("/problems/unauthenticated");
        }

        assertThat(owner.get("/api/cameras").json().path("totalCameras").asLong()).as("the demo owner's cameras")
                .isGreaterThanOrEqualTo(5);
        assertThat(owner.get("/api/search/nearest?lat=32.78&lon=-96.8").status()).as("an owner searching").isEqualTo(403);
        assertThat(investigator.post("/api/cameras", camera).status()).as("an investigator registering").isEqualTo(403);
        String secondOwners = owner.get("/api/cameras?size=1").json().path("cameras").get(0).path("id").asString();
        DemoAccounts accounts = new DemoAccounts(stack.identityUrl());
        ApiClient secondOwner = gateway.withBearer(new FreshToken(() -> accounts.tokenOf(DemoAccounts.SECOND_OWNER)));
        assertThat(secondOwner.get("/api/cameras/" + secondOwners).status()).as("another owner's camera").isEqualTo(404);
    }

    @Test
    void eachDepartmentSeesOnlyTheCamerasInItsJurisdiction() {
        DemoAccounts accounts = new DemoAccounts(stack.identityUrl());
        ApiClient richardson = gateway.withBearer(new FreshToken(() -> accounts.tokenOf(DemoAccounts.NEIGHBOURING_INVESTIGATOR)));
        double lat = DallasDemoCameras.CENTER_LATITUDE;
        double lon = DallasDemoCameras.CENTER_LONGITUDE;

        Collection<JsonNode> dallasSees = search(investigator, "/api/search/within?lat=" + lat + "&lon=" + lon
                + "&radiusMeters=30000&limit=5000").path("cameras").values();
        Collection<JsonNode> richardsonSees = search(richardson, "/api/search/within?lat=" + lat + "&lon=" + lon
                + "&radiusMeters=30000&limit=5000").path("cameras").values();

        assertThat(richardsonSees).as("Richardson's demo cameras").isNotEmpty().allSatisfy(camera -> assertThat(
                DemoJurisdiction.DALLAS.contains(camera.path("latitude").asDouble(), camera.path("longitude").asDouble()))
                .as("inside Dallas").isFalse());
        assertThat(dallasSees).isNotEmpty().allSatisfy(camera -> assertThat(
                DemoJurisdiction.RICHARDSON.contains(camera.path("latitude").asDouble(), camera.path("longitude").asDouble()))
                .as("inside Richardson").isFalse());
        assertThat(withinIds(richardson, 32.7801, -96.8005, 2_000)).as("Richardson searching downtown Dallas").isEmpty();

        ApiClient dallasAdmin = gateway.withBearer(new FreshToken(() -> accounts.tokenOf(DemoAccounts.DEPARTMENT_ADMIN)));
        ApiClient.Response outline = investigator.get("/api/departments/dallas/jurisdiction");
        assertThat(outline.status()).isEqualTo(200);
        assertThat(outline.json().path("vertices").asInt()).as("an outline, not a box").isGreaterThan(20);
        assertThat(richardson.get("/api/departments/dallas/jurisdiction").status()).isEqualTo(403);
        assertThat(dallasAdmin.put("/api/departments/richardson/jurisdiction", DemoJurisdiction.DALLAS.geoJson()).status())
                .as("an admin setting another department's jurisdiction").isEqualTo(403);
    }

    @Test
    void aDepartmentAdminInvitesAnInvestigatorWhoChoosesAPasswordAndSearchesTheDepartmentsJurisdiction() {
        DemoAccounts accounts = new DemoAccounts(stack.identityUrl());
        ApiClient dallasAdmin = gateway.withBearer(new FreshToken(() -> accounts.tokenOf(DemoAccounts.DEPARTMENT_ADMIN)));
        String address = "new-investigator-" + UUID.randomUUID() + "@dallas.example";

        ApiClient.Response invited = dallasAdmin.post("/api/departments/dallas/staff",
                "{\"email\":\"" + address + "\",\"role\":\"INVESTIGATOR\",\"displayName\":\"New Investigator\"}");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        JsonNode invitation = awaitEmail(address, "Your Community Camera Registry account is ready");
        assertThat(invitation.path("Text").asString()).contains("Dallas Police Department");
        Matcher token = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(invitation.path("Text").asString());
        assertThat(token.find()).isTrue();
        assertThat(gateway.post("/api/accounts/password-reset/confirmation",
                "{\"token\":\"" + token.group(1) + "\",\"password\":\"brass lantern quietly orbits\"}").status())
                .isEqualTo(204);
        String newToken = SignIn.asCameraCli(URI.create(stack.identityUrl()))
                .withPassword(address, "brass lantern quietly orbits").accessToken();

        assertThat(nearestIds(gateway.withBearer(() -> newToken), 32.7801, -96.8005, 3)).hasSize(3);
        ApiClient richardsonAdmin = gateway.withBearer(new FreshToken(() -> accounts.tokenOf(DemoAccounts.NEIGHBOURING_DEPARTMENT_ADMIN)));
        assertThat(richardsonAdmin.get("/api/departments/dallas/staff").status()).isEqualTo(403);
        assertThat(dallasAdmin.get("/api/departments/dallas/staff").json().path("staff").values())
                .extracting(member -> member.path("email").asString()).contains(address, DemoAccounts.INVESTIGATOR)
                .doesNotContain(DemoAccounts.NEIGHBOURING_INVESTIGATOR);
    }

    @Test
    void anOwnerErasesTheirAccountAndEveryServiceForgetsThemWithinFiveSeconds() {
        String address = "leaving-" + UUID.randomUUID() + "@example.org";
        String password = "tangerine orbit velvet ladder";
        String accessToken = openVerifiedOwner(address, password);
        UUID accountId = UUID.fromString(gateway.get("/api/me", "Authorization", "Bearer " + accessToken).json()
                .path("id").asString());
        ApiClient leaving = gateway.withBearer(() -> accessToken);
        List<UUID> cameras = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ApiClient.Response created = leaving.post("/api/cameras", """
                    {"label":"Leaving %d","latitude":32.79%d,"longitude":-96.81,"level":"LEVEL_1"}""".formatted(i, i),
                    "Idempotency-Key", "leaving-" + i);
            assertThat(created.status()).isEqualTo(201);
            cameras.add(UUID.fromString(created.json().path("id").asString()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> everyGeoSearchInstance().allMatch(instance ->
                withinIds(instance, 32.795, -96.81, 1_000).containsAll(cameras.stream().map(UUID::toString).toList())));
        awaitEmail(address, "Camera registered");

        ApiClient.Response erased = leaving.delete("/api/me");
        assertThat(erased.status()).as(erased.body()).isEqualTo(202);

        try (MongoClient mongo = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(stack.mongoUri()))
                .uuidRepresentation(UuidRepresentation.STANDARD).build())) {
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                MongoDatabase identity = mongo.getDatabase("identity");
                assertThat(identity.getCollection("accounts").countDocuments(Filters.eq("_id", accountId))).as("identity").isZero();
                assertThat(identity.getCollection("one_time_links").countDocuments(Filters.eq("accountId", accountId))).isZero();
                MongoDatabase registry = mongo.getDatabase("registry");
                assertThat(registry.getCollection("cameras").countDocuments(Filters.or(Filters.eq("ownerId", accountId),
                        Filters.in("_id", cameras)))).as("registry cameras").isZero();
                assertThat(registry.getCollection("idempotency_keys").countDocuments(
                        Filters.regex("_id", "^" + Pattern.quote(accountId + " ")))).as("registry keys").isZero();
                assertThat(mongo.getDatabase("geo-search").getCollection("cameras").find(Filters.in("_id", cameras))
                        .into(new ArrayList<>())).as("geo-search keeps only a removal marker")
                        .allSatisfy(marker -> assertThat(marker.keySet()).containsOnly("_id", "version", "removed"));
                assertThat(everyGeoSearchInstance().flatMap(instance -> withinIds(instance, 32.795, -96.81, 1_000).stream())
                        .filter(id -> cameras.contains(UUID.fromString(id)))).as("geo-search index").isEmpty();
                MongoDatabase notification = mongo.getDatabase("notification");
                assertThat(notification.getCollection("contacts").find(Filters.eq("_id", accountId)).into(new ArrayList<>()))
                        .as("notification keeps only that the account was erased")
                        .allSatisfy(contact -> assertThat(contact.keySet()).containsOnly("_id", "erased", "erasedAt"));
                assertThat(notification.getCollection("preferences").countDocuments(Filters.eq("_id", accountId))).isZero();
                assertThat(notification.getCollection("deliveries").countDocuments(Filters.eq("accountId", accountId))).isZero();
                assertThat(emailsTo(address)).extracting(email -> email.path("Subject").asString())
                        .anySatisfy(subject -> assertThat(subject).startsWith("Your Community Camera Registry account is erased"));
            });
        }
        assertThat(leaving.get("/api/me").status()).isEqualTo(404);
        assertThat(leaving.get("/api/cameras").json().path("totalCameras").asLong()).isZero();
    }

    @Test
    void aBrowserSignsInThroughTheGatewayAndHoldsASessionCookieButNeverAToken() {
        BrowserThroughTheGateway browser = new BrowserThroughTheGateway(stack.gatewayUrl());
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);

        JsonNode session = browser.signIn(DemoAccounts.OWNER, DemoAccounts.PASSWORD);

        assertThat(session.path("signedIn").asBoolean()).isTrue();
        assertThat(session.path("email").asString()).isEqualTo(DemoAccounts.OWNER);
        // A new session id at sign-in: one planted before it is worth nothing after.
        List<String> sessionIds = browser.sessionIdsSet();
        assertThat(sessionIds).hasSizeGreaterThanOrEqualTo(2);
        assertThat(sessionIds.getLast()).isNotEqualTo(sessionIds.getFirst());
        assertThat(browser.sessionCookies()).allSatisfy(cookie -> assertThat(cookie)
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));

        // The session's requests reach the services with its token, relayed by the gateway.
        HttpResponse<String> me = browser.get("/api/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).path("email").asString()).isEqualTo(DemoAccounts.OWNER);
        assertThat(JSON.readTree(browser.get("/api/cameras").body()).path("totalCameras").asLong()).isGreaterThanOrEqualTo(5);

        // A change riding the session needs its CSRF token.
        String camera = "{\"label\":\"Browser porch\",\"latitude\":32.78,\"longitude\":-96.80,\"level\":\"LEVEL_1\"}";
        HttpResponse<String> forged = browser.send("POST", "/api/cameras", camera, false);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(forged.body()).path("type").asString()).endsWith("/csrf-token-required");
        HttpResponse<String> created = browser.send("POST", "/api/cameras", camera, true);
        assertThat(created.statusCode()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("id").asString();
        assertThat(browser.send("DELETE", "/api/cameras/" + id, null, true).statusCode()).isEqualTo(204);
        assertThat(browser.tokensSeen()).as("tokens a browser was given while signed in").isEmpty();

        HttpResponse<String> signedOut = browser.signOut();

        assertThat(signedOut.uri().toString()).startsWith(stack.gatewayUrl() + "/");
        assertThat(browser.session().path("signedIn").asBoolean()).isFalse();
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
        // The only token a browser ever carries: the ID token, as the hint of its sign-out at the
        // provider (OpenID Connect RP-Initiated Logout). It is for the gateway, and no API takes it.
        assertThat(browser.tokensSeen()).allSatisfy(token -> assertThat(audienceOf(token)).containsExactly("gateway"));
    }

    private static List<String> audienceOf(String jwt) {
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        JsonNode audience = claims.path("aud");
        return audience.isArray() ? audience.valueStream().map(JsonNode::asString).toList() : List.of(audience.asString());
    }

    @Test
    void everyKindOfCallerMeetsEveryEndpointAsTheAccessMatrixSays() throws IOException {
        AccessMatrix.Result matrix = AccessMatrix.prepare(gateway, stack.identityUrl()).run();

        // The matrix docs/security.md shows, as this run found it.
        System.out.println("Access matrix, through the gateway:\n" + matrix.table());
        Files.writeString(Path.of("target", "access-matrix.md"), matrix.table());
        assertThat(matrix.mismatches()).isEmpty();
    }

    @Test
    void invalidInputThroughTheGatewayIs400ProblemDetailsNamingTheField() {
        ApiClient.Response refused = owner.post("/api/cameras",
                "{\"label\":\"Porch\",\"latitude\":123.4,\"longitude\":-96.8,\"level\":\"LEVEL_1\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).contains("application/problem+json");
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("latitude");
    }

    @Test
    void everyInstanceIsLiveReadyAndExposesMetricsTaggedWithItsName() {
        assertThat(stack.services()).extracting(service -> service.spec().label()).containsExactlyInAnyOrder(
                "gateway", "registry-service", "registry-service-2", "geo-search-service", "geo-search-service-2",
                "access-control-service", "notification-service", "device-gateway-service", "identity-service");
        for (ServiceProcess service : stack.services()) {
            ApiClient management = new ApiClient(service.managementUrl());
            assertThat(management.get("/actuator/health/liveness").status()).as(service.spec().label()).isEqualTo(200);
            assertThat(management.get("/actuator/health/readiness").status()).as(service.spec().label()).isEqualTo(200);
            assertThat(management.get("/actuator/prometheus").body()).as(service.spec().label())
                    .contains("application=\"" + service.name() + "\"");
        }
    }

    @Test
    void thePublicApiIsOneOpenApiDocumentBrowsableUnderApiDocs() throws Exception {
        JsonNode document = new ApiClient(stack.gatewayUrl()).get("/api/docs/openapi.json").json();

        assertThat(document.path("openapi").asString()).isEqualTo("3.1.0");
        assertThat(document.path("paths").propertyNames()).contains("/api/cameras", "/api/cameras/{id}",
                "/api/search/nearest", "/api/search/within");
        HttpResponse<String> page = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/docs")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
    }

    @Test
    void theGatewayServesItsHealthOnItsManagementPortAndNeverOnThePublicOne() {
        assertThat(gateway.get("/actuator/health").status()).isEqualTo(404);
        assertThat(gateway.get("/actuator/prometheus").status()).isEqualTo(404);
        assertThat(new ApiClient(stack.gatewayManagementUrl()).get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void nothingListensBeyondTheLoopbackAddress() {
        Optional<InetAddress> external = externalAddress();
        assumeThat(external).as("this machine has an address besides loopback").isPresent();

        Map<String, Integer> listeners = new java.util.LinkedHashMap<>();
        stack.services().forEach(service -> listeners.put(service.spec().label(), service.spec().port()));
        listeners.put("mail catcher (SMTP)", PORTS.smtp());
        listeners.put("mail catcher (web)", PORTS.mailWeb());
        listeners.forEach((label, port) -> assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(external.get(), port), 1000);
            }
        }).as(label).isInstanceOf(ConnectException.class));
    }

    @Test
    void anOwnerReadsTheirEmailsInTheMailCatcherAndTheOneClickUnsubscribeWorksThroughTheGateway() throws Exception {
        UUID owner = UUID.randomUUID();
        String address = "owner-" + owner + "@example.org";
        try (EventPublisher events = new EventPublisher(stack.kafkaBrokers())) {
            // What identity-service and the registry publish once an owner signs up and deletes a camera.
            events.publish(AccountRegistered.TYPE, "/identity-service", owner.toString(),
                    new AccountRegistered(owner, 1, address, "Local Owner", "en", EventPublisher.now()));
            events.publish(AccountVerificationRequested.TYPE, "/identity-service", owner.toString(),
                    new AccountVerificationRequested(owner, URI.create(stack.gatewayUrl() + "/verify?token=" + owner),
                            EventPublisher.now().plus(Duration.ofDays(1)), EventPublisher.now()));
            JsonNode verification = awaitEmail(address, "Confirm your email address");
            assertThat(verification.path("Text").asString()).contains(stack.gatewayUrl() + "/verify?token=" + owner);
            assertThat(emailHeaders(verification).has("List-Unsubscribe")).as("a mandatory email").isFalse();

            UUID firstCamera = UUID.randomUUID();
            events.publish(CameraDeregistered.TYPE, "/registry-service", firstCamera.toString(),
                    new CameraDeregistered(firstCamera, 2, EventPublisher.now(), owner));
            JsonNode deleted = awaitEmail(address, "Camera deleted");
            JsonNode headers = emailHeaders(deleted);
            assertThat(headers.path("List-Unsubscribe-Post").get(0).asString()).isEqualTo("List-Unsubscribe=One-Click");
            String link = headers.path("List-Unsubscribe").get(0).asString().replaceAll("^<|>$", "");
            assertThat(link).startsWith(stack.gatewayUrl() + "/notifications/unsubscribe?token=");

            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(link)).header("Accept", "text/html")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Stop these emails?");
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                    assertThat(policy).contains("default-src 'none'"));
            HttpResponse<String> oneClick = HTTP.send(HttpRequest.newBuilder(URI.create(link))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(oneClick.statusCode()).isEqualTo(200);
            String token = link.substring(link.indexOf("token=") + "token=".length());
            ApiClient.Response forged = gateway.postAs("application/x-www-form-urlencoded",
                    "/notifications/unsubscribe?token=" + token.substring(0, token.indexOf('.')) + ".Zm9yZ2Vk", "List-Unsubscribe=One-Click");
            assertThat(forged.status()).isEqualTo(403);
            assertThat(forged.json().path("type").asString()).isEqualTo("https://cameraregistry.org/problems/link-forged");

            UUID secondCamera = UUID.randomUUID();
            events.publish(CameraDeregistered.TYPE, "/registry-service", secondCamera.toString(),
                    new CameraDeregistered(secondCamera, 2, EventPublisher.now(), owner));
            ConsumerGroupProbe.awaitCaughtUp(stack.kafkaBrokers(), "notification", List.of(Topics.CAMERA_DEREGISTERED));
        }
        assertThat(emailsTo(address)).extracting(email -> email.path("Subject").asString()).containsExactlyInAnyOrder(
                "Confirm your email address for Community Camera Registry", "Camera deleted from Community Camera Registry");
        HttpResponse<String> catcherPage = HTTP.send(HttpRequest.newBuilder(URI.create(stack.mailCatcherUrl() + "/"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(catcherPage.body()).contains(address, "Camera deleted from Community Camera Registry");
    }

    @Test
    void twoInstancesOfEachShareTheWorkEachGeoSearchHoldsEveryCameraAndNothingIsPublishedTwice() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ApiClient.Response created = owner.post("/api/cameras", """
                    {"label":"Shared %d","latitude":32.8%02d,"longitude":-96.88,"level":"LEVEL_1"}""".formatted(i, i));
            assertThat(created.status()).isEqualTo(201);
            ids.add(created.json().path("id").asString());
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> everyGeoSearchInstance()
                .allMatch(instance -> withinIds(instance, 32.81, -96.88, 3_000).containsAll(ids)));
        try (KafkaProbe kafka = new KafkaProbe(stack.kafkaBrokers(), Topics.CAMERA_REGISTERED)) {
            Map<String, Long> published = kafka.recordsUpToNow(Topics.CAMERA_REGISTERED).stream()
                    .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            assertThat(ids).allSatisfy(id -> assertThat(published.get(id)).as(id).isEqualTo(1));
        }
        List<Double> leases = stack.instancesOf("registry-service").stream()
                .map(registry -> metric(registry, "outbox_lease_held")).toList();
        assertThat(leases).containsExactlyInAnyOrder(1.0, 0.0);
    }

    @Test
    void aServiceThatDiesIsRestartedAndSearchesGoOnMeanwhile() {
        ServiceProcess victim = stack.instancesOf("geo-search-service").get(1);

        ProcessHandle.of(victim.pid()).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(10)).until(() -> !victim.isAlive());
        for (int i = 0; i < 10; i++) {
            assertThat(investigator.get("/api/search/nearest?lat=32.78&lon=-96.80&limit=3").status()).isEqualTo(200);
        }
        await().atMost(Duration.ofMinutes(3)).until(() -> {
            ServiceProcess current = stack.instancesOf("geo-search-service").get(1);
            return current.pid() != victim.pid() && current.isAlive() && current.isReady();
        });
        assertThat(CONSOLE.toString(StandardCharsets.UTF_8))
                .contains("[geo-search-service-2] stopped unexpectedly")
                .contains("[geo-search-service-2] restarted");
    }

    @Test
    void anOwnerSignsUpThroughTheGatewayVerifiesFromTheEmailAndGetsATokenFromTheCommandLineClient() {
        String address = "new-owner-" + UUID.randomUUID() + "@example.org";
        String password = "tangerine orbit velvet ladder";

        ApiClient.Response accepted = gateway.post("/api/accounts",
                "{\"email\":\"" + address + "\",\"password\":\"" + password + "\",\"displayName\":\"New Owner\"}");

        assertThat(accepted.status()).isEqualTo(202);
        JsonNode email = awaitEmail(address, "Confirm your email address");
        Matcher link = Pattern.compile(Pattern.quote(stack.identityUrl()) + "/accounts/verify\\?token=([A-Za-z0-9_-]+)")
                .matcher(email.path("Text").asString());
        assertThat(link.find()).as("a verification link in " + email.path("Text").asString()).isTrue();
        assertThat(gateway.post("/api/accounts/verification", "{\"token\":\"" + link.group(1) + "\"}").status()).isEqualTo(204);

        String token = SignIn.asCameraCli(URI.create(stack.identityUrl())).withPassword(address, password).accessToken();

        ApiClient.Response me = gateway.get("/api/me", "Authorization", "Bearer " + token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("email").asString()).isEqualTo(address);
        assertThat(me.json().path("roles").toString()).isEqualTo("[\"OWNER\"]");
        assertThat(gateway.get("/api/me").status()).as("without a token").isEqualTo(401);
    }

    @Test
    void anOwnerMovesToANewAddressByTheLinkSentThereAndTheOldAddressIsTold() throws Exception {
        String old = "moving-" + UUID.randomUUID() + "@example.org";
        String moved = "moved-" + UUID.randomUUID() + "@example.net";
        String password = "tangerine orbit velvet ladder";
        String accessToken = openVerifiedOwner(old, password);

        ApiClient.Response asked = gateway.post("/api/me/email", "{\"email\":\"" + moved + "\",\"password\":\"" + password + "\"}",
                "Authorization", "Bearer " + accessToken);

        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        Matcher link = Pattern.compile("(http://\\S+/accounts/email/confirm\\?token=[A-Za-z0-9_-]+)")
                .matcher(awaitEmail(moved, "Confirm your new Community Camera Registry address").path("Text").asString());
        assertThat(link.find()).isTrue();
        // The page asks; its button (a form with the page's CSRF token) moves the account.
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = browser.send(HttpRequest.newBuilder(URI.create(link.group(1))).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        String token = link.group(1).substring(link.group(1).indexOf("token=") + "token=".length());
        HttpResponse<String> confirmed = browser.send(HttpRequest.newBuilder(URI.create(stack.identityUrl() + "/accounts/email/confirm"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&_csrf=" + (csrf.group(1) != null ? csrf.group(1) : csrf.group(2))))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(confirmed.statusCode()).isEqualTo(200);
        String newToken = SignIn.asCameraCli(URI.create(stack.identityUrl())).withPassword(moved, password).accessToken();
        assertThat(gateway.get("/api/me", "Authorization", "Bearer " + newToken).json().path("email").asString()).isEqualTo(moved);
        assertThat(awaitEmail(old, "Your Community Camera Registry account has a new address").path("Text").asString())
                .contains("m***@example.net").doesNotContain(moved);
    }

    /** Signs an owner up through the gateway, verifies the address from the email; their access token. */
    private static String openVerifiedOwner(String address, String password) {
        assertThat(gateway.post("/api/accounts", "{\"email\":\"" + address + "\",\"password\":\"" + password + "\"}")
                .status()).isEqualTo(202);
        String link = awaitEmail(address, "Confirm your email address").path("Text").asString();
        Matcher token = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(link);
        assertThat(token.find()).as(link).isTrue();
        assertThat(gateway.post("/api/accounts/verification", "{\"token\":\"" + token.group(1) + "\"}").status())
                .isEqualTo(204);
        return SignIn.asCameraCli(URI.create(stack.identityUrl())).withPassword(address, password).accessToken();
    }

    private static List<JsonNode> emailsTo(String address) {
        return new Mailbox(stack.mailCatcherUrl()).emailsTo(address);
    }

    private static JsonNode awaitEmail(String address, String subjectStart) {
        return new Mailbox(stack.mailCatcherUrl()).awaitEmail(address, subjectStart);
    }

    private static JsonNode emailHeaders(JsonNode email) {
        return new ApiClient(stack.mailCatcherUrl()).get("/api/v1/message/" + email.path("ID").asString() + "/headers")
                .json();
    }

    private static Stream<ApiClient> everyGeoSearchInstance() {
        return stack.instancesOf("geo-search-service").stream()
                .map(instance -> new ApiClient(instance.url()).withBearer(investigatorToken));
    }

    private static double metric(ServiceProcess service, String name) {
        return new ApiClient(service.managementUrl()).get("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(service.spec().label() + " has no " + name));
    }

    private static Optional<InetAddress> externalAddress() {
        try {
            return NetworkInterface.networkInterfaces()
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                    .findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static JsonNode search(ApiClient api, String path) {
        ApiClient.Response response = api.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> nearestIds(ApiClient api, double lat, double lon, int limit) {
        return ids(search(api, "/api/search/nearest?lat=" + lat + "&lon=" + lon + "&limit=" + limit));
    }

    private static List<String> withinIds(ApiClient api, double lat, double lon, int radiusMeters) {
        return ids(search(api, "/api/search/within?lat=" + lat + "&lon=" + lon + "&radiusMeters=" + radiusMeters
                + "&limit=5000"));
    }

    private static List<String> ids(JsonNode result) {
        return result.path("cameras").values().stream().map(hit -> hit.path("id").asString()).toList();
    }
}
