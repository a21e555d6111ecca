package dev.dlitools.dli.core;

/**
 * A failure the user can act on. Its message is complete on its own (what went wrong, which setting to change),
 * because the Maven goals show it without a stack trace.
 */
public class DliPluginException extends RuntimeException {

    public DliPluginException(String message) {
        super(message);
    }

    public DliPluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
