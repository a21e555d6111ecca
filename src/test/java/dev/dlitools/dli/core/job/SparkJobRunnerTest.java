package dev.dlitools.dli.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.BuildLog;
import dev.dlitools.dli.core.common.ProxySettings;
import dev.dlitools.dli.core.common.SettingException;
import dev.dlitools.dli.core.common.Sleeper;
import dev.dlitools.dli.core.dli.DliApiException;
import dev.dlitools.dli.core.dli.DliClient;
import dev.dlitools.dli.core.dli.SignedHttpClient;
import dev.dlitools.dli.core.retry.RetryPolicy;
import dev.dlitools.dli.emulator.BatchJobView;
import dev.dlitools.dli.emulator.DliEmulator;
import dev.dlitools.dli.emulator.Fault;
import dev.dlitools.dli.emulator.JobScript;
import dev.dlitools.dli.emulator.ObjectStore;
import dev.dlitools.dli.emulator.RecordedRequest;
import dev.dlitools.dli.testsupport.MovingClock;
import dev.dlitools.dli.testsupport.RecordedShutdownHooks;
import dev.dlitools.dli.testsupport.RecordingLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link SparkJobRunner} against the DLI emulator: states, the end, the time-out, and answers not to be trusted. */
@Timeout(30)
class SparkJobRunnerTest {

    private static final String AK = "JOBTESTACCESSKEY";
    private static final String SK = "job-test-secret-key";
    private static final String PROJECT = "p-jobs";
    private static final String BATCHES = "/v2\\.0/[^/]+/batches";
    private static final String STATE = BATCHES + "/[^/]+/state";

    @TempDir
    Path dir;

    private final RecordingLog log = RecordingLog.withoutDebug();
    /** The shutdown hooks a runner of {@link #runnerWithHooks} has added and not taken out. */
    private final RecordedShutdownHooks shutdownHooks = RecordedShutdownHooks.running();
    private DliEmulator emulator;

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void aJobThatSucceedsIsReportedStateByStateAndWritten() throws Exception {
        start(ObjectStore.everythingExists());
        Path resultFile = dir.resolve("target/dli-spark-job.json");

        SparkJobResult result = runner(3).submit(JobFixtures.request().resultFile(resultFile).build());

        assertThat(result.succeeded()).isTrue();
        assertThat(result.states()).extracting(SparkJobResult.StateChange::state)
                .containsExactly("STARTING", "RUNNING", "SUCCESS");
        assertThat(log.lines()).first().asString().startsWith("Submitted Spark job orders-1.0 to queue etl: id ");
        assertThat(log.lines()).contains("Job orders-1.0: RUNNING after 0s")
                .last().asString().matches("dli: job orders-1\\.0 SUCCESS in \\ds \\(id [0-9a-f-]{36}\\)");
        SparkJobResult written = SparkJobResult.read(resultFile);
        assertThat(written.id()).isEqualTo(result.id()).isEqualTo(emulator.batchJobs().get(0).id());
        assertThat(written.finalState()).isEqualTo("SUCCESS");
        assertThat(written.request().file()).isEqualTo("obs://etl-jars/" + JobFixtures.MAIN_KEY);
        assertThat(written.projectId()).isEqualTo(PROJECT);
    }

    @Test
    void aResultFileThatIsADirectoryIsRefusedNamingTheSettingBeforeTheJobIsSubmitted() throws Exception {
        start(ObjectStore.everythingExists());
        Path resultFile = Files.createDirectories(dir.resolve("target/dli-spark-job.json"));

        SettingException e = catchThrowableOfType(SettingException.class,
                () -> runner(0).submit(JobFixtures.request().resultFile(resultFile).build()));

        assertThat(e).hasMessageStartingWith("Invalid {{JOB_RESULT_FILE}}: " + resultFile + " is a directory; give a "
                + "file name such as " + resultFile.resolve("dli-spark-job.json"));
        assertThat(emulator.batchJobs()).as("jobs started in DLI").isEmpty();
        assertThat(resultFile).isEmptyDirectory();
    }

    // before, the job ran on in DLI with no result file to find it by
    @Test
    void anInterruptedWaitStillWritesTheResultFileOfTheSubmittedJob() throws Exception {
        start(ObjectStore.everythingExists());
        emulator.scriptJobs(JobScript.hang());
        Path resultFile = dir.resolve("target/dli-spark-job.json");

        Throwable e = catchThrowable(() -> runner(0, log, BuildLog.SILENT, duration -> {
            throw new InterruptedException("the build was stopped");
        }).submit(JobFixtures.request().resultFile(resultFile).build()));
        Thread.interrupted();

        assertThat(e).hasMessageContaining("Interrupted while waiting for job");
        assertThat(emulator.batchJobs()).singleElement().satisfies(job ->
                assertThat(SparkJobResult.read(resultFile).id()).isEqualTo(job.id()));
        assertThat(SparkJobResult.read(resultFile).waited()).isFalse();
    }

