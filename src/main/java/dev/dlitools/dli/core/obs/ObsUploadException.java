package dev.dlitools.dli.core.obs;

import dev.dlitools.dli.core.common.DliException;

/**
 * An upload to OBS failed. The message says which file, key and bucket, what OBS answered and what to check; it
 * never contains the secret key or security token.
 */
public final class ObsUploadException extends DliException {

    /** The S3 error code OBS answered with, or {@code null}. */
    private final String errorCode;

    ObsUploadException(String message, String errorCode, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /** The S3 error code OBS answered with ({@code AccessDenied}, {@code NoSuchBucket}, ...), or {@code null}. */
    String errorCode() {
        return errorCode;
    }
}
