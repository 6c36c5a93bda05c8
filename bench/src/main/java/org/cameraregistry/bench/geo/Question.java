package org.cameraregistry.bench.geo;

import org.apache.lucene.geo.Polygon;
import org.cameraregistry.geo.index.BoundingBox;
import org.cameraregistry.geo.index.SearchPolygon;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * One question asked of every implementation: a point, a 2 km box around it, and a neighbourhood
 * around it, an irregular 12-sided polygon 0.6 to 1.2 km from the point, in each one's own form.
 */
record Question(double lat, double lon, BoundingBox box, SearchPolygon polygon, Polygon lucenePolygon,
        double[] polygonLats, double[] polygonLons) {

    private static final GeometryFactory GEOMETRIES = new GeometryFactory();
    private static final int SIDES = 12;

    static Question at(double lat, double lon, long seed) {
        double halfLat = CameraPlaces.metersToLatitude(1_000);
        double halfLon = CameraPlaces.metersToLongitude(1_000, lat);
        BoundingBox box = new BoundingBox(lat - halfLat, lon - halfLon, lat + halfLat, lon + halfLon);
        java.util.Random random = new java.util.Random(seed);
        double[] lats = new double[SIDES + 1];
        double[] lons = new double[SIDES + 1];
        Coordinate[] ring = new Coordinate[SIDES + 1];
        for (int i = 0; i < SIDES; i++) {
            double angle = 2 * Math.PI * i / SIDES;
            double meters = 600 + random.nextDouble() * 600;
            lats[i] = lat + CameraPlaces.metersToLatitude(meters * Math.sin(angle));
            lons[i] = lon + CameraPlaces.metersToLongitude(meters * Math.cos(angle), lat);
            ring[i] = new Coordinate(lons[i], lats[i]);
        }
        lats[SIDES] = lats[0];
        lons[SIDES] = lons[0];
        ring[SIDES] = ring[0];
        SearchPolygon polygon = new SearchPolygon(GEOMETRIES.createPolygon(ring));
        return new Question(lat, lon, box, polygon, new Polygon(lats, lons), lats, lons);
    }
}
