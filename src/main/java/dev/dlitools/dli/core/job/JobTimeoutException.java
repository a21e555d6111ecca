package dev.dlitools.dli.core.job;

import dev.dlitools.dli.core.DliPluginException;

/** The job did not end in time; the message says whether it was cancelled. */
public final class JobTimeoutException extends DliPluginException {

    private final transient SparkJobResult result;

    JobTimeoutException(String message, SparkJobResult result) {
        super(message);
        this.result = result;
    }

    public SparkJobResult result() {
        return result;
    }
}
