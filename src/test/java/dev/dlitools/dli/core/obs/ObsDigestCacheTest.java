package dev.dlitools.dli.core.obs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObsDigestCacheTest {

    private static final FileTime MODIFIED = FileTime.from(Instant.parse("2026-01-01T00:00:00.123456789Z"));
    private static final LocalDigest DIGEST = new LocalDigest("ab".repeat(32), new byte[][] {new byte[16]},
            "0123456789abcdef0123456789abcdef");

    @TempDir
    Path dir;

    @Test
    void digestsSurviveASaveAndLoad() {
        Path cacheFile = dir.resolve("target/dli-digests.txt");
        PartLayout layout = PartLayout.plan(4096, UploadOptions.defaults());
        DigestCache cache = DigestCache.load(cacheFile);
        cache.remember(dir.resolve("a.jar"), 4096, MODIFIED, layout, DIGEST);
        cache.save();

        DigestCache loaded = DigestCache.load(cacheFile);

        assertThat(loaded.find(dir.resolve("a.jar"), 4096, MODIFIED, layout))
                .isEqualTo(new DigestCache.KnownDigest(DIGEST.etag(), DIGEST.sha256Hex()));
    }

    @Test
    void anotherSizeTimeOrPathIsNotFound() {
        PartLayout layout = PartLayout.plan(4096, UploadOptions.defaults());
        DigestCache cache = DigestCache.load(dir.resolve("none.txt"));
        cache.remember(dir.resolve("a.jar"), 4096, MODIFIED, layout, DIGEST);

        assertThat(cache.find(dir.resolve("a.jar"), 4097, MODIFIED, layout)).isNull();
        assertThat(cache.find(dir.resolve("a.jar"), 4096, FileTime.fromMillis(MODIFIED.toMillis()), layout)).isNull();
        assertThat(cache.find(dir.resolve("b.jar"), 4096, MODIFIED, layout)).isNull();
    }

    @Test
    void aDamagedCacheFileIsAnEmptyCache() throws Exception {
        Path cacheFile = Files.writeString(dir.resolve("dli-digests.txt"), "not\ta cache\n\u0000\u0001");

        DigestCache cache = DigestCache.load(cacheFile);

        assertThat(cache.find(dir.resolve("not"), 1, MODIFIED, PartLayout.plan(1, UploadOptions.defaults())))
                .isNull();
    }
}
