package org.cameraregistry.registry.importing;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cameraregistry.events.camera.CameraLevel;
import org.cameraregistry.events.camera.CameraView;
import org.cameraregistry.registry.camera.CameraRequest;

/**
 * Turns an import file's row into the request the API takes, so that a row is judged by the very
 * rules a camera registered one at a time is; every fault is named by its column, in words.
 */
final class CameraRows {

    /** The API's field names, by the file's columns. */
    private static final Map<String, String> COLUMNS = Map.of("label", "label", "latitude", "latitude",
            "longitude", "longitude", "level", "level", "facingDegrees", "facing_degrees",
            "fieldOfViewDegrees", "field_of_view_degrees", "views", "views", "retentionDays", "retention_days");

    private final Validator validator;

    CameraRows(Validator validator) {
        this.validator = validator;
    }

    /** The row as a camera to register, or what is wrong with it. */
    Parsed parse(CameraCsv.Row row) {
        List<ImportReport.RowFault> faults = new ArrayList<>();
        String reference = row.value("reference");
        if (reference.isEmpty()) {
            faults.add(fault(row, "reference", "is needed: your own name or number for this camera, unique in your file"));
        } else if (reference.length() > CameraCsv.MAX_REFERENCE_LENGTH) {
            faults.add(fault(row, "reference", "is longer than " + CameraCsv.MAX_REFERENCE_LENGTH + " characters"));
        }
        CameraRequest request = new CameraRequest(
                row.value("label"),
                decimal(row, "latitude", faults),
                decimal(row, "longitude", faults),
                level(row, faults),
                whole(row, "facing_degrees", faults),
                whole(row, "field_of_view_degrees", faults),
                views(row, faults),
                yesOrNo(row, "records_audio", faults),
                whole(row, "retention_days", faults),
                yesOrNo(row, "shares_past_footage", faults));
        for (ConstraintViolation<CameraRequest> violation : validator.validate(request)) {
            String field = violation.getPropertyPath().toString().replaceAll("\\[.*", "");
            String column = COLUMNS.getOrDefault(field, field);
            // A value that could not be read is named once, as unreadable, not again as missing.
            if (faults.stream().noneMatch(known -> known.column().equals(column))) {
                faults.add(fault(row, column, violation.getMessage()));
            }
        }
        return new Parsed(reference, faults.isEmpty() ? request : null, faults);
    }

    private static Double decimal(CameraCsv.Row row, String column, List<ImportReport.RowFault> faults) {
        String value = row.value(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            faults.add(fault(row, column, "must be a number in decimal degrees, such as 32.7767"));
            return null;
        }
    }

    private static Integer whole(CameraCsv.Row row, String column, List<ImportReport.RowFault> faults) {
        String value = row.value(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            faults.add(fault(row, column, "must be a whole number"));
            return null;
        }
    }

    private static CameraLevel level(CameraCsv.Row row, List<ImportReport.RowFault> faults) {
        String value = row.value("level").toUpperCase(Locale.ROOT).replace(" ", "_");
        return switch (value) {
            case "" -> null;
            case "1", "LEVEL_1" -> CameraLevel.LEVEL_1;
            case "2", "LEVEL_2" -> CameraLevel.LEVEL_2;
            default -> {
                faults.add(fault(row, "level", "must be 1 or 2"));
                yield null;
            }
        };
    }

    private static Set<CameraView> views(CameraCsv.Row row, List<ImportReport.RowFault> faults) {
        Set<CameraView> views = EnumSet.noneOf(CameraView.class);
        for (String view : row.value("views").split(";")) {
            if (view.isBlank()) {
                continue;
            }
            try {
                views.add(CameraView.valueOf(view.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                faults.add(fault(row, "views", "names \"" + view.strip() + "\"; the views are street, sidewalk, parking,"
                        + " entrance and exterior, separated by semicolons"));
                return Set.of();
            }
        }
        return views;
    }

    private static Boolean yesOrNo(CameraCsv.Row row, String column, List<ImportReport.RowFault> faults) {
        return switch (row.value(column).toLowerCase(Locale.ROOT)) {
            case "", "no", "false", "0", "n" -> false;
            case "yes", "true", "1", "y" -> true;
            default -> {
                faults.add(fault(row, column, "must be yes or no"));
                yield false;
            }
        };
    }

    private static ImportReport.RowFault fault(CameraCsv.Row row, String column, String reason) {
        return new ImportReport.RowFault(row.line(), column, reason);
    }

    /**
     * @param reference the owner's reference for the camera
     * @param request   the camera to register, or null when the row has faults
     * @param faults    what is wrong with the row; empty if nothing
     */
    record Parsed(String reference, CameraRequest request, List<ImportReport.RowFault> faults) {
    }
}
