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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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


    // mvn -q -T 2 ... -Ddli.register=false: each module's summary line and OBS paths, main file first, for a script
    @Test
    void twoModulesPrintingAtOnceKeepTheirLinesTogether() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // a terminal or pipe that takes a moment per line, as a real one does under load
        PrintStream stdout = new PrintStream(bytes, true, StandardCharsets.UTF_8) {
            @Override
            public void println(String line) {
                super.println(line);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        SystemStreamLog quiet = new SystemStreamLog() {
            @Override
            public boolean isInfoEnabled() {
                return false;
            }
        };
        List<String> a = lines("a");
        List<String> b = lines("b");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService modules = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<String> module : List.of(a, b)) {
                done.add(modules.submit(() -> {
                    start.await();
                    new ReportOutput(quiet, stdout).print(module);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> module : done) {
                module.get();
            }
        } finally {
            modules.shutdownNow();
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        String sep = System.lineSeparator();
        assertThat(printed).isIn(String.join(sep, a) + sep + String.join(sep, b) + sep,
                String.join(sep, b) + sep + String.join(sep, a) + sep);
    }

    private static List<String> lines(String module) {
        List<String> lines = new ArrayList<>();
        lines.add("dli: 10 files (10 uploaded, 0 unchanged) in OBS bucket b; group " + module + " not registered.");
        for (int i = 0; i < 10; i++) {
            lines.add("obs://b/dli/com.example/" + module + "/1.0/" + module + "-dep-" + i + ".jar");
        }
        return lines;
    }
}
