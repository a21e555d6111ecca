package dev.dlitools.dli.core.job;

import dev.dlitools.dli.core.BuildLog;
import java.time.Duration;

/** Reports a run as lines of a build log. */
public final class LoggingJobListener implements JobListener {

    private final BuildLog log;

    public LoggingJobListener(BuildLog log) {
        this.log = log;
    }

    @Override
    public void submitted(String id, String name, String queue) {
        log.info("Submitted Spark job " + name + " to queue " + queue + ": id " + id);
    }

    @Override
    public void stateChanged(String name, String state, Duration elapsed) {
        log.info("Job " + name + ": " + state + " after " + SparkJobResult.elapsed(elapsed));
    }

    @Override
    public void warning(String message) {
        log.warn(message);
    }

    @Override
    public void finished(SparkJobResult result) {
        log.info(result.summaryLine());
    }
}
