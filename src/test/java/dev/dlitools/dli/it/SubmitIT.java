package dev.dlitools.dli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlitools.dli.core.job.SparkJobResult;
import dev.dlitools.dli.core.publish.PublishResult;
import dev.dlitools.dli.core.publish.PublishedFile;
import dev.dlitools.dli.emulator.BatchJobView;
import dev.dlitools.dli.emulator.DliEmulator;
import dev.dlitools.dli.emulator.JobScript;
import dev.dlitools.dli.emulator.RecordedRequest;
import dev.dlitools.dli.it.MavenBuild.BuildResult;
import dev.dlitools.dli.it.MavenBuild.RunningBuild;
import dev.dlitools.dli.testsupport.LocalStandIns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code dli:submit} in real Maven builds: publish, then run the job on the emulator's Spark, against S3Proxy. */
class SubmitIT {

    private static final String PROJECT_DIR = "spark-job-run";
    private static final String MAIN_KEY = "dli/com.example.etl/orders-job/1.0.0/orders-job-1.0.0.jar";
    private static final String JOB = "orders-job-1.0.0";
    private static final String BUCKET = LocalStandIns.BUCKET;

    // running for longer than a poll interval, so that the build sees it run
    @RegisterExtension
    static final SharedStandIns dli =
            new SharedStandIns(LocalStandIns.builder().jobDelays(Duration.ofMillis(500), Duration.ofSeconds(2)));

    private DliEmulator emulator;
    /** What the shared emulator had seen before this test: each test looks only at what came after. */
    private int requestsBefore;
    private int jobsBefore;
    private int uploadPostsBefore;

    @BeforeEach
    void markWhereThisTestStarts() {
        emulator = dli.emulator();
        emulator.scriptJobs(JobScript.succeed());
        requestsBefore = emulator.requests().size();
        jobsBefore = emulator.batchJobs().size();
        uploadPostsBefore = emulator.uploadPostCount();
    }

    /** The requests of this test. */
    private List<RecordedRequest> requests() {
        List<RecordedRequest> all = emulator.requests();
        return all.subList(requestsBefore, all.size());
    }

    /** The one Spark job this test submitted. */
    private BatchJobView job() {
        List<BatchJobView> jobs = emulator.batchJobs();
        assertThat(jobs).as("jobs submitted by this test").hasSize(jobsBefore + 1);
        return jobs.get(jobsBefore);
    }

    // Maven gives an execution's <configuration> to that execution only: before, the default result file was read
    @Test
    void submitOnItsOwnReadsTheResultFileOfTheUploadGroupExecution() {
        BuildResult result = MavenBuild.of("group-in-execution", "submit-result-file-in-execution")
                .pointAt(dli.standIns()).args("dli:submit").run();

        assertThat(result.succeeded()).isFalse();
        String written = "/target/published/group-in-execution.json";
        assertThat(result.log())
                .contains(written + ", from the upload-group execution 'publish' in the pom; -Ddli.resultFile=path"
                        + " names another.")
                .contains("dli:upload-group did not run in this build and ")
                .contains(written + " does not exist");
        assertThat(requests()).isEmpty();
    }

    @Test
    void deployPublishesAGroupThenRunsTheJobToSuccessWithTheManifestsMainClass() throws Exception {
        MavenBuild build = MavenBuild.of(PROJECT_DIR, "submit-registered");
        edit(build, "<register>false</register>", "");
        edit(build, "<className>com.example.etl.OrdersJob</className>", "");
        Path summary = build.projectDir().resolve("step-summary.md");

        BuildResult result = deploy(build).env("GITHUB_STEP_SUMMARY", summary.toString()).run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(result.log()).contains("Group orders-job is READY",
                "Submitted Spark job " + JOB + " to queue etl: id ", "Job " + JOB + ": STARTING after 0s",
                "Job " + JOB + ": RUNNING after ").containsPattern("dli: job " + JOB + " SUCCESS in \\ds \\(id ")
                // the project's job names Spark 3.3.1, which takes the OBS paths and no group
                .contains("[WARNING] Spark 3.3.1 takes packages only as OBS paths, as this job is given them: the"
                        + " package group 'orders-job' registered for it is not used");
        BatchJobView job = job();
        assertThat(job.state()).isEqualTo("success");
        JsonNode body = job.body();
        assertThat(body.path("className").asText()).isEqualTo("com.example.etl.OrdersJob");
        assertThat(body.path("file").asText()).isEqualTo("obs://" + BUCKET + "/" + MAIN_KEY);
        assertThat(body.path("jars")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                "obs://" + BUCKET + "/dli/org.apache.commons/commons-lang3/3.14.0/commons-lang3-3.14.0.jar",
                "obs://" + BUCKET + "/dli/com.google.code.gson/gson/2.11.0/gson-2.11.0.jar",
                "obs://" + BUCKET + "/dli/com.google.errorprone/error_prone_annotations/2.27.0/"
                        + "error_prone_annotations-2.27.0.jar");
        assertThat(body.path("queue").asText()).isEqualTo("etl");
        assertThat(body.path("name").asText()).isEqualTo(JOB);
        SparkJobResult written = SparkJobResult.read(result.projectDir().resolve("target/dli-spark-job.json"));
        assertThat(written.id()).isEqualTo(job.id());
        assertThat(written.states()).extracting(SparkJobResult.StateChange::state)
                .containsExactly("STARTING", "RUNNING", "SUCCESS");
        assertThat(Files.readString(summary)).contains("### DLI package group `orders-job`",
                "### DLI Spark job `" + JOB + "`", "| `" + JOB + "` | `etl` | **SUCCESS** |");
    }

