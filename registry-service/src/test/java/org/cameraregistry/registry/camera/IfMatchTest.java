package org.cameraregistry.registry.camera;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IfMatchTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"\"3\"|3", "W/\"3\"|3", " \"12\" |12"})
    void anETagTheRegistryIssuedNamesItsVersion(String header, long version) {
        assertThat(IfMatch.version(header)).isEqualTo(version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "\"three\"", "\"0\"", "\"-1\"", "\"", "\"3\", \"4\"", "\"99999999999999999999\""})
    void aTagTheRegistryNeverIssuedMatchesNoVersion(String header) {
        assertThat(IfMatch.version(header)).isEqualTo(IfMatch.NO_VERSION);
    }

    @Test
    void noHeaderOrAStarMatchesAnyVersion() {
        assertThat(IfMatch.version(null)).isNull();
        assertThat(IfMatch.version(" ")).isNull();
        assertThat(IfMatch.version("*")).isNull();
    }

    @Test
    void theETagOfAVersionReadsBackAsThatVersion() {
        assertThat(IfMatch.version(IfMatch.etag(7))).isEqualTo(7);
    }
}
