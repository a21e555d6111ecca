package dev.dlitools.dli.core.obs;

/** What an upload did with one file. */
public enum UploadOutcome {
    /** The bytes were sent. */
    UPLOADED,
    /** The bucket already held an object with the same size and ETag; nothing was sent. */
    UNCHANGED
}
