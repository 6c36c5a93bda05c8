package org.cameraregistry.registry.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * The camera import file: comma-separated, a header naming the columns (in any order), one camera
 * a row. {@code reference} is the owner's own name for the camera, unique within their cameras:
 * importing a file again changes the cameras it names rather than registering them twice.
 */
final class CameraCsv {

    static final int MAX_ROWS = 10_000;
    static final List<String> REQUIRED = List.of("reference", "label", "latitude", "longitude", "level");
    static final List<String> OPTIONAL = List.of("facing_degrees", "field_of_view_degrees", "views", "records_audio",
            "retention_days", "shares_past_footage");
    static final int MAX_REFERENCE_LENGTH = 64;

    private static final CsvMapper CSV = CsvMapper.builder().build();

    private CameraCsv() {
    }

    /**
     * The file's rows, each with its line in the file (the header being line 1).
     *
     * @throws InvalidImportFileException if it is empty, not CSV, its header misses a column or names
     *                                    an unknown one, or it has more than {@value #MAX_ROWS} rows
     */
    static List<Row> read(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (content.isBlank()) {
            throw new InvalidImportFileException("The file is empty: it needs a header line and a line per camera.");
        }
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<List<String>> lines = CSV.readerForListOf(String.class)
                .with(CsvReadFeature.WRAP_AS_ARRAY)
                .readValues(content)) {
            List<String> header = lines.nextValue().stream().map(CameraCsv::columnName).toList();
            checkHeader(header);
            int line = 1;
            while (lines.hasNextValue()) {
                List<String> values = lines.nextValue();
                line++;
                if (values.stream().allMatch(value -> value == null || value.isBlank())) {
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw new InvalidImportFileException("The file has more than " + MAX_ROWS
                            + " cameras; split it into files of at most " + MAX_ROWS + ".");
                }
                Map<String, String> byColumn = new HashMap<>();
                for (int column = 0; column < header.size() && column < values.size(); column++) {
                    byColumn.put(header.get(column), values.get(column) == null ? "" : values.get(column).strip());
                }
                rows.add(new Row(line, byColumn));
            }
        } catch (JacksonException notCsv) {
            throw new InvalidImportFileException("The file could not be read as CSV: " + notCsv.getOriginalMessage());
        }
        if (rows.isEmpty()) {
            throw new InvalidImportFileException("The file has a header but no camera.");
        }
        return rows;
    }

    private static String columnName(String header) {
        return header == null ? "" : header.strip().toLowerCase(Locale.ROOT);
    }

    private static void checkHeader(List<String> columns) {
        List<String> missing = REQUIRED.stream().filter(column -> !columns.contains(column)).toList();
        List<String> unknown = columns.stream().filter(column -> !REQUIRED.contains(column) && !OPTIONAL.contains(column))
                .toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new InvalidImportFileException("The header line "
                    + (missing.isEmpty() ? "" : "misses the column(s) " + String.join(", ", missing))
                    + (!missing.isEmpty() && !unknown.isEmpty() ? " and " : "")
                    + (unknown.isEmpty() ? "" : "names column(s) the file cannot have: " + String.join(", ", unknown))
                    + ". The columns are " + String.join(", ", REQUIRED) + " and, optionally, " + String.join(", ", OPTIONAL) + ".");
        }
    }

    /**
     * One camera's line.
     *
     * @param line   where it is in the file, the header being line 1
     * @param values by column, stripped; empty where the file left it empty
     */
    record Row(int line, Map<String, String> values) {

        String value(String column) {
            return values.getOrDefault(column, "");
        }
    }
}
