package dev.dlitools.dli.maven;

import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The package group the pom's {@code upload-group} executions publish, for a goal that names a group and was given
 * none. Maven applies an execution's {@code <configuration>} to that execution only: {@code mvn dli:describe} runs
 * as {@code default-cli} and never sees an execution's {@code <group>}, so it is read from the project's model.
 *
 * @param name the group
 * @param executions the ids of the executions whose {@code <group>} names it
 */
record ExecutionGroup(String name, List<String> executions) {

    /** This plugin, as a pom declares it. */
    static final String PLUGIN_KEY = Plugin.constructKey("dev.dlitools", "dli-maven-plugin");

    private static final String UPLOAD_GROUP = "upload-group";

    /**
     * The one group that the project's {@code upload-group} executions publish, each its {@code <group>} or else
     * the artifactId.
     *
     * @return empty when no execution runs {@code upload-group}, or none sets a {@code <group>}: then the group is
     *     the artifactId, as for a goal run from the command line
     * @throws SettingException naming {@link Setting#GROUP} when the executions publish different groups, or when
     *     their group holds a {@code ${...}} expression the pom does not resolve: known only while the execution
     *     runs (a property another plugin sets) or never, it cannot be taken for the name, and a guess could delete
     *     another group
     */
    static Optional<ExecutionGroup> of(MavenProject project) {
        // the group each one publishes, with the ids of the executions that set it, in the pom's order
        Map<String, List<String>> setBy = new LinkedHashMap<>();
        Map<String, List<String>> publishedBy = new LinkedHashMap<>();
        for (PluginExecution execution : uploadGroupExecutions(project)) {
            String group = group(execution);
            String published = group == null ? project.getArtifactId() : group;
            publishedBy.computeIfAbsent(published, name -> new ArrayList<>()).add(execution.getId());
            if (group != null) {
                setBy.computeIfAbsent(group, name -> new ArrayList<>()).add(execution.getId());
            }
        }
        if (publishedBy.size() > 1) {
            throw new SettingException(Setting.GROUP, "No group given, and the pom's upload-group executions publish "
                    + publishedBy.size() + " groups: " + listed(publishedBy, setBy) + ". Choose one with "
                    + Setting.GROUP.withValue("name") + ".");
        }
        if (setBy.isEmpty()) {
            return Optional.empty();
        }
        Map.Entry<String, List<String>> only = setBy.entrySet().iterator().next();
        ExecutionGroup found = new ExecutionGroup(only.getKey(), List.copyOf(only.getValue()));
        if (found.name().contains("${")) {
            throw new SettingException(Setting.GROUP, "No group given, and " + found.source() + " sets <group> to "
                    + found.name() + ", which the pom does not resolve: its value is known only while that execution"
                    + " runs, if at all. Give " + Setting.GROUP.withValue("name") + ".");
        }
        return Optional.of(found);
    }

    /** Where the name comes from: {@code the upload-group execution 'publish' in the pom}. */
    String source() {
        return "the upload-group " + executions(executions) + " in the pom";
    }

    /** The executions that run upload-group; one moved to phase {@code none}, the way to switch it off, does not. */
    private static List<PluginExecution> uploadGroupExecutions(MavenProject project) {
        Plugin plugin = project.getPlugin(PLUGIN_KEY);
        if (plugin == null) {
            return List.of();
        }
        return plugin.getExecutions().stream()
                .filter(execution -> execution.getGoals().contains(UPLOAD_GROUP))
                .filter(execution -> !"none".equals(execution.getPhase()))
                .toList();
    }

    /** The execution's own {@code <group>}, trimmed; {@code null} when it sets none or a blank one. */
    private static String group(PluginExecution execution) {
        if (!(execution.getConfiguration() instanceof Xpp3Dom configuration)) {
            return null;
        }
        Xpp3Dom group = configuration.getChild("group");
        return group == null ? null : AbstractDliMojo.firstPresent(group.getValue());
    }

    /** {@code etl-nightly (execution 'nightly'), orders-job (execution 'default', without <group>)}. */
    private static String listed(Map<String, List<String>> publishedBy, Map<String, List<String>> setBy) {
        return publishedBy.entrySet().stream()
                .map(entry -> entry.getKey() + " (" + executions(entry.getValue())
                        + (setBy.containsKey(entry.getKey()) ? "" : ", without <group>: the artifactId") + ")")
                .collect(Collectors.joining(", "));
    }

    /** {@code execution 'nightly'}, {@code executions 'a', 'b'}. */
    private static String executions(List<String> ids) {
        return "execution" + (ids.size() == 1 ? " " : "s ")
                + ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
    }
}
