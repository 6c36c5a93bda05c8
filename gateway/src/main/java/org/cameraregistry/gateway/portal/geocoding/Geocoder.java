package org.cameraregistry.gateway.portal.geocoding;

import reactor.core.publisher.Mono;

/**
 * Finds where an address is, for an owner placing a camera. Pluggable: the US Census Bureau's
 * geocoder by default ({@link CensusGeocoder}), or none ({@code gateway.portal.geocoder.provider=none}).
 * Never fails: an answer it cannot give is a {@link Lookup} that says why, and the owner places the
 * pin on the map instead.
 */
public interface Geocoder {

    Mono<Lookup> locate(String address);

    /**
     * What a lookup found.
     *
     * @param outcome        found, no match, or why there was no answer
     * @param latitude       WGS 84 degrees, when found
     * @param longitude      WGS 84 degrees, when found
     * @param matchedAddress the address as the geocoder knows it, when found
     */
    record Lookup(Outcome outcome, double latitude, double longitude, String matchedAddress) {

        static Lookup found(double latitude, double longitude, String matchedAddress) {
            return new Lookup(Outcome.FOUND, latitude, longitude, matchedAddress);
        }

        static Lookup not(Outcome outcome) {
            return new Lookup(outcome, 0, 0, null);
        }

        public boolean found() {
            return outcome == Outcome.FOUND;
        }
    }

    /** Each outcome with what the page tells the owner. */
    enum Outcome {
        FOUND("Found"),
        NO_MATCH("No address matched. Check the street and number, add the city and ZIP code, or place the pin on the map."),
        UNAVAILABLE("The address lookup is not answering right now. Place the pin on the map, or type the latitude and longitude."),
        RESTING("The address lookup failed several times just now, so it is paused for a moment. Place the pin on the map,"
                + " or type the latitude and longitude."),
        OFF("Looking up addresses is not available here. Place the pin on the map, or type the latitude and longitude.");

        private final String explanation;

        Outcome(String explanation) {
            this.explanation = explanation;
        }

        public String explanation() {
            return explanation;
        }
    }
}
