package dev.dlitools.dli.maven;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dlitools.dli.core.Dli;
import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import dev.dlitools.dli.core.dli.DliJson;
import dev.dlitools.dli.core.job.JobFiles;
import dev.dlitools.dli.core.job.JobOutcomeException;
import dev.dlitools.dli.core.job.MainClass;
import dev.dlitools.dli.core.job.SparkJobResult;
import dev.dlitools.dli.core.job.SubmitRequest;
import dev.dlitools.dli.core.publish.PublishResult;
import dev.dlitools.dli.core.publish.PublishedFile;
import dev.dlitools.dli.core.report.StepSummary;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Runs a Spark job on DLI with the files {@code dli:upload-group} published (the project's artifact as the job's
 * file, the other files as its jars, all as OBS paths), waits for its end and fails the build when it dies or does
 * not end in time. Not bound to a phase: run {@code mvn deploy dli:submit}, or bind it after {@code upload-group}.
 *
 * @since 0.2.0
 */
@Mojo(name = "submit", threadSafe = true)
public class SubmitMojo extends AbstractProjectMojo {

    /** The project context key under which {@code dli:upload-group} leaves its result for this goal. */
    static final String PUBLISH_RESULT = PublishResult.class.getName();

    /** The project context key under which {@code dli:upload-group} says it skipped a project with nothing to run. */
    static final String NOTHING_OF_ITS_OWN = PUBLISH_RESULT + ".nothingOfItsOwn";

    /**
     * The Spark job: {@code queue} (required), {@code className}, {@code name}, {@code args}, {@code conf},
     * {@code scType}, {@code sparkVersion}, {@code driverMemory}, {@code driverCores}, {@code executorMemory},
     * {@code executorCores}, {@code numExecutors}, {@code feature}, {@code maxRetryTimes}, {@code timeout},
     * {@code wait}, {@code cancelOnTimeout}, {@code cancelOnInterrupt}, {@code logLines}. Each one left out here is
     * taken from the property {@code dli.job.<name>} (e.g. {@code -Ddli.job.queue=etl}; {@code -Ddli.job.args} as a
     * JSON array of strings), except {@code conf}.
     *
     * @since 0.2.0
     */
    @Parameter
    Job job;

    /**
     * Where the job's outcome (id, name, queue, request, states with times, final state, log tail) is written. The
     * values of {@code conf} keys that look secret ({@code secret}, {@code password}, {@code token},
     * {@code credential}, {@code access.key}) are masked in it.
     *
     * @since 0.2.0
     */
    @Parameter(property = "dli.job.resultFile", defaultValue = "${project.build.directory}/dli-spark-job.json")
    File jobResultFile;

    @Inject
    public SubmitMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    void run(MavenListener listener) throws MojoFailureException {
        if (skipped("dli:submit", listener)) {
            return;
        }
        // a reactor's parent, when the goals are bound for every module: as upload-group skipped it, so does this
        if (Boolean.TRUE.equals(project.getContextValue(NOTHING_OF_ITS_OWN))) {
            listener.info("Skipping dli:submit: dli:upload-group published nothing for project "
                    + project.getArtifactId() + ", which has pom packaging and lists no files.");
            return;
        }
        SubmitRequest request = submitRequest(listener);
        requireOnline("dli:submit");
        try (Dli dli = dli(listener)) {
            report(dli.submit(request), listener);
        } catch (JobOutcomeException e) {
            report(e.result(), listener);
            throw new MojoFailureException(words(e), debugCause(e));
        }
    }