    // Ctrl-C ends Maven without interrupting the goal: before, a job stopped waiting for that way ran on in DLI with
    // no result file to find it by
    @Test
    void whileTheJobIsWaitedForTheResultFileAlreadyHoldsItsId() throws Exception {
        start(ObjectStore.everythingExists());
        Path resultFile = dir.resolve("target/dli-spark-job.json");
        List<String> seenWhileWaiting = new CopyOnWriteArrayList<>();

        SparkJobResult result = runner(0, log, BuildLog.SILENT, duration -> {
            if (seenWhileWaiting.isEmpty()) {
                seenWhileWaiting.add(Files.exists(resultFile) ? idIn(resultFile) : "no file");
            }
            Thread.sleep(Math.min(duration.toMillis(), 25));
        }).submit(JobFixtures.request().resultFile(resultFile).build());

        assertThat(seenWhileWaiting).containsExactly(result.id());
        assertThat(SparkJobResult.read(resultFile).finalState()).isEqualTo("SUCCESS");
    }

    @Test
    void aPollRefusedForGoodStillWritesTheResultFileOfTheSubmittedJob() throws Exception {
        start(ObjectStore.everythingExists());
        emulator.scriptJobs(JobScript.hang());
        emulator.inject(Fault.respond(403).always().on("GET", "/v2\\.0/[^/]+/batches/[^/]+/state"));
        Path resultFile = dir.resolve("target/dli-spark-job.json");

        Throwable e = catchThrowable(() -> runner(0).submit(JobFixtures.request().resultFile(resultFile).build()));

        assertThat(e).isInstanceOf(DliApiException.class).hasMessageContaining("HTTP 403");
        assertThat(emulator.batchJobs()).singleElement().satisfies(job ->
                assertThat(SparkJobResult.read(resultFile).id()).isEqualTo(job.id()));
    }

    // before, an earlier run's result (a SUCCESS, say) stayed for later steps to read
    @Test
    void aSubmissionThatFailsLeavesNoEarlierResultFile() throws Exception {
        start(ObjectStore.everythingExists());
        emulator.inject(Fault.respond(400).always().on("POST", "/v2\\.0/[^/]+/batches"));
        Path resultFile = Files.createDirectories(dir.resolve("target")).resolve("dli-spark-job.json");
        Files.writeString(resultFile, "{\"id\":\"an-earlier-job\",\"final_state\":\"SUCCESS\"}");

        Throwable e = catchThrowable(() -> runner(0).submit(JobFixtures.request().resultFile(resultFile).build()));

        assertThat(e).isInstanceOf(DliApiException.class);
        assertThat(resultFile).doesNotExist();
    }

    @Test
    void aSecretInTheJobsConfIsSentButNeitherWrittenNorLoggedAtDebug() throws Exception {
        // DLI's docs show OBS keys in a Spark job's conf
        start(ObjectStore.everythingExists());
        String secret = "conf-obs-secret-key-9f8e7d";
        Path resultFile = dir.resolve("target/dli-spark-job.json");
        RecordingLog debug = RecordingLog.withDebug();

        runner(0, debug, debug).submit(JobFixtures.request()
                .conf(Map.of("spark.hadoop.fs.obs.secret.key", secret)).resultFile(resultFile).build());

        assertThat(emulator.batchJobs().get(0).body().at("/conf/spark.hadoop.fs.obs.secret.key").asText())
                .as("sent").isEqualTo(secret);
        assertThat(SparkJobResult.read(resultFile).request().conf())
                .containsExactly(Map.entry("spark.hadoop.fs.obs.secret.key", "****"));
        assertThat(Files.readString(resultFile)).doesNotContain(secret);
        assertThat(debug.lines()).anyMatch(line -> line.startsWith("> POST "))
                .noneMatch(line -> line.contains(secret));
    }

