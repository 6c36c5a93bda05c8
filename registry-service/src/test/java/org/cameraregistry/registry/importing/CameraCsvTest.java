package org.cameraregistry.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CameraCsvTest {

    private static final String HEADER = "reference,label,latitude,longitude,level";

    @Test
    void eachRowIsReadByItsColumnsInWhateverOrderTheHeaderGivesWithItsLine() {
        List<CameraCsv.Row> rows = CameraCsv.read("""
                Level,Label,Reference,Latitude,Longitude,views
                1,"Front door, north side",door-1,32.7767,-96.797,street;entrance

                2,Dock,dock-1,32.78,-96.8,
                """);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(0).value("label")).isEqualTo("Front door, north side");
        assertThat(rows.get(0).value("views")).isEqualTo("street;entrance");
        assertThat(rows.get(1).line()).as("the blank line is skipped but counted").isEqualTo(4);
        assertThat(rows.get(1).value("reference")).isEqualTo("dock-1");
        assertThat(rows.get(1).value("retention_days")).isEmpty();
    }

    @Test
    void aSpreadsheetsByteOrderMarkIsNotPartOfTheFirstColumnsName() {
        assertThat(CameraCsv.read("\uFEFF" + HEADER + "\nr1,Porch,32.7,-96.8,1\n")).hasSize(1);
    }

    @Test
    void aHeaderMissingAColumnOrNamingAnUnknownOneRefusesTheFileSayingWhich() {
        assertThatThrownBy(() -> CameraCsv.read("reference,label,latitude,level,colour\nr1,Porch,32.7,1,red\n"))
                .isInstanceOf(InvalidImportFileException.class)
                .hasMessageContaining("misses the column(s) longitude")
                .hasMessageContaining("colour");
    }

    @Test
    void anEmptyFileOrOneWithoutCamerasIsRefused() {
        assertThatThrownBy(() -> CameraCsv.read("  \n")).isInstanceOf(InvalidImportFileException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> CameraCsv.read(HEADER + "\n")).isInstanceOf(InvalidImportFileException.class)
                .hasMessageContaining("no camera");
    }

    @Test
    void tenThousandRowsAreReadAndOneMoreIsRefused() {
        StringBuilder file = new StringBuilder(HEADER).append('\n');
        for (int row = 1; row <= CameraCsv.MAX_ROWS; row++) {
            file.append("r").append(row).append(",Camera ").append(row).append(",32.7,-96.8,1\n");
        }
        assertThat(CameraCsv.read(file.toString())).hasSize(CameraCsv.MAX_ROWS);

        file.append("one-more,Camera,32.7,-96.8,1\n");
        assertThatThrownBy(() -> CameraCsv.read(file.toString())).isInstanceOf(InvalidImportFileException.class)
                .hasMessageContaining("more than 10000");
    }

    @Test
    void aFileThatIsNotCsvIsRefused() {
        assertThatThrownBy(() -> CameraCsv.read(HEADER + "\nr1,\"Porch,32.7,-96.8,1\n"))
                .isInstanceOf(InvalidImportFileException.class);
    }
}
