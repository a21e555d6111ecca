package dev.dlitools.dli.core.obs;

import dev.dlitools.dli.core.common.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * The digests of files hashed by earlier runs, keyed by path, size, modification time and part layout, so that
 * an unchanged jar costs a {@code stat} instead of a read on the next run (as Jib caches layer digests).
 *
 * <p>Only used to decide that a file is unchanged: anything to upload is hashed again, since its upload checks the
 * MD5 of each part it sends. A missing or unreadable cache file is an empty cache; it lives in {@code target/}, so
 * a clean build empties it.
 */
final class DigestCache {

    /** What an earlier run computed for a file of this size, time and layout. */
    record KnownDigest(String etag, String sha256Hex) {}

    private static final String SEPARATOR = "\t";
    /** An MD5 in hex, with {@code -N} for a multipart upload's N parts. */
    private static final Pattern ETAG = Pattern.compile("[0-9a-f]{32}(-[1-9][0-9]*)?");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path file;
    private final Map<String, KnownDigest> entries = new ConcurrentHashMap<>();

    private DigestCache(Path file) {
        this.file = file;
    }

    /** A cache that remembers nothing, for callers without a cache file. */
    static DigestCache none() {
        return new DigestCache(null);
    }

    static DigestCache load(Path file) {
        DigestCache cache = new DigestCache(file);
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.split(SEPARATOR);
                // a line cut off (a killed build, a full disk) may still have three fields, one of them short
                if (fields.length == 3 && ETAG.matcher(fields[1]).matches() && SHA256.matcher(fields[2]).matches()) {
                    cache.entries.put(fields[0], new KnownDigest(fields[1], fields[2]));
                }
            }
        } catch (NoSuchFileException e) {
            // first run
        } catch (IOException e) {
            cache.entries.clear();
        }
        return cache;
    }

    KnownDigest find(Path path, long size, FileTime modified, PartLayout layout) {
        return entries.get(key(path, size, modified, layout));
    }

    /** Reads the file for its digests, and remembers them. */
    LocalDigest hash(Path path, long size, FileTime modified, PartLayout layout, BooleanSupplier cancelled)
            throws IOException {
        LocalDigest digest = FileDigests.compute(path, layout, cancelled);
        remember(path, size, modified, layout, digest);
        return digest;
    }

    void remember(Path path, long size, FileTime modified, PartLayout layout, LocalDigest digest) {
        entries.put(key(path, size, modified, layout), new KnownDigest(digest.etag(), digest.sha256Hex()));
    }

    /** Writes the cache; a cache that cannot be written only costs the next run its reads. */
    void save() {
        if (file == null) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        entries.forEach((key, known) -> lines.append(key).append(SEPARATOR).append(known.etag()).append(SEPARATOR)
                .append(known.sha256Hex()).append('\n'));
        try {
            AtomicFiles.writeString(file, lines.toString());
        } catch (IOException e) {
            // the next run hashes every file again, which is what a run without a cache does
        }
    }

    private static String key(Path path, long size, FileTime modified, PartLayout layout) {
        // a tab in a path becomes NUL (which no path holds), so every line splits into three fields
        String name = path.toAbsolutePath().normalize().toString().replace(SEPARATOR, "\u0000");
        return name + "|" + size + "|" + modified + "|" + (layout.multipart() ? layout.partSize() : 0);
    }
}
