package dev.dlitools.dli.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On a Maven older than 3.9 every goal stops with the way out (a wrapper for Maven 3.9), not with Maven's bare
 * "requires Maven version": the plugin's pom declares no prerequisite, which Maven 3.8 would check instead.
 */
class MavenVersionTest {

    @Test
    void anOldMavenStopsTheGoalBeforeAnythingElseWithTheWayOut() {
        ListMojo mojo = new ListMojo(null);
        mojo.mavenVersion = "3.8.7";

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("The dli-maven-plugin needs Maven 3.9.0 or newer, and this build runs Maven 3.8.7: build"
                        + " the project with Maven 3.9+. With an older mvn (Debian's and Ubuntu's is 3.8), add a Maven"
                        + " wrapper to the project once, `mvn wrapper:wrapper -Dmaven=3.9.11`, then build with"
                        + " `./mvnw` instead of `mvn`.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.9.0", "3.9.16", "4.0.0-rc-4", "4.0.0"})
    void maven39AndNewerRunTheGoals(String version) {
        assertThatCode(() -> AbstractDliMojo.requireMaven(version)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.8.8", "3.6.3", "3.9.0-alpha-1"})
    void olderMavensAreStopped(String version) {
        assertThatThrownBy(() -> AbstractDliMojo.requireMaven(version)).hasMessageContaining("runs Maven " + version);
    }

    @Test
    void theMinimumIsTheDescriptorsAndThePomDeclaresNoPrerequisite() throws Exception {
        Path classes = Path.of(ListMojo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String required = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(classes.resolve("META-INF/maven/plugin.xml").toFile())
                .getElementsByTagName("requiredMavenVersion").item(0).getTextContent().trim();

        assertThat(required).isEqualTo(AbstractDliMojo.MINIMUM_MAVEN);
        assertThat(Files.readString(Path.of("pom.xml"))).doesNotContain("<prerequisites>");
        assertThat(Files.readString(Path.of("README.md")))
                .contains("mvn wrapper:wrapper -Dmaven=" + AbstractDliMojo.WRAPPER_MAVEN);
    }
}
