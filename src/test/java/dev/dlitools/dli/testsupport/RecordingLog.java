package dev.dlitools.dli.testsupport;

import dev.dlitools.dli.core.DliListener;
import dev.dlitools.dli.core.common.BuildLog;
import dev.dlitools.dli.core.dli.DliApiException;
import dev.dlitools.dli.core.job.SparkJobResult;
import dev.dlitools.dli.core.obs.UploadSummary;
import dev.dlitools.dli.core.common.Sizes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link BuildLog} that keeps the info and warn lines, and the debug lines when built with debug on; of the
 * listener's events it keeps the group's progress, a Spark job's submission, states and end, failed polls and the
 * upload totals as short lines. Safe for the
 * upload threads, which report concurrently as they do to Maven's logger.
 */
public final class RecordingLog implements DliListener {

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

    @Override
    public void groupAlreadyReady(String group, int packages) {
        lines.add("already READY: " + group + " with " + packages + " packages");
    }

    @Override
    public void groupProgress(String group, String progress) {
        lines.add("Group " + group + ": " + progress);
    }

    @Override
    public void pollFailed(String group, DliApiException failure) {
        lines.add("Polling group " + group + " failed, polling again: " + failure.getMessage());
    }

    @Override
    public void uploadFinished(UploadSummary summary) {
        lines.add("OBS: " + summary.uploadedCount() + " uploaded (" + Sizes.decimal(summary.bytesUploaded()) + "), "
                + summary.unchangedCount() + " unchanged");
    }

    @Override
    public void jobSubmitted(String id, String name, String queue) {
        lines.add("Submitted Spark job " + name + " to queue " + queue + ": id " + id);
    }

    @Override
    public void jobStateChanged(String name, String state, Duration elapsed) {
        lines.add("Job " + name + ": " + state + " after " + SparkJobResult.elapsed(elapsed));
    }

    @Override
    public void jobPollFailed(String id, DliApiException failure) {
        lines.add("Polling job " + id + " failed, polling again: " + failure.getMessage());
    }

    @Override
    public void jobInterrupted(String message) {
        lines.add(message);
    }

    @Override
    public void jobFinished(SparkJobResult result) {
        lines.add(result.summaryLine());
    }
}
