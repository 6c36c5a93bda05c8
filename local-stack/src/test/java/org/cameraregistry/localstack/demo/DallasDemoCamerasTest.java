package org.cameraregistry.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DallasDemoCamerasTest {

    private final List<DemoCamera> city = DallasDemoCameras.generate(2400);

    @Test
    void theSameCountGivesTheSameCity() {
        assertThat(DallasDemoCameras.generate(2400)).isEqualTo(city);
        assertThat(DallasDemoCameras.generate(100)).isEqualTo(city.subList(0, 100));
    }

    @Test
    void everyCameraIsInDallasOrRichardsonAndValidForTheRegistry() {
        assertThat(city).hasSize(2400).allSatisfy(camera -> {
            assertThat(DallasDemoCameras.distanceFromCenterMeters(camera.latitude(), camera.longitude()))
                    .isLessThanOrEqualTo(DallasDemoCameras.RADIUS_METERS);
            assertThat(DemoJurisdiction.anyContains(camera.latitude(), camera.longitude())).isTrue();
            assertThat(camera.label()).isNotBlank().hasSizeLessThanOrEqualTo(120);
            assertThat(camera.level()).isIn("LEVEL_1", "LEVEL_2");
            assertThat(camera.facingDegrees()).isBetween(0, 359);
            assertThat(camera.fieldOfViewDegrees()).isBetween(1, 360);
            assertThat(camera.retentionDays()).isBetween(1, 365);
            assertThat(Set.of("STREET", "SIDEWALK", "PARKING", "ENTRANCE", "EXTERIOR")).containsAll(camera.views());
        });
    }

    @Test
    void theNeighbouringDepartmentHasCamerasOfItsOwn() {
        long inRichardson = city.stream()
                .filter(camera -> DemoJurisdiction.RICHARDSON.contains(camera.latitude(), camera.longitude())).count();
        long inDallas = city.stream()
                .filter(camera -> DemoJurisdiction.DALLAS.contains(camera.latitude(), camera.longitude())).count();

        assertThat(inRichardson).isBetween(20L, 400L);
        assertThat(inDallas).isGreaterThan(inRichardson * 4);
        assertThat(DallasDemoCameras.generate(60)).anySatisfy(camera -> assertThat(
                DemoJurisdiction.RICHARDSON.contains(camera.latitude(), camera.longitude())).isTrue());
    }

    @Test
    void camerasClusterWhereACityHasThemAndMostAreLevel1() {
        long downtown = city.stream()
                .filter(camera -> distanceMeters(camera, 32.7801, -96.8005) < 1500)
                .count();
        long level2 = city.stream().filter(camera -> camera.level().equals("LEVEL_2")).count();

        // Downtown is about 0.1 % of the circle's area but holds several per cent of its cameras.
        assertThat(downtown).isGreaterThan(city.size() / 25);
        assertThat(level2).isBetween(city.size() / 20L, city.size() / 4L);
    }

    private static double distanceMeters(DemoCamera camera, double latitude, double longitude) {
        double north = (camera.latitude() - latitude) * 111_320;
        double east = (camera.longitude() - longitude) * 111_320 * Math.cos(Math.toRadians(latitude));
        return Math.hypot(north, east);
    }
}
