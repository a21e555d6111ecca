package dev.dlitools.dli.maven;

import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * A parameter the pom's {@code upload-group} executions set, for a goal that needs it and was given none. Maven
 * applies an execution's {@code <configuration>} to that execution only: {@code mvn dli:describe} runs as
 * {@code default-cli} and never sees an execution's {@code <group>}, nor {@code mvn dli:submit} its
 * {@code <resultFile>}, so it is read from the project's model.
 *
 * @param value what the executions set it to
 * @param executions the ids of the executions that set it
 */
record ExecutionSetting(String value, List<String> executions) {

    /** This plugin, as a pom declares it. */
    static final String PLUGIN_KEY = Plugin.constructKey("dev.dlitools", "dli-maven-plugin");

    private static final String UPLOAD_GROUP = "upload-group";

    /** A parameter of {@code upload-group} that another goal takes from its executions. */
    enum Parameter {
        /** The group it publishes. */
        GROUP(Setting.GROUP, "group", "publish", "groups", "name", "the artifactId",
                MavenProject::getArtifactId, (project, value) -> value),
        /** Where it writes its result, relative to the project as Maven takes a file parameter. */
        RESULT_FILE(Setting.RESULT_FILE, "result file", "write", "result files", "path", "the default",
                project -> Path.of(project.getBuild().getDirectory(), AbstractProjectMojo.RESULT_FILE_NAME)
                        .normalize().toString(),
                (project, value) -> project.getBasedir().toPath().resolve(value).normalize().toString());

        private final Setting setting;
        private final String noun;
        private final String verb;
        private final String plural;
        private final String example;
        private final String fallbackName;
        private final Function<MavenProject, String> fallback;
        private final BiFunction<MavenProject, String, String> resolved;

        Parameter(Setting setting, String noun, String verb, String plural, String example, String fallbackName,
                Function<MavenProject, String> fallback, BiFunction<MavenProject, String, String> resolved) {
            this.setting = setting;
            this.noun = noun;
            this.verb = verb;
            this.plural = plural;
            this.example = example;
            this.fallbackName = fallbackName;
            this.fallback = fallback;
            this.resolved = resolved;
        }

        /** What an execution that does not set it takes, as does a goal run from the command line. */
        String defaultFor(MavenProject project) {
            return fallback.apply(project);
        }

        /** Its name in the pom, {@code resultFile}. */
        String element() {
            return MavenWords.written(setting).parameter();
        }
    }

    /**
     * The one value that the project's {@code upload-group} executions take for {@code parameter}, each its own
     * or else the parameter's default.
     *
     * @return empty when no execution runs {@code upload-group}, or none sets the parameter: then it is the
     *     default, as for a goal run from the command line
     * @throws SettingException naming the parameter's setting when the executions take different values, or when
     *     their value holds a {@code ${...}} expression the pom does not resolve: known only while the execution
     *     runs (a property another plugin sets) or never, it cannot be taken, and a guess could act on another
     *     group or read another's result
     */
    static Optional<ExecutionSetting> of(MavenProject project, Parameter parameter) {
        // the value each one takes, with the ids of the executions that set it, in the pom's order
        Map<String, List<String>> setBy = new LinkedHashMap<>();
        Map<String, List<String>> takenBy = new LinkedHashMap<>();
        for (PluginExecution execution : uploadGroupExecutions(project)) {
            String set = valueIn(execution, parameter);
            // one the pom does not resolve is no name or path yet: kept as written, to be refused below
            String value = set == null ? parameter.defaultFor(project)
                    : set.contains("${") ? set : parameter.resolved.apply(project, set);
            takenBy.computeIfAbsent(value, name -> new ArrayList<>()).add(execution.getId());
            if (set != null) {
                setBy.computeIfAbsent(value, name -> new ArrayList<>()).add(execution.getId());
            }
        }
        if (takenBy.size() > 1) {
            throw new SettingException(parameter.setting, "No " + parameter.noun + " given, and the pom's upload-group"
                    + " executions " + parameter.verb + " " + takenBy.size() + " " + parameter.plural + ": "
                    + listed(takenBy, setBy, parameter) + ". Choose one with "
                    + parameter.setting.withValue(parameter.example) + ".");
        }
        if (setBy.isEmpty()) {
            return Optional.empty();
        }
        Map.Entry<String, List<String>> only = setBy.entrySet().iterator().next();
        ExecutionSetting found = new ExecutionSetting(only.getKey(), List.copyOf(only.getValue()));
        if (found.value().contains("${")) {
            throw new SettingException(parameter.setting, "No " + parameter.noun + " given, and " + found.source()
                    + " sets <" + parameter.element() + "> to " + found.value() + ", which the pom does not resolve:"
                    + " its value is known only while that execution runs, if at all. Give "
                    + parameter.setting.withValue(parameter.example) + ".");
        }
        return Optional.of(found);
    }

    /** Where the value comes from: {@code the upload-group execution 'publish' in the pom}. */
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

    /** The execution's own value of the parameter, trimmed; {@code null} when it sets none or a blank one. */
    private static String valueIn(PluginExecution execution, Parameter parameter) {
        if (!(execution.getConfiguration() instanceof Xpp3Dom configuration)) {
            return null;
        }
        Xpp3Dom element = configuration.getChild(parameter.element());
        return element == null ? null : AbstractDliMojo.firstPresent(element.getValue());
    }

    /** {@code etl-nightly (execution 'nightly'), orders-job (execution 'default', without <group>: the artifactId)}. */
    private static String listed(Map<String, List<String>> takenBy, Map<String, List<String>> setBy,
            Parameter parameter) {
        return takenBy.entrySet().stream()
                .map(entry -> entry.getKey() + " (" + executions(entry.getValue())
                        + (setBy.containsKey(entry.getKey()) ? ""
                                : ", without <" + parameter.element() + ">: " + parameter.fallbackName) + ")")
                .collect(Collectors.joining(", "));
    }

    /** {@code execution 'nightly'}, {@code executions 'a', 'b'}. */
    private static String executions(List<String> ids) {
        return "execution" + (ids.size() == 1 ? " " : "s ")
                + ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
    }
}
