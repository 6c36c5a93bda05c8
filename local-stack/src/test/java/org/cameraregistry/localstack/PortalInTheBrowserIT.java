package org.cameraregistry.localstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.LoadState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cameraregistry.localstack.demo.DemoAccounts;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.FreshToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The owners' portal in a real headless Chromium, against the whole local stack: what a newcomer
 * does from the home page to a first registered camera, and what an owner does with it after.
 */
@ExtendWith(RunningStack.Shared.class)
class PortalInTheBrowserIT {

    private static final String PASSWORD = "lantern orchard velvet tugboat";
    private static final Pattern VERIFICATION_LINK = Pattern.compile("https?://\\S+/accounts/verify\\?token=[A-Za-z0-9_-]+");
    private static final Pattern CAMERA_ID = Pattern.compile("/cameras/([0-9a-f-]{36})/edit");

    private static Chromium chromium;
    private static LocalStack stack;
    private static WireMockServer census;
    private static Mailbox mailbox;
    private static ApiClient investigator;

    @BeforeAll
    static void start(RunningStack running) {
        chromium = Chromium.startOrSkip();
        // Two cores serve the whole platform and the browser: pages may take longer than Playwright's usual 5 s.
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        stack = running.stack;
        census = running.census;
        mailbox = new Mailbox(stack.mailCatcherUrl());
        DemoAccounts accounts = new DemoAccounts(stack.identityUrl());
        investigator = new ApiClient(stack.gatewayUrl()).withBearer(new FreshToken(() -> accounts.tokenOf(DemoAccounts.INVESTIGATOR)));
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aNewcomerSignsUpVerifiesSignsInAndRegistersACameraWithAPinAndAnInvestigatorFindsIt() {
        String email = "newcomer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String cameraId;
        String latitude;
        String longitude;
        try (BrowserContext visitor = chromium.newVisitor()) {
            Page page = visitor.newPage();
            long started = System.nanoTime();

            page.navigate(stack.gatewayUrl() + "/");
            page.getByRole(AriaRole.MAIN).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sign up")).click();
            page.getByLabel("Email address").fill(email);
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign up")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your email"))).isVisible();

