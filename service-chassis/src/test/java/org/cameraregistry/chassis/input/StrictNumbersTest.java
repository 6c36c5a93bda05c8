package org.cameraregistry.chassis.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "10", "+10", "-3", " 42 "})
    void decimalWholeNumbersAreRead(String text) {
        assertThat(Long.parseLong(StrictNumbers.integer(text))).isEqualTo(Long.parseLong(text.strip()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x10", "0X10", "#10", "010.0", "1e3", "ten", "", "12345678901234567890"})
    void otherWholeNumberNotationsAreRefused(String text) {
        assertThatThrownBy(() -> StrictNumbers.integer(text)).isInstanceOf(NumberFormatException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"32.7767", "-96.797", "0", ".5", "5.", "1e3", "-1.5E-2", "+90"})
    void decimalNumbersAreRead(String text) {
        assertThat(Double.parseDouble(StrictNumbers.decimal(text))).isEqualTo(Double.parseDouble(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "0x1p5", "1d", "2f", "1,5", "", "."})
    void otherDecimalNotationsAreRefused(String text) {
        assertThatThrownBy(() -> StrictNumbers.decimal(text)).isInstanceOf(NumberFormatException.class);
    }
}
