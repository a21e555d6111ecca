package dev.dlitools.dli.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a report goal's answer goes: the log, bare standard output for scripts, a file. */
class ReportOutputTest {

    private static final List<String> JSON = List.of("{\"groups\":[]}");

    @TempDir
    Path dir;

    private final List<String> logged = new ArrayList<>();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    @Test
    void atInfoLevelTheAnswerIsLoggedAndNothingIsPrinted() {
        output(true).report(JSON, null, "listing");

        assertThat(logged).containsExactly("{\"groups\":[]}");
        assertThat(printed()).isEmpty();
    }

    @Test
    void withMinusQTheAnswerIsPrintedBareAndNothingElse() {
        output(false).report(JSON, null, "listing");

        assertThat(printed()).isEqualTo("{\"groups\":[]}" + System.lineSeparator());
        assertThat(logged).isEmpty();
    }

    @Test
    void outputFileMinusPrintsTheAnswerBareAtInfoLevelInsteadOfLoggingItAndWritesNoFile() {
        File minus = dir.resolve("-").toFile();

        output(true).report(JSON, minus, "listing");

        assertThat(printed()).isEqualTo("{\"groups\":[]}" + System.lineSeparator());
        assertThat(logged).isEmpty();
        assertThat(minus).doesNotExist();
    }

    @Test
    void anOutputFileGetsTheAnswerToo() throws Exception {
        Path file = dir.resolve("target/groups.json");

        output(true).report(JSON, file.toFile(), "listing");

        assertThat(Files.readAllLines(file)).isEqualTo(JSON);
        assertThat(logged).containsExactly("{\"groups\":[]}", "Wrote the listing to " + file);
        assertThat(printed()).isEmpty();
    }

    @Test
    void quietIsInfoHidden() {
        assertThat(output(false).quiet()).isTrue();
        assertThat(output(true).quiet()).isFalse();
    }

    private ReportOutput output(boolean infoEnabled) {
        return new ReportOutput(new SystemStreamLog() {
            @Override
            public boolean isInfoEnabled() {
                return infoEnabled;
            }

            @Override
            public void info(CharSequence content) {
                // Maven's logger drops a line below its level; the test keeps only the lines it would show
                if (infoEnabled) {
                    logged.add(content.toString());
                }
            }
        }, new PrintStream(stdout, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return stdout.toString(StandardCharsets.UTF_8);
    }
}
