package dev.dlitools.dli.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path folder;

    @Test
    void replacesTheFileAndLeavesNothingElseBehind() throws IOException {
        Path file = folder.resolve("target/dli-package-group.json");

        AtomicFiles.writeString(file, "{\"first\": 1}\n");
        AtomicFiles.writeString(file, "{}\n");

        assertThat(file).hasContent("{}");
        try (var entries = Files.list(file.getParent())) {
            assertThat(entries).containsExactly(file);
        }
    }

    @Test
    void aWriteStoppedPartWayLeavesTheEarlierFileWhole() throws IOException {
        Path file = folder.resolve("dli-spark-job.json");
        AtomicFiles.writeString(file, "{\"state\": \"RUNNING\"}\n");

        assertThatThrownBy(() -> AtomicFiles.write(file, temporary -> {
            Files.writeString(temporary, "{\"sta");
            throw new IOException("No space left on device");
        })).hasMessage("No space left on device");

        assertThat(file).hasContent("{\"state\": \"RUNNING\"}");
        try (var entries = Files.list(folder)) {
            assertThat(entries).containsExactly(file);
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theFileGetsThePermissionsOfAFileWrittenPlainly() throws IOException {
        Path plain = Files.writeString(folder.resolve("plain.json"), "{}");
        Path file = folder.resolve("dli-package-group.json");

        AtomicFiles.writeString(file, "{}\n");

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
    }
}
