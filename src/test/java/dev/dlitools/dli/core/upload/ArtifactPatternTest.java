package dev.dlitools.dli.core.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactPatternTest {

    private static final ArtifactCoordinates SPARK_CORE =
            new ArtifactCoordinates("org.apache.spark", "spark-core_2.12", "3.3.1", "jar", null, "compile");
    private static final ArtifactCoordinates NETTY_NATIVE = new ArtifactCoordinates(
            "io.netty", "netty-transport-native-epoll", "4.1.100", "jar", "linux-x86_64", "runtime");

    @Test
    void exactGroupAndArtifactMatchAnyTypeAndClassifier() {
        ArtifactPattern pattern = ArtifactPattern.parse("io.netty:netty-transport-native-epoll", Setting.EXCLUDES);

        assertThat(pattern.matches(NETTY_NATIVE)).isTrue();
        assertThat(pattern.matches(SPARK_CORE)).isFalse();
    }

    @Test
    void starMatchesAWholePart() {
        assertThat(ArtifactPattern.parse("org.apache.spark:*", Setting.EXCLUDES).matches(SPARK_CORE)).isTrue();
        assertThat(ArtifactPattern.parse("*:*", Setting.EXCLUDES).matches(NETTY_NATIVE)).isTrue();
        assertThat(ArtifactPattern.parse("org.apache.spark:*", Setting.EXCLUDES).matches(NETTY_NATIVE)).isFalse();
    }

    @Test
    void starMatchesInsideAPart() {
        assertThat(ArtifactPattern.parse("org.apache.*:spark-*_2.12", Setting.INCLUDES).matches(SPARK_CORE)).isTrue();
        assertThat(ArtifactPattern.parse("org.*.spark:*core*", Setting.INCLUDES).matches(SPARK_CORE)).isTrue();
        assertThat(ArtifactPattern.parse("org.apache.*:spark-*_2.13", Setting.INCLUDES).matches(SPARK_CORE)).isFalse();
        // a dot is literal, not a regex wildcard
        assertThat(ArtifactPattern.parse("org.apache.spark:spark-core_2x12", Setting.INCLUDES).matches(SPARK_CORE))
                .isFalse();
    }

    @Test
    void typeAndClassifierPartsNarrowTheMatch() {
        assertThat(ArtifactPattern.parse("io.netty:*:jar:linux-*", Setting.EXCLUDES).matches(NETTY_NATIVE)).isTrue();
        assertThat(ArtifactPattern.parse("io.netty:*:jar:osx-*", Setting.EXCLUDES).matches(NETTY_NATIVE)).isFalse();
        assertThat(ArtifactPattern.parse("org.apache.spark:*:zip", Setting.EXCLUDES).matches(SPARK_CORE)).isFalse();
        assertThat(ArtifactPattern.parse("org.apache.spark:*:jar", Setting.EXCLUDES).matches(SPARK_CORE)).isTrue();
    }

    @Test
    void aNamedClassifierDoesNotMatchAnArtifactWithoutOne() {
        assertThat(ArtifactPattern.parse("org.apache.spark:*:*:tests", Setting.EXCLUDES).matches(SPARK_CORE)).isFalse();
        assertThat(ArtifactPattern.parse("org.apache.spark:*:*:*", Setting.EXCLUDES).matches(SPARK_CORE)).isTrue();
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        ArtifactPattern pattern = ArtifactPattern.parse("\n   org.apache.spark:*  \n", Setting.EXCLUDES);

        assertThat(pattern.matches(SPARK_CORE)).isTrue();
        assertThat(pattern).hasToString("org.apache.spark:*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"org.apache.spark", "a:b:c:d:e"})
    void aPatternNeedsTwoToFourParts(String text) {
        assertThatThrownBy(() -> ArtifactPattern.parse(text, Setting.EXCLUDES))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{EXCLUDES}}: '" + text + "' has ")
                .hasMessageContaining("but a pattern has 2 to 4")
                .hasMessageContaining("groupId:artifactId[:type[:classifier]]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void anEmptyPatternIsAnError(String text) {
        assertThatThrownBy(() -> ArtifactPattern.parse(text, Setting.INCLUDES))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{INCLUDES}}: an empty pattern.")
                .hasMessageContaining("groupId:artifactId[:type[:classifier]]");
    }

    @Test
    void anEmptyPartIsAnErrorNamingTheSetting() {
        assertThatThrownBy(() -> ArtifactPattern.parseAll(List.of("org.x:y", "org.x::jar"), Setting.INCLUDES))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{INCLUDES}}: 'org.x::jar' has an empty part")
                .hasMessageContaining("write * to match anything");
    }
}
