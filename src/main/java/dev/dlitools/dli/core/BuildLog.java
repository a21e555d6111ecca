package dev.dlitools.dli.core;

/**
 * Where the core reports progress. The Maven goals adapt it to Maven's log; tests collect the lines.
 *
 * <p>Nothing passed here may contain a secret: callers mask access keys and never pass secret keys or tokens.
 */
public interface BuildLog {

    void info(String message);

    void warn(String message);

    void debug(String message);

    boolean isDebugEnabled();

    /** A log that drops everything, for callers that have nothing to report to. */
    BuildLog SILENT = new BuildLog() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void debug(String message) {}

        @Override
        public boolean isDebugEnabled() {
            return false;
        }
    };
}
