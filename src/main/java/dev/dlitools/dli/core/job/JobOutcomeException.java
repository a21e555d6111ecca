package dev.dlitools.dli.core.job;

import dev.dlitools.dli.core.common.DliException;

/** A job that was submitted but did not succeed in time; carries what the run saw, as written to the result file. */
public abstract class JobOutcomeException extends DliException {

    private final transient SparkJobResult result;

    JobOutcomeException(String message, SparkJobResult result) {
        super(message);
        this.result = result;
    }

    /** {@return what the run saw, as written to the result file} */
    public SparkJobResult result() {
        return result;
    }
}
