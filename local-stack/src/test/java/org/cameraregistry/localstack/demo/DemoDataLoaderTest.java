package org.cameraregistry.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemoDataLoaderTest {

    @Test
    void aFileHasTheImportsHeaderAndARowPerCameraReferencedByItsNumber() {
        List<DemoCamera> cameras = List.of(
                new DemoCamera("Porch, \"north\" side", 32.7767, -96.797, "LEVEL_1", 90, 110, List.of("STREET", "DRIVEWAY"),
                        true, 30),
                new DemoCamera("Shop door", 32.95, -96.73, "LEVEL_2", 0, 90, List.of("ENTRANCE"), false, 14));

        List<String> lines = DemoDataLoader.csv(cameras, 7).lines().toList();

        assertThat(lines).containsExactly(
                "reference,label,latitude,longitude,level,facing_degrees,field_of_view_degrees,views,records_audio,retention_days",
                "demo-7,\"Porch, \"\"north\"\" side\",32.7767,-96.797,LEVEL_1,90,110,street;driveway,yes,30",
                "demo-8,\"Shop door\",32.95,-96.73,LEVEL_2,0,90,entrance,no,14");
    }

    @Test
    void theSameCamerasGetTheSameReferencesEveryTimeSoThatAnImportAgainRegistersNoneTwice() {
        List<DemoCamera> cameras = DallasDemoCameras.generate(25);

        assertThat(DemoDataLoader.csv(cameras, 0)).isEqualTo(DemoDataLoader.csv(DallasDemoCameras.generate(25), 0));
    }
}
