package dev.dlitools.dli.core.job;

/** The job did not end in time; the message says whether it was cancelled. */
public final class JobTimeoutException extends JobOutcomeException {

    JobTimeoutException(String message, SparkJobResult result) {
        super(message, result);
    }
}