    @Test
    void withRegisterFalseTheJobRunsOnTheObsPathsAndAQuietBuildSaysSoInOneLine() {
        BuildResult result = deploy(MavenBuild.of(PROJECT_DIR, "submit-register-false")).args("-q").run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(emulator.uploadPostCount()).isEqualTo(uploadPostsBefore);
        // the publish's summary line and its 4 OBS paths (main file first), then the job's line
        List<String> lines = result.log().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).startsWith("dli: 4 files (").endsWith("group orders-job not registered.");
        assertThat(lines.subList(1, 5)).allMatch(line -> line.startsWith("obs://" + BUCKET + "/dli/"))
                .first().isEqualTo("obs://" + BUCKET + "/" + MAIN_KEY);
        assertThat(lines.get(5)).matches("dli: job " + JOB + " SUCCESS in \\ds \\(id [0-9a-f-]{36}\\)");
        JsonNode body = job().body();
        assertThat(body.path("spark_version").asText()).isEqualTo("3.3.1");
        assertThat(body.path("args")).extracting(JsonNode::asText).containsExactly("--date", "2026-01-01");
        assertThat(body.path("conf").path("spark.sql.shuffle.partitions").asText()).isEqualTo("8");
    }

    @Test
    void aDyingJobFailsTheBuildShowingTheEndOfItsDriverLog() {
        emulator.scriptJobs(JobScript.die("ERROR OrdersJob: table orders_raw not found",
                "Exception in thread \"main\" org.apache.spark.sql.AnalysisException: orders_raw"));

        BuildResult result = deploy(MavenBuild.of(PROJECT_DIR, "submit-dies")).run();

        assertThat(result.succeeded()).isFalse();
        String id = job().id();
        assertThat(result.log()).contains("Spark job " + JOB + " (id " + id + ") ended DEAD after ",
                "  ERROR OrdersJob: table orders_raw not found",
                "  Exception in thread \"main\" org.apache.spark.sql.AnalysisException: orders_raw")
                .doesNotContain("\tat dev.dlitools");
    }

    @Test
    void aHangingJobIsCancelledAtTheTimeout() {
        emulator.scriptJobs(JobScript.hang());

        BuildResult result = deploy(MavenBuild.of(PROJECT_DIR, "submit-hangs")).property("dli.job.timeout", 3).run();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.log()).contains("did not end within 3 s (job.timeout, -Ddli.job.timeout); last state "
                + "RUNNING. It was cancelled.");
        BatchJobView job = job();
        assertThat(job.cancelled()).isTrue();
        assertThat(deletes()).containsExactly("/v2.0/" + LocalStandIns.PROJECT_ID + "/batches/" + job.id());
    }

    // before, a build stopped while it waited (Ctrl-C, a CI runner cancelling the job) left the job running in DLI
    @Test
    void aBuildStoppedWhileWaitingCancelsTheJob() throws Exception {
        emulator.scriptJobs(JobScript.hang());

        BuildResult result = stoppedWhileWaiting(deploy(MavenBuild.of(PROJECT_DIR, "submit-stopped")));

        BatchJobView job = job();
        assertThat(job.cancelled()).as(result.toString()).isTrue();
        assertThat(deletes()).containsExactly("/v2.0/" + LocalStandIns.PROJECT_ID + "/batches/" + job.id());
        assertThat(result.log()).contains("The build was stopped while waiting for Spark job " + JOB + " (id "
                + job.id() + "): it was cancelled.");
        assertThat(SparkJobResult.read(result.projectDir().resolve("target/dli-spark-job.json")).cancelled())
                .as("cancelled in the result file").isTrue();
    }

    @Test
    void withCancelOnInterruptFalseAStoppedBuildLeavesTheJobRunningWithItsIdInTheResultFile() throws Exception {
        emulator.scriptJobs(JobScript.hang());

        BuildResult result = stoppedWhileWaiting(deploy(MavenBuild.of(PROJECT_DIR, "submit-stopped-kept"))
                .property("dli.job.cancelOnInterrupt", false));

        BatchJobView job = job();
        assertThat(job.cancelled()).as(result.toString()).isFalse();
        assertThat(deletes()).isEmpty();
        assertThat(SparkJobResult.read(result.projectDir().resolve("target/dli-spark-job.json")).id())
                .isEqualTo(job.id());
        assertThat(result.log()).contains("The build was stopped while waiting for Spark job " + JOB + " (id "
                + job.id() + "). It was left running (job.cancelOnInterrupt (-Ddli.job.cancelOnInterrupt) is false);"
                + " cancel it in the DLI console or with DELETE /v2.0/" + LocalStandIns.PROJECT_ID + "/batches/"
                + job.id() + " to stop it.");
    }

    @Test
    void withoutWaitingTheBuildSucceedsOnceTheJobIsSubmitted() {
        BuildResult result = deploy(MavenBuild.of(PROJECT_DIR, "submit-no-wait")).property("dli.job.wait", false)
                .run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        String id = job().id();
        assertThat(result.log()).contains("dli: job " + JOB + " submitted to queue etl, not waited for (id " + id
                + ")");
        assertThat(requests()).noneMatch(request -> request.path().endsWith("/state"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "dli.job.driverMemory | lots | Invalid job.driverMemory (-Ddli.job.driverMemory): 'lots' is not a size like 512M or 4G.",
        "dli.job.scType       | D    | Invalid job.scType (-Ddli.job.scType): 'D' is not one of A, B, C.",
        "dli.job.feature      | gpu  | Invalid job.feature (-Ddli.job.feature): 'gpu' is not one of ai, basic, custom.",
        "dli.job.executorCores | 0   | Invalid job.executorCores (-Ddli.job.executorCores): 0 must be at least 1.",
        "dli.job.clusterName  | old  | Invalid job.clusterName (-Ddli.job.clusterName): it is the older name of the queue",
    })
    void badJobSettingFailsBeforeAnythingIsSent(String property, String value, String message) throws Exception {
        MavenBuild build = published(MavenBuild.of(PROJECT_DIR, "submit-bad-" + property.substring(8)));

        BuildResult result = target(build).args("dli:submit").property(property, value).run();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.log()).contains(message).doesNotContain("\tat dev.dlitools");
        assertThat(requests()).isEmpty();
    }

    @Test
    void noQueueFailsBeforeAnythingIsSent() throws Exception {
        MavenBuild build = published(MavenBuild.of(PROJECT_DIR, "submit-no-queue"));
        edit(build, "<queue>etl</queue>", "");

        BuildResult result = target(build).args("dli:submit").run();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.log()).contains("Invalid job.queue (-Ddli.job.queue): no queue given.");
        assertThat(requests()).isEmpty();
    }

    @Test
    void nothingPublishedFailsSayingSo() {
        BuildResult result = target(MavenBuild.of(PROJECT_DIR, "submit-nothing-published")).args("dli:submit").run();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.log()).contains("Nothing was published to run: dli:upload-group did not run in this build");
        assertThat(requests()).isEmpty();
    }

    /** Starts the build and stops it with SIGTERM once it polls the job it submitted, so once it waits for it. */
    private BuildResult stoppedWhileWaiting(MavenBuild build) {
        RunningBuild running = build.start();
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (requests().stream().noneMatch(request -> request.path().endsWith("/state"))) {
                assertThat(running.process().isAlive()).as("build running; its log so far:%n%s", running.log())
                        .isTrue();
                assertThat(System.nanoTime()).as("time to the first poll of the job").isLessThan(deadline);
                Thread.sleep(100);
            }
            return running.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            running.process().destroyForcibly();
        }
    }

    /** The paths of this test's DELETE requests. */
    private List<String> deletes() {
        return requests().stream().filter(request -> request.method().equals("DELETE"))
                .map(RecordedRequest::path).toList();
    }

    /** The project as if dli:upload-group had published it in an earlier build. */
    private MavenBuild published(MavenBuild build) {
        new PublishResult("orders-job", "jar", Map.of(), BUCKET, null, false, false, false, null, List.of(new PublishedFile(
                "orders-job-1.0.0.jar", "main artifact com.example.etl:orders-job:jar:1.0.0", MAIN_KEY,
                dli.standIns().obsEndpoint() + "/" + BUCKET + "/" + MAIN_KEY,
                "obs://" + BUCKET + "/" + MAIN_KEY, 1000, "00", "uploaded", null, null)), null)
                .writeTo(build.projectDir().resolve("target/dli-package-group.json"));
        return build;
    }

    private static void edit(MavenBuild build, String from, String to) throws Exception {
        Path pom = build.projectDir().resolve("pom.xml");
        String text = Files.readString(pom);
        assertThat(text).contains(from);
        Files.writeString(pom, text.replace(from, to));
    }

    /** {@code mvn deploy} with nowhere to deploy Maven artifacts to, as in a DLI-only pipeline. */
    private MavenBuild deploy(MavenBuild build) {
        return target(build).args("deploy", "-Dmaven.deploy.skip=true");
    }

    private MavenBuild target(MavenBuild build) {
        return build.pointAt(dli.standIns()).property("dli.pollInterval", 1);
    }
}
