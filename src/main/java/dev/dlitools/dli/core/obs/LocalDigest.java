package dev.dlitools.dli.core.obs;

/**
 * What one read of a file yields: its SHA-256, the MD5 of each part of its {@link PartLayout} (the single part
 * is the whole file), and from those the ETag OBS will report for it.
 */
record LocalDigest(String sha256Hex, byte[][] partMd5s, String etag) {}
