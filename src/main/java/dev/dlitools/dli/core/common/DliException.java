package dev.dlitools.dli.core.common;

/**
 * A failure the user can act on. Its message is complete on its own (what went wrong, what to change), because
 * front ends show it without a stack trace; it names settings by reference, see {@link Setting#render}.
 */
public class DliException extends RuntimeException {

    public DliException(String message) {
        super(message);
    }

    public DliException(String message, Throwable cause) {
        super(message, cause);
    }
}
