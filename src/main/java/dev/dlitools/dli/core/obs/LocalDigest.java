package dev.dlitools.dli.core.obs;

import java.util.Base64;

/**
 * What one read of a file yields: its SHA-256, the MD5 of each part of its {@link PartLayout} (the single part
 * is the whole file), and from those the ETag OBS will report for it.
 */
record LocalDigest(String sha256Hex, byte[][] partMd5s, String etag) {

    /** The Content-MD5 header value for a part, so OBS rejects bytes that differ from what was hashed. */
    String contentMd5(int partIndex) {
        return Base64.getEncoder().encodeToString(partMd5s[partIndex]);
    }
}
