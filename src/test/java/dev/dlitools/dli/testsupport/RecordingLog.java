package dev.dlitools.dli.testsupport;

import dev.dlitools.dli.core.BuildLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link BuildLog} that keeps the info and warn lines, and the debug lines when built with debug on. Safe for the
 * upload threads, which report concurrently as they do to Maven's logger.
 */
public final class RecordingLog implements BuildLog {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final boolean debugEnabled;

    private RecordingLog(boolean debugEnabled) {
        this.debugEnabled = debugEnabled;
    }

    public static RecordingLog withoutDebug() {
        return new RecordingLog(false);
    }

    public static RecordingLog withDebug() {
        return new RecordingLog(true);
    }

    /** The lines logged so far, in the order they arrived. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Forgets the lines so far, to look at one step of a test alone. */
    public void clear() {
        lines.clear();
    }

    @Override
    public void info(String message) {
        lines.add(message);
    }

    @Override
    public void warn(String message) {
        lines.add(message);
    }

    @Override
    public void debug(String message) {
        if (debugEnabled) {
            lines.add(message);
        }
    }

    @Override
    public boolean isDebugEnabled() {
        return debugEnabled;
    }
}
