package org.cameraregistry.gateway.portal.geocoding;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.cameraregistry.gateway.GatewayProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Census geocoder client against a local stand-in for the Census Bureau's API. */
class CensusGeocoderTest {

    private static final String PATH = "/geocoder/locations/onelineaddress";
    private static final String MATCH = """
            {"result":{"input":{"address":{"address":"1500 Marilla St, Dallas, TX 75201"}},
             "addressMatches":[{"matchedAddress":"1500 MARILLA ST, DALLAS, TX, 75201",
               "coordinates":{"x":-96.79701234,"y":32.77654321},"tigerLine":{"side":"L","tigerLineId":"12345"}}]}}""";

    private static WireMockServer census;
    private SimpleMeterRegistry meters;

    @BeforeAll
    static void start() {
        census = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        census.start();
    }

    @AfterAll
    static void stop() {
        census.stop();
    }

    @BeforeEach
    void reset() {
        census.resetAll();
        meters = new SimpleMeterRegistry();
    }

    @Test
    void anAddressItMatchesIsWhereItsCoordinatesSayLongitudeBeingX() {
        census.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(MATCH)));

        Geocoder.Lookup lookup = geocoder(Duration.ofSeconds(2)).locate("1500 Marilla St, Dallas, TX 75201").block();

        assertThat(lookup.found()).isTrue();
        assertThat(lookup.latitude()).isEqualTo(32.77654321);
        assertThat(lookup.longitude()).isEqualTo(-96.79701234);
        assertThat(lookup.matchedAddress()).isEqualTo("1500 MARILLA ST, DALLAS, TX, 75201");
        census.verify(getRequestedFor(urlPathEqualTo(PATH))
                .withQueryParam("address", equalTo("1500 Marilla St, Dallas, TX 75201"))
                .withQueryParam("benchmark", equalTo("Public_AR_Current"))
                .withQueryParam("format", equalTo("json")));
        assertThat(meters.counter("portal.geocoder.lookups", "outcome", "found").count()).isEqualTo(1);
    }

    @Test
    void anAddressItDoesNotKnowIsNoMatch() {
        census.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"result\":{\"addressMatches\":[]}}")));

        assertThat(geocoder(Duration.ofSeconds(2)).locate("1 Nowhere Lane").block().outcome())
                .isEqualTo(Geocoder.Outcome.NO_MATCH);
    }

    @Test
    void aGeocoderThatFailsOrAnswersNonsenseIsUnavailable() {
        census.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(502)));
        assertThat(geocoder(Duration.ofSeconds(2)).locate("1500 Marilla St").block().outcome())
                .isEqualTo(Geocoder.Outcome.UNAVAILABLE);

        census.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));
        assertThat(geocoder(Duration.ofSeconds(2)).locate("1500 Marilla St").block().outcome())
                .isEqualTo(Geocoder.Outcome.UNAVAILABLE);
    }

    @Test
    void aSlowGeocoderIsGivenUpOnAtTheTimeLimit() {
        census.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(MATCH).withFixedDelay(3_000)));

        // The stub would answer a match, but only after the limit.
        Geocoder.Lookup lookup = geocoder(Duration.ofMillis(300)).locate("1500 Marilla St").block();

        assertThat(lookup.outcome()).isEqualTo(Geocoder.Outcome.UNAVAILABLE);
    }

    @Test
    void withNoNetworkTheLookupIsUnavailable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        CensusGeocoder geocoder = new CensusGeocoder(settings(URI.create("http://127.0.0.1:" + closed), Duration.ofSeconds(2)), meters);

        assertThat(geocoder.locate("1500 Marilla St").block().outcome()).isEqualTo(Geocoder.Outcome.UNAVAILABLE);
    }

    @Test
    void afterRepeatedFailuresItRestsAndAsksNothingUntilTheRestIsOver() {
        census.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        CensusGeocoder geocoder = geocoder(Duration.ofSeconds(2));
        for (int failure = 0; failure < 5; failure++) {
            geocoder.locate("1500 Marilla St").block();
        }
        int asked = census.getAllServeEvents().size();

        Geocoder.Lookup resting = geocoder.locate("1500 Marilla St").block();

        assertThat(resting.outcome()).isEqualTo(Geocoder.Outcome.RESTING);
        assertThat(census.getAllServeEvents()).hasSize(asked);
    }

    private CensusGeocoder geocoder(Duration timeout) {
        return new CensusGeocoder(settings(URI.create(census.baseUrl()), timeout), meters);
    }

    private static GatewayProperties.GeocoderSettings settings(URI url, Duration timeout) {
        return new GatewayProperties.GeocoderSettings(GatewayProperties.GeocoderSettings.Provider.CENSUS, url,
                "Public_AR_Current", timeout, 5, Duration.ofMinutes(1));
    }
}
