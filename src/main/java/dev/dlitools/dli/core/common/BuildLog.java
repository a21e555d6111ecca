package dev.dlitools.dli.core.common;

/**
 * Where the core reports diagnostics: retries, warnings, and at debug level the exchanges with the services. A
 * front end adapts it to its log; tests collect the lines. Every method does nothing by default.
 *
 * <p>Nothing passed here may contain a secret: callers mask access keys and never pass secret keys or tokens.
 */
public interface BuildLog {

    /**
     * Something the user should see at the default level.
     *
     * @param message one or more lines, without a trailing line break
     */
    default void info(String message) {}

    /**
     * Something that went wrong but did not stop the job, e.g. a retry.
     *
     * @param message one or more lines, without a trailing line break
     */
    default void warn(String message) {}

    /**
     * Detail for finding a problem; callers check {@link #isDebugEnabled()} before building costly text.
     *
     * @param message one or more lines, without a trailing line break
     */
    default void debug(String message) {}

    /** {@return whether debug lines are shown} */
    default boolean isDebugEnabled() {
        return false;
    }

    /** A log that drops everything, for callers that have nothing to report to. */
    BuildLog SILENT = new BuildLog() {};
}
