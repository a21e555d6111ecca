package dev.dlitools.dli.core.job;

import java.time.Duration;

/** What a Spark job run reports as it goes. */
public interface JobListener {

    /** DLI accepted the job. */
    void submitted(String id, String name, String queue);

    /** The job's state, upper case, when first seen and whenever it changes. */
    void stateChanged(String name, String state, Duration elapsed);

    /** Something the user should know that does not stop the run, e.g. a poll that failed. */
    void warning(String message);

    /** The run is over, whatever its outcome; a failed or timed-out run throws after this. */
    void finished(SparkJobResult result);
}
