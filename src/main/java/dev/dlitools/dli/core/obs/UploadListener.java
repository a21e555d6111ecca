package dev.dlitools.dli.core.obs;

import dev.dlitools.dli.core.upload.PlannedFile;
/**
 * Hears what {@link ObsUploader} does. Files are handled on several threads at once, so implementations must be
 * thread-safe; they should also be quick, since they run on the upload threads.
 */
public interface UploadListener {

    /**
     * The upload begins, before any file is compared with the bucket.
     *
     * @param files how many files are planned
     * @param bytes the size of all files; those found unchanged are then reported by {@link #fileUnchanged}
     */
    default void uploadStarted(int files, long bytes) {}

    /**
     * The file differs from the bucket's copy (or force is on) and its transfer begins.
     *
     * @param file the planned file
     * @param size its size in bytes, as read when the transfer begins
     */
    default void fileStarted(PlannedFile file, long size) {}

    /**
     * These bytes reached the bucket: one part of a multipart upload or a whole single-request file, counted once
     * it is accepted (so a retried request is not counted twice). Called often, on the upload threads.
     *
     * @param bytes how many file bytes were accepted
     */
    default void bytesSent(long bytes) {}

    /**
     * The file's transfer completed.
     *
     * @param result the file, its key and size
     */
    default void fileUploaded(UploadResult result) {}

    /**
     * The bucket already holds this file; it was not sent.
     *
     * @param result the file, its key and size
     */
    default void fileUnchanged(UploadResult result) {}

    /**
     * Every file is uploaded or unchanged. Not called when the upload fails.
     *
     * @param summary what {@link ObsUploader#upload} returns
     */
    default void uploadFinished(UploadSummary summary) {}
}
