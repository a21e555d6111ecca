package dev.dlitools.dli.core.obs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

        try (FileSlice slice = new FileSlice(file, content.length, 4000, 3000, () -> false)) {
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
    void fileTruncatedSincePlanningFailsNamingIt() throws IOException {
        Path file = Files.write(dir.resolve("b.jar"), ObsFileDigestsTest.randomBytes(1000));

        try (FileSlice slice = new FileSlice(file, 5000, 0, 5000, () -> false);
                InputStream in = slice.newStream()) {
            assertThatThrownBy(in::readAllBytes)
                    .isInstanceOf(FileChangedException.class)
                    .hasMessageContaining(file.toString());
        }
    }

    @Test
    void deletedFileFailsNamingIt() throws IOException {
        Path file = dir.resolve("gone.jar");

        try (FileSlice slice = new FileSlice(file, 10, 0, 10, () -> false)) {
            assertThatThrownBy(slice::newStream)
                    .isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(FileChangedException.class)
                    .hasMessageContaining(file.toString());
        }
    }

    @Test
    void cancelledUploadStopsReading() throws IOException {
        Path file = Files.write(dir.resolve("c.jar"), ObsFileDigestsTest.randomBytes(1000));

        try (FileSlice slice = new FileSlice(file, 1000, 0, 1000, () -> true);
                InputStream in = slice.newStream()) {
            assertThatThrownBy(in::read).isInstanceOf(InterruptedIOException.class);
        }
    }
}
