package dev.dlitools.dli.core.obs;

import dev.dlitools.dli.core.BuildLog;
import java.util.Locale;

/**
 * Reports through a {@link BuildLog}: one line per file and a summary, no live progress (CI logs stay short).
 * Files are named by the last segment of their key, which is also the name DLI gives the package.
 */
public final class LogUploadReporter implements UploadListener {

    private final BuildLog log;

    public LogUploadReporter(BuildLog log) {
        this.log = log;
    }

    @Override
    public void fileStarted(UploadItem item, long size) {
        if (log.isDebugEnabled()) {
            log.debug("uploading " + item.file() + " (" + formatSize(size) + ") to " + item.key());
        }
    }

    @Override
    public void fileUploaded(UploadResult result) {
        log.info(String.format(Locale.ROOT, "uploaded  %s  %s  %.1f s", name(result), formatSize(result.size()),
                result.duration().toMillis() / 1000.0));
    }

    @Override
    public void fileUnchanged(UploadResult result) {
        log.info(String.format(Locale.ROOT, "unchanged %s  %s", name(result), formatSize(result.size())));
    }

    @Override
    public void uploadFinished(UploadSummary summary) {
        log.info(String.format(Locale.ROOT, "OBS: %d uploaded (%s), %d unchanged in %.1f s, %.1f MB/s",
                summary.uploadedCount(), formatSize(summary.bytesUploaded()), summary.unchangedCount(),
                summary.wallTime().toMillis() / 1000.0, summary.megabytesPerSecond()));
    }

    private static String name(UploadResult result) {
        return result.key().substring(result.key().lastIndexOf('/') + 1);
    }

    /** Decimal units, like the MB/s figure. */
    public static String formatSize(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        if (bytes < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
}