            page.navigate(verificationLink(email));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify my address")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your address is verified"))).isVisible();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("sign in")).click();

            page.getByLabel("Email address").fill(email);
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My cameras"))).isVisible();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register a camera")).click();
            page.getByLabel("Name of the camera").fill("Front porch");
            page.locator("[data-map=pick]").click();
            assertThat(page.getByLabel("Latitude")).not().isEmpty();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register the camera")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your camera is registered");

            Duration journey = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("From the home page to a first registered camera, in headless Chromium: %.1f s%n",
                    journey.toMillis() / 1000.0);

            Locator listed = page.locator(".cameras li").filter(new Locator.FilterOptions().setHasText("Front porch"));
            cameraId = idIn(listed.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Change Front porch"))
                    .getAttribute("href"));
            latitude = listed.getAttribute("data-latitude");
            longitude = listed.getAttribute("data-longitude");
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(investigator
                .get("/api/search/nearest?lat=" + latitude + "&lon=" + longitude + "&limit=5").json().path("cameras")
                .values()).extracting(hit -> hit.path("id").asString()).contains(cameraId));
    }

    @Test
    void anOwnerRegistersWithTheKeyboardAloneAndWhatTheyTypedShowsAsTextThenChangesAndDeletesIt() {
        String email = openVerifiedOwner();
        List<String> dialogs = new CopyOnWriteArrayList<>();
        try (BrowserContext visitor = chromium.newVisitor()) {
            Page page = visitor.newPage();
            page.onDialog(dialog -> {
                dialogs.add(dialog.message());
                dialog.dismiss();
            });
            signIn(page, stack.gatewayUrl() + "/cameras/new", email);

            String label = "<script>alert(1)</script>";
            tabTo(page, "label");
            page.keyboard().type(label);
            tabTo(page, "latitude");
            page.keyboard().type("32.78001");
            tabTo(page, "longitude");
            page.keyboard().type("-96.80002");
            tabTo(page, "level-1");
            page.keyboard().press("ArrowDown");
            tabTo(page, "view-ENTRANCE");
            page.keyboard().press("Space");
            tabTo(page, "retentionDays");
            page.keyboard().type("30");
            tabTo(page, "sharesPastFootage");
            page.keyboard().press("Space");
            tabTo(page, "register");
            page.keyboard().press("Enter");

            // A Level 2 camera's relay device is paired next; the name shows as typed there too.
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Pair the relay device of")))
                    .containsText(label);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to my cameras")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(label))).isVisible();
            assertThat(dialogs).as("scripts the owner typed, run").isEmpty();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change " + label)).click();
            assertThat(page.getByLabel("Name of the camera")).hasValue(label);
            assertThat(page.locator("#level-2")).isChecked();
            assertThat(page.locator("#view-ENTRANCE")).isChecked();
            assertThat(page.locator("#sharesPastFootage")).isChecked();
            assertThat(page.getByLabel("How many days recordings are kept (optional)")).hasValue("30");
            page.getByLabel("Name of the camera").fill("Back door");
            page.getByLabel("How many days recordings are kept (optional)").fill("400");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the changes")).click();
            assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("days kept");
            assertThat(page.getByLabel("Name of the camera")).hasValue("Back door");
            page.getByLabel("How many days recordings are kept (optional)").fill("60");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the changes")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your camera is changed");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Back door"))).isVisible();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete Back door")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete the camera")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your camera is deleted");
            assertThat(page.locator(".cameras li")).hasCount(0);
        }
    }

    @Test
    void aPausedCameraLeavesTheInvestigatorsSearchUntilItsOwnerResumesIt() {
        String email = openVerifiedOwner();
        try (BrowserContext visitor = chromium.newVisitor()) {
            Page page = visitor.newPage();
            signIn(page, stack.gatewayUrl() + "/cameras/new", email);
            describe(page, "Corner shop", "32.78251", "-96.80551");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register the camera")).click();
            String id = idIn(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change Corner shop"))
                    .getAttribute("href"));
            awaitFound(id, "32.78251", "-96.80551", true);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pause Corner shop")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your camera is paused");
            assertThat(page.locator(".cameras li .paused")).hasCount(1);
            awaitFound(id, "32.78251", "-96.80551", false);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resume Corner shop")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your camera is resumed");
            assertThat(page.locator(".cameras li .paused")).hasCount(0);
            awaitFound(id, "32.78251", "-96.80551", true);
        }
    }

    @Test
    void anOwnerPlacesTheCameraByItsAddressOrIsToldWhyNotAndThePinStillWorks() {
        census.stubFor(get(urlPathEqualTo("/geocoder/locations/onelineaddress")).withQueryParam("address", containing("Marilla"))
                .willReturn(okJson("""
                        {"result":{"addressMatches":[{"matchedAddress":"1500 MARILLA ST, DALLAS, TX, 75201",
                          "coordinates":{"x":-96.79701234,"y":32.77654321}}]}}""")));
        census.stubFor(get(urlPathEqualTo("/geocoder/locations/onelineaddress")).withQueryParam("address", containing("Elm"))
                .willReturn(aResponse().withStatus(503)));
        String email = openVerifiedOwner();
        try (BrowserContext visitor = chromium.newVisitor()) {
            Page page = visitor.newPage();
            signIn(page, stack.gatewayUrl() + "/cameras/new", email);
            page.getByLabel("Name of the camera").fill("City Hall steps");

            page.getByLabel("Address (optional)").fill("1500 Marilla St, Dallas, TX 75201");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find the address")).click();

            assertThat(page.locator("#lookup-status")).containsText("Found 1500 MARILLA ST, DALLAS, TX, 75201");
            assertThat(page.getByLabel("Latitude")).hasValue("32.77654321");
            assertThat(page.getByLabel("Longitude")).hasValue("-96.79701234");
            assertThat(page.getByLabel("Name of the camera")).hasValue("City Hall steps");

            page.getByLabel("Address (optional)").fill("2500 Elm St, Dallas, TX 75226");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find the address")).click();
            assertThat(page.locator("#lookup-status")).containsText("not answering");
            page.locator("[data-map=pick]").click();
            assertThat(page.getByLabel("Latitude")).not().hasValue("32.77654321");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register the camera")).click();

            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your camera is registered");
        }
    }

    @Test
    void anOwnerChangesTheirPasswordThenDeletesTheAccountAndTheirCamerasLeaveTheSearch() {
        String email = openVerifiedOwner();
        String newPassword = "harbour quill saffron nimbus";
        String id;
        try (BrowserContext visitor = chromium.newVisitor()) {
            Page page = visitor.newPage();
            signIn(page, stack.gatewayUrl() + "/cameras/new", email);
            describe(page, "Garage", "32.78351", "-96.80651");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register the camera")).click();
            id = idIn(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change Garage"))
                    .getAttribute("href"));
            awaitFound(id, "32.78351", "-96.80651", true);

            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Account"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("My account")).click();
            assertThat(page.getByText(email)).isVisible();
            page.getByLabel("Your current password").nth(1).fill("not my password at all");
            page.getByLabel("New password").fill(newPassword);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change the password")).click();
            assertThat(page.locator("#password-fault")).containsText("not right");
            page.getByLabel("Your current password").nth(1).fill(PASSWORD);
            page.getByLabel("New password").fill(newPassword);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change the password")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your password is changed");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete my account")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete my account and my cameras")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your account is deleted"))).isVisible();
            page.navigate(stack.gatewayUrl() + "/cameras");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        }
        awaitFound(id, "32.78351", "-96.80651", false);
        assertThat(mailbox.awaitEmail(email, "Your Community Camera Registry account is erased")).isNotNull();
    }

    @Test
    void aBusinessImportsCamerasFromAFileSeesTheRowAtFaultAndTheSameFileAgainRegistersNothingMore() {
        String email = openVerifiedOwner();
        FilePayload file = new FilePayload("cameras.csv", "text/csv", """
                reference,label,latitude,longitude,level,views,records_audio
                till-1,Till,32.78451,-96.80751,1,entrance,no
                lot-1,"Car park, north",32.78461,-96.80761,2,parking;street,yes
                lot-2,Car park south,north,-96.80771,1,,
                """.getBytes(StandardCharsets.UTF_8));
        try (BrowserContext visitor = chromium.newVisitor()) {
            Page page = visitor.newPage();
            signIn(page, stack.gatewayUrl() + "/cameras", email);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import many from a file")).click();
            page.getByLabel("CSV file").setInputFiles(file);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import the cameras")).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your cameras are imported"))).isVisible();
            assertThat(page.locator(".summary")).containsText("2 cameras registered");
            assertThat(page.locator(".summary")).containsText("1 row not imported");
            assertThat(page.locator(".faults tbody tr")).hasCount(1);
            assertThat(page.locator(".faults tbody tr")).containsText("4");
            assertThat(page.locator(".faults tbody tr")).containsText("latitude");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import another file")).click();
            page.getByLabel("CSV file").setInputFiles(file);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import the cameras")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your cameras are imported"))).isVisible();
            assertThat(page.locator(".summary")).containsText("0 cameras registered");
            assertThat(page.locator(".summary")).containsText("2 cameras already as the file says");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My cameras").setExact(true)).first().click();
            assertThat(page.locator(".cameras li")).hasCount(2);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Car park, north"))).isVisible();
        }
    }

    @Test
    void aLevel2CamerasOwnerIsShownAOneTimeCodeThatPairsTheRelayDeviceOnce() {
        String email = openVerifiedOwner();
        String code;
        String cameraId;
        try (BrowserContext visitor = chromium.newVisitor()) {
            Page page = visitor.newPage();
            signIn(page, stack.gatewayUrl() + "/cameras/new", email);
            describe(page, "Warehouse door", "32.78551", "-96.80851");
            page.getByLabel("Level 2").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register the camera")).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Pair the relay device of")))
                    .containsText("Warehouse door");
            cameraId = page.url().replaceAll(".*/cameras/([0-9a-f-]{36})/pairing.*", "$1");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show a pairing code")).click();
            code = page.locator("#pairing-code").textContent().strip();
            assertThat(code).matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
        }

        ApiClient device = new ApiClient(stack.gatewayUrl());
        ApiClient.Response paired = device.post("/api/device-pairings", "{\"code\":\"" + code + "\"}");
        assertThat(paired.status()).as(paired.body()).isEqualTo(200);
        assertThat(paired.json().path("cameraId").asString()).isEqualTo(cameraId);
        assertThat(device.post("/api/device-pairings", "{\"code\":\"" + code + "\"}").status()).as("used once already")
                .isEqualTo(404);
    }

    @Test
    void everyPageIsCapturedAtDesktopAndPhoneWidthWithNoSeriousAccessibilityViolationAndNothingBlocked() {
        String email = "tour-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        List<String> findings = new CopyOnWriteArrayList<>();
        try (BrowserContext visitor = chromium.newVisitor()) {
            Page page = visitor.newPage();
            // A page answered 404 or 422 on purpose is not a finding; anything it failed to load is.
            page.onResponse(response -> {
                if (response.status() >= 400 && !response.request().resourceType().equals("document")) {
                    findings.add(page.url() + ": " + response.url() + " answered " + response.status());
                }
            });
            page.onConsoleMessage(message -> {
                if (message.type().equals("error") && !message.text().startsWith("Failed to load resource")) {
                    findings.add(page.url() + ": console error: " + message.text());
                }
            });
            Tour tour = new Tour(page, findings);

            tour.visit("home", stack.gatewayUrl() + "/", "Help your neighbourhood");
            tour.visit("sign-up", stack.gatewayUrl() + "/signup", "Sign up");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign up")).click();
            tour.seen("sign-up-with-errors", "Please correct this");
            page.getByLabel("Email address").fill(email);
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign up")).click();
            tour.seen("sign-up-sent", "Check your email");
            tour.visit("verify", verificationLink(email), "Verify your address");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify my address")).click();
            tour.seen("verified", "Your address is verified");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("sign in")).click();
            tour.seen("sign-in", "Sign in");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgotten your password?")).click();
            tour.seen("forgotten-password", "Forgotten password");
            page.getByLabel("Email address").fill("nobody-" + email);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Email me a link")).click();
            tour.seen("reset-requested", "Check your email");
            page.navigate(stack.gatewayUrl() + "/cameras");
            page.getByLabel("Email address").fill(email);
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL(stack.gatewayUrl() + "/cameras");
            tour.seen("my-cameras-none", "My cameras");
            tour.visit("register", stack.gatewayUrl() + "/cameras/new", "Register a camera");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register the camera")).click();
            tour.seen("register-with-errors", "Please correct this");
            page.getByLabel("Name of the camera").fill("Side gate");
            page.locator("[data-map=pick]").click();
            page.getByLabel("Level 2").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register the camera")).click();
            tour.seen("pairing", "Pair the relay device of");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show a pairing code")).click();
            tour.seen("pairing-code", "Your pairing code");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to my cameras")).click();
            tour.seen("my-cameras", "Side gate");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change Side gate")).click();
            tour.seen("change", "Change a camera");
            page.goBack();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete Side gate")).click();
            tour.seen("delete", "Delete");
            tour.visit("not-found", stack.gatewayUrl() + "/cameras/" + UUID.randomUUID() + "/edit", "There is no such camera");
            tour.visit("import", stack.gatewayUrl() + "/cameras/import", "Import cameras from a file");
            page.getByLabel("CSV file").setInputFiles(new FilePayload("cameras.csv", "text/csv",
                    "reference,label,latitude,longitude,level\nr1,Shed,32.7851,-96.8081,1\nr2,Bad,32.7851,-96.8081,9\n"
                            .getBytes(StandardCharsets.UTF_8)));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import the cameras")).click();
            tour.seen("import-report", "Rows not imported");
            tour.visit("my-account", stack.gatewayUrl() + "/account", "My account");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change the password")).click();
            assertThat(page.locator("#password-fault")).isVisible();
            tour.seen("my-account-with-errors", "Change your password");
            tour.visit("delete-account", stack.gatewayUrl() + "/account/delete", "Delete your account?");
            tour.visit("account-deleted", stack.gatewayUrl() + "/account-deleted", "Your account is deleted");
        }

        assertThat(findings).isEmpty();
    }

    /** Fills in the register form's name and place, as typed. */
    private static void describe(Page page, String label, String latitude, String longitude) {
        page.getByLabel("Name of the camera").fill(label);
        page.getByLabel("Latitude").fill(latitude);
        page.getByLabel("Longitude").fill(longitude);
    }

    /** Waits until the investigator's search finds the camera, or no longer does; a failed search fails. */
    private static void awaitFound(String cameraId, String latitude, String longitude, boolean found) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ApiClient.Response search = investigator.get("/api/search/nearest?lat=" + latitude + "&lon=" + longitude
                    + "&limit=10");
            assertThat(search.status()).as(search.body()).isEqualTo(200);
            List<String> ids = search.json().path("cameras").values().stream().map(hit -> hit.path("id").asString()).toList();
            if (found) {
                assertThat(ids).contains(cameraId);
            } else {
                assertThat(ids).doesNotContain(cameraId);
            }
        });
    }

    /** Signs up and verifies through the API, as the first test did in the browser. */
    private static String openVerifiedOwner() {
        String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        ApiClient gateway = new ApiClient(stack.gatewayUrl());
        assertThat(gateway.post("/api/accounts", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").status())
                .isEqualTo(202);
        String token = verificationLink(email).replaceAll(".*token=", "");
        assertThat(gateway.post("/api/accounts/verification", "{\"token\":\"" + token + "\"}").status()).isEqualTo(204);
        return email;
    }

    /** Opens a portal page before signing in: the provider's form, then back to that page. */
    private static void signIn(Page page, String url, String email) {
        page.navigate(url);
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(url);
    }

    /** Presses Tab until the element of this id has the focus, as a keyboard user would; fails if it never does. */
    private static void tabTo(Page page, String id) {
        for (int press = 0; press < 60; press++) {
            if (id.equals(page.evaluate("() => document.activeElement && document.activeElement.id"))) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("#" + id + " is not reachable with the Tab key");
    }

    private static String verificationLink(String email) {
        JsonNode email1 = mailbox.awaitEmail(email, "Confirm your email address");
        Matcher link = VERIFICATION_LINK.matcher(email1.path("Text").asString());
        assertThat(link.find()).as(email1.path("Text").asString()).isTrue();
        return link.group();
    }

    /**
     * A walk through the pages: each one is captured at both widths and checked by axe-core against
     * WCAG 2.2 A and AA; serious and critical violations are findings.
     */
    private record Tour(Page page, List<String> findings) {

        private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

        void visit(String name, String url, String heading) {
            page.navigate(url);
            seen(name, heading);
        }

        /** Once the page shows this heading (the page's own, or what a form sent back shows), and has loaded. */
        void seen(String name, String heading) {
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(heading)).first()).isVisible();
            page.waitForLoadState(LoadState.LOAD);
            chromium.capture(page, name);
            for (int width : new int[] {Chromium.PHONE_WIDTH, Chromium.DESKTOP_WIDTH}) {
                page.setViewportSize(width, 900);
                if (Boolean.TRUE.equals(page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth"))) {
                    findings.add(name + " at " + width + " px: wider than the window, it scrolls sideways");
                }
                AxeResults results = new AxeBuilder(page).withTags(WCAG).analyze();
                results.getViolations().stream()
                        .filter(violation -> List.of("serious", "critical").contains(violation.getImpact()))
                        .forEach(violation -> findings.add(name + " at " + width + " px: " + violation.getId() + " ("
                                + violation.getImpact() + "): " + violation.getHelp() + " at " + violation.getNodes().stream()
                                .map(node -> String.valueOf(node.getTarget())).toList()));
            }
        }
    }

    private static String idIn(String href) {
        Matcher id = CAMERA_ID.matcher(href);
        assertThat(id.find()).as(href).isTrue();
        return id.group(1);
    }
}
