package dev.dlitools.dli.core.job;

import dev.dlitools.dli.core.DliPluginException;

/** The job ended without success; the message shows its id, final state and the driver log's last lines. */
public final class JobFailedException extends DliPluginException {

    private final transient SparkJobResult result;

    JobFailedException(String message, SparkJobResult result) {
        super(message);
        this.result = result;
    }

    public SparkJobResult result() {
        return result;
    }
}
