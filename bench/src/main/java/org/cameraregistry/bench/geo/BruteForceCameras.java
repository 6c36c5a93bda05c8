package org.cameraregistry.bench.geo;

import java.util.Arrays;
import org.cameraregistry.geo.index.BoundingBox;
import org.cameraregistry.geo.index.GreatCircle;
import org.cameraregistry.geo.index.SearchPolygon;

/** Looks at every camera, in arrays: the floor any index must beat, and the one to check answers against. */
final class BruteForceCameras {

    private final double[] lat;
    private final double[] lon;

    BruteForceCameras(CameraPlaces places) {
        lat = places.lat.clone();
        lon = places.lon.clone();
    }

    /** The distances of the {@code k} nearest, nearest first. */
    double[] nearest(double qLat, double qLon, int k) {
        double[] best = new double[k];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int i = 0; i < lat.length; i++) {
            double meters = GreatCircle.meters(qLat, qLon, lat[i], lon[i]);
            if (meters < best[k - 1]) {
                int at = k - 1;
                while (at > 0 && best[at - 1] > meters) {
                    best[at] = best[at - 1];
                    at--;
                }
                best[at] = meters;
            }
        }
        return best;
    }

    int within(double qLat, double qLon, double radiusMeters) {
        int count = 0;
        for (int i = 0; i < lat.length; i++) {
            if (GreatCircle.meters(qLat, qLon, lat[i], lon[i]) <= radiusMeters) {
                count++;
            }
        }
        return count;
    }

    int inBox(BoundingBox box) {
        int count = 0;
        for (int i = 0; i < lat.length; i++) {
            if (box.contains(lat[i], lon[i])) {
                count++;
            }
        }
        return count;
    }

    int inPolygon(SearchPolygon polygon) {
        int count = 0;
        for (int i = 0; i < lat.length; i++) {
            if (polygon.covers(lat[i], lon[i])) {
                count++;
            }
        }
        return count;
    }

    void move(int i, double newLat, double newLon) {
        lat[i] = newLat;
        lon[i] = newLon;
    }
}
