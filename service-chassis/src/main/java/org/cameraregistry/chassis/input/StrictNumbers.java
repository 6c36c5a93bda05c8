package org.cameraregistry.chassis.input;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.beans.PropertyEditorRegistry;

/**
 * Numbers in query parameters and paths as the API documents them: plain decimal. Spring's own
 * reading also takes hexadecimal ({@code 0x10}, {@code #10}) and, for fractions, {@code NaN},
 * {@code Infinity} and hexadecimal floating point; a client that sends those has made a mistake
 * that should be answered with 400, not silently reinterpreted.
 *
 * <p>Registered as property editors because a binder tries those before its conversion service,
 * and falls back to Spring's lenient default editors when the conversion service refuses a value.
 */
public final class StrictNumbers {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,19}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");

    private StrictNumbers() {
    }

    /** Registers the strict readings for every number type a request parameter may bind to. */
    public static void register(PropertyEditorRegistry registry) {
        registry.registerCustomEditor(Integer.class, editor(text -> Integer.valueOf(integer(text))));
        registry.registerCustomEditor(int.class, editor(text -> Integer.valueOf(integer(text))));
        registry.registerCustomEditor(Long.class, editor(text -> Long.valueOf(integer(text))));
        registry.registerCustomEditor(long.class, editor(text -> Long.valueOf(integer(text))));
        registry.registerCustomEditor(Double.class, editor(text -> Double.valueOf(decimal(text))));
        registry.registerCustomEditor(double.class, editor(text -> Double.valueOf(decimal(text))));
    }

    static String integer(String text) {
        String trimmed = text.strip();
        if (!INTEGER.matcher(trimmed).matches()) {
            throw new NumberFormatException("not a decimal whole number: " + text);
        }
        return trimmed;
    }

    static String decimal(String text) {
        String trimmed = text.strip();
        if (!DECIMAL.matcher(trimmed).matches()) {
            throw new NumberFormatException("not a decimal number: " + text);
        }
        return trimmed;
    }

    /** An empty parameter binds as absent, as Spring's own number editors do. */
    private static PropertyEditorSupport editor(Function<String, Number> parse) {
        return new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isBlank() ? null : parse.apply(text));
            }
        };
    }
}
