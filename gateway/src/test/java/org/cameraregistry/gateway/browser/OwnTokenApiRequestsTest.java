package org.cameraregistry.gateway.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class OwnTokenApiRequestsTest {

    @Test
    void anApiRequestWithABearerTokenBringsItsOwn() {
        assertThat(OwnTokenApiRequests.matches(MockServerHttpRequest.get("/api/search/nearest")
                .header("Authorization", "Bearer a-token").build())).isTrue();
        assertThat(OwnTokenApiRequests.matches(MockServerHttpRequest.post("/api/cameras")
                .header("Authorization", "bearer a-token").build())).isTrue();
    }

    @Test
    void withoutABearerTokenItMayRideTheSession() {
        assertThat(OwnTokenApiRequests.matches(MockServerHttpRequest.get("/api/cameras").build())).isFalse();
        assertThat(OwnTokenApiRequests.matches(MockServerHttpRequest.get("/api/cameras")
                .header("Authorization", "Basic YTpi").build())).isFalse();
        assertThat(OwnTokenApiRequests.matches(MockServerHttpRequest.get("/api/cameras")
                .header("Authorization", "Bearer").build())).isFalse();
    }

    @Test
    void aPortalPageIsTheSessionsWhateverItCarries() {
        assertThat(OwnTokenApiRequests.matches(MockServerHttpRequest.get("/cameras")
                .header("Authorization", "Bearer a-token").build())).isFalse();
        assertThat(OwnTokenApiRequests.matches(MockServerHttpRequest.get("/apis")
                .header("Authorization", "Bearer a-token").build())).isFalse();
    }
}