    /** The goal's parameters, and the properties of the job settings the pom leaves out, as the core's request. */
    private SubmitRequest submitRequest(MavenListener listener) {
        Job given = job == null ? new Job() : job;
        PublishResult published = published(listener);
        JobFiles files = JobFiles.of(published);
        return SubmitRequest.builder()
                .files(files)
                .queue(text(given.queue, Setting.JOB_QUEUE))
                .clusterName(text(given.clusterName, Setting.JOB_CLUSTER_NAME))
                .className(Optional.ofNullable(text(given.className, Setting.JOB_CLASS_NAME))
                        .orElseGet(() -> manifestMainClass(files)))
                .name(Optional.ofNullable(text(given.name, Setting.JOB_NAME))
                        .orElse(published.group() + "-" + project.getVersion()))
                .args(given.args != null ? given.args : jsonList(property(Setting.JOB_ARGS)))
                .conf(given.conf)
                .scType(text(given.scType, Setting.JOB_SC_TYPE))
                .sparkVersion(text(given.sparkVersion, Setting.JOB_SPARK_VERSION))
                .driverMemory(text(given.driverMemory, Setting.JOB_DRIVER_MEMORY))
                .driverCores(number(given.driverCores, Setting.JOB_DRIVER_CORES))
                .executorMemory(text(given.executorMemory, Setting.JOB_EXECUTOR_MEMORY))
                .executorCores(number(given.executorCores, Setting.JOB_EXECUTOR_CORES))
                .numExecutors(number(given.numExecutors, Setting.JOB_NUM_EXECUTORS))
                .feature(text(given.feature, Setting.JOB_FEATURE))
                .maxRetryTimes(number(given.maxRetryTimes, Setting.JOB_MAX_RETRY_TIMES))
                .timeout(Duration.ofSeconds(Objects.requireNonNullElse(number(given.timeout, Setting.JOB_TIMEOUT),
                        (int) SubmitRequest.DEFAULT_TIMEOUT.toSeconds())))
                .waitForEnd(flag(given.wait, Setting.JOB_WAIT, true))
                .cancelOnTimeout(flag(given.cancelOnTimeout, Setting.JOB_CANCEL_ON_TIMEOUT, true))
                .cancelOnInterrupt(flag(given.cancelOnInterrupt, Setting.JOB_CANCEL_ON_INTERRUPT, true))
                .logLines(Objects.requireNonNullElse(number(given.logLines, Setting.JOB_LOG_LINES),
                        SubmitRequest.DEFAULT_LOG_LINES))
                .pollInterval(Duration.ofSeconds(pollInterval))
                .resultFile(jobResultFile.toPath())
                .build();
    }

    /** The step summary row, and at {@code -q} the outcome in one line. */
    private void report(SparkJobResult result, MavenListener listener) {
        appendStepSummary(jobResultFile, (summary, shown) -> StepSummary.appendTo(summary, result, shown), listener);
        printWhenQuiet(List.of(result.summaryLine()));
    }

    /** The result of {@code dli:upload-group} in this build, else its result file. */
    private PublishResult published(MavenListener listener) {
        if (project.getContextValue(PUBLISH_RESULT) instanceof PublishResult inThisBuild) {
            return inThisBuild;
        }
        File readFrom = publishResultFile(listener);
        if (!readFrom.isFile()) {
            throw new SettingException(Setting.RESULT_FILE, "Nothing was published to run: dli:upload-group did not "
                    + "run in this build and " + readFrom + " does not exist " + Setting.RESULT_FILE.aside()
                    + ". Publish first, e.g. `mvn deploy dli:submit` with upload-group bound to deploy.");
        }
        PublishResult published;
        try {
            published = PublishResult.read(readFrom.toPath());
        } catch (IOException e) {
            throw new SettingException(Setting.RESULT_FILE, "Could not read the publish result " + readFrom + " "
                    + Setting.RESULT_FILE.aside() + ": " + e.getMessage() + ". Publish again with dli:upload-group.");
        }
        published.files().forEach(file -> requireUnchangedSincePublished(file, readFrom));
        return published;
    }

