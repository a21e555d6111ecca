package dev.dlitools.dli.core.job;

import dev.dlitools.dli.core.dli.DliApiException;
import java.time.Duration;

/** Hears how a Spark job run goes, for the user to see. Every method does nothing by default. */
public interface JobListener {

    /** DLI accepted the job. */
    default void jobSubmitted(String id, String name, String queue) {}

    /** The job's state, upper case, when first seen and whenever it changes. */
    default void jobStateChanged(String name, String state, Duration elapsed) {}

    /**
     * The job has not ended and is polled again: called every round, for a front end that shows the wait.
     *
     * @param elapsed since DLI accepted the job
     * @param limit when the run gives up on it
     */
    default void jobWaiting(String name, String state, Duration elapsed, Duration limit) {}

    /** A poll of the job's state failed for a transient reason; the job is polled again. */
    default void jobPollFailed(String id, DliApiException failure) {}

    /** The run is over, whatever its outcome; a failed or timed-out run throws after this. */
    default void jobFinished(SparkJobResult result) {}
}
