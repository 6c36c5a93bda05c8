package org.cameraregistry.geo.index;

/**
 * Great-circle distances on the sphere of the mean Earth radius, by the haversine formula, which
 * stays exact for the short distances searches are about (the law of cosines loses metres there).
 */
public final class GreatCircle {

    /** The mean Earth radius (IUGG), the same for every distance the index computes. */
    public static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private GreatCircle() {
    }

    /** The distance in metres between two places given in degrees. */
    public static double meters(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        return metersOf(haversine(phi1, Math.cos(phi1), Math.sin(phi1), Math.toRadians(lon1), lat2, lon2));
    }

    /**
     * The haversine of the angle between a place given in radians (with its latitude's cosine and
     * sine) and one in degrees: {@code sin²(d/2)}, which grows with the distance, so it orders
     * places as the distance does, without the arcsine.
     *
     * <p>Where the two are within about 100 km in both latitude and longitude, as nearly every
     * camera a search measures is, the sines of the small differences come from their Taylor series
     * and the second latitude's cosine from the first's: exact to the last bit or two, and three
     * times cheaper than three calls of {@link Math#sin} and {@link Math#cos}.
     */
    static double haversine(double phi1, double cosPhi1, double sinPhi1, double lambda1, double lat2, double lon2) {
        double dPhi = lat2 * DEGREES - phi1;
        double dLambda = lon2 * DEGREES - lambda1;
        if (Math.abs(dPhi) < SMALL_ANGLE && Math.abs(dLambda) < SMALL_ANGLE) {
            double sinHalfDPhi = sinOfSmall(dPhi * 0.5);
            double sinHalfDLambda = sinOfSmall(dLambda * 0.5);
            double cosPhi2 = cosPhi1 * cosOfSmall(dPhi) - sinPhi1 * sinOfSmall(dPhi);
            return sinHalfDPhi * sinHalfDPhi + cosPhi1 * cosPhi2 * sinHalfDLambda * sinHalfDLambda;
        }
        double sinHalfDPhi = Math.sin(dPhi * 0.5);
        double sinHalfDLambda = Math.sin(dLambda * 0.5);
        return sinHalfDPhi * sinHalfDPhi + cosPhi1 * Math.cos(lat2 * DEGREES) * sinHalfDLambda * sinHalfDLambda;
    }

    /** The sine of an angle under {@link #SMALL_ANGLE}: the terms of its series left out are below 1e-25 of it. */
    static double sinOfSmall(double x) {
        double x2 = x * x;
        return x * (1 - x2 * (1.0 / 6 - x2 * (1.0 / 120 - x2 * (1.0 / 5040 - x2 * (1.0 / 362880)))));
    }

    /** The cosine of an angle under {@link #SMALL_ANGLE}, likewise. */
    static double cosOfSmall(double x) {
        double x2 = x * x;
        return 1 - x2 * (0.5 - x2 * (1.0 / 24 - x2 * (1.0 / 720 - x2 * (1.0 / 40320 - x2 * (1.0 / 3628800)))));
    }

    /** The distance in metres whose haversine is {@code h}. */
    static double metersOf(double h) {
        return 2 * EARTH_RADIUS_METERS * asin(Math.sqrt(Math.min(1, Math.max(0, h))));
    }

    /**
     * The arcsine, by its Taylor series below 0.01 (distances under about 127 km, where the terms
     * left out are below 1e-19 of the sum) and by {@link Math#asin} above: the JIT compiles
     * {@code sin} and {@code cos} to machine instructions but not {@code asin}, which costs more
     * than a whole search of a city's cell otherwise.
     */
    static double asin(double x) {
        if (Math.abs(x) >= 0.01) {
            return Math.asin(x);
        }
        double x2 = x * x;
        return x * (1 + x2 * (1.0 / 6 + x2 * (3.0 / 40 + x2 * (15.0 / 336 + x2 * (105.0 / 3456)))));
    }

    /** The haversine of a distance in metres, half the way round the Earth at most. */
    static double haversineOf(double meters) {
        double sinHalf = Math.sin(Math.min(meters / EARTH_RADIUS_METERS, Math.PI) * 0.5);
        return sinHalf * sinHalf;
    }

    private static final double DEGREES = Math.PI / 180;
    /** About 100 km on the Earth, in radians. */
    private static final double SMALL_ANGLE = 0.016;
}
