package org.cameraregistry.geo.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class GreatCircleTest {

    @Property(tries = 2000)
    void theSeriesArcsineAgreesWithTheLibrarys(@ForAll @DoubleRange(min = -1, max = 1) double x) {
        assertThat(GreatCircle.asin(x)).isCloseTo(Math.asin(x), within(2 * Math.ulp(Math.asin(x)) + Double.MIN_VALUE));
    }

    @Property(tries = 2000)
    void theSeriesArcsineAgreesWhereItIsUsed(@ForAll @DoubleRange(min = -0.01, max = 0.01) double x) {
        assertThat(GreatCircle.asin(x)).isCloseTo(Math.asin(x), within(2 * Math.ulp(Math.asin(x)) + Double.MIN_VALUE));
    }

    @Property(tries = 1000)
    void aDistanceSurvivesItsHaversine(@ForAll @DoubleRange(min = 0, max = 2_000_000) double meters) {
        assertThat(GreatCircle.metersOf(GreatCircle.haversineOf(meters))).isCloseTo(meters, within(1e-6));
    }

    /** The series for nearby places and the library's sines for far ones agree to the last few bits. */
    @Property(tries = 2000)
    void nearbyHaversinesAgreeWithTheLibrarys(@ForAll @DoubleRange(min = -89.9, max = 89.9) double lat,
            @ForAll @DoubleRange(min = -180, max = 180) double lon, @ForAll @DoubleRange(min = -0.9, max = 0.9) double dLat,
            @ForAll @DoubleRange(min = -0.9, max = 0.9) double dLon) {
        double phi = Math.toRadians(lat);
        double lambda = Math.toRadians(lon);
        double lat2 = Math.clamp(lat + dLat, -90, 90);
        double series = GreatCircle.haversine(phi, Math.cos(phi), Math.sin(phi), lambda, lat2, lon + dLon);
        double sinHalfDPhi = Math.sin((Math.toRadians(lat2) - phi) / 2);
        double sinHalfDLambda = Math.sin((Math.toRadians(lon + dLon) - lambda) / 2);
        double library = sinHalfDPhi * sinHalfDPhi + Math.cos(phi) * Math.cos(Math.toRadians(lat2)) * sinHalfDLambda * sinHalfDLambda;
        assertThat(series).isCloseTo(library, within(1e-14 * library + Double.MIN_VALUE));
    }
}