    @Test
    void everyPollRoundOfARunningJobIsHeardWithTheLimit() {
        start(ObjectStore.everythingExists());
        List<String> rounds = new CopyOnWriteArrayList<>();
        JobListener waiting = new JobListener() {
            @Override
            public void jobWaiting(String name, String state, Duration elapsed, Duration limit) {
                rounds.add(name + " " + state + " of " + limit.toSeconds() + (elapsed.isNegative() ? " negative" : ""));
            }
        };

        runner(0, waiting).submit(JobFixtures.request().timeout(Duration.ofSeconds(7)).build());

        assertThat(rounds).isNotEmpty().allMatch(round -> round.equals("orders-1.0 STARTING of 7")
                || round.equals("orders-1.0 RUNNING of 7"));
    }

    @Test
    void statesAreComparedWithoutCase() {
        start(ObjectStore.everythingExists());
        emulator.inject(Fault.respond(200).body("{\"id\":\"x\",\"state\":\"Success\"}").on("GET", STATE));

        SparkJobResult result = runner(0).submit(JobFixtures.request().timeout(Duration.ofSeconds(5)).build());

        assertThat(result.finalState()).isEqualTo("SUCCESS");
    }

    @Test
    void aDeadJobFailsWithItsIdStateAndTheLastLinesOfItsDriverLog() {
        start(ObjectStore.everythingExists());
        emulator.scriptJobs(JobScript.die("ERROR Executor lost", "Caused by: java.lang.OutOfMemoryError"));

        JobFailedException e = catchThrowableOfType(JobFailedException.class,
                () -> runner(0).submit(JobFixtures.request().logLines(2).build()));

        String id = emulator.batchJobs().get(0).id();
        assertThat(e).hasMessageStartingWith("Spark job orders-1.0 (id " + id + ") ended DEAD after ")
                .hasMessageEndingWith("The last 2 lines of its driver log:\n  ERROR Executor lost\n"
                        + "  Caused by: java.lang.OutOfMemoryError");
        assertThat(e.result().logTail()).hasSize(2);
        assertThat(emulator.requests()).filteredOn(request -> request.path().endsWith("/log"))
                .extracting(RecordedRequest::query)
                .as("the first page says where the log ends, the second reads its end")
                .containsExactly("type=driver&from=0&size=2", "type=driver&from=3&size=2");
    }

    @Test
    void aDriverLogLongerThanAnIntIsReadFromItsEndNotFromANegativeLine() {
        start(ObjectStore.everythingExists());
        emulator.scriptJobs(JobScript.die("ERROR boom"));
        emulator.inject(Fault.respond(200).body("{\"log\":[\"a\"],\"total\":3000000000,\"from\":0}")
                .on("GET", BATCHES + "/[^/]+/log"));
        emulator.inject(Fault.respond(200).body("{\"log\":[\"y\",\"z\"],\"total\":3000000000}")
                .on("GET", BATCHES + "/[^/]+/log"));

        JobFailedException e = catchThrowableOfType(JobFailedException.class,
                () -> runner(0).submit(JobFixtures.request().logLines(2).build()));

        assertThat(emulator.requests()).filteredOn(request -> request.path().endsWith("/log"))
                .extracting(RecordedRequest::query)
                .containsExactly("type=driver&from=0&size=2", "type=driver&from=2999999998&size=2");
        assertThat(e.result().logTail()).containsExactly("y", "z");
    }

    // the log call's size is the service's to honour: one that sends its whole log filled the build's error with it
    @Test
    void aDriverLogPageLongerThanAskedIsCutToItsLastLines() {
        start(ObjectStore.everythingExists());
        emulator.scriptJobs(JobScript.die("ERROR boom"));
        String wholeLog = IntStream.rangeClosed(1, 500).mapToObj(n -> "\"line " + n + "\"")
                .collect(Collectors.joining(","));
        emulator.inject(Fault.respond(200).body("{\"log\":[" + wholeLog + "],\"total\":500,\"from\":0}")
                .on("GET", BATCHES + "/[^/]+/log"));

        JobFailedException e = catchThrowableOfType(JobFailedException.class,
                () -> runner(0).submit(JobFixtures.request().logLines(2).build()));

        assertThat(e.result().logTail()).containsExactly("line 499", "line 500");
        assertThat(e).hasMessageEndingWith("The last 2 lines of its driver log:\n  line 499\n  line 500");
    }

    @Test
    void aFileMissingInObsKillsTheJobNamingIt() {
        start(url -> !url.toString().contains("gson"));

        JobFailedException e = catchThrowableOfType(JobFailedException.class,
                () -> runner(0).submit(JobFixtures.request().build()));

        assertThat(e).hasMessageContaining("FileNotFoundException: obs://etl-jars/" + JobFixtures.GSON_KEY);
    }

