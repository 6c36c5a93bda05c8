package org.cameraregistry.identity.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.cameraregistry.cli.SignIn;
import org.cameraregistry.identity.IdentityIntegrationTest;
import org.cameraregistry.identity.TestAccounts;
import org.cameraregistry.testkit.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An operator, on the service's own host, opens staff accounts and registers dispatch systems. */
class OperatorEndpointsIT extends IdentityIntegrationTest {

    private static final JsonMapper JSON = new JsonMapper();

    private final ApiClient operator = new ApiClient(ISSUER);

    @Test
    void anOpenedStaffAccountSignsInAtOnceWithItsRoleAndDepartmentAndOpeningItAgainChangesNothing() {
        String email = TestAccounts.unique("admin");
        String body = """
                {"email":"%s","password":"%s","role":"DEPT_ADMIN","department":"dallas"}"""
                .formatted(email, TestAccounts.PASSWORD);

        ApiClient.Response opened = operator.post("/actuator/accounts", body);
        ApiClient.Response again = operator.post("/actuator/accounts", body.replace(TestAccounts.PASSWORD,
                "another-long-passphrase-entirely"));

        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.json().path("opened").asBoolean()).isTrue();
        assertThat(again.json().path("opened").asBoolean()).isFalse();
        assertThat(again.json().path("accountId").asString()).isEqualTo(opened.json().path("accountId").asString());
        JsonNode claims = claimsOf(SignIn.asCameraCli(URI.create(ISSUER)).withPassword(email, TestAccounts.PASSWORD)
                .accessToken());
        assertThat(claims.path("sub").asString()).isEqualTo(opened.json().path("accountId").asString());
        assertThat(claims.path("roles").toString()).isEqualTo("[\"DEPT_ADMIN\"]");
        assertThat(claims.path("department").asString()).isEqualTo("dallas");
    }

    @Test
    void anUnknownRoleAWeakPasswordOrStaffWithoutADepartmentIs400AndOpensNothing() {
        String email = TestAccounts.unique("refused");
        for (String body : new String[] {
                """
                {"email":"%s","password":"%s","role":"ROOT","department":"dallas"}""".formatted(email, TestAccounts.PASSWORD),
                """
                {"email":"%s","password":"password1234","role":"INVESTIGATOR","department":"dallas"}""".formatted(email),
                """
                {"email":"%s","password":"%s","role":"INVESTIGATOR"}""".formatted(email, TestAccounts.PASSWORD)}) {
            assertThat(operator.post("/actuator/accounts", body).status()).as(body).isEqualTo(400);
        }
        String owner = """
                {"email":"%s","password":"%s","role":"OWNER"}""".formatted(email, TestAccounts.PASSWORD);
        assertThat(operator.post("/actuator/accounts", owner).json().path("opened").asBoolean())
                .as("the address was still free").isTrue();
    }

    @Test
    void aRegisteredDispatchSystemGetsATokenOfItsDepartmentWithTheIncidentsScope() throws Exception {
        ApiClient.Response registered = operator.post("/actuator/dispatchclients",
                "{\"clientId\":\"plano-dispatch\",\"secret\":\"plano-dispatch-secret\",\"department\":\"plano\"}");
        assertThat(registered.status()).isEqualTo(200);

        HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "plano-dispatch:plano-dispatch-secret".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=incidents:write")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        JsonNode claims = claimsOf(JSON.readTree(token.body()).path("access_token").asString());
        assertThat(claims.path("sub").asString()).isEqualTo("plano-dispatch");
        assertThat(claims.path("department").asString()).isEqualTo("plano");
        assertThat(claims.path("scope").toString()).contains("incidents:write");
    }

    private static JsonNode claimsOf(String token) {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}
