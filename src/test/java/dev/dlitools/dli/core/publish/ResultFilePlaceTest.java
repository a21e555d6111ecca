package dev.dlitools.dli.core.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilePlaceTest {

    @TempDir
    Path dir;

    @Test
    void aDirectoryIsRefusedAndKept() {
        Path resultDir = dir.resolve("result");
        assertThat(resultDir.toFile().mkdir()).isTrue();

        assertThatThrownBy(() -> check(resultDir))
                .isInstanceOf(SettingException.class)
                .hasFieldOrPropertyWithValue("setting", Setting.RESULT_FILE)
                .hasMessageStartingWith("Invalid {{RESULT_FILE}}: " + resultDir + " is a directory");
        assertThat(resultDir).isEmptyDirectory();
    }

    @Test
    void aFolderThatIsAFileIsRefusedWithTheReason() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");

        assertThatThrownBy(() -> check(file.resolve("result.json")))
                .isInstanceOf(SettingException.class)
                .hasFieldOrPropertyWithValue("setting", Setting.RESULT_FILE)
                .hasMessage("Invalid {{RESULT_FILE}}: " + file.resolve("result.json")
                        + " cannot be written (" + file + " is a file, not a folder).");
    }

    @Test
    void aNewFileInANewFolderPassesAndLeavesOnlyTheFolder() {
        Path result = dir.resolve("target/sub/result.json");

        check(result);

        assertThat(result.getParent()).isEmptyDirectory();
    }

    @Test
    void anExistingFileIsLeftAsItIs() throws IOException {
        Path result = Files.writeString(dir.resolve("result.json"), "{\"earlier\":true}");

        check(result);

        assertThat(result).hasContent("{\"earlier\":true}");
    }

    private static void check(Path resultFile) {
        ResultFilePlace.check(resultFile, Setting.RESULT_FILE, "dli-package-group.json");
    }
}