    @Test
    void aLogThatCannotBeFetchedIsAWarningInsideTheError() {
        start(ObjectStore.everythingExists());
        emulator.scriptJobs(JobScript.die("ERROR boom"));
        emulator.inject(Fault.respond(500).always().on("GET", BATCHES + "/[^/]+/log"));

        JobFailedException e = catchThrowableOfType(JobFailedException.class,
                () -> runner(0).submit(JobFixtures.request().build()));

        assertThat(e).hasMessageContaining("ended DEAD")
                .hasMessageContaining("Warning: its driver log could not be fetched: GET ")
                .hasMessageContaining("HTTP 500");
        assertThat(e.result().logProblem()).contains("HTTP 500");
    }

    @Test
    void aJobStillRunningAtTheTimeOutIsCancelled() {
        start(ObjectStore.everythingExists());
        emulator.scriptJobs(JobScript.hang());

        JobTimeoutException e = catchThrowableOfType(JobTimeoutException.class,
                () -> runner(0).submit(JobFixtures.request().timeout(Duration.ofMillis(1500)).build()));

        assertThat(e).hasMessageEndingWith("did not end within 1 s ({{JOB_TIMEOUT}}); last state RUNNING. It was cancelled.");
        BatchJobView job = emulator.batchJobs().get(0);
        assertThat(job.cancelled()).isTrue();
        assertThat(job.state()).isEqualTo("dead");
        assertThat(emulator.requests()).filteredOn(request -> request.method().equals("DELETE")).hasSize(1);
        assertThat(e.result().cancelled()).isTrue();
    }

    @Test
    void withoutCancelOnTimeoutTheJobIsLeftRunning() {
        start(ObjectStore.everythingExists());
        emulator.scriptJobs(JobScript.hang());

        JobTimeoutException e = catchThrowableOfType(JobTimeoutException.class, () -> runner(0)
                .submit(JobFixtures.request().timeout(Duration.ofMillis(800)).cancelOnTimeout(false).build()));

        String id = emulator.batchJobs().get(0).id();
        assertThat(e).hasMessageEndingWith("It was left running ({{JOB_CANCEL_ON_TIMEOUT}} is false); cancel it in"
                + " the DLI console or with DELETE /v2.0/" + PROJECT + "/batches/" + id + " to stop it.");
        assertThat(emulator.batchJobs().get(0).state()).isEqualTo("running");
        assertThat(emulator.requests()).noneMatch(request -> request.method().equals("DELETE"));
    }

    @Test
    void aCancelThatFailsAtTheTimeOutSaysHowToCancelTheJobByHand() {
        start(ObjectStore.everythingExists());
        emulator.scriptJobs(JobScript.hang());
        emulator.inject(Fault.respond(403).always().on("DELETE", BATCHES + "/[^/]+"));

        JobTimeoutException e = catchThrowableOfType(JobTimeoutException.class,
                () -> runner(0).submit(JobFixtures.request().timeout(Duration.ofMillis(800)).build()));

        String id = emulator.batchJobs().get(0).id();
        assertThat(e).hasMessageContaining("last state RUNNING. Cancelling it failed, so it may still be running:"
                + " cancel it in the DLI console or with DELETE /v2.0/" + PROJECT + "/batches/" + id + ". DELETE ")
                .hasMessageContaining("HTTP 403");
        assertThat(e.result().cancelled()).isFalse();
    }

    // the polls said RUNNING up to the time-out, and the job succeeded before the cancel, which the emulator answers
    // as usual, cancelling nothing; before, it was reported as cancelled at the time-out
    @Test
    void aJobThatEndedBetweenTheLastPollAndTheCancelIsReportedAsItEnded() {
        start(ObjectStore.everythingExists());
        bothPollsSeeItRunning();

        SparkJobResult result = polledTwiceUntilTheTimeOut().submit(twoPollsLong().build());

        assertThat(result.finalState()).isEqualTo("SUCCESS");
        assertThat(result.cancelled()).isFalse();
        assertThat(emulator.requests()).filteredOn(request -> request.method().equals("GET"))
                .as("one state query after the time-out's cancel, no more").hasSize(3);
    }

