package dev.dlitools.dli.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlitools.dli.core.job.SparkJobResult;
import dev.dlitools.dli.core.publish.PublishResult;
import dev.dlitools.dli.core.publish.PublishedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepSummaryTest {

    private static final PublishedFile JOB = new PublishedFile("orders-job-1.0.0.jar", "com.example:orders-job",
            "dli/com.example/orders-job/1.0.0/orders-job-1.0.0.jar", "https://etl-jars.obs/orders-job-1.0.0.jar",
            "obs://etl-jars/dli/com.example/orders-job/1.0.0/orders-job-1.0.0.jar", 2_345, "ab", "uploaded", "READY", null);
    private static final PublishedFile GSON = new PublishedFile("gson-2.11.0.jar", "com.google.code.gson:gson",
            "dli/com.google.code.gson/gson/2.11.0/gson-2.11.0.jar", "https://etl-jars.obs/gson-2.11.0.jar",
            "obs://etl-jars/dli/com.google.code.gson/gson/2.11.0/gson-2.11.0.jar", 290_000, "cd", "unchanged", "READY", null);

    @Test
    void aSparkJobIsOneRowWithItsStateTimeAndId() {
        SparkJobResult job = new SparkJobResult("0d3e-42", "orders|job", "etl", "p-1", null, "2026-01-01T00:00:00Z",
                List.of(), "DEAD", 192, true, true, List.of(), null);

        assertThat(StepSummary.markdown(job, "target/dli-spark-job.json")).isEqualTo("""
                ### DLI Spark job `orders\\|job`

                | Job | Queue | State | Time | Id | Result file |
                |---|---|---|---:|---|---|
                | `orders\\|job` | `etl` | **DEAD** (cancelled) | 3m12s | `0d3e-42` | `target/dli-spark-job.json` |

                """);
    }

    @Test
    void readyGroupIsATableOfItsFilesWithSizesAndTheResultFile() {
        PublishResult result = new PublishResult("orders-job", "jar", Map.of("team", "etl"), "etl-jars", "p-1",
                false, true, false, "READY", List.of(JOB, GSON), null);

        assertThat(StepSummary.markdown(result, "target/dli-package-group.json")).isEqualTo("""
                ### DLI package group `orders-job`

                | | |
                |---|---|
                | Group | `orders-job` |
                | Kind | `jar` |
                | Status | **READY** |
                | Project | `p-1` |
                | Bucket | `etl-jars` |
                | Result file | `target/dli-package-group.json` |

                | File | Size | Outcome | Status |
                |---|---:|---|---|
                | `orders-job-1.0.0.jar` | 2.3 kB | uploaded | READY |
                | `gson-2.11.0.jar` | 290.0 kB | unchanged | READY |

                1 uploaded (2.3 kB), 1 unchanged.

                """);
    }

    @Test
    void uploadOnlySaysTheGroupIsNotRegisteredAndLeavesStatusesEmpty() {
        PublishedFile notRegistered = new PublishedFile("a|b.jar", "x:y", "k", "u", "obs://b/k", 10, "ef", "uploaded", null, null);
        PublishResult result = new PublishResult("g", "jar", Map.of(), "b", null, false, false, false, null,
                List.of(notRegistered), null);

        assertThat(StepSummary.markdown(result, "r.json"))
                .contains("| Status | not registered (upload only) |")
                .doesNotContain("| Project |")
                .contains("| `a\\|b.jar` | 10 B | uploaded |  |");
    }

    @Test
    void appendsSoThatEachModuleAddsItsOwnPart(@TempDir Path dir) throws Exception {
        Path summary = dir.resolve("step-summary.md");
        Files.writeString(summary, "earlier step\n");
        PublishResult result = new PublishResult("orders-job", "jar", Map.of(), "etl-jars", "p-1", false, true, false,
                "READY", List.of(JOB), null);

        StepSummary.appendTo(summary, result, "target/r.json");
        StepSummary.appendTo(summary, result, "target/r.json");

        String written = Files.readString(summary);
        assertThat(written).startsWith("earlier step\n### DLI package group `orders-job`");
        assertThat(written.split("### DLI package group", -1)).hasSize(3);
    }


    // mvn -T: the modules of a parallel reactor append to one GITHUB_STEP_SUMMARY at once
    @Test
    void twoModulesAppendingAtOnceEachKeepTheirTableInOnePiece(@TempDir Path dir) throws Exception {
        Path summary = dir.resolve("step-summary.md");
        PublishResult a = group("module-a", 300);
        PublishResult b = group("module-b", 300);
        String mdA = StepSummary.markdown(a, "target/dli-package-group.json");
        String mdB = StepSummary.markdown(b, "target/dli-package-group.json");
        assertThat(mdA.length()).as("a group with many dependencies").isGreaterThan(8192);
        int rounds = 40;
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService modules = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (PublishResult module : List.of(a, b)) {
                done.add(modules.submit(() -> {
                    for (int i = 0; i < rounds; i++) {
                        together.await();
                        StepSummary.appendTo(summary, module, "target/dli-package-group.json");
                    }
                    return null;
                }));
            }
            for (Future<?> module : done) {
                module.get();
            }
        } finally {
            modules.shutdownNow();
        }
        String written = Files.readString(summary);
        // every appended section must be found whole: taking them all out leaves nothing
        assertThat(written.replace(mdA, "").replace(mdB, "")).as("pieces of interleaved tables").isEmpty();
    }

    private static PublishResult group(String name, int files) {
        List<PublishedFile> published = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            String file = name + "-dependency-" + i + "-1.0.jar";
            published.add(new PublishedFile(file, "org.example:" + file, "dli/" + file, "https://b.obs/" + file,
                    "obs://b/dli/" + file, 1_000 + i, "ab", "uploaded", "READY", null));
        }
        return new PublishResult(name, "jar", Map.of(), "b", "p-1", false, true, false, "READY", published, null);
    }
}
