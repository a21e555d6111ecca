package dev.dlitools.dli.core.job;

/** The job ended without success; the message shows its id, final state and the driver log's last lines. */
public final class JobFailedException extends JobOutcomeException {

    JobFailedException(String message, SparkJobResult result) {
        super(message, result);
    }
}
