package dev.dlitools.dli.core.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.common.SettingException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectKeyLayoutTest {

    private static final ArtifactCoordinates PROJECT =
            new ArtifactCoordinates("com.example", "etl-job", "1.2.0", "jar", null, null);
    private static final ArtifactCoordinates DEPENDENCY =
            new ArtifactCoordinates("org.apache.commons", "commons-lang3", "3.14.0", "jar", null, "compile");

    @Test
    void artifactsGoUnderTheirOwnCoordinates() {
        ObjectKeyLayout layout = ObjectKeyLayout.withPrefix("dli/packages");

        assertThat(layout.artifactKey(PROJECT, "etl-job-1.2.0.jar"))
                .isEqualTo("dli/packages/com.example/etl-job/1.2.0/etl-job-1.2.0.jar");
        assertThat(layout.artifactKey(DEPENDENCY, "commons-lang3-3.14.0.jar"))
                .isEqualTo("dli/packages/org.apache.commons/commons-lang3/3.14.0/commons-lang3-3.14.0.jar");
    }

    @Test
    void extraFilesGoUnderTheProjectsCoordinatesInFiles() {
        assertThat(ObjectKeyLayout.withPrefix("dli").extraFileKey(PROJECT, "job.py"))
                .isEqualTo("dli/com.example/etl-job/1.2.0/files/job.py");
    }

    @ParameterizedTest
    @CsvSource({"/dli/packages/, dli/packages", "//dli//, dli", "dli, dli", "/, ''"})
    void leadingAndTrailingSlashesAreDropped(String prefix, String normalised) {
        assertThat(ObjectKeyLayout.withPrefix(prefix).prefix()).isEqualTo(normalised);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void withoutPrefixKeysStartAtTheGroupId(String prefix) {
        ObjectKeyLayout layout = ObjectKeyLayout.withPrefix(prefix);

        assertThat(layout.prefix()).isEmpty();
        assertThat(layout.artifactKey(DEPENDENCY, "commons-lang3-3.14.0.jar"))
                .isEqualTo("org.apache.commons/commons-lang3/3.14.0/commons-lang3-3.14.0.jar");
        assertThat(layout.extraFileKey(PROJECT, "job.py")).isEqualTo("com.example/etl-job/1.2.0/files/job.py");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dli/../other", "..", "dli/./x"})
    void dotSegmentsAreRejected(String prefix) {
        assertThatThrownBy(() -> ObjectKeyLayout.withPrefix(prefix))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{PREFIX}}: '" + prefix + "' has the segment '")
                .hasMessageContaining("such as 'dli/packages'");
    }

    @Test
    void dotsInsideASegmentAreFine() {
        assertThat(ObjectKeyLayout.withPrefix("releases..old/v1.0").prefix()).isEqualTo("releases..old/v1.0");
    }

    @Test
    void emptySegmentsAreRejected() {
        assertThatThrownBy(() -> ObjectKeyLayout.withPrefix("dli//packages"))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{PREFIX}}: 'dli//packages' has an empty segment.");
    }

    @Test
    void backslashesAreRejected() {
        assertThatThrownBy(() -> ObjectKeyLayout.withPrefix("dli\\packages"))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{PREFIX}}: 'dli\\packages' contains a backslash.")
                .hasMessageContaining("without empty, '.' or '..' segments, backslashes, control characters or");
    }

    @Test
    void controlCharactersAreRejectedAndShownEscaped() {
        assertThatThrownBy(() -> ObjectKeyLayout.withPrefix("dli\npackages"))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{PREFIX}}: 'dli\\u000Apackages' contains a control"
                        + " character.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "dli packages| ' '",
        "dli/#1| '#'",
        "dli/what?| '?'",
        "dli/50%| '%'",
        "dli/a%20b| '%'",
        "dli/[x]| '[', ']'",
        "dli/{x}| '{', '}'",
        "dli/\u3000x| U+3000"})
    void charactersAnObsPathCannotHoldAreRejected(String prefix, String named) {
        String unescaped = prefix.replace("\\u3000", "\u3000");

        assertThatThrownBy(() -> ObjectKeyLayout.withPrefix(unescaped))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{PREFIX}}: '" + unescaped + "' contains " + named
                        + ", which an obs:// path cannot hold as written: a Spark job given the path would read another"
                        + " object.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pakete-für-dli/数据", "builds/1.0+b", "a~b/c!d/e=f,g;h@i:j$k&l'm(n)o*p"})
    void keysOfOtherCharactersAreTheirOwnObsPaths(String prefix) throws Exception {
        String key = ObjectKeyLayout.withPrefix(prefix).extraFileKey(PROJECT, "job.py");

        // how a Spark job reads obs://bucket/key: as a java.net.URI, then its decoded path
        URI obsPath = new URI("obs://jars/" + key);
        assertThat(obsPath.getPath()).isEqualTo("/" + key);
        assertThat(obsPath.getRawQuery()).isNull();
        assertThat(obsPath.getRawFragment()).isNull();
    }

    @Test
    void aVersionAnObsPathCannotHoldIsRejectedNamingTheArtifact() {
        ArtifactCoordinates odd = new ArtifactCoordinates("com.example", "etl-job", "1.0 #2", "jar", null, null);

        assertThatThrownBy(() -> ObjectKeyLayout.withPrefix("dli").extraFileKey(odd, "job.py"))
                .isInstanceOf(DliException.class)
                .hasMessageStartingWith("The OBS key of com.example:etl-job:jar:1.0 #2 would hold ' ', '#' from its"
                        + " coordinates, which an obs:// path cannot hold as written");
    }

    @Test
    void keysLongerThanObsAllowsAreRejected() {
        ObjectKeyLayout layout = ObjectKeyLayout.withPrefix("p".repeat(900));
        String fitting = "x".repeat(1024 - 901 - "org.apache.commons/commons-lang3/3.14.0/".length());

        assertThat(layout.artifactKey(DEPENDENCY, fitting)).hasSize(1024);
        assertThatThrownBy(() -> layout.artifactKey(DEPENDENCY, fitting + "x"))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{PREFIX}}: the object key '")
                .hasMessageEndingWith("' would be 1025 bytes long, but OBS allows at most 1024. Use a shorter prefix.");
    }

    @Test
    void aKeyTooLongWithoutAPrefixNamesTheFileNotThePrefix() {
        ObjectKeyLayout layout = ObjectKeyLayout.withPrefix("");
        String tooLong = "x".repeat(1025 - "org.apache.commons/commons-lang3/3.14.0/".length());

        assertThatThrownBy(() -> layout.artifactKey(DEPENDENCY, tooLong))
                .isExactlyInstanceOf(DliException.class)
                .hasMessageContaining("would be 1025 bytes long, but OBS allows at most 1024")
                .hasMessageNotContaining("prefix")
                .hasMessageEndingWith("Give the file a shorter name or coordinates.");
    }

    // before, it said to shorten the prefix, which no prefix could fix
    @Test
    void aKeyTooLongEvenWithoutItsPrefixNamesTheFileNotThePrefix() {
        ObjectKeyLayout layout = ObjectKeyLayout.withPrefix("dli");
        String tooLong = "x".repeat(1025 - "org.apache.commons/commons-lang3/3.14.0/".length());

        assertThatThrownBy(() -> layout.artifactKey(DEPENDENCY, tooLong))
                .isExactlyInstanceOf(DliException.class)
                .hasMessageContaining("would be 1029 bytes long, but OBS allows at most 1024")
                .hasMessageEndingWith("Give the file a shorter name or coordinates.");
    }
}
