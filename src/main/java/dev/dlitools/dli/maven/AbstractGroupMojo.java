package dev.dlitools.dli.maven;

import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.common.Setting;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * A goal about one package group: named by {@code dli.group}, in a project by default the one {@code upload-group}
 * publishes.
 */
abstract class AbstractGroupMojo extends AbstractDliMojo {

    /**
     * The package group. In a project, defaults to the same name {@code dli:upload-group} publishes: the plugin's
     * {@code <group>}, else the {@code <group>} of the {@code <execution>} that runs {@code upload-group} (executions
     * publishing different groups are an error), else the artifactId. Outside a project it is required. A
     * {@code -Ddli.group} that a {@code <group>} in the pom beats stops the goal, naming both groups.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.group")
    String group;

    AbstractGroupMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    /** The group setting, else the group of the project's upload-group executions, else its artifactId. */
    String groupName(String goal, MavenListener listener) {
        String given = firstPresent(group);
        // a goal about one group must never show or delete another than the one the command line names; Maven
        // injects the -D value unless the pom's (or an execution's) configuration beat it, a ${...} of its own too
        String named = overriddenProperties().givenOnCommandLine(Setting.GROUP);
        if (named != null && !named.isEmpty() && given != null && !given.equals(named)) {
            throw new DliException(goal + " stops: it would act on group '" + given + "', not on '" + named
                    + "' that the command line names " + Setting.GROUP.aside() + ".");
        }
        if (given != null) {
            return given;
        }
        if (inAProject()) {
            // Maven runs these goals once, at the reactor's root: an aggregator publishes no group of its own
            if ("pom".equals(project.getPackaging()) && !project.getModules().isEmpty()) {
                throw new DliException("No group given, and " + project.getArtifactId() + " is an aggregator of "
                        + "modules that publishes no group of its own. Give group (-Ddli.group=name), or run " + goal
                        + " in a module (-pl <module>).");
            }
            Optional<ExecutionSetting> published = ExecutionSetting.of(project, ExecutionSetting.Parameter.GROUP);
            published.ifPresent(found -> listener.info("Group " + found.value() + ", from " + found.source()
                    + "; -Ddli.group=name names another."));
            return published.map(ExecutionSetting::value).orElse(project.getArtifactId());
        }
        throw new DliException("No group given. Outside a project " + goal + " needs group (-Ddli.group=name).");
    }
}
