package dev.dlitools.dli.core.upload;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BucketNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"etl-jars", "abc", "a.b-c", "0123", "my.bucket.2024", "a234567890123456789012345678901"
            + "234567890123456789012345678901z"})
    void namesOfOurRuleAreAccepted(String bucket) {
        assertThatCode(() -> BucketName.check(bucket)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Etl-Jars|has upper-case letters",
        "etl_jars|has a character OBS does not allow",
        "ab|is 2 characters long",
        "-etl|does not start and end with a letter or digit",
        "etl.|does not start and end with a letter or digit",
        "etl..jars|has '..', '.-' or '-.'",
        "etl.-jars|has '..', '.-' or '-.'",
        "etl-.jars|has '..', '.-' or '-.'",
        "192.168.5.4|is an IP address"})
    void namesOutsideTheRuleAreRefusedNamingTheSettingAndTheReason(String bucket, String reason) {
        assertThatThrownBy(() -> BucketName.check(bucket))
                .isInstanceOf(SettingException.class)
                .hasFieldOrPropertyWithValue("setting", Setting.BUCKET)
                .hasMessageStartingWith("Invalid {{BUCKET}}: '" + bucket + "' " + reason)
                .hasMessageContaining("3 to 63 lowercase letters");
    }

    @Test
    void namesLongerThan63AreRefused() {
        assertThatThrownBy(() -> BucketName.check("b".repeat(64)))
                .hasMessageContaining("is 64 characters long");
    }
}