    // a DLI that refuses to cancel a job that has ended: its end is reported, with its log as for any failure;
    // before, the time-out was, saying that the job may still be running
    @Test
    void aJobThatDiedBeforeACancelThatFailedFailsAsADeadJob() {
        start(ObjectStore.everythingExists());
        emulator.scriptJobs(JobScript.die("ERROR boom"));
        bothPollsSeeItRunning();
        emulator.inject(Fault.respond(400).on("DELETE", BATCHES + "/[^/]+"));

        JobFailedException e = catchThrowableOfType(JobFailedException.class,
                () -> polledTwiceUntilTheTimeOut().submit(twoPollsLong().logLines(1).build()));

        assertThat(e).hasMessageContaining(") ended DEAD after ")
                .hasMessageEndingWith("The last 1 lines of its driver log:\n  ERROR boom");
        assertThat(e.result().cancelled()).isFalse();
    }

    @Test
    void withoutCancelOnTimeoutAJobThatEndedAfterTheLastPollIsReportedAsItEnded() {
        start(ObjectStore.everythingExists());
        bothPollsSeeItRunning();

        SparkJobResult result = polledTwiceUntilTheTimeOut().submit(twoPollsLong().cancelOnTimeout(false).build());

        assertThat(result.finalState()).isEqualTo("SUCCESS");
        assertThat(emulator.requests()).noneMatch(request -> request.method().equals("DELETE"));
    }

    // the state query after the time-out only corrects the report: when it fails, the time-out is reported as it was
    @Test
    void aStateQueryFailingAfterTheTimeOutLeavesTheTimeOutsReport() {
        start(ObjectStore.everythingExists());
        bothPollsSeeItRunning();
        emulator.inject(Fault.respond(400).on("DELETE", BATCHES + "/[^/]+"));
        emulator.inject(Fault.respond(503).on("GET", STATE));

        JobTimeoutException e = catchThrowableOfType(JobTimeoutException.class,
                () -> polledTwiceUntilTheTimeOut().submit(twoPollsLong().build()));

        assertThat(e).hasMessageContaining("did not end within 2 s ({{JOB_TIMEOUT}}); last state RUNNING. Cancelling"
                + " it failed, so it may still be running: ");
        assertThat(e.result().finalState()).isEqualTo("RUNNING");
    }

    // before, a build stopped while it waited (Ctrl-C, a CI runner cancelling it) left the job running in DLI
    @Test
    void aShutdownWhileWaitingCancelsTheJobOnceAndSaysSo() {
        start(ObjectStore.everythingExists());
        emulator.scriptJobs(JobScript.hang());

        // the JVM runs the hook once; here it runs at every pause, and still cancels once
        JobFailedException e = catchThrowableOfType(JobFailedException.class, () -> runnerWithHooks(duration -> {
            shutdownHooks.runAll();
            Thread.sleep(Math.min(duration.toMillis(), 25));
        }, Duration.ofSeconds(5)).submit(JobFixtures.request().logLines(0).build()));

        String id = emulator.batchJobs().get(0).id();
        assertThat(emulator.batchJobs().get(0).cancelled()).isTrue();
        assertThat(emulator.requests()).filteredOn(request -> request.method().equals("DELETE")).hasSize(1);
        assertThat(log.lines()).containsOnlyOnce("The build was stopped while waiting for Spark job orders-1.0 (id "
                + id + "): it was cancelled.");
        assertThat(log.lines()).as("a prompt cancel is one line").noneMatch(line -> line.contains("cancelling it"));
        assertThat(e).hasMessageContaining("ended DEAD");
        assertThat(shutdownHooks.open()).as("hooks left once the wait ended").isEmpty();
    }

