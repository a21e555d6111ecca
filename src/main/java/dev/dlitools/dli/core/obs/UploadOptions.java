package dev.dlitools.dli.core.obs;

import java.nio.file.Path;

/**
 * How {@link ObsUploader} works.
 *
 * @param threads concurrent requests (and hashing threads); the client's connection pool must be as large
 * @param multipartThreshold files larger than this go multipart; at most the 5 GiB single-PUT limit
 * @param partSize the multipart part size, 5 MiB to 5 GiB; grown automatically for files over 10,000 parts.
 *     Part of the multipart ETag, so changing it makes the next run upload large files once more
 * @param force upload every file, without comparing with what the bucket already holds
 * @param digestCache where to keep the digests of hashed files between runs; {@code null} for no cache
 */
public record UploadOptions(int threads, long multipartThreshold, long partSize, boolean force, Path digestCache) {

    /** A mebibyte, in bytes. */
    public static final long MIB = 1024L * 1024;
    static final long GIB = 1024L * MIB;
    /**
     * Enough requests in flight to fill a WAN link while small files wait for their round trips (16 beat 8 by
     * 5-10% over the benchmark's modelled links), and no slower than 8 on loopback; see bench/RESULTS.md.
     */
    public static final int DEFAULT_THREADS = 16;
    /** Files larger than this many bytes go multipart unless the caller says otherwise. */
    public static final long DEFAULT_MULTIPART_THRESHOLD = 16 * MIB;
    /** The part size in bytes unless the caller says otherwise. */
    public static final long DEFAULT_PART_SIZE = 8 * MIB;
    /** S3/OBS limits: every part but the last at least 5 MiB, at most 5 GiB; one PUT at most 5 GiB. */
    public static final long MIN_PART_SIZE = 5 * MIB;
    static final long MAX_PART_SIZE = 5 * GIB;
    static final long MAX_SINGLE_PUT_SIZE = 5 * GIB;

    /**
     * Checks the ranges; a wrong value is a mistake of the calling code, reported as an
     * {@link IllegalArgumentException}.
     *
     * @param threads at least 1
     * @param multipartThreshold 1 byte to 5 GiB
     * @param partSize 5 MiB to 5 GiB
     * @param force either
     * @param digestCache {@code null} for none
     */
    public UploadOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (multipartThreshold < 1 || multipartThreshold > MAX_SINGLE_PUT_SIZE) {
            throw new IllegalArgumentException("multipartThreshold must be between 1 byte and 5 GiB (the largest"
                    + " single PUT), got " + multipartThreshold);
        }
        if (partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
            throw new IllegalArgumentException("partSize must be between 5 MiB and 5 GiB, got " + partSize);
        }
    }

    /** {@return the default threads, multipart threshold and part size, no force and no digest cache} */
    public static UploadOptions defaults() {
        return new UploadOptions(DEFAULT_THREADS, DEFAULT_MULTIPART_THRESHOLD, DEFAULT_PART_SIZE, false, null);
    }

    /**
     * These options with other threads.
     *
     * @param newThreads at least 1
     * @return the new options
     */
    public UploadOptions withThreads(int newThreads) {
        return new UploadOptions(newThreads, multipartThreshold, partSize, force, digestCache);
    }

    /**
     * These options with another multipart threshold and part size.
     *
     * @param newThreshold bytes, 1 byte to 5 GiB
     * @param newPartSize bytes, 5 MiB to 5 GiB
     * @return the new options
     */
    public UploadOptions withMultipart(long newThreshold, long newPartSize) {
        return new UploadOptions(threads, newThreshold, newPartSize, force, digestCache);
    }

    /**
     * These options with force on or off.
     *
     * @param newForce {@code true} to upload every file
     * @return the new options
     */
    public UploadOptions withForce(boolean newForce) {
        return new UploadOptions(threads, multipartThreshold, partSize, newForce, digestCache);
    }

    /**
     * These options with another digest cache.
     *
     * @param newDigestCache the cache file, {@code null} for none
     * @return the new options
     */
    public UploadOptions withDigestCache(Path newDigestCache) {
        return new UploadOptions(threads, multipartThreshold, partSize, force, newDigestCache);
    }
}
