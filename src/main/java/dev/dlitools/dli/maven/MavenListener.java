package dev.dlitools.dli.maven;

import static dev.dlitools.dli.core.report.Sizes.decimal;

import dev.dlitools.dli.core.DliListener;
import dev.dlitools.dli.core.dli.DliApiException;
import dev.dlitools.dli.core.dli.DliJson;
import dev.dlitools.dli.core.job.SparkJobResult;
import dev.dlitools.dli.core.obs.UploadResult;
import dev.dlitools.dli.core.obs.UploadSummary;
import dev.dlitools.dli.core.publish.PublishResult;
import dev.dlitools.dli.core.upload.PlannedFile;
import java.time.Duration;
import java.util.Locale;
import org.apache.maven.plugin.logging.Log;

/**
 * The core's events as lines in Maven's log: one line per file and a summary, no live progress (CI logs stay
 * short); settings named in Maven's words. Files are named by the last segment of their key, which is also the
 * name DLI gives the package.
 */
final class MavenListener implements DliListener {

    private final Log log;

    MavenListener(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(MavenWords.render(message));
    }

    @Override
    public void warn(String message) {
        log.warn(MavenWords.render(message));
    }

    @Override
    public void debug(String message) {
        log.debug(MavenWords.render(message));
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
            log.debug("uploading " + file.source() + " (" + decimal(size) + ") to " + file.objectKey());
        }
    }

    @Override
    public void fileUploaded(UploadResult result) {
        log.info(String.format(Locale.ROOT, "uploaded  %s  %s  %.1f s", result.file().fileName(),
                decimal(result.size()), result.duration().toMillis() / 1000.0));
    }

    @Override
    public void fileUnchanged(UploadResult result) {
        log.info(String.format(Locale.ROOT, "unchanged %s  %s", result.file().fileName(), decimal(result.size())));
    }

    @Override
    public void uploadFinished(UploadSummary summary) {
        log.info(String.format(Locale.ROOT, "OBS: %d uploaded (%s), %d unchanged in %.1f s, %.1f MB/s",
                summary.uploadedCount(), decimal(summary.bytesUploaded()), summary.unchangedCount(),
                summary.wallTime().toMillis() / 1000.0, summary.megabytesPerSecond()));
    }

    @Override
    public void dryRun(PublishResult planned) {
        log.info("Dry run: nothing is uploaded or registered.");
        planned.files().forEach(file -> log.info("would upload " + file.fileName() + " (" + file.origin() + ", "
                + file.size() + " bytes) to " + file.url()));
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
        log.info("Registering group " + group + " (" + packages + " packages, kind " + kind + ") in project "
                + projectId);
    }

    @Override
    public void groupProgress(String group, String progress) {
        log.info("Group " + group + ": " + progress);
    }

    @Override
    public void pollFailed(String group, DliApiException failure) {
        log.warn("Polling group " + group + " failed, polling again: " + MavenWords.render(failure.getMessage()));
    }

    @Override
    public void groupReady(String group, int packages) {
        log.info("Group " + group + " is READY with " + packages + " packages.");
    }

    @Override
    public void jobSubmitted(String id, String name, String queue) {
        log.info("Submitted Spark job " + name + " to queue " + queue + ": id " + id);
    }

    @Override
    public void jobStateChanged(String name, String state, Duration elapsed) {
        log.info("Job " + name + ": " + state + " after " + SparkJobResult.elapsed(elapsed));
    }

    @Override
    public void jobPollFailed(String id, DliApiException failure) {
        log.warn("Polling job " + id + " failed, polling again: " + MavenWords.render(failure.getMessage()));
    }

    @Override
    public void jobFinished(SparkJobResult result) {
        log.info(result.summaryLine());
    }
}