    // before, the file said the job was not cancelled, in the state it was submitted in
    @Test
    void aShutdownWhileWaitingLeavesAResultFileSayingTheJobWasCancelledInTheStateLastSeen() {
        start(ObjectStore.everythingExists());
        emulator.scriptJobs(JobScript.hang());
        Path resultFile = dir.resolve("target/dli-spark-job.json");
        SparkJobResult[] onDisk = new SparkJobResult[1];

        catchThrowable(() -> runnerWithHooks(duration -> {
            if (onDisk[0] == null && log.lines().stream().anyMatch(line -> line.contains(": RUNNING after"))) {
                shutdownHooks.runAll();
                // what a stopped build leaves: the JVM halts once its hooks have run
                try {
                    onDisk[0] = SparkJobResult.read(resultFile);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                throw new InterruptedException("the JVM halts");
            }
            Thread.sleep(Math.min(duration.toMillis(), 25));
        }, Duration.ofSeconds(5)).submit(JobFixtures.request().resultFile(resultFile).build()));
        Thread.interrupted();

        assertThat(emulator.batchJobs().get(0).cancelled()).isTrue();
        assertThat(onDisk[0].cancelled()).as("cancelled in the file").isTrue();
        assertThat(onDisk[0].states()).extracting(SparkJobResult.StateChange::state)
                .containsExactly("STARTING", "RUNNING");
        assertThat(onDisk[0].finalState()).isEqualTo("RUNNING");
    }

    @Test
    void aShutdownAfterTheWaitEndedCancelsNothingEvenWhenTheHookCouldNotBeTakenOut() {
        start(ObjectStore.everythingExists());
        RecordedShutdownHooks shuttingDown = RecordedShutdownHooks.shuttingDown();
        SparkJobResult result = new SparkJobRunner(dliClient(0, BuildLog.SILENT).batches(), log, Clock.systemUTC(),
                duration -> Thread.sleep(Math.min(duration.toMillis(), 25)), shuttingDown, Duration.ofSeconds(5))
                .submit(JobFixtures.request().build());
        shuttingDown.runAll();

        assertThat(result.finalState()).isEqualTo("SUCCESS");
        assertThat(shuttingDown.everAdded()).as("hooks added").isEqualTo(1);
        assertThat(emulator.requests()).noneMatch(request -> request.method().equals("DELETE"));
        assertThat(log.lines()).noneMatch(line -> line.startsWith("The build was stopped"));
    }

    @Test
    void aCancelThatFailsOnShutdownSaysHowToCancelTheJobByHand() {
        start(ObjectStore.everythingExists());
        emulator.scriptJobs(JobScript.hang());
        emulator.inject(Fault.respond(403).always().on("DELETE", BATCHES + "/[^/]+"));

        catchThrowable(() -> runnerWithHooks(shutDownAtTheFirstPause(), Duration.ofSeconds(5))
                .submit(JobFixtures.request().timeout(Duration.ofMillis(300)).cancelOnTimeout(false).build()));

        String id = emulator.batchJobs().get(0).id();
        assertThat(log.lines()).filteredOn(line -> line.startsWith("The build was stopped")).singleElement()
                .asString().startsWith("The build was stopped while waiting for Spark job orders-1.0 (id " + id
                        + "). Cancelling it failed, so it may still be running: cancel it in the DLI console or with"
                        + " DELETE /v2.0/" + PROJECT + "/batches/" + id + ". DELETE ")
                .contains("HTTP 403").doesNotContain(SK);
    }

    @Test
    void aCancelNotAnsweredInTimeOnShutdownLetsTheJvmGoSayingHowToCancelTheJobByHand() {
        start(ObjectStore.everythingExists());
        emulator.scriptJobs(JobScript.hang());
        emulator.inject(Fault.delay(Duration.ofSeconds(3)).on("DELETE", BATCHES + "/[^/]+"));
        long[] hookMillis = new long[1];

        catchThrowable(() -> runnerWithHooks(duration -> {
            if (!shutdownHooks.open().isEmpty() && hookMillis[0] == 0) {
                long before = System.nanoTime();
                shutdownHooks.open().get(0).run();
                hookMillis[0] = Duration.ofNanos(System.nanoTime() - before).toMillis();
            }
            Thread.sleep(Math.min(duration.toMillis(), 25));
        }, Duration.ofSeconds(1)).submit(JobFixtures.request().timeout(Duration.ofMillis(300))
                .cancelOnTimeout(false).build()));

        String id = emulator.batchJobs().get(0).id();
        assertThat(hookMillis[0]).as("ms the hook held the exit up").isBetween(900L, 2500L);
        // said before the wait, which a user would otherwise sit through without a word
        assertThat(log.lines()).contains("The build was stopped while waiting for Spark job orders-1.0 (id " + id
                + "): cancelling it, waiting at most 1 s for DLI's answer.");
        assertThat(log.lines()).contains("The build was stopped while waiting for Spark job orders-1.0 (id " + id
                + "). Cancelling it failed, so it may still be running: cancel it in the DLI console or with DELETE"
                + " /v2.0/" + PROJECT + "/batches/" + id + ". DLI did not answer within 1 s.");
    }

    @Test
    void withoutWaitingNoHookIsAdded() {
        start(ObjectStore.everythingExists());

        runnerWithHooks(shutDownAtTheFirstPause(), Duration.ofSeconds(5))
                .submit(JobFixtures.request().waitForEnd(false).build());

        assertThat(shutdownHooks.everAdded()).isZero();
        assertThat(emulator.requests()).noneMatch(request -> request.method().equals("DELETE"));
    }

    // before, the build ended without a word on the job it left running
    @Test
    void withoutCancelOnInterruptAShutdownWhileWaitingLeavesTheJobRunningSayingHowToCancelIt() {
        start(ObjectStore.everythingExists());

        runnerWithHooks(shutDownAtTheFirstPause(), Duration.ofSeconds(5))
                .submit(JobFixtures.request().cancelOnInterrupt(false).build());

        String id = emulator.batchJobs().get(0).id();
        assertThat(emulator.requests()).noneMatch(request -> request.method().equals("DELETE"));
        assertThat(log.lines()).contains("The build was stopped while waiting for Spark job orders-1.0 (id " + id
                + "). It was left running ({{JOB_CANCEL_ON_INTERRUPT}} is false); cancel it in the DLI console or"
                + " with DELETE /v2.0/" + PROJECT + "/batches/" + id + " to stop it.");
        assertThat(shutdownHooks.open()).as("hooks left once the wait ended").isEmpty();
    }

    @Test
    void withoutWaitingOnlyTheSubmissionIsSent() {
        start(ObjectStore.everythingExists());

        SparkJobResult result = runner(0).submit(JobFixtures.request().waitForEnd(false).build());

        assertThat(result.waited()).isFalse();
        assertThat(result.summaryLine()).isEqualTo("dli: job orders-1.0 submitted to queue etl, not waited for (id "
                + result.id() + ")");
        assertThat(emulator.requests()).extracting(RecordedRequest::method).containsExactly("POST");
    }

    @Test
    void aSubmissionRefusedInsideA200IsDlisErrorNotACrash() {
        start(ObjectStore.everythingExists());
        emulator.inject(Fault.respond(200).body("{\"is_success\":false,\"error_code\":\"DLI.0005\","
                + "\"error_msg\":\"Queue etl does not exist\"}").on("POST", BATCHES));

        DliApiException e = catchThrowableOfType(DliApiException.class,
                () -> runner(0).submit(JobFixtures.request().build()));

        assertThat(e).hasMessageStartingWith("POST " + emulator.endpoint() + "/v2.0/" + PROJECT + "/batches was refused "
                + "inside an HTTP 200 answer (DLI.0005: Queue etl does not exist");
        assertThat(e.errorCode()).isEqualTo("DLI.0005");
    }

    @Test
    void aStateAnswerWithoutStateIsAnError() {
        start(ObjectStore.everythingExists());
        emulator.inject(Fault.respond(200).body("{\"id\":\"x\"}").on("GET", STATE));

        DliApiException e = catchThrowableOfType(DliApiException.class,
                () -> runner(0).submit(JobFixtures.request().build()));

        assertThat(e).hasMessageStartingWith("The answer to the job state query has no state (HTTP 200, request id "
                + e.requestId() + "): body: {\"id\":\"x\"}.");
    }

    @Test
    void aStateAnswerWithoutStateSaysTheServicesMessageEvenWithoutItsCode() {
        start(ObjectStore.everythingExists());
        emulator.inject(Fault.respond(200).body("{\"error_msg\":\"job is being deleted\"}").on("GET", STATE));

        DliApiException e = catchThrowableOfType(DliApiException.class,
                () -> runner(0).submit(JobFixtures.request().build()));

        assertThat(e).hasMessageEndingWith("): job is being deleted.");
    }

    // a state of a newer DLI, or another of Livy's, ends nothing: the poll goes on, bounded by the time-out
    @Test
    void aStateNotKnownIsWaitedOnUntilTheTimeOutThatNamesIt() {
        start(ObjectStore.everythingExists());
        emulator.inject(Fault.respond(200).body("{\"id\":\"x\",\"state\":\"queueing\"}").always().on("GET", STATE));

        JobTimeoutException e = catchThrowableOfType(JobTimeoutException.class,
                () -> polledTwiceUntilTheTimeOut().submit(twoPollsLong().build()));

        assertThat(e).hasMessageContaining("did not end within 2 s ({{JOB_TIMEOUT}}); last state QUEUEING.");
        assertThat(e.result().finalState()).isEqualTo("QUEUEING");
    }

    @Test
    void aSubmissionThatMayHaveArrivedIsNotSentAgain() {
        start(ObjectStore.everythingExists());
        emulator.inject(Fault.respond(500).on("POST", BATCHES));

        DliApiException e =
                catchThrowableOfType(DliApiException.class, () -> runner(3).submit(JobFixtures.request().build()));

        assertThat(emulator.requests()).hasSize(1);
        assertThat(e).hasMessageContaining("failed with HTTP 500").hasMessageEndingWith("The request may have reached "
                + "DLI, so it was not sent again: check in the DLI console whether job orders-1.0 runs before "
                + "submitting it again.");
    }

    @Test
    void aThrottledSubmissionIsSentAgain() {
        start(ObjectStore.everythingExists());
        emulator.inject(Fault.respond(429).on("POST", BATCHES));

        SparkJobResult result = runner(3).submit(JobFixtures.request().build());

        assertThat(result.succeeded()).isTrue();
        assertThat(emulator.requests()).filteredOn(request -> request.method().equals("POST")).hasSize(2);
        assertThat(emulator.batchJobs()).hasSize(1);
    }

    @Test
    void aFailedPollIsReportedAndPolledAgain() {
        start(ObjectStore.everythingExists());
        emulator.inject(Fault.respond(503).on("GET", STATE));

        SparkJobResult result = runner(0).submit(JobFixtures.request().build());

        assertThat(result.succeeded()).isTrue();
        assertThat(log.lines()).anyMatch(line -> line.startsWith("Polling job " + result.id() + " failed, polling "
                + "again: GET "));
    }

    private static String idIn(Path resultFile) {
        try {
            return SparkJobResult.read(resultFile).id();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void start(ObjectStore objectStore) {
        emulator = DliEmulator.builder().credentials(AK, SK).projectId(PROJECT).objectStore(objectStore)
                .jobDelays(Duration.ofMillis(100), Duration.ofMillis(200)).start();
    }

    /** The two polls of {@link #polledTwiceUntilTheTimeOut()} see the job running, whatever it does meanwhile. */
    private void bothPollsSeeItRunning() {
        emulator.inject(Fault.respond(200).body("{\"id\":\"x\",\"state\":\"running\"}").times(2).on("GET", STATE));
    }

    /** A time-out of two poll intervals: the runner polls twice, then times out. */
    private static SubmitRequest.Builder twoPollsLong() {
        return JobFixtures.request().pollInterval(Duration.ofSeconds(1)).timeout(Duration.ofSeconds(2));
    }

    /**
     * A runner whose clock moves by the pauses it makes, each also 250 ms of real time: by its second poll the
     * emulator's job (300 ms long) has ended.
     */
    private SparkJobRunner polledTwiceUntilTheTimeOut() {
        MovingClock clock = new MovingClock();
        return runner(0, log, BuildLog.SILENT, duration -> {
            clock.advance(duration);
            Thread.sleep(250);
        }, clock);
    }

    private SparkJobRunner runner(int retries) {
        return runner(retries, log);
    }

    private SparkJobRunner runner(int retries, JobListener listener) {
        return runner(retries, listener, BuildLog.SILENT);
    }

    private SparkJobRunner runner(int retries, JobListener listener, BuildLog httpLog) {
        return runner(retries, listener, httpLog, duration -> Thread.sleep(Math.min(duration.toMillis(), 25)));
    }

    private SparkJobRunner runner(int retries, JobListener listener, BuildLog httpLog, Sleeper sleeper) {
        return runner(retries, listener, httpLog, sleeper, Clock.systemUTC());
    }

    private SparkJobRunner runner(int retries, JobListener listener, BuildLog httpLog, Sleeper sleeper,
            Clock clock) {
        return new SparkJobRunner(dliClient(retries, httpLog).batches(), listener, clock, sleeper);
    }

    /** A runner whose shutdown hooks go to {@link #shutdownHooks}, for the sleeper to run as the JVM would. */
    private SparkJobRunner runnerWithHooks(Sleeper sleeper, Duration cancelGrace) {
        return new SparkJobRunner(dliClient(0, BuildLog.SILENT).batches(), log, Clock.systemUTC(), sleeper,
                shutdownHooks, cancelGrace);
    }

    /** Runs the shutdown hooks at the wait's first pause, as the JVM does when the build is stopped then. */
    private Sleeper shutDownAtTheFirstPause() {
        boolean[] shutDown = new boolean[1];
        return duration -> {
            if (!shutDown[0]) {
                shutDown[0] = true;
                shutdownHooks.runAll();
            }
            Thread.sleep(Math.min(duration.toMillis(), 25));
        };
    }

    private DliClient dliClient(int retries, BuildLog httpLog) {
        SignedHttpClient http = new SignedHttpClient(Credentials.of(AK, SK), Duration.ofSeconds(5),
                Duration.ofSeconds(10), ProxySettings.NONE, new RetryPolicy(retries, duration -> {}, () -> 0.5),
                Clock.systemUTC(), httpLog);
        return new DliClient(http, emulator.endpoint(), PROJECT);
    }
}
