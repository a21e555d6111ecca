package dev.dlitools.dli.core.obs;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of one {@link ObsUploader#upload} call.
 *
 * @param results one per item, in the order the items were given
 * @param uploadedCount files sent
 * @param unchangedCount files skipped because the bucket already held them
 * @param bytesUploaded file bytes sent (request overhead not counted)
 * @param wallTime from the call to its return
 */
public record UploadSummary(List<UploadResult> results, int uploadedCount, int unchangedCount, long bytesUploaded,
        Duration wallTime) {

    /**
     * Copies the results.
     *
     * @param results one per item
     * @param uploadedCount files sent
     * @param unchangedCount files skipped
     * @param bytesUploaded file bytes sent
     * @param wallTime from the call to its return
     */
    public UploadSummary {
        results = List.copyOf(results);
    }

    static UploadSummary of(List<UploadResult> results, Duration wallTime) {
        int uploaded = 0;
        long bytes = 0;
        for (UploadResult result : results) {
            if (result.outcome() == UploadOutcome.UPLOADED) {
                uploaded++;
                bytes += result.size();
            }
        }
        return new UploadSummary(results, uploaded, results.size() - uploaded, bytes, wallTime);
    }

    /** {@return uploaded bytes per second of wall time, in MB (10^6 bytes); 0 when no time passed} */
    public double megabytesPerSecond() {
        double seconds = wallTime.toNanos() / 1e9;
        return seconds == 0 ? 0 : bytesUploaded / 1e6 / seconds;
    }
}
