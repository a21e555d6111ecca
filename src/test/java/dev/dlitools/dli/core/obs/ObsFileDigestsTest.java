package dev.dlitools.dli.core.obs;

import static dev.dlitools.dli.core.obs.UploadOptions.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObsFileDigestsTest {

    @TempDir
    Path dir;

    @Test
    void singlePartEtagIsTheHexMd5AndSha256CoversTheFile() throws Exception {
        byte[] content = randomBytes(300_000);
        Path file = Files.write(dir.resolve("small.jar"), content);

        LocalDigest digest = FileDigests.compute(file, PartLayout.plan(content.length, UploadOptions.defaults()),
                () -> false);

        assertThat(digest.etag()).isEqualTo(hex(MessageDigest.getInstance("MD5").digest(content)));
        assertThat(digest.sha256Hex()).isEqualTo(hex(MessageDigest.getInstance("SHA-256").digest(content)));
    }

    @Test
    void multipartEtagIsTheMd5OfThePartMd5sWithThePartCount() throws Exception {
        byte[] content = randomBytes((int) (11 * MIB + 12345));
        Path file = Files.write(dir.resolve("large.jar"), content);
        UploadOptions options = UploadOptions.defaults().withMultipart(5 * MIB, 5 * MIB);

        LocalDigest digest = FileDigests.compute(file, PartLayout.plan(content.length, options), () -> false);

        MessageDigest md5OfMd5s = MessageDigest.getInstance("MD5");
        for (int offset = 0; offset < content.length; offset += (int) (5 * MIB)) {
            byte[] part = Arrays.copyOfRange(content, offset, (int) Math.min(content.length, offset + 5 * MIB));
            md5OfMd5s.update(MessageDigest.getInstance("MD5").digest(part));
        }
        assertThat(digest.etag()).isEqualTo(hex(md5OfMd5s.digest()) + "-3");
        assertThat(digest.sha256Hex()).isEqualTo(hex(MessageDigest.getInstance("SHA-256").digest(content)));
    }

    @Test
    void fileShorterThanPlannedFailsNamingIt() throws IOException {
        Path file = Files.write(dir.resolve("shrunk.jar"), randomBytes(1000));

        assertThatThrownBy(() -> FileDigests.compute(file, PartLayout.plan(2000, UploadOptions.defaults()),
                () -> false))
                .isInstanceOf(FileChangedException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void fileLongerThanPlannedFailsNamingIt() throws IOException {
        Path file = Files.write(dir.resolve("grown.jar"), randomBytes(3000));

        assertThatThrownBy(() -> FileDigests.compute(file, PartLayout.plan(2000, UploadOptions.defaults()),
                () -> false))
                .isInstanceOf(FileChangedException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("3000");
    }

    static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
