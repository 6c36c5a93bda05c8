package org.cameraregistry.bench.geo;

import java.util.Random;
import java.util.UUID;

/**
 * Cameras over a Texas-sized area (28-34 N, 104-95 W, about 670 by 850 km), either spread
 * evenly or clustered like cities: 90 % around 25 cities whose sizes fall off as 1/rank, each a
 * normal spread a few kilometres wide, and 10 % in the country between. Seeded, so every
 * implementation in a run, and every run, meets the same cameras and the same questions.
 */
public final class CameraPlaces {

    static final double SOUTH = 28;
    static final double NORTH = 34;
    static final double WEST = -104;
    static final double EAST = -95;
    private static final double METERS_PER_DEGREE = 111_195;
    private static final int CITIES = 25;

    public enum Layout {
        UNIFORM,
        CLUSTERED
    }

    final UUID[] ids;
    final double[] lat;
    final double[] lon;

    private CameraPlaces(int count) {
        ids = new UUID[count];
        lat = new double[count];
        lon = new double[count];
    }

    public static CameraPlaces of(int count, Layout layout, long seed) {
        Random random = new Random(seed);
        CameraPlaces places = new CameraPlaces(count);
        double[][] cities = cities(random);
        double[] cumulative = new double[CITIES];
        double sum = 0;
        for (int c = 0; c < CITIES; c++) {
            sum += 1.0 / (c + 1);
            cumulative[c] = sum;
        }
        for (int i = 0; i < count; i++) {
            places.ids[i] = new UUID(random.nextLong(), random.nextLong());
            if (layout == Layout.UNIFORM || random.nextDouble() < 0.1) {
                places.lat[i] = SOUTH + random.nextDouble() * (NORTH - SOUTH);
                places.lon[i] = WEST + random.nextDouble() * (EAST - WEST);
            } else {
                double pick = random.nextDouble() * sum;
                int c = 0;
                while (cumulative[c] < pick) {
                    c++;
                }
                double spreadMeters = cities[c][2];
                double dLat = random.nextGaussian() * spreadMeters / METERS_PER_DEGREE;
                double dLon = random.nextGaussian() * spreadMeters / (METERS_PER_DEGREE * Math.cos(Math.toRadians(cities[c][0])));
                places.lat[i] = Math.clamp(cities[c][0] + dLat, -90, 90);
                places.lon[i] = Math.clamp(cities[c][1] + dLon, -180, 180);
            }
        }
        return places;
    }

    /** Per city: latitude, longitude, and how wide it spreads (metres), bigger for the bigger cities. */
    private static double[][] cities(Random random) {
        double[][] cities = new double[CITIES][];
        for (int c = 0; c < CITIES; c++) {
            cities[c] = new double[] {SOUTH + 0.5 + random.nextDouble() * (NORTH - SOUTH - 1),
                    WEST + 0.5 + random.nextDouble() * (EAST - WEST - 1), 12_000 / Math.sqrt(c + 1)};
        }
        return cities;
    }

    int size() {
        return lat.length;
    }

    /** Where investigators ask: near a camera (within about 300 m), as an incident is near the cameras that matter. */
    double[][] questions(int count, long seed) {
        Random random = new Random(seed);
        double[][] questions = new double[count][];
        for (int q = 0; q < count; q++) {
            int near = random.nextInt(size());
            double dLat = (random.nextDouble() - 0.5) * 600 / METERS_PER_DEGREE;
            double dLon = (random.nextDouble() - 0.5) * 600 / (METERS_PER_DEGREE * Math.cos(Math.toRadians(lat[near])));
            questions[q] = new double[] {lat[near] + dLat, lon[near] + dLon};
        }
        return questions;
    }

    static double metersToLatitude(double meters) {
        return meters / METERS_PER_DEGREE;
    }

    static double metersToLongitude(double meters, double latitude) {
        return meters / (METERS_PER_DEGREE * Math.cos(Math.toRadians(latitude)));
    }
}
