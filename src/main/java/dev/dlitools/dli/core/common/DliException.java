package dev.dlitools.dli.core.common;

/**
 * A failure the user can act on. Its message is complete on its own (what went wrong, what to change), because
 * front ends show it without a stack trace; it names settings by reference, see {@link Setting#render}.
 */
public class DliException extends RuntimeException {

    /**
     * A failure without a lower-level cause.
     *
     * @param message complete on its own: what went wrong and what to change
     */
    public DliException(String message) {
        super(message);
    }

    /**
     * A failure caused by a lower-level one.
     *
     * @param message complete on its own: what went wrong and what to change
     * @param cause the lower-level failure, kept for debugging
     */
    public DliException(String message, Throwable cause) {
        super(message, cause);
    }
}
