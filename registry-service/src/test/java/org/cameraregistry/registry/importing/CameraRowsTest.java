package org.cameraregistry.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.HashMap;
import java.util.Map;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CameraRowsTest {

    private static ValidatorFactory validation;
    private static CameraRows rows;

    @BeforeAll
    static void validator() {
        validation = Validation.buildDefaultValidatorFactory();
        rows = new CameraRows(validation.getValidator());
    }

    @AfterAll
    static void close() {
        validation.close();
    }

    @Test
    void aCompleteRowIsTheCameraItDescribes() {
        Map<String, String> values = new HashMap<>(Map.of("reference", "dock-1", "label", "Dock", "latitude", "32.78",
                "longitude", "-96.8", "level", "2", "facing_degrees", "180", "field_of_view_degrees", "90"));
        values.putAll(Map.of("views", "Parking; street", "records_audio", "yes", "retention_days", "30",
                "shares_past_footage", "Yes"));
        CameraRows.Parsed parsed = rows.parse(row(values));

        assertThat(parsed.faults()).isEmpty();
        assertThat(parsed.reference()).isEqualTo("dock-1");
        var details = parsed.request().toDetails();
        assertThat(details.level()).isEqualTo(CameraLevel.LEVEL_2);
        assertThat(details.views()).containsExactlyInAnyOrder(CameraView.PARKING, CameraView.STREET);
        assertThat(details.recordsAudio()).isTrue();
        assertThat(details.sharesPastFootage()).isTrue();
        assertThat(details.retentionDays()).isEqualTo(30);
    }

    @Test
    void eachFaultIsNamedByItsColumnOnceInWords() {
        CameraRows.Parsed parsed = rows.parse(row(Map.of("reference", "", "label", "Dock", "latitude", "north",
                "longitude", "-181", "level", "3", "views", "street;garden", "records_audio", "maybe",
                "retention_days", "400")));

        assertThat(parsed.request()).isNull();
        assertThat(parsed.faults()).extracting(ImportReport.RowFault::column)
                .containsExactlyInAnyOrder("reference", "latitude", "longitude", "level", "views", "records_audio",
                        "retention_days");
        assertThat(parsed.faults()).allSatisfy(fault -> assertThat(fault.row()).isEqualTo(7));
        assertThat(parsed.faults()).filteredOn(fault -> fault.column().equals("latitude"))
                .extracting(ImportReport.RowFault::reason).containsExactly("must be a number in decimal degrees, such as 32.7767");
    }

    @Test
    void aMissingLabelOrPlaceIsAFault() {
        CameraRows.Parsed parsed = rows.parse(row(Map.of("reference", "r", "label", "", "latitude", "", "longitude", "",
                "level", "1")));

        assertThat(parsed.faults()).extracting(ImportReport.RowFault::column)
                .containsExactlyInAnyOrder("label", "latitude", "longitude");
    }

    private static CameraCsv.Row row(Map<String, String> values) {
        return new CameraCsv.Row(7, new HashMap<>(values));
    }
}