    /**
     * A file of the project's own built or edited here since it was published would not be what the job runs:
     * {@code mvn package dli:submit} after an earlier deploy ran the old code, and succeeded.
     */
    private static void requireUnchangedSincePublished(PublishedFile file, File publishResult) {
        try {
            if (!file.changedSincePublished()) {
                return;
            }
        } catch (IOException e) {
            throw new DliException("Could not read " + file.source() + " to compare it with the published "
                    + file.fileName() + ": " + e.getMessage(), e);
        }
        throw new SettingException(Setting.RESULT_FILE, file.source() + " changed since " + publishResult + " "
                + Setting.RESULT_FILE.aside() + " recorded it as published to " + file.obsPath() + ": the job would"
                + " run the published copy, not this build. Publish and submit in one command, e.g. `mvn deploy"
                + " dli:submit`. A rebuild of the same code differs too, unless project.build.outputTimestamp makes"
                + " the build reproducible.");
    }

    /** The result file given, else the one the project's upload-group executions write, else the default. */
    private File publishResultFile(MavenListener listener) {
        // the parameter always has a value: only its default leaves room for the executions' own
        ExecutionSetting.Parameter parameter = ExecutionSetting.Parameter.RESULT_FILE;
        if (!resultFile.toPath().normalize().equals(Path.of(parameter.defaultFor(project)))) {
            return resultFile;
        }
        Optional<ExecutionSetting> written = ExecutionSetting.of(project, parameter);
        written.ifPresent(found -> listener.info("Publish result " + found.value() + ", from " + found.source()
                + "; -Ddli.resultFile=path names another."));
        return written.map(found -> new File(found.value())).orElse(resultFile);
    }

    /** The jar's {@code Main-Class}, for a job without class name; {@code null} when there is none to read. */
    private String manifestMainClass(JobFiles files) {
        Path jar = localFile(files.main().fileName());
        if (files.mainIsJar() && !Files.isRegularFile(jar)) {
            throw SettingException.invalid(Setting.JOB_CLASS_NAME, "none given, and " + files.main().fileName()
                    + ", whose manifest would name it, is not here to read (looked for " + jar + "). Set it, or "
                    + "submit where the jar was built.");
        }
        return MainClass.of(jar).orElse(null);
    }

    /** The local copy of a published file of this project, for its manifest. */
    private Path localFile(String fileName) {
        Stream<File> artifacts = Stream.concat(Stream.ofNullable(project.getArtifact()),
                        project.getAttachedArtifacts().stream())
                .map(Artifact::getFile)
                .filter(Objects::nonNull);
        return artifacts.filter(file -> file.getName().equals(fileName))
                .findFirst()
                .map(File::toPath)
                .orElse(Path.of(project.getBuild().getDirectory(), fileName));
    }

    private String text(String configured, Setting setting) {
        return configured != null ? configured : property(setting);
    }

    private Integer number(Integer configured, Setting setting) {
        return configured != null ? configured : parse(property(setting), setting, Integer::valueOf, "a whole number");
    }

    private boolean flag(Boolean configured, Setting setting, boolean fallback) {
        if (configured != null) {
            return configured;
        }
        Boolean value = parse(property(setting), setting, text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(text);
        }, "true or false");
        return value == null ? fallback : value;
    }

    private static <T> T parse(String text, Setting setting, Function<String, T> parser, String takes) {
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text.trim());
        } catch (IllegalArgumentException e) {
            throw new SettingException(setting, setting.named() + " is '" + text + "'; it takes " + takes + ".");
        }
    }

    /** {@code -Ddli.job.args} is a JSON array, since arguments may hold spaces and commas. */
    private static List<?> jsonList(String text) {
        if (text == null) {
            return null;
        }
        try {
            return DliJson.MAPPER.readValue(text, List.class);
        } catch (JsonProcessingException e) {
            throw new SettingException(Setting.JOB_ARGS, Setting.JOB_ARGS.named() + " is '" + text + "'; it takes a "
                    + "JSON array of strings, e.g. -Ddli.job.args='[\"--date\",\"2026-01-01\"]'.");
        }
    }

    /** The setting's property from the command line, the JVM, or the pom's properties; blank counts as absent. */
    private String property(Setting setting) {
        String name = MavenWords.written(setting).property();
        String value = session == null ? null : session.getUserProperties().getProperty(name);
        if (value == null && session != null) {
            value = session.getSystemProperties().getProperty(name);
        }
        if (value == null) {
            value = project.getProperties().getProperty(name);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
