package dev.dlitools.dli.maven;

import static dev.dlitools.dli.core.common.Sizes.decimal;

import dev.dlitools.dli.core.DliListener;
import dev.dlitools.dli.core.dli.DliApiException;
import dev.dlitools.dli.core.dli.DliJson;
import dev.dlitools.dli.core.job.SparkJobResult;
import dev.dlitools.dli.core.obs.UploadResult;
import dev.dlitools.dli.core.obs.UploadSummary;
import dev.dlitools.dli.core.publish.PublishResult;
import dev.dlitools.dli.core.publish.PublishedFile;
import dev.dlitools.dli.core.upload.PlannedFile;
import java.time.Duration;
import java.util.Locale;
import org.apache.maven.plugin.logging.Log;

/**
 * The core's events as lines in Maven's log: one line per file and a summary, with the upload's progress and the
 * waits' heartbeat shown by {@link Progress}; settings named in Maven's words. Files are named by the last segment of their key, which is also the
 * name DLI gives the package.
 */
final class MavenListener implements DliListener {

    private final Log log;
    private final Progress progress;

    /** A listener that shows no progress. */
    MavenListener(Log log) {
        this(log, Progress.none(log));
    }

    MavenListener(Log log, Progress progress) {
        this.log = log;
        this.progress = progress;
    }

    /** Clears a live progress line, however the goal ended. */
    void endProgress() {
        progress.uploadEnded();
    }

    @Override
    public void info(String message) {
        progress.above(() -> log.info(MavenWords.render(message)));
    }

    @Override
    public void warn(String message) {
        progress.above(() -> log.warn(MavenWords.render(message)));
    }

    @Override
    public void debug(String message) {
        progress.above(() -> log.debug(MavenWords.render(message)));
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }

    @Override
    public void projectResolved(String region, String projectId) {
        log.info("Project id of region " + region + " from IAM: " + projectId);
    }

    @Override
    public void fileStarted(PlannedFile file, long size) {
        if (log.isDebugEnabled()) {
            progress.above(() -> log.debug("uploading " + file.source() + " (" + decimal(size) + ") to "
                    + file.objectKey()));
        }
    }

    @Override
    public void uploadStarted(int files, long bytes) {
        progress.uploadStarted(bytes);
    }

    @Override
    public void bytesSent(long bytes) {
        progress.sent(bytes);
    }

    @Override
    public void fileUploaded(UploadResult result) {
        progress.above(() -> log.info(String.format(Locale.ROOT, "uploaded  %s  %s  %.1f s",
                result.file().fileName(), decimal(result.size()), result.duration().toMillis() / 1000.0)));
    }

    @Override
    public void fileUnchanged(UploadResult result) {
        progress.unchanged(result.size());
        progress.above(() -> log.info(String.format(Locale.ROOT, "unchanged %s  %s", result.file().fileName(),
                decimal(result.size()))));
    }

    @Override
    public void uploadFinished(UploadSummary summary) {
        progress.uploadEnded();
        // a rate means nothing when nothing was sent
        String rate = summary.bytesUploaded() == 0 ? ""
                : String.format(Locale.ROOT, ", %.1f MB/s", summary.megabytesPerSecond());
        log.info(String.format(Locale.ROOT, "OBS: %d uploaded (%s), %d unchanged in %.1f s%s",
                summary.uploadedCount(), decimal(summary.bytesUploaded()), summary.unchangedCount(),
                summary.wallTime().toMillis() / 1000.0, rate));
    }

    @Override
    public void dryRun(PublishResult planned) {
        log.info("Dry run: nothing is uploaded or registered.");
        planned.files().forEach(file -> {
            String described = file.fileName() + " (" + file.origin() + ", " + decimal(file.size()) + ")";
            log.info(switch (file.outcome()) {
                case PublishedFile.UNCHANGED -> "unchanged " + described + " at " + file.url();
                case PublishedFile.WOULD_UPLOAD -> "would upload " + described + " to " + file.url();
                default -> "planned " + described + " for " + file.url();
            });
        });
        log.info("Dry run: " + planned.dryRunCounts() + ".");
        if (planned.request() != null) {
            log.info("would register group " + planned.group() + " with:");
            DliJson.write(planned.request()).lines().forEach(line -> log.info("  " + line));
        }
    }

    @Override
    public void uploadedWithoutRegistering(PublishResult result) {
        log.info("Uploaded without registering a group (register=false). OBS paths to reference from a job, the"
                + " main file first:");
        result.job().all().forEach(path -> log.info("  " + path));
    }

    @Override
    public void groupAlreadyReady(String group, int packages) {
        log.info("Group " + group + " is already READY with these " + packages + " packages; not registered again"
                + " (-Ddli.force uploads and registers anyway).");
    }

    @Override
    public void registering(String group, int packages, String kind, String projectId) {
        log.info("Registering group " + group + " (" + packages(packages) + ", kind " + kind + ") in project "
                + projectId);
    }

    @Override
    public void groupProgress(String group, String status) {
        log.info("Group " + group + ": " + status);
        progress.shown();
    }

    @Override
    public void groupWaiting(String group, String status, Duration elapsed, Duration limit) {
        progress.waiting("Group " + group + ": " + status, elapsed, limit);
    }

    @Override
    public void pollFailed(String group, DliApiException failure) {
        log.warn("Polling group " + group + " failed, polling again: " + MavenWords.render(failure.getMessage()));
    }

    @Override
    public void groupReady(String group, int packages) {
        log.info("Group " + group + " is READY with " + packages(packages) + ".");
    }

    @Override
    public void jobSubmitted(String id, String name, String queue) {
        log.info("Submitted Spark job " + name + " to queue " + queue + ": id " + id);
    }

    @Override
    public void jobStateChanged(String name, String state, Duration elapsed) {
        log.info("Job " + name + ": " + state + " after " + SparkJobResult.elapsed(elapsed));
        progress.shown();
    }

    @Override
    public void jobWaiting(String name, String state, Duration elapsed, Duration limit) {
        progress.waiting("Job " + name + ": " + state, elapsed, limit);
    }

    @Override
    public void jobPollFailed(String id, DliApiException failure) {
        log.warn("Polling job " + id + " failed, polling again: " + MavenWords.render(failure.getMessage()));
    }

    @Override
    public void jobInterrupted(String message) {
        warn(message);
    }

    @Override
    public void jobFinished(SparkJobResult result) {
        log.info(result.summaryLine());
    }

    private static String packages(int count) {
        return count + (count == 1 ? " package" : " packages");
    }
}
