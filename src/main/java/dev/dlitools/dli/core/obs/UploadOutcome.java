package dev.dlitools.dli.core.obs;

public enum UploadOutcome {
    /** The bytes were sent. */
    UPLOADED,
    /** The bucket already held an object with the same size and ETag; nothing was sent. */
    UNCHANGED
}
