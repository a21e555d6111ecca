package dev.dlitools.dli.maven;

import dev.dlitools.dli.core.common.DliException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** A goal about one package group: named by {@code dli.group}, in a project by default the artifactId. */
abstract class AbstractGroupMojo extends AbstractDliMojo {

    /**
     * The package group. In a project, defaults to the same name {@code dli:upload-group} publishes (its
     * {@code <group>} configuration, else the artifactId); outside a project it is required.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.group")
    String group;

    AbstractGroupMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    /** The group setting, else the project's artifactId. */
    String groupName(String goal) {
        String given = firstPresent(group);
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
            return project.getArtifactId();
        }
        throw new DliException("No group given. Outside a project " + goal + " needs group (-Ddli.group=name).");
    }
}
