package dev.dlitools.dli.maven;

import dev.dlitools.dli.core.common.DliException;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The goals that work on the project's build, publishing it or running it: they are skipped alike, and each adds
 * its outcome to the CI run's summary.
 */
abstract class AbstractProjectMojo extends AbstractDliMojo {

    /** Set by GitHub Actions: the Markdown file shown as the job's summary. */
    static final String ENV_STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

    /** The name of {@link #resultFile} in the build directory, unless set otherwise. */
    static final String RESULT_FILE_NAME = "dli-package-group.json";

    /**
     * Seconds between two polls: of the group's status while DLI loads it ({@code upload-group}), of the job's
     * state ({@code submit}); positive.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.pollInterval", defaultValue = "5")
    int pollInterval;

    /**
     * The result of {@code dli:upload-group} (group, files with OBS URL, size, hash, outcome and status) as JSON:
     * where {@code upload-group} writes it, and where {@code submit} reads the files to run when
     * {@code upload-group} did not run earlier in the same build (left at its default, {@code submit} reads the one
     * that the pom's {@code upload-group} execution sets).
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.resultFile", defaultValue = "${project.build.directory}/" + RESULT_FILE_NAME)
    File resultFile;

    /**
     * How the upload's progress and the waits for the group or the job show: {@code auto} (a line redrawn in place
     * on an interactive terminal, else {@code plain}), {@code plain} (a log line at most every 10 s while bytes
     * move, and every 30 s while waiting), or {@code none}.
     *
     * @since 0.2.0
     */
    @Parameter(property = "dli.progress", defaultValue = "auto")
    String progress;

    AbstractProjectMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    MavenListener listener() {
        boolean interactive = session == null || session.getRequest() == null
                || session.getRequest().isInteractiveMode();
        boolean parallel = session != null && session.isParallel();
        boolean terminal = Progress.isTerminal(System.console() != null, environment.get("TERM"), interactive,
                parallel);
        return new MavenListener(getLog(), new Progress(Progress.Mode.of(progress, terminal), getLog(), System.out,
                Clock.systemUTC()));
    }

    // these goals require a project, so Maven always gives them the user's
    @Override
    String projectVersion() {
        return project.getVersion();
    }

    /**
     * On GitHub Actions, the outcome on the run's page; a summary that cannot be written does not fail the build.
     *
     * @param append appends to the summary file the outcome, whose result file it is given as the user finds it
     *     (relative to the project when inside it)
     */
    void appendStepSummary(File resultFile, BiConsumer<Path, String> append, MavenListener listener) {
        String summaryFile = environment.get(ENV_STEP_SUMMARY);
        if (summaryFile == null || summaryFile.isBlank()) {
            return;
        }
        Path base = project.getBasedir().toPath().toAbsolutePath();
        Path written = resultFile.toPath().toAbsolutePath();
        String shown = written.startsWith(base) ? base.relativize(written).toString() : written.toString();
        try {
            append.accept(Path.of(summaryFile), shown);
        } catch (DliException e) {
            listener.warn(e.getMessage());
        }
    }

    /**
     * At {@code -q}, which hides every INFO line, the goal's outcome still: its summary line first, then any lines
     * a script reads.
     */
    void printWhenQuiet(List<String> lines) {
        ReportOutput stdout = new ReportOutput(getLog(), System.out);
        if (stdout.quiet()) {
            stdout.print(lines);
        }
    }
}
