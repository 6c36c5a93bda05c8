package org.cameraregistry.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything the gateway lets an operator tune, under {@code gateway.*}, with its default. The
 * HTTP client's own pool and timeouts are Spring Cloud Gateway's settings, in application.yml.
 *
 * @param services        the instances of each service by name, such as
 *                        {@code gateway.services.geo-search-service=http://a:8082,http://b:8082}; a
 *                        service not named here is at its catalog port on this machine
 * @param maxRequestBytes the largest request body let through
 * @param upstream        how the gateway protects itself and the services from each other
 * @param rateLimits      how many requests one client address may send
 * @param browser         how browsers sign in through the gateway
 * @param portal          the owners' portal the gateway serves
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(
        Map<String, List<URI>> services,
        @DefaultValue("2MB") DataSize maxRequestBytes,
        @DefaultValue Upstream upstream,
        @DefaultValue RateLimits rateLimits,
        @DefaultValue Browser browser,
        @DefaultValue Portal portal) {

    public GatewayProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
    }

    /**
     * Per service: the bulkhead is the gateway's own limit on requests in flight to it (well above
     * what the connection pool serves at once, so that it only stops a runaway); the circuit
     * breaker counts only the service's own failures (5xx answers, timeouts, refused connections),
     * never requests the gateway turned away itself.
     *
     * @param maxConcurrentRequests the most requests in flight to one service; beyond, 503 at once
     * @param failureRateThreshold  the percentage of failed calls that opens the breaker
     * @param slidingWindowCalls    how many recent calls the failure rate is taken over
     * @param minimumCalls          how many calls the breaker needs before it judges
     * @param openFor               how long an open breaker refuses calls before it tries again
     */
    public record Upstream(
            @DefaultValue("512") int maxConcurrentRequests,
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("50") int slidingWindowCalls,
            @DefaultValue("20") int minimumCalls,
            @DefaultValue("PT10S") Duration openFor) {
    }

    /**
     * Per client address, per second, every API path, signed in or not.
     *
     * @param readsPerSecond    GET, HEAD and OPTIONS
     * @param writesPerSecond   every other method
     * @param clientsRemembered how many client addresses are tracked at once (least recently seen go first)
     */
    public record RateLimits(
            @DefaultValue("100") int readsPerSecond,
            @DefaultValue("10") int writesPerSecond,
            @DefaultValue("100000") long clientsRemembered) {
    }

    /**
     * The gateway as the browser's backend: a confidential client of the platform's OpenID Connect
     * provider, which keeps the browser's tokens in its session and never hands them to the browser.
     *
     * @param issuer       the provider's address, as browsers reach it (it redirects them there to sign in)
     * @param providerUrl  the provider's address as the gateway reaches it, for its tokens and keys, where that
     *                     is not the issuer (in docker compose, {@code http://identity-service:8086}); by default
     *                     the issuer
     * @param clientId     the gateway's client id at the provider
     * @param clientSecret the gateway's client secret; without one, browsers cannot sign in
     */
    public record Browser(
            @DefaultValue("http://localhost:8086") URI issuer,
            URI providerUrl,
            @DefaultValue("gateway") String clientId,
            String clientSecret) {

        public Browser {
            providerUrl = providerUrl == null ? issuer : providerUrl;
        }

        public boolean signInConfigured() {
            return clientSecret != null && !clientSecret.isBlank();
        }
    }

    /**
     * The owners' portal: its pages are the gateway's, and call the services as the signed-in owner.
     *
     * @param map      the map owners place their cameras on
     * @param geocoder where an address typed in the camera form is looked up
     */
    public record Portal(@DefaultValue MapView map, @DefaultValue GeocoderSettings geocoder) {
    }

    /**
     * The address lookup of the camera form. The pin on the map works without it.
     *
     * @param provider           {@code census} (the US Census Bureau's geocoder) or {@code none}
     * @param censusUrl          the Census geocoder's address
     * @param censusBenchmark    which of its address snapshots to search
     * @param timeout            how long a lookup may take before the page says the lookup is not answering
     * @param failuresBeforeRest how many recent lookups the circuit breaker needs before it judges (half failing
     *                           opens it)
     * @param restAfterFailures  how long the lookup rests once the breaker opened
     */
    public record GeocoderSettings(
            @DefaultValue("census") Provider provider,
            @DefaultValue("https://geocoding.geo.census.gov") URI censusUrl,
            @DefaultValue("Public_AR_Current") String censusBenchmark,
            @DefaultValue("PT3S") Duration timeout,
            @DefaultValue("5") int failuresBeforeRest,
            @DefaultValue("PT30S") Duration restAfterFailures) {

        public enum Provider { CENSUS, NONE }
    }

    /**
     * A map works without tiles: it still takes a pin and shows its coordinates. Tiles are fetched
     * by the browser, so their origin is allowed in the pages' Content-Security-Policy.
     *
     * @param tileUrl         the tiles' URL template ({z}, {x}, {y}, optionally {s}), such as a city's own
     *                        tile server; empty for no tiles
     * @param tileAttribution the credit the tiles' licence asks for, shown on the map
     * @param centerLatitude  where a map with no camera on it opens
     * @param centerLongitude where a map with no camera on it opens
     * @param zoom            how close it opens, 1 to 19
     */
    public record MapView(
            @DefaultValue("https://tile.openstreetmap.org/{z}/{x}/{y}.png") String tileUrl,
            @DefaultValue("© OpenStreetMap contributors") String tileAttribution,
            @DefaultValue("32.7767") double centerLatitude,
            @DefaultValue("-96.7970") double centerLongitude,
            @DefaultValue("12") int zoom) {

        public MapView {
            tileUrl = tileUrl == null ? "" : tileUrl.strip();
        }

        public boolean hasTiles() {
            return !tileUrl.isEmpty();
        }

        /** Where the tiles come from, for the Content-Security-Policy: {s} subdomains become a wildcard. */
        public String tileOrigin() {
            if (!hasTiles()) {
                return "";
            }
            URI template = URI.create(tileUrl.replace("{s}", "s-wildcard").replaceAll("\\{[a-z]+}", "0"));
            String host = template.getHost().replace("s-wildcard", "*");
            return template.getScheme() + "://" + host + (template.getPort() == -1 ? "" : ":" + template.getPort());
        }
    }
}
