package dev.dlitools.dli.core.obs;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What happened to one file.
 *
 * @param key the object key
 * @param file the local file
 * @param size the file size in bytes
 * @param sha256 hex SHA-256 of the file (also stored as the object's {@code sha256} user metadata on upload)
 * @param etag the object's ETag, without quotes
 * @param outcome uploaded or found unchanged
 * @param duration time spent on this file: hashing, comparing and, if uploaded, the transfer
 */
public record UploadResult(String key, Path file, long size, String sha256, String etag, UploadOutcome outcome,
        Duration duration) {}
