package dev.dlitools.dli.core.obs;

import dev.dlitools.dli.core.upload.PlannedFile;
/**
 * Hears what {@link ObsUploader} does. Files are handled on several threads at once, so implementations must be
 * thread-safe; they should also be quick, since they run on the upload threads.
 */
public interface UploadListener {

    /** The file differs from the bucket's copy (or force is on) and its transfer begins. */
    default void fileStarted(PlannedFile file, long size) {}

    /** The file's transfer completed. */
    default void fileUploaded(UploadResult result) {}

    /** The bucket already holds this file; it was not sent. */
    default void fileUnchanged(UploadResult result) {}

    /** Every file is uploaded or unchanged. Not called when the upload fails. */
    default void uploadFinished(UploadSummary summary) {}
}
