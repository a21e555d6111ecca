package dev.dlitools.dli.maven;

import dev.dlitools.dli.core.common.Setting;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The {@code -D} properties a value in the pom's plugin {@code <configuration>} beat: Maven gives that value
 * precedence, so a message about it that named only the property would point at the very property the user just
 * passed in vain. The errors of every goal get a note for each setting they name that was decided this way.
 */
final class OverriddenProperties {

    private final Xpp3Dom configuration;
    private final Properties userProperties;
    private final Properties systemProperties;

    /**
     * @param configuration the goal's configuration as Maven executes it: the pom's values, and for the
     *     parameters the pom leaves out the {@code ${property}} expression; {@code null} when unknown
     * @param userProperties the command line's {@code -D} properties
     * @param systemProperties the JVM's, where {@code MAVEN_OPTS} puts its {@code -D} properties
     */
    OverriddenProperties(Xpp3Dom configuration, Properties userProperties, Properties systemProperties) {
        this.configuration = configuration;
        this.userProperties = userProperties;
        this.systemProperties = systemProperties;
    }

    /**
     * One sentence per setting that the message names whose {@code -D} property lost to the pom, each starting
     * with a space; empty when there is none.
     *
     * @param message the core's message, naming settings by reference ({@link Setting#named()})
     */
    String note(String message) {
        Set<Setting> named = MavenWords.referencedIn(message);
        return named.stream()
                .sorted()
                .map(this::note)
                .collect(Collectors.joining());
    }

    /**
     * The note of each of the goal's settings whose {@code -D} property lost to the pom, as a sentence of its own:
     * said before the goal runs, as a value the command line asked for in vain is otherwise noticed only when it
     * causes an error, if ever.
     */
    List<String> everyNote() {
        return Arrays.stream(Setting.values())
                .filter(setting -> MavenWords.written(setting) != null)
                .map(this::note)
                .filter(note -> !note.isEmpty())
                .map(String::strip)
                .toList();
    }

    /** The value the command line gives the setting's {@code -D} property, trimmed; {@code null} when none. */
    String givenOnCommandLine(Setting setting) {
        String property = MavenWords.written(setting).property();
        return property == null ? null : given(property);
    }

    private String note(Setting setting) {
        MavenWords.Written written = MavenWords.written(setting);
        String pomValue = pomValue(written.parameter());
        String given = givenOnCommandLine(setting);
        if (pomValue == null || given == null || given.equals(pomValue)) {
            return "";
        }
        String element = written.element();
        return " The pom's " + written.element(pomValue) + " set " + written.parameter() + ": -D"
                + written.property() + "=" + given + " lost to it, as Maven gives the plugin's <configuration>"
                + " precedence over -D. Remove " + element + " from the pom, or give it there as <properties><"
                + written.property() + ">" + pomValue + "</" + written.property() + "></properties>, which -D"
                + " overrides.";
    }

    /** The literal value the pom gives the parameter ({@code job.queue}: {@code <job><queue>}), or {@code null}. */
    private String pomValue(String parameter) {
        Xpp3Dom element = configuration;
        for (String name : parameter.split("\\.")) {
            element = element == null ? null : element.getChild(name);
        }
        if (element == null || element.getChildCount() > 0 || element.getValue() == null) {
            return null;
        }
        String value = element.getValue().trim();
        // an expression is what Maven puts for a parameter the pom leaves out; the pom's own are interpolated
        return value.isEmpty() || value.contains("${") ? null : value;
    }

    private String given(String property) {
        String value = userProperties == null ? null : userProperties.getProperty(property);
        if (value == null && systemProperties != null) {
            value = systemProperties.getProperty(property);
        }
        return value == null ? null : value.trim();
    }
}
