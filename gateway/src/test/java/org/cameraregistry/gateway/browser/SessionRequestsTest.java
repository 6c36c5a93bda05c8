package org.cameraregistry.gateway.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class SessionRequestsTest {

    private static final HttpCookie SESSION = new HttpCookie("SESSION", "4f1d");

    @Test
    void aChangeCarryingOnlyTheSessionCookieRidesTheSession() {
        for (HttpMethod method : new HttpMethod[] {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE}) {
            assertThat(SessionRequests.ridesTheSession(MockServerHttpRequest.method(method, "/api/cameras").cookie(SESSION).build()))
                    .as(method.name()).isTrue();
        }
    }

    @Test
    void aReadDoesNot() {
        assertThat(SessionRequests.ridesTheSession(MockServerHttpRequest.get("/api/cameras").cookie(SESSION).build())).isFalse();
        assertThat(SessionRequests.ridesTheSession(MockServerHttpRequest.head("/api/cameras").cookie(SESSION).build())).isFalse();
    }

    @Test
    void aChangeWithItsOwnCredentialsDoesNot() {
        assertThat(SessionRequests.ridesTheSession(MockServerHttpRequest.post("/api/cameras").cookie(SESSION)
                .header("Authorization", "Bearer a-token").build())).isFalse();
    }

    @Test
    void aChangeWithoutTheSessionCookieDoesNot() {
        assertThat(SessionRequests.ridesTheSession(MockServerHttpRequest.post("/api/accounts").build())).isFalse();
        assertThat(SessionRequests.ridesTheSession(MockServerHttpRequest.post("/api/accounts")
                .cookie(new HttpCookie("JSESSIONID", "4f1d")).build())).isFalse();
    }
}
