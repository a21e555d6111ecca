package dev.dlitools.dli.core.job;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.dlitools.dli.core.common.AtomicFiles;
import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.dli.DliJson;
import dev.dlitools.dli.core.dli.SparkJobBody;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a Spark job run did, written to {@code target/dli-spark-job.json}. Holds no credentials: the request's secret
 * conf values are masked.
 *
 * @param id the job's id, as DLI gave it
 * @param name the job's name
 * @param queue the queue the job ran on, or the older cluster name when that was given instead
 * @param projectId the DLI project the job ran in
 * @param request the body sent, with {@link SparkJobBody#masked() secret conf values masked}
 * @param submittedAt ISO-8601 UTC
 * @param states each state as first seen, in order
 * @param finalState the last state seen, upper case ({@code SUCCESS}, {@code DEAD}, or e.g. {@code RUNNING} when not
 *     waited for or timed out)
 * @param elapsedSeconds from DLI's answer to the submission until this result was made
 * @param waited {@code false} when the run only submitted the job
 * @param cancelled whether the job was cancelled, at the time-out or as the build was stopped
 * @param logTail the driver log's last lines of a job that did not succeed; empty otherwise
 * @param logProblem why the log could not be fetched, or {@code null}
 */
public record SparkJobResult(
        String id,
        String name,
        String queue,
        String projectId,
        SparkJobBody request,
        String submittedAt,
        List<StateChange> states,
        String finalState,
        long elapsedSeconds,
        boolean waited,
        boolean cancelled,
        List<String> logTail,
        String logProblem) {

    /**
     * Masks the request's secret conf values.
     *
     * @param id the job's id
     * @param name the job's name
     * @param queue the queue, or the older cluster name
     * @param projectId the DLI project
     * @param request the body sent; {@code null} when not known
     * @param submittedAt ISO-8601 UTC
     * @param states in order
     * @param finalState upper case
     * @param elapsedSeconds since DLI's answer to the submission
     * @param waited whether the run waited for the end
     * @param cancelled whether the job was cancelled
     * @param logTail empty for none
     * @param logProblem {@code null} for none
     */
    public SparkJobResult {
        request = request == null ? null : request.masked();
    }

    /** A state as first seen (ISO-8601 UTC), and how many seconds after the submission. */
    public record StateChange(String state, String at, long elapsedSeconds) {}

    /** {@return whether the job ended in {@code SUCCESS}} */
    @JsonIgnore
    public boolean succeeded() {
        return "SUCCESS".equals(finalState);
    }

    /**
     * {@return the outcome in one line, the only one a quiet build ({@code -q}) shows, e.g.
     * {@code dli: job orders SUCCESS in 3m12s (id ...)}}
     */
    public String summaryLine() {
        if (!waited) {
            return "dli: job " + name + " submitted to queue " + queue + ", not waited for (id " + id + ")";
        }
        return "dli: job " + name + " " + finalState + " in " + elapsed(Duration.ofSeconds(elapsedSeconds))
                + (cancelled ? ", cancelled" : "") + " (id " + id + ")";
    }

    /**
     * A duration as the messages show it: {@code 12s}, {@code 3m12s}, {@code 1h02m03s}.
     *
     * @param duration shown in whole seconds
     * @return the hours and minutes only when it reaches them, then the seconds
     */
    public static String elapsed(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm%02ds", seconds / 3600, seconds % 3600 / 60, seconds % 60);
        }
        return seconds >= 60 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
    }

    void writeTo(Path file) {
        try {
            AtomicFiles.writeString(file, DliJson.write(this) + "\n");
        } catch (IOException e) {
            throw new DliException("Could not write the job result file " + file + " "
                    + Setting.JOB_RESULT_FILE.aside() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a job result file.
     *
     * @param file as written by a run, e.g. {@code target/dli-spark-job.json}
     * @return the result as written
     * @throws IOException when the file cannot be read or holds no such result
     */
    public static SparkJobResult read(Path file) throws IOException {
        return DliJson.MAPPER.readValue(file.toFile(), SparkJobResult.class);
    }
}
