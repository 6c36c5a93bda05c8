package org.cameraregistry.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.cameraregistry.testkit.ApiClient;
import org.cameraregistry.testkit.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The public API as one document, combined from the services', and browsable under /api/docs. */
class ApiDocsIT {

    private static final String REGISTRY_DOCUMENT = """
            {"openapi":"3.1.0","info":{"title":"registry-service","version":"v0"},
             "tags":[{"name":"Cameras"}],
             "paths":{"/api/cameras":{"post":{"requestBody":{"content":{"application/json":{"schema":{"type":"object"}}}},
               "responses":{"201":{"description":"Registered"},
                            "503":{"description":"`changes-waiting`","content":{"application/problem+json":
                                   {"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}},
             "components":{"schemas":{"Problem":{"type":"object"},"CameraRequest":{"type":"object"}}}}""";
    private static final String SEARCH_DOCUMENT = """
            {"openapi":"3.1.0","info":{"title":"geo-search-service","version":"v0"},
             "paths":{"/api/search/nearest":{"get":{"responses":{"200":{"description":"Found"}}}}},
             "components":{"schemas":{"Problem":{"type":"object"},"SearchResult":{"type":"object"}}}}""";

    @Test
    void theCombinedDocumentHoldsEveryServicesOperationsWithTheGatewaysOwnAnswers() {
        try (StubService registry = new StubService("registry").serving("/v3/api-docs", REGISTRY_DOCUMENT);
                StubService geoSearch = new StubService("geo-search").serving("/v3/api-docs", SEARCH_DOCUMENT);
                Gateways gateway = Gateways.start("--gateway.services.registry-service=" + registry.url(),
                        "--gateway.services.geo-search-service=" + geoSearch.url())) {

            ApiClient.Response answer = gateway.api().get("/api/docs/openapi.json");

            assertThat(answer.status()).isEqualTo(200);
            JsonNode document = answer.json();
            assertThat(document.path("openapi").asString()).isEqualTo("3.1.0");
            assertThat(document.path("paths").propertyNames()).containsExactly("/api/cameras", "/api/search/nearest");
            assertThat(document.path("components").path("schemas").propertyNames())
                    .containsExactlyInAnyOrder("Problem", "CameraRequest", "SearchResult");
            JsonNode register = document.path("paths").path("/api/cameras").path("post").path("responses");
            assertThat(register.propertyNames()).contains("201", "411", "413", "429", "503", "504");
            assertThat(register.path("503").path("description").asString()).contains("changes-waiting", "gateway-busy");
            assertThat(document.path("paths").path("/api/search/nearest").path("get").path("responses").propertyNames())
                    .contains("200", "429", "503", "504").doesNotContain("413");
        }
    }

    @Test
    void aServiceThatDoesNotAnswerIsNamedAndTheOthersAreStillDocumented() {
        try (StubService geoSearch = new StubService("geo-search").serving("/v3/api-docs", SEARCH_DOCUMENT);
                Gateways gateway = Gateways.start("--gateway.services.registry-service=http://localhost:"
                        + EmbeddedInfrastructure.freePort(),
                        "--gateway.services.geo-search-service=" + geoSearch.url())) {

            JsonNode document = gateway.api().get("/api/docs/openapi.json").json();

            assertThat(document.path("paths").propertyNames()).containsExactly("/api/search/nearest");
            assertThat(document.path("info").path("description").asString()).contains("registry-service");
        }
    }

    @Test
    void theApiCanBeBrowsedUnderApiDocs() throws Exception {
        try (Gateways gateway = Gateways.start()) {
            HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(gateway.api().baseUrl()
                    + "/api/docs")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("text/html"));
            assertThat(page.body()).contains("swagger-ui");
            JsonNode configuration = gateway.api().get("/api/docs/gateway/swagger-config").json();
            assertThat(configuration.path("url").asString()).isEqualTo("/api/docs/openapi.json");
        }
    }
}
