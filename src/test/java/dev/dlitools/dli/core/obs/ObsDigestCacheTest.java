package dev.dlitools.dli.core.obs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObsDigestCacheTest {

    private static final FileTime MODIFIED = FileTime.from(Instant.parse("2026-01-01T00:00:00.123456789Z"));
    private static final LocalDigest DIGEST = new LocalDigest("ab".repeat(32), new byte[][] {new byte[16]},
            "0123456789abcdef0123456789abcdef");
    private static final PartLayout LAYOUT = PartLayout.plan(4096, UploadOptions.defaults());

    @TempDir
    Path dir;

    /** A cache file as a run leaves it, that knows {@link #DIGEST} for a.jar. */
    private Path savedCacheOfA() {
        Path cacheFile = dir.resolve("dli-digests.txt");
        DigestCache written = DigestCache.load(cacheFile);
        written.remember(dir.resolve("a.jar"), 4096, MODIFIED, LAYOUT, DIGEST);
        written.save();
        return cacheFile;
    }

    @Test
    void digestsSurviveASaveAndLoad() {
        Path cacheFile = dir.resolve("target/dli-digests.txt");
        DigestCache cache = DigestCache.load(cacheFile);
        cache.remember(dir.resolve("a.jar"), 4096, MODIFIED, LAYOUT, DIGEST);
        cache.save();

        DigestCache loaded = DigestCache.load(cacheFile);

        assertThat(loaded.find(dir.resolve("a.jar"), 4096, MODIFIED, LAYOUT))
                .isEqualTo(new DigestCache.KnownDigest(DIGEST.etag(), DIGEST.sha256Hex()));
    }

    @Test
    void anotherSizeTimeOrPathIsNotFound() {
        DigestCache cache = DigestCache.load(dir.resolve("none.txt"));
        cache.remember(dir.resolve("a.jar"), 4096, MODIFIED, LAYOUT, DIGEST);

        assertThat(cache.find(dir.resolve("a.jar"), 4096, MODIFIED, LAYOUT)).as("the same file").isNotNull();
        assertThat(cache.find(dir.resolve("a.jar"), 4097, MODIFIED, LAYOUT)).isNull();
        assertThat(cache.find(dir.resolve("a.jar"), 4096, FileTime.fromMillis(MODIFIED.toMillis()), LAYOUT)).isNull();
        assertThat(cache.find(dir.resolve("b.jar"), 4096, MODIFIED, LAYOUT)).isNull();
    }

    @Test
    void aDamagedCacheFileIsAnEmptyCache() throws Exception {
        Path cacheFile = savedCacheOfA();
        // after the good line: a line of the wrong shape, then bytes that are no UTF-8
        Files.write(cacheFile, new byte[] {'n', 'o', 't', '\t', 'a', '\n', (byte) 0xC3, (byte) 0x28},
                StandardOpenOption.APPEND);

        DigestCache cache = DigestCache.load(cacheFile);

        assertThat(cache.find(dir.resolve("a.jar"), 4096, MODIFIED, LAYOUT)).isNull();
    }

    @Test
    void aLineCutOffInItsLastFieldIsNotTrusted() throws Exception {
        Path cacheFile = savedCacheOfA();
        // a write broken off (disk full, a killed build) inside the SHA-256: the line still has three fields
        String saved = Files.readString(cacheFile).strip();
        Files.writeString(cacheFile, saved.substring(0, saved.length() - 10));

        DigestCache cache = DigestCache.load(cacheFile);

        assertThat(cache.find(dir.resolve("a.jar"), 4096, MODIFIED, LAYOUT)).isNull();
    }

    @Test
    void aMultipartEtagIsRemembered() {
        Path cacheFile = dir.resolve("dli-digests.txt");
        LocalDigest multipart = new LocalDigest("cd".repeat(32), new byte[][] {new byte[16], new byte[16]},
                "0123456789abcdef0123456789abcdef-2");
        DigestCache written = DigestCache.load(cacheFile);
        written.remember(dir.resolve("big.jar"), 4096, MODIFIED, LAYOUT, multipart);
        written.save();

        assertThat(DigestCache.load(cacheFile).find(dir.resolve("big.jar"), 4096, MODIFIED, LAYOUT))
                .isEqualTo(new DigestCache.KnownDigest(multipart.etag(), multipart.sha256Hex()));
    }
}
