package org.cameraregistry.gateway.portal.geocoding;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.MeterRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.cameraregistry.gateway.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The US Census Bureau's geocoder (one-line address, current benchmark): free, keyless, US
 * addresses only. Each lookup has a time limit, and a circuit breaker stops asking for a while
 * after repeated failures, so that a geocoder that is down costs a page no more than the limit.
 * Outcomes are counted in {@code portal.geocoder.lookups}.
 */
public class CensusGeocoder implements Geocoder {

    private static final Logger log = LoggerFactory.getLogger(CensusGeocoder.class);
    private static final String PATH = "/geocoder/locations/onelineaddress";

    private final WebClient census;
    private final GatewayProperties.GeocoderSettings settings;
    private final CircuitBreaker breaker;
    private final MeterRegistry meters;
    private final JsonMapper json = JsonMapper.builder().build();

    public CensusGeocoder(GatewayProperties.GeocoderSettings settings, MeterRegistry meters) {
        this.settings = settings;
        this.meters = meters;
        this.census = WebClient.builder().baseUrl(settings.censusUrl().toString())
                .defaultHeader("User-Agent", "community-camera-registry")
                .build();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(settings.failuresBeforeRest())
                .failureRateThreshold(50)
                .waitDurationInOpenState(settings.restAfterFailures())
                .build());
        this.breaker = breakers.circuitBreaker("census-geocoder");
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
    }

    @Override
    public Mono<Lookup> locate(String address) {
        return census.get()
                .uri(uri -> uri.path(PATH)
                        .queryParam("address", address)
                        .queryParam("benchmark", settings.censusBenchmark())
                        .queryParam("format", "json")
                        .build())
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(String.class)
                .timeout(settings.timeout())
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .map(this::firstMatch)
                .onErrorResume(CallNotPermittedException.class, resting -> Mono.just(Lookup.not(Outcome.RESTING)))
                .onErrorResume(failure -> {
                    log.warn("the Census geocoder did not answer: {}", failure.toString());
                    return Mono.just(Lookup.not(Outcome.UNAVAILABLE));
                })
                .doOnNext(lookup -> meters.counter("portal.geocoder.lookups", "outcome",
                        lookup.outcome().name().toLowerCase()).increment());
    }

    /** The first of {@code result.addressMatches}: x is the longitude, y the latitude. */
    private Lookup firstMatch(String body) {
        JsonNode match = json.readTree(body).path("result").path("addressMatches").path(0);
        JsonNode coordinates = match.path("coordinates");
        if (!coordinates.path("x").isNumber() || !coordinates.path("y").isNumber()) {
            return Lookup.not(Outcome.NO_MATCH);
        }
        return Lookup.found(coordinates.path("y").asDouble(), coordinates.path("x").asDouble(),
                match.path("matchedAddress").asString(""));
    }
}
