package org.cameraregistry.localstack.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A city of demo cameras: Dallas, and a few in neighbouring Richardson, clustered where cameras are
 * in a real city (downtown, commercial corridors, shopping centres, residential neighbourhoods),
 * each inside one of the {@link DemoJurisdiction}s, always the same for the same count.
 */
public final class DallasDemoCameras {

    /** Dallas City Hall, the centre of the demo city. */
    public static final double CENTER_LATITUDE = 32.7767;
    public static final double CENTER_LONGITUDE = -96.7970;
    /** Every demo camera lies within this distance of the centre. */
    public static final double RADIUS_METERS = 30_000;

    private static final long SEED = 19_04_2024;
    private static final double METERS_PER_DEGREE_LATITUDE = 111_320;

    private static final List<Neighbourhood> NEIGHBOURHOODS = List.of(
            new Neighbourhood("Downtown", 32.7801, -96.8005, 700, Kind.COMMERCIAL, 9),
            new Neighbourhood("Deep Ellum", 32.7845, -96.7834, 450, Kind.COMMERCIAL, 5),
            new Neighbourhood("Uptown", 32.8021, -96.8003, 600, Kind.MIXED, 6),
            new Neighbourhood("Victory Park", 32.7875, -96.8100, 350, Kind.COMMERCIAL, 3),
            new Neighbourhood("Design District", 32.7960, -96.8240, 450, Kind.COMMERCIAL, 3),
            new Neighbourhood("Farmers Market", 32.7770, -96.7910, 300, Kind.MIXED, 2),
            new Neighbourhood("The Cedars", 32.7707, -96.7950, 400, Kind.MIXED, 2),
            new Neighbourhood("Bishop Arts", 32.7487, -96.8287, 350, Kind.COMMERCIAL, 4),
            new Neighbourhood("Oak Cliff", 32.7437, -96.8277, 1500, Kind.RESIDENTIAL, 6),
            new Neighbourhood("Kessler Park", 32.7573, -96.8462, 800, Kind.RESIDENTIAL, 3),
            new Neighbourhood("Trinity Groves", 32.7780, -96.8350, 300, Kind.COMMERCIAL, 2),
            new Neighbourhood("West Dallas", 32.7790, -96.8590, 1200, Kind.RESIDENTIAL, 3),
            new Neighbourhood("Lower Greenville", 32.8139, -96.7700, 450, Kind.COMMERCIAL, 4),
            new Neighbourhood("Knox-Henderson", 32.8160, -96.7880, 400, Kind.COMMERCIAL, 3),
            new Neighbourhood("Lakewood", 32.8209, -96.7507, 1000, Kind.RESIDENTIAL, 5),
            new Neighbourhood("East Dallas", 32.7990, -96.7650, 1200, Kind.RESIDENTIAL, 4),
            new Neighbourhood("Fair Park", 32.7795, -96.7600, 600, Kind.MIXED, 3),
            new Neighbourhood("South Dallas", 32.7570, -96.7600, 1400, Kind.RESIDENTIAL, 3),
            new Neighbourhood("Oak Lawn", 32.8108, -96.8133, 700, Kind.MIXED, 5),
            new Neighbourhood("Medical District", 32.8130, -96.8390, 600, Kind.COMMERCIAL, 3),
            new Neighbourhood("Love Field", 32.8470, -96.8510, 900, Kind.COMMERCIAL, 3),
            new Neighbourhood("Bachman Lake", 32.8600, -96.8650, 1000, Kind.MIXED, 3),
            new Neighbourhood("Preston Hollow", 32.8780, -96.8060, 1800, Kind.RESIDENTIAL, 5),
            new Neighbourhood("Preston Center", 32.8650, -96.8040, 400, Kind.COMMERCIAL, 3),
            new Neighbourhood("NorthPark", 32.8687, -96.7737, 500, Kind.COMMERCIAL, 4),
            new Neighbourhood("Vickery Meadow", 32.8700, -96.7550, 700, Kind.MIXED, 4),
            new Neighbourhood("Lake Highlands", 32.8860, -96.7180, 1600, Kind.RESIDENTIAL, 5),
            new Neighbourhood("White Rock", 32.8260, -96.7170, 1200, Kind.RESIDENTIAL, 3),
            new Neighbourhood("Casa View", 32.8330, -96.6760, 1000, Kind.RESIDENTIAL, 3),
            new Neighbourhood("Forest and Skillman", 32.9090, -96.7440, 600, Kind.COMMERCIAL, 3),
            new Neighbourhood("Galleria", 32.9300, -96.8200, 600, Kind.COMMERCIAL, 4),
            new Neighbourhood("Prestonwood", 32.9530, -96.8050, 1500, Kind.RESIDENTIAL, 4),
            new Neighbourhood("Northwest Dallas", 32.8830, -96.8850, 1200, Kind.MIXED, 3),
            new Neighbourhood("Royal Lane", 32.8940, -96.8690, 800, Kind.COMMERCIAL, 2),
            new Neighbourhood("Pleasant Grove", 32.7160, -96.6960, 1600, Kind.RESIDENTIAL, 4),
            new Neighbourhood("Buckner Terrace", 32.7480, -96.6810, 1000, Kind.RESIDENTIAL, 2),
            new Neighbourhood("Red Bird", 32.6810, -96.8690, 1200, Kind.MIXED, 3),
            new Neighbourhood("Mountain Creek", 32.6830, -96.9400, 1500, Kind.RESIDENTIAL, 2),
            new Neighbourhood("Cityplace", 32.8000, -96.7950, 350, Kind.COMMERCIAL, 3),
            new Neighbourhood("Downtown Richardson", 32.9483, -96.7299, 500, Kind.MIXED, 3),
            new Neighbourhood("UT Dallas", 32.9857, -96.7502, 500, Kind.MIXED, 2),
            new Neighbourhood("Canyon Creek", 32.9700, -96.7150, 700, Kind.RESIDENTIAL, 2),
            new Neighbourhood("CityLine", 32.9990, -96.6830, 400, Kind.COMMERCIAL, 2));

