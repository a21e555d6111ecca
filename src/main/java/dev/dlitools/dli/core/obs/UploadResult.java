package dev.dlitools.dli.core.obs;

import dev.dlitools.dli.core.upload.PlannedFile;
import java.time.Duration;

/**
 * What happened to one planned file in OBS.
 *
 * @param file the file as planned: local path, object key, name
 * @param size the file size in bytes when it was read
 * @param sha256 hex SHA-256 of the file (of the bytes sent, for an uploaded file)
 * @param etag the object's ETag, without quotes
 * @param outcome uploaded or found unchanged
 * @param duration time spent on this file: hashing, comparing and, if uploaded, the transfer
 */
public record UploadResult(PlannedFile file, long size, String sha256, String etag, UploadOutcome outcome,
        Duration duration) {

    /** The object key. */
    String key() {
        return file.objectKey();
    }
}
