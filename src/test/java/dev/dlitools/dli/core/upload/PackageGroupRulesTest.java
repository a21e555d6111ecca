package dev.dlitools.dli.core.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlitools.dli.core.common.SettingException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PackageGroupRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"etl", "etl_jobs-2.1", "A", "0day"})
    void acceptsConservativeGroupNames(String group) {
        assertThatCode(() -> PackageGroupRules.validateGroupName(group)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"etl-job-1.0.jar", "job_v2!.py", "deps.zip", "x"})
    void acceptsPackageNamesWithinDlisRule(String fileName) {
        assertThat(PackageGroupRules.packageNameProblem(fileName)).isNull();
    }

    @Test
    void namesWhatIsWrongWithAPackageName() {
        assertThat(PackageGroupRules.packageNameProblem("foo-1.0+build.jar")).isEqualTo("contains '+'");
        assertThat(PackageGroupRules.packageNameProblem("caf\u00e9 lib.jar")).isEqualTo("contains '\u00e9', ' '");
        assertThat(PackageGroupRules.packageNameProblem(".hidden.py")).isEqualTo("starts with '.'");
        assertThat(PackageGroupRules.packageNameProblem("p".repeat(125) + ".jar"))
                .isEqualTo("is 129 characters long");
        assertThat(PackageGroupRules.packageNameProblem("p".repeat(124) + ".jar")).isNull();
    }

    @Test
    void acceptsAGroupNameOfTheMaximumLength() {
        assertThatCode(() -> PackageGroupRules.validateGroupName("g".repeat(64))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aGroupNameIsRequired(String group) {
        assertThatThrownBy(() -> PackageGroupRules.validateGroupName(group))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{GROUP}}: no package group name is set.")
                .hasMessageContaining("1 to 64 characters");
    }

    @Test
    void aGroupNameHasAtMost64Characters() {
        assertThatThrownBy(() -> PackageGroupRules.validateGroupName("g".repeat(65)))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{GROUP}}: '" + "g".repeat(65) + "' is 65 characters long.")
                .hasMessageContaining("1 to 64 characters: letters A-Z and a-z, digits, '_', '-' and '.'");
    }

    @Test
    void illegalCharactersAreNamedOnce() {
        assertThatThrownBy(() -> PackageGroupRules.validateGroupName("my etl/jobs!!\t"))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{GROUP}}: 'my etl/jobs!!\t' contains ' ', '/', '!', U+0009.")
                .hasMessageContaining("letters A-Z and a-z, digits");
    }

    @Test
    void nonAsciiLettersAreNotAllowedInGroupNames() {
        assertThatThrownBy(() -> PackageGroupRules.validateGroupName("作业"))
                .isInstanceOf(SettingException.class)
                .hasMessageContaining("contains '作', '业'");
    }

    @ParameterizedTest
    @ValueSource(strings = {".hidden", "-x", "_x"})
    void aGroupNameStartsWithALetterOrDigit(String group) {
        assertThatThrownBy(() -> PackageGroupRules.validateGroupName(group))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{GROUP}}: '" + group + "' starts with '" + group.charAt(0))
                .hasMessageContaining("starting with a letter or digit");
    }

    @Test
    void acceptsTagsWithinDlisRules() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("env", "prod");
        tags.put("k".repeat(128), "v".repeat(255));
        tags.put("owner", "team.etl@example:a=b+c-d_e f");
        tags.put("项目", "数据湖");
        tags.put("empty", "");
        tags.put("unset", null);

        assertThatCode(() -> PackageGroupRules.validateTags(tags)).doesNotThrowAnyException();
    }

    @Test
    void atMostTenTags() {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 1; i <= 10; i++) {
            tags.put("k" + i, "v");
        }
        assertThatCode(() -> PackageGroupRules.validateTags(tags)).doesNotThrowAnyException();

        tags.put("k11", "v");
        assertThatThrownBy(() -> PackageGroupRules.validateTags(tags))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{TAGS}}: 11 tags are set: k1, k2,")
                .hasMessageContaining("At most 10 tags.");
    }

    @Test
    void aTagKeyMustNotBeEmpty() {
        assertThatThrownBy(() -> PackageGroupRules.validateTags(Map.of("", "prod")))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{TAGS}}: a tag has an empty key (value 'prod').")
                .hasMessageContaining("A tag key has 1 to 128 characters");
    }

    @Test
    void aTagKeyHasAtMost128Characters() {
        assertThatThrownBy(() -> PackageGroupRules.validateTags(Map.of("k".repeat(129), "v")))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{TAGS}}: tag key '" + "k".repeat(129)
                        + "' is 129 characters long.");
    }

    @Test
    void aTagValueHasAtMost255Characters() {
        assertThatThrownBy(() -> PackageGroupRules.validateTags(Map.of("env", "v".repeat(256))))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{TAGS}}: value '" + "v".repeat(256)
                        + "' of tag 'env' is 256 characters long.")
                .hasMessageContaining("a value 0 to 255");
    }

    @Test
    void illegalTagCharactersAreNamed() {
        assertThatThrownBy(() -> PackageGroupRules.validateTags(Map.of("env", "prod/eu,1")))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{TAGS}}: value 'prod/eu,1' of tag 'env' contains '/', ','.")
                .hasMessageContaining("letters, digits, spaces and _ . : = + - @");
        assertThatThrownBy(() -> PackageGroupRules.validateTags(Map.of("team#", "etl")))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{TAGS}}: tag key 'team#' contains '#'.");
    }

    @Test
    void tagsMustNotStartOrEndWithASpace() {
        assertThatThrownBy(() -> PackageGroupRules.validateTags(Map.of(" env", "prod")))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{TAGS}}: tag key ' env' starts or ends with a space.");
        assertThatThrownBy(() -> PackageGroupRules.validateTags(Map.of("env", "prod ")))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{TAGS}}: value 'prod ' of tag 'env' starts or ends with a"
                        + " space.");
    }

    @Test
    void sysTagKeysAreReserved() {
        assertThatThrownBy(() -> PackageGroupRules.validateTags(Map.of("_sys_owner", "me")))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{TAGS}}: tag key '_sys_owner' starts with _sys_, which"
                        + " Huawei Cloud reserves.");
    }
}