    private static final List<String> BUSINESSES = List.of("Corner store", "Pharmacy", "Coffee shop", "Bakery",
            "Taqueria", "Gas station", "Laundromat", "Hardware store", "Bank branch", "Dental office", "Barber shop",
            "Bookshop", "Grocery", "Bar and grill", "Auto repair", "Church", "School", "Apartment complex",
            "Parking garage", "Hotel", "Gym", "Clinic", "Salon", "Pizzeria", "Donut shop", "Florist");
    private static final List<String> BUSINESS_SPOTS = List.of("front entrance", "rear entrance", "parking lot",
            "loading dock", "sidewalk", "drive-through", "side alley");
    private static final List<String> HOME_SPOTS = List.of("Front porch", "Driveway", "Garage", "Front door",
            "Side gate", "Back alley", "Carport", "Mailbox");

    private DallasDemoCameras() {
    }

    /** {@code count} cameras spread over the city, the same ones every time. */
    public static List<DemoCamera> generate(int count) {
        Random random = new Random(SEED);
        int totalWeight = NEIGHBOURHOODS.stream().mapToInt(Neighbourhood::weight).sum();
        List<DemoCamera> cameras = new ArrayList<>(count);
        while (cameras.size() < count) {
            Neighbourhood place = pick(random, totalWeight);
            double north = random.nextGaussian() * place.spreadMeters();
            double east = random.nextGaussian() * place.spreadMeters();
            double latitude = place.latitude() + north / METERS_PER_DEGREE_LATITUDE;
            double longitude = place.longitude()
                    + east / (METERS_PER_DEGREE_LATITUDE * Math.cos(Math.toRadians(place.latitude())));
            if (distanceFromCenterMeters(latitude, longitude) <= RADIUS_METERS
                    && DemoJurisdiction.anyContains(latitude, longitude)) {
                cameras.add(camera(random, place, round(latitude), round(longitude)));
            }
        }
        return cameras;
    }

    private static DemoCamera camera(Random random, Neighbourhood place, double latitude, double longitude) {
        boolean business = switch (place.kind()) {
            case COMMERCIAL -> random.nextDouble() < 0.9;
            case MIXED -> random.nextBoolean();
            case RESIDENTIAL -> random.nextDouble() < 0.1;
        };
        String label;
        List<String> views;
        boolean level2;
        if (business) {
            label = BUSINESSES.get(random.nextInt(BUSINESSES.size())) + ", "
                    + BUSINESS_SPOTS.get(random.nextInt(BUSINESS_SPOTS.size()));
            views = random.nextBoolean() ? List.of("ENTRANCE", "SIDEWALK") : List.of("PARKING", "STREET");
            level2 = random.nextDouble() < 0.25;
        } else {
            label = HOME_SPOTS.get(random.nextInt(HOME_SPOTS.size())) + ", " + place.name();
            views = random.nextBoolean() ? List.of("STREET") : List.of("ENTRANCE", "EXTERIOR");
            level2 = random.nextDouble() < 0.03;
        }
        return new DemoCamera(label, latitude, longitude, level2 ? "LEVEL_2" : "LEVEL_1", random.nextInt(360),
                60 + random.nextInt(61), views, random.nextDouble() < 0.2, List.of(7, 14, 30, 60).get(random.nextInt(4)));
    }

    private static Neighbourhood pick(Random random, int totalWeight) {
        int ticket = random.nextInt(totalWeight);
        for (Neighbourhood place : NEIGHBOURHOODS) {
            ticket -= place.weight();
            if (ticket < 0) {
                return place;
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    static double distanceFromCenterMeters(double latitude, double longitude) {
        double north = (latitude - CENTER_LATITUDE) * METERS_PER_DEGREE_LATITUDE;
        double east = (longitude - CENTER_LONGITUDE) * METERS_PER_DEGREE_LATITUDE
                * Math.cos(Math.toRadians(CENTER_LATITUDE));
        return Math.hypot(north, east);
    }

    /** Six decimals: about ten centimetres, more than a pin on a map is worth. */
    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    private enum Kind { COMMERCIAL, MIXED, RESIDENTIAL }

    private record Neighbourhood(String name, double latitude, double longitude, double spreadMeters, Kind kind,
            int weight) {
    }
}
