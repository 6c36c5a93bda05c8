package org.cameraregistry.geo.index;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * A Polygon or MultiPolygon to search within, planar in longitude (x) and latitude (y) as GeoJSON
 * has it, its boundary included. Besides the point test, it tells a search which stretches of one
 * row of the index's grid its edges pass through: every other stretch is wholly inside or wholly
 * outside, so one point decides it for all its cameras.
 */
public final class SearchPolygon implements CameraFilter.Area {

    private final Geometry geometry;
    private final Envelope envelope;
    private final IndexedPointInAreaLocator locator;
    /** Every edge of every ring: x1, y1, x2, y2. */
    private final double[] edges;

    public SearchPolygon(Geometry geometry) {
        if (!(geometry instanceof Polygon) && !"MultiPolygon".equals(geometry.getGeometryType())) {
            throw new IllegalArgumentException("a Polygon or MultiPolygon, not " + geometry.getGeometryType());
        }
        this.geometry = geometry;
        this.envelope = geometry.getEnvelopeInternal();
        this.locator = new IndexedPointInAreaLocator(geometry);
        List<double[]> found = new ArrayList<>();
        for (int p = 0; p < geometry.getNumGeometries(); p++) {
            Polygon polygon = (Polygon) geometry.getGeometryN(p);
            addEdges(polygon.getExteriorRing(), found);
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                addEdges(polygon.getInteriorRingN(h), found);
            }
        }
        edges = new double[found.size() * 4];
        for (int e = 0; e < found.size(); e++) {
            System.arraycopy(found.get(e), 0, edges, 4 * e, 4);
        }
    }

    public Geometry geometry() {
        return geometry;
    }

    @Override
    public boolean covers(double latitude, double longitude) {
        return envelope.covers(longitude, latitude)
                && locator.locate(new Coordinate(longitude, latitude)) != Location.EXTERIOR;
    }

    double south() {
        return envelope.getMinY();
    }

    double north() {
        return envelope.getMaxY();
    }

    double west() {
        return envelope.getMinX();
    }

    double east() {
        return envelope.getMaxX();
    }

    int edgeCount() {
        return edges.length / 4;
    }

    double edgeSouth(int edge) {
        return Math.min(edges[4 * edge + 1], edges[4 * edge + 3]);
    }

    double edgeNorth(int edge) {
        return Math.max(edges[4 * edge + 1], edges[4 * edge + 3]);
    }

    /**
     * The westmost and eastmost longitude of the part of an edge between two latitudes (which it
     * must reach), into {@code westEast}.
     */
    void longitudesBetween(int edge, double south, double north, double[] westEast) {
        double x1 = edges[4 * edge];
        double y1 = edges[4 * edge + 1];
        double x2 = edges[4 * edge + 2];
        double y2 = edges[4 * edge + 3];
        if (y1 == y2) {
            westEast[0] = Math.min(x1, x2);
            westEast[1] = Math.max(x1, x2);
            return;
        }
        double t1 = Math.clamp((south - y1) / (y2 - y1), 0.0, 1.0);
        double t2 = Math.clamp((north - y1) / (y2 - y1), 0.0, 1.0);
        double xa = x1 + t1 * (x2 - x1);
        double xb = x1 + t2 * (x2 - x1);
        westEast[0] = Math.min(xa, xb);
        westEast[1] = Math.max(xa, xb);
    }

    private static void addEdges(LineString ring, List<double[]> edges) {
        Coordinate[] points = ring.getCoordinates();
        for (int i = 0; i + 1 < points.length; i++) {
            edges.add(new double[] {points[i].x, points[i].y, points[i + 1].x, points[i + 1].y});
        }
    }
}
