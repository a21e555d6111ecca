package dev.dlitools.dli.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which Spark versions take packages only as OBS paths: 3.3.1 and later, read part by part as numbers. */
class SparkVersionsTest {

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
        "3.3.1, true",
        "3.3.2, true",
        "3.4, true",
        "3.5.1, true",
        "3.10.0, true",
        "4.0.0, true",
        "' 3.3.1 ', true",
        "3.3.1-hw, true",
        "3.3.0, false",
        "3.3, false",
        "3.1.1, false",
        "2.4.5, false",
        "none, false",
        "latest, false",
        "3, false",
        "3.31234567, false"})
    void takesOnlyObsPathsFrom331On(String version, boolean onlyObsPaths) {
        assertThat(SparkVersions.takesOnlyObsPaths(version)).as(version).isEqualTo(onlyObsPaths);
    }
}
