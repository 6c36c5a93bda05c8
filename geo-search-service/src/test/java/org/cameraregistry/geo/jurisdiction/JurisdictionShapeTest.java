package org.cameraregistry.geo.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JurisdictionShapeTest {

    /** A square of 1 degree with a square hole of 0.2 degree in its middle. */
    private static final Map<String, Object> SQUARE_WITH_HOLE = Map.of("type", "Polygon", "coordinates", List.of(
            List.of(List.of(-97.0, 32.0), List.of(-96.0, 32.0), List.of(-96.0, 33.0), List.of(-97.0, 33.0),
                    List.of(-97.0, 32.0)),
            List.of(List.of(-96.6, 32.4), List.of(-96.4, 32.4), List.of(-96.4, 32.6), List.of(-96.6, 32.6),
                    List.of(-96.6, 32.4))));

    @Test
    void coversWhatIsInsideAndOnItsBoundaryButNotItsHoleNorOutside() {
        JurisdictionShape shape = JurisdictionShape.of(SQUARE_WITH_HOLE, 10_000);

        assertThat(shape.covers(32.2, -96.8)).isTrue();
        assertThat(shape.covers(32.0, -96.5)).as("on the outer boundary").isTrue();
        assertThat(shape.covers(32.5, -96.5)).as("in the hole").isFalse();
        assertThat(shape.covers(33.2, -96.5)).isFalse();
        assertThat(shape.covers(32.5, -97.2)).isFalse();
        assertThat(shape.vertices()).isEqualTo(8);
    }

    @Test
    void aMultiPolygonCoversEachOfItsPolygons() {
        JurisdictionShape shape = JurisdictionShape.of(Map.of("type", "MultiPolygon", "coordinates", List.of(
                List.of(square(-97.0, 32.0, 0.1)), List.of(square(-96.0, 33.0, 0.1)))), 10_000);

        assertThat(shape.covers(32.05, -96.95)).isTrue();
        assertThat(shape.covers(33.05, -95.95)).isTrue();
        assertThat(shape.covers(32.5, -96.5)).isFalse();
    }

    @Test
    void itsGeoJsonReadsBackAsTheSameShape() {
        JurisdictionShape shape = JurisdictionShape.of(SQUARE_WITH_HOLE, 10_000);

        JurisdictionShape again = JurisdictionShape.of(shape.toGeoJson(), 10_000);

        assertThat(again.toGeoJson()).isEqualTo(SQUARE_WITH_HOLE);
        assertThat(again.covers(32.5, -96.5)).isFalse();
        assertThat(again.covers(32.2, -96.8)).isTrue();
    }

    static Stream<Arguments> faultyShapes() {
        return Stream.of(
                Arguments.of("a point", Map.of("type", "Point", "coordinates", List.of(-96.8, 32.7)),
                        "unsupported-type", "\"Point\""),
                Arguments.of("no type", Map.of("coordinates", List.of()), "unsupported-type", "without a type"),
                Arguments.of("coordinates not an array", Map.of("type", "Polygon", "coordinates", "here"),
                        "malformed-coordinates", "coordinates must be an array"),
                Arguments.of("a position of text", polygon(List.of(List.of(-97.0, 32.0), List.of("x", "y"),
                        List.of(-96.0, 33.0), List.of(-97.0, 32.0))), "malformed-coordinates", "coordinates[0][1]"),
                Arguments.of("latitude first", polygon(List.of(List.of(32.0, -97.0), List.of(32.0, -96.0),
                        List.of(33.0, -96.0), List.of(32.0, -97.0))), "position-out-of-range", "coordinates[0][0]"),
                Arguments.of("three positions", polygon(List.of(List.of(-97.0, 32.0), List.of(-96.0, 32.0),
                        List.of(-97.0, 32.0))), "too-few-positions", "has 3 positions"),
                Arguments.of("an unclosed ring", polygon(List.of(List.of(-97.0, 32.0), List.of(-96.0, 32.0),
                        List.of(-96.0, 33.0), List.of(-97.0, 33.0))), "unclosed-ring", "[-97.0, 32.0]"),
                Arguments.of("a bow tie", polygon(List.of(List.of(-97.0, 32.0), List.of(-96.0, 33.0),
                        List.of(-96.0, 32.0), List.of(-97.0, 33.0), List.of(-97.0, 32.0))), "self-intersection",
                        "near [-96.5, 32.5]"),
                Arguments.of("a hole outside its shell", Map.of("type", "Polygon", "coordinates", List.of(
                        square(-97.0, 32.0, 0.1), square(-95.0, 32.0, 0.1))), "invalid-topology", "Hole lies outside"),
                Arguments.of("no polygon", Map.of("type", "MultiPolygon", "coordinates", List.of()),
                        "malformed-coordinates", "at least one polygon"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faultyShapes")
    void aShapeThatIsNoAreaIsRefusedNamingItsFault(String name, Map<String, Object> geoJson, String fault, String where) {
        assertThatThrownBy(() -> JurisdictionShape.of(geoJson, 10_000))
                .isInstanceOfSatisfying(InvalidJurisdictionException.class, refused -> {
                    assertThat(refused.fault()).isEqualTo(fault);
                    assertThat(refused.getMessage()).contains(where);
                });
    }

    @Test
    void moreVerticesThanAllowedAreRefusedAndAsManyAreTaken() {
        Map<String, Object> circle = polygon(circle(10_000));

        assertThat(JurisdictionShape.of(circle, 10_000).vertices()).isEqualTo(10_000);
        assertThatThrownBy(() -> JurisdictionShape.of(polygon(circle(10_001)), 10_000))
                .isInstanceOfSatisfying(InvalidJurisdictionException.class, refused -> {
                    assertThat(refused.fault()).isEqualTo("too-many-vertices");
                    assertThat(refused.getMessage()).contains("10001 vertices").contains("at most 10000");
                });
    }

    private static Map<String, Object> polygon(List<List<?>> ring) {
        return Map.of("type", "Polygon", "coordinates", List.of(ring));
    }

    private static List<List<?>> square(double west, double south, double side) {
        return List.of(List.of(west, south), List.of(west + side, south), List.of(west + side, south + side),
                List.of(west, south + side), List.of(west, south));
    }

    /** A ring of {@code vertices} vertices around Dallas, closed by repeating the first. */
    private static List<List<?>> circle(int vertices) {
        List<List<?>> ring = new ArrayList<>();
        for (int i = 0; i < vertices; i++) {
            double angle = 2 * Math.PI * i / vertices;
            ring.add(List.of(-96.8 + 0.2 * Math.cos(angle), 32.8 + 0.2 * Math.sin(angle)));
        }
        ring.add(ring.getFirst());
        return ring;
    }
}
