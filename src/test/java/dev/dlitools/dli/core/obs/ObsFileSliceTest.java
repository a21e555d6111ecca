package dev.dlitools.dli.core.obs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObsFileSliceTest {

    @TempDir
    Path dir;

    @Test
    void streamsExactlyItsRangeAndStartsOverForARetry() throws IOException {
        byte[] content = ObsFileDigestsTest.randomBytes(10_000);
        Path file = Files.write(dir.resolve("a.jar"), content);

        try (FileSlice slice = new FileSlice(file, content.length, 4000, 3000, FileSlice.Hashing.NONE, () -> false)) {
            byte[] first;
            try (InputStream in = slice.newStream()) {
                first = in.readAllBytes();
            }
            assertThat(first).isEqualTo(Arrays.copyOfRange(content, 4000, 7000));
            try (InputStream retry = slice.newStream()) {
                assertThat(retry.readAllBytes()).isEqualTo(first);
            }
        }
    }

    @Test
    void hashesTheBytesOfTheLastStreamReadToItsEnd() throws Exception {
        byte[] content = ObsFileDigestsTest.randomBytes(200_000);
        Path file = Files.write(dir.resolve("h.jar"), content);
        byte[] range = Arrays.copyOfRange(content, 1000, 151_000);

        try (FileSlice slice = new FileSlice(file, content.length, 1000, 150_000, FileSlice.Hashing.MD5_AND_SHA256,
                () -> false)) {
            try (InputStream cutShort = slice.newStream()) {
                cutShort.readNBytes(70_000);
            }
            assertThatThrownBy(slice::sent).as("no stream read to its end yet")
                    .isInstanceOf(IllegalStateException.class);
            try (InputStream retry = slice.newStream()) {
                retry.readNBytes(100_000);
                assertThat(retry.readAllBytes()).hasSize(50_000);
            }
            assertThat(slice.sent().md5()).isEqualTo(MessageDigest.getInstance("MD5").digest(range));
            assertThat(slice.sent().sha256()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(range));
        }
    }

    @Test
    void anEmptySliceHasTheDigestsOfNoBytesWithoutARead() throws Exception {
        Path file = Files.write(dir.resolve("empty.jar"), new byte[0]);

        try (FileSlice slice = new FileSlice(file, 0, 0, 0, FileSlice.Hashing.MD5, () -> false)) {
            slice.newStream().close();

            assertThat(slice.sent().md5()).isEqualTo(MessageDigest.getInstance("MD5").digest());
            assertThat(slice.sent().sha256()).isNull();
        }
    }

    @Test
    void fileTruncatedSincePlanningFailsNamingIt() throws IOException {
        Path file = Files.write(dir.resolve("b.jar"), ObsFileDigestsTest.randomBytes(1000));

        try (FileSlice slice = new FileSlice(file, 5000, 0, 5000, FileSlice.Hashing.NONE, () -> false);
                InputStream in = slice.newStream()) {
            assertThatThrownBy(in::readAllBytes)
                    .isInstanceOf(FileChangedException.class)
                    .hasMessageContaining(file.toString());
        }
    }

    @Test
    void deletedFileFailsNamingIt() throws IOException {
        Path file = dir.resolve("gone.jar");

        try (FileSlice slice = new FileSlice(file, 10, 0, 10, FileSlice.Hashing.NONE, () -> false)) {
            assertThatThrownBy(slice::newStream)
                    .isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(FileChangedException.class)
                    .hasMessageContaining(file.toString());
        }
    }

    @Test
    void cancelledUploadStopsReading() throws IOException {
        Path file = Files.write(dir.resolve("c.jar"), ObsFileDigestsTest.randomBytes(1000));

        try (FileSlice slice = new FileSlice(file, 1000, 0, 1000, FileSlice.Hashing.NONE, () -> true);
                InputStream in = slice.newStream()) {
            assertThatThrownBy(in::read).isInstanceOf(InterruptedIOException.class);
        }
    }
}
