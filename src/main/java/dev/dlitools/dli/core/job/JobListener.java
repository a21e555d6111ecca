package dev.dlitools.dli.core.job;

import dev.dlitools.dli.core.dli.DliApiException;
import java.time.Duration;

/** Hears how a Spark job run goes, for the user to see. Every method does nothing by default. */
public interface JobListener {

    /**
     * DLI accepted the job.
     *
     * @param id the job's id, which the DLI console and later calls know it by
     * @param name the job's name
     * @param queue the queue it runs on, or the older cluster name when that was given instead
     */
    default void jobSubmitted(String id, String name, String queue) {}

    /**
     * The job's state, when first seen and whenever it changes.
     *
     * @param name the job's name
     * @param state upper case, e.g. {@code STARTING}, {@code RUNNING}, {@code SUCCESS} or {@code DEAD}
     * @param elapsed since DLI accepted the job
     */
    default void jobStateChanged(String name, String state, Duration elapsed) {}

    /**
     * The job has not ended and is polled again: called every round, for a front end that shows the wait.
     *
     * @param name the job's name
     * @param state the last state seen, upper case
     * @param elapsed since DLI accepted the job
     * @param limit when the run gives up on it
     */
    default void jobWaiting(String name, String state, Duration elapsed, Duration limit) {}

    /**
     * A poll of the job's state failed for a transient reason; the job is polled again.
     *
     * @param id the job's id
     * @param failure what the poll got, {@link DliApiException#isTransient() transient}
     */
    default void jobPollFailed(String id, DliApiException failure) {}

    /**
     * The JVM shut down while the run waited for the job (the build was stopped with Ctrl-C, or a CI runner cancelled
     * it), and the run tried to cancel the job or, as told, left it running. Heard on the shutdown hook's thread,
     * while the JVM exits.
     *
     * @param message one line: the job was cancelled, or its id and how to cancel it by hand as the cancel failed or
     *     was not to be sent
     */
    default void jobInterrupted(String message) {}

    /**
     * The run is over, whatever its outcome; a failed or timed-out run throws after this.
     *
     * @param result what the run saw, as written to the result file
     */
    default void jobFinished(SparkJobResult result) {}
}
