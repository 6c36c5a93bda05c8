package org.cameraregistry.geo.jurisdiction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * A department's area: a GeoJSON Polygon or MultiPolygon, checked to be one (closed rings of at
 * least four positions, none crossing another or itself, at most {@code maxVertices} vertices).
 * As RFC 7946 says, edges are straight lines in longitude and latitude; that is JTS's planar model,
 * so JTS both validates the shape and answers whether a camera lies in it (its boundary included).
 * Immutable; {@link #covers} may be called from any number of threads.
 */
public final class JurisdictionShape {

    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    private final String type;
    private final List<List<List<double[]>>> polygons;
    private final int vertices;
    private final Envelope envelope;
    private final IndexedPointInAreaLocator locator;
    private final Geometry geometry;

    private JurisdictionShape(String type, List<List<List<double[]>>> polygons, int vertices, Geometry geometry) {
        this.type = type;
        this.polygons = polygons;
        this.vertices = vertices;
        this.geometry = geometry;
        this.envelope = geometry.getEnvelopeInternal();
        this.locator = new IndexedPointInAreaLocator(geometry);
    }

    /**
     * Reads a GeoJSON geometry as JSON binds it (maps, lists and numbers), or throws what is wrong
     * with it, naming the first fault found.
     */
    public static JurisdictionShape of(Map<?, ?> geoJson, int maxVertices) {
        Object type = geoJson == null ? null : geoJson.get("type");
        Object coordinates = geoJson == null ? null : geoJson.get("coordinates");
        List<List<List<double[]>>> polygons;
        if ("Polygon".equals(type)) {
            polygons = List.of(polygon(coordinates, "coordinates"));
        } else if ("MultiPolygon".equals(type)) {
            List<?> members = list(coordinates, "coordinates");
            if (members.isEmpty()) {
                throw malformed("coordinates", "at least one polygon");
            }
            polygons = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                polygons.add(polygon(members.get(i), "coordinates[" + i + "]"));
            }
        } else {
            throw new InvalidJurisdictionException("unsupported-type",
                    "A jurisdiction is a GeoJSON geometry of type Polygon or MultiPolygon, not " + describe(type) + ".");
        }
        int vertices = polygons.stream().flatMap(List::stream).mapToInt(ring -> ring.size() - 1).sum();
        if (vertices > maxVertices) {
            throw new InvalidJurisdictionException("too-many-vertices",
                    "The jurisdiction has " + vertices + " vertices; at most " + maxVertices + " are allowed.");
        }
        Geometry geometry = geometry(polygons);
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            throw topologyFault(error);
        }
        return new JurisdictionShape((String) type, List.copyOf(polygons), vertices, geometry);
    }

    /** Whether a point lies in this area or on its boundary. */
    public boolean covers(double latitude, double longitude) {
        return envelope.covers(longitude, latitude)
                && locator.locate(new Coordinate(longitude, latitude)) != Location.EXTERIOR;
    }

    /** The shape as JTS's geometry, longitude as x and latitude as y. */
    public Geometry geometry() {
        return geometry;
    }

    /** How many vertices its rings have, not counting each ring's closing repeat of its first. */
    public int vertices() {
        return vertices;
    }

    /** The shape as GeoJSON, ready to be written as JSON or stored as a document. */
    public Map<String, Object> toGeoJson() {
        List<Object> coordinates = polygons.stream()
                .<Object>map(polygon -> polygon.stream()
                        .map(ring -> ring.stream().map(position -> List.of(position[0], position[1])).toList())
                        .toList())
                .toList();
        return Map.of("type", type, "coordinates", "Polygon".equals(type) ? coordinates.getFirst() : coordinates);
    }

    private static List<List<double[]>> polygon(Object value, String where) {
        List<?> rings = list(value, where);
        if (rings.isEmpty()) {
            throw malformed(where, "at least one ring (the outer boundary)");
        }
        List<List<double[]>> polygon = new ArrayList<>();
        for (int r = 0; r < rings.size(); r++) {
            polygon.add(ring(rings.get(r), where + "[" + r + "]"));
        }
        return polygon;
    }

    private static List<double[]> ring(Object value, String where) {
        List<?> positions = list(value, where);
        List<double[]> ring = new ArrayList<>(positions.size());
        for (int p = 0; p < positions.size(); p++) {
            ring.add(position(positions.get(p), where + "[" + p + "]"));
        }
        if (ring.size() < 4) {
            throw new InvalidJurisdictionException("too-few-positions", "The ring at " + where + " has " + ring.size()
                    + " positions; a ring needs at least 4, its last repeating its first.");
        }
        double[] first = ring.getFirst();
        double[] last = ring.getLast();
        if (first[0] != last[0] || first[1] != last[1]) {
            throw new InvalidJurisdictionException("unclosed-ring", "The ring at " + where + " is not closed: its"
                    + " first position " + text(first) + " differs from its last " + text(last)
                    + "; repeat the first position at the end.");
        }
        return ring;
    }

    private static double[] position(Object value, String where) {
        if (!(value instanceof List<?> numbers) || numbers.size() < 2 || numbers.size() > 3
                || !numbers.stream().allMatch(Number.class::isInstance)) {
            throw malformed(where, "a position: [longitude, latitude]");
        }
        double longitude = ((Number) numbers.get(0)).doubleValue();
        double latitude = ((Number) numbers.get(1)).doubleValue();
        if (!(longitude >= -180 && longitude <= 180 && latitude >= -90 && latitude <= 90)) {
            throw new InvalidJurisdictionException("position-out-of-range", "The position at " + where + ", "
                    + text(new double[] {longitude, latitude}) + ", is not a place: longitude is from -180 to 180"
                    + " and latitude from -90 to 90, in that order.");
        }
        return new double[] {longitude, latitude};
    }

    private static List<?> list(Object value, String where) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw malformed(where, "an array");
    }

    private static InvalidJurisdictionException malformed(String where, String expected) {
        return new InvalidJurisdictionException("malformed-coordinates", where + " must be " + expected + ".");
    }

    private static Geometry geometry(List<List<List<double[]>>> polygons) {
        Polygon[] shapes = polygons.stream().map(polygon -> {
            LinearRing[] rings = polygon.stream().map(ring -> GEOMETRIES.createLinearRing(ring.stream()
                    .map(position -> new Coordinate(position[0], position[1])).toArray(Coordinate[]::new)))
                    .toArray(LinearRing[]::new);
            return GEOMETRIES.createPolygon(rings[0], Arrays.copyOfRange(rings, 1, rings.length));
        }).toArray(Polygon[]::new);
        return shapes.length == 1 ? shapes[0] : GEOMETRIES.createMultiPolygon(shapes);
    }

    private static InvalidJurisdictionException topologyFault(TopologyValidationError error) {
        int kind = error.getErrorType();
        boolean crossing = kind == TopologyValidationError.SELF_INTERSECTION
                || kind == TopologyValidationError.RING_SELF_INTERSECTION;
        Coordinate at = error.getCoordinate();
        String where = at == null ? "" : " near " + text(new double[] {at.x, at.y});
        return new InvalidJurisdictionException(crossing ? "self-intersection" : "invalid-topology",
                (crossing ? "The boundary crosses itself" : error.getMessage()) + where + ".");
    }

    private static String describe(Object type) {
        return type == null ? "a value without a type" : "\"" + type + "\"";
    }

    private static String text(double[] position) {
        return String.format(Locale.ROOT, "[%s, %s]", position[0], position[1]);
    }
}
