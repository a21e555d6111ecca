package dev.dlitools.dli.core.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlitools.dli.core.common.SettingException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TagSettingsTest {

    @Test
    void parsesCommandLineTagsInOrder() {
        Map<String, String> tags = TagSettings.parseCommandLine("team=etl,env=prod,a=1");

        assertThat(tags).containsExactly(Map.entry("team", "etl"), Map.entry("env", "prod"), Map.entry("a", "1"));
    }

    @Test
    void splitsEachPairAtItsFirstEqualsSignAndDropsSurroundingWhitespace() {
        assertThat(TagSettings.parseCommandLine(" expr = a=b , empty= "))
                .containsExactly(Map.entry("expr", "a=b"), Map.entry("empty", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void blankTextMeansNoTags(String text) {
        assertThat(TagSettings.parseCommandLine(text)).isEmpty();
    }

    @Test
    void anEntryWithoutEqualsSignIsAnError() {
        assertThatThrownBy(() -> TagSettings.parseCommandLine("env=prod,team"))
                .isInstanceOf(SettingException.class)
                .hasMessage("Invalid {{TAGS}}: 'team' in 'env=prod,team' is not key=value. Write tags as"
                        + " key=value pairs separated by commas, e.g. {{TAGS=env=prod,team=etl}}.");
    }

    @Test
    void anEmptyKeyIsAnError() {
        assertThatThrownBy(() -> TagSettings.parseCommandLine("env=prod, =etl"))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{TAGS}}: '=etl' in 'env=prod, =etl' has an empty key.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"env=prod,", "env=prod,,team=etl", ",env=prod"})
    void anEmptyEntryIsAnError(String text) {
        assertThatThrownBy(() -> TagSettings.parseCommandLine(text))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{TAGS}}: '" + text + "' has an empty entry.");
    }

    @Test
    void aKeyGivenTwiceIsAnError() {
        assertThatThrownBy(() -> TagSettings.parseCommandLine("env=prod,env=test"))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{TAGS}}: 'env=prod,env=test' sets tag 'env' twice");
    }

    @Test
    void commandLineTagsReplaceThePomTagsEntirely() {
        Map<String, String> pomTags = new LinkedHashMap<>();
        pomTags.put("env", "dev");
        pomTags.put("team", "etl");

        assertThat(TagSettings.effective(pomTags, "env=prod")).containsExactly(Map.entry("env", "prod"));
    }

    @Test
    void emptyCommandLineTagsClearThePomTags() {
        assertThat(TagSettings.effective(Map.of("env", "dev"), "")).isEmpty();
    }

    @Test
    void withoutCommandLineTagsThePomTagsApplyInOrder() {
        Map<String, String> pomTags = new LinkedHashMap<>();
        pomTags.put("team", "etl");
        pomTags.put("env", "dev");

        assertThat(TagSettings.effective(pomTags, null))
                .containsExactly(Map.entry("team", "etl"), Map.entry("env", "dev"));
    }

    @Test
    void noTagsAnywhereMeansNoTags() {
        assertThat(TagSettings.effective(null, null)).isEmpty();
        assertThat(TagSettings.effective(new HashMap<>(), null)).isEmpty();
    }
}
