package dev.dlitools.dli.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.obs.UploadOutcome;
import dev.dlitools.dli.core.obs.UploadResult;
import dev.dlitools.dli.core.obs.UploadSummary;
import dev.dlitools.dli.core.upload.PlannedFile;
import dev.dlitools.dli.testsupport.MovingClock;
import dev.dlitools.dli.testsupport.RecordedShutdownHooks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/**
 * The upload's progress and the waits' heartbeat as a build shows them, through {@link MavenListener}: log lines in
 * batch mode, a line redrawn in place on a terminal (a fake one: what would be written to it is kept). Time moves
 * only when the test moves it.
 */
class ProgressTest {

    private static final long MB = 1_000_000;

    private final List<String> lines = new ArrayList<>();
    private final MovingClock clock = new MovingClock();
    private final ByteArrayOutputStream terminalBytes = new ByteArrayOutputStream();
    private final PrintStream terminal = new PrintStream(terminalBytes, true, StandardCharsets.UTF_8);
    private boolean infoEnabled = true;
    /** The hooks a progress has added and not taken out, for a test to run as the JVM would. */
    private final RecordedShutdownHooks shutdownHooks = RecordedShutdownHooks.running();

    private final SystemStreamLog log = new SystemStreamLog() {
        @Override
        public void info(CharSequence content) {
            lines.add(content.toString());
        }

        @Override
        public boolean isInfoEnabled() {
            return infoEnabled;
        }
    };

    @Test
    void autoIsLiveOnlyOnAnInteractiveTerminalOfASerialBuildAndAnythingElseIsRefusedNamingTheSetting() {
        assertThat(Progress.Mode.of("auto", Progress.isTerminal(true, "xterm-256color", true, false)))
                .isEqualTo(Progress.Mode.LIVE);
        assertThat(Progress.Mode.of(null, Progress.isTerminal(true, null, true, false))).isEqualTo(Progress.Mode.LIVE);
        assertThat(Progress.Mode.of("auto", Progress.isTerminal(false, "xterm", true, false)))
                .as("no console").isEqualTo(Progress.Mode.PLAIN);
        assertThat(Progress.Mode.of("auto", Progress.isTerminal(true, "dumb", true, false)))
                .as("TERM=dumb").isEqualTo(Progress.Mode.PLAIN);
        assertThat(Progress.Mode.of("auto", Progress.isTerminal(true, "xterm", false, false)))
                .as("-B").isEqualTo(Progress.Mode.PLAIN);
        assertThat(Progress.Mode.of("auto", Progress.isTerminal(true, "xterm", true, true)))
                .as("-T: another module's line would land on the end of the redrawn one")
                .isEqualTo(Progress.Mode.PLAIN);
        assertThat(Progress.Mode.of(" PLAIN ", true)).isEqualTo(Progress.Mode.PLAIN);
        assertThat(Progress.Mode.of("none", true)).isEqualTo(Progress.Mode.NONE);

        DliException e = catchThrowableOfType(DliException.class, () -> Progress.Mode.of("fancy", true));

        assertThat(MavenWords.render(e.getMessage()))
                .isEqualTo("progress (-Ddli.progress) is 'fancy'; it takes auto, plain or none.");
    }

    @Test
    void batchModePrintsALineAtMostEveryTenSecondsWhileBytesMove() {
        MavenListener listener = listener(Progress.Mode.PLAIN);
        listener.uploadStarted(2, 100 * MB);

        sendAfter(Duration.ofSeconds(4), listener, 20 * MB);
        assertThat(lines).as("within the first 10 s").isEmpty();

        sendAfter(Duration.ofSeconds(6), listener, 20 * MB);
        sendAfter(Duration.ofSeconds(5), listener, 10 * MB);
        sendAfter(Duration.ofSeconds(4), listener, 10 * MB);
        clock.advance(Duration.ofMinutes(5));
        assertThat(lines).as("no line while no bytes move").hasSize(1);
        sendAfter(Duration.ofSeconds(1), listener, 10 * MB);

        assertThat(lines).containsExactly(
                "uploading: 40.0 MB of 100.0 MB (40%), 4.0 MB/s, 15s left",
                "uploading: 70.0 MB of 100.0 MB (70%), 0.2 MB/s, 2m18s left");
        assertThat(terminalBytes.size()).isZero();
    }

    @Test
    void filesFoundUnchangedLeaveTheTotalAndTheRateAndEndNeedsNoBytes() {
        MavenListener listener = listener(Progress.Mode.PLAIN);
        listener.uploadStarted(2, 100 * MB);
        listener.fileUnchanged(result("lib/old.jar", 60 * MB, UploadOutcome.UNCHANGED));

        sendAfter(Duration.ofSeconds(10), listener, 10 * MB);
        listener.uploadFinished(new UploadSummary(List.of(), 0, 1, 0, Duration.ofSeconds(3)));

        assertThat(lines).containsExactly(
                "unchanged old.jar  60.0 MB",
                "uploading: 10.0 MB of 40.0 MB (25%), 1.0 MB/s, 30s left",
                "OBS: 0 uploaded (0 B), 1 unchanged in 3.0 s");
    }

    @Test
    void onATerminalTheLineIsRedrawnInPlaceAtMostFourTimesASecondAndClearedAtTheEnd() {
        MavenListener listener = listener(Progress.Mode.LIVE);
        listener.uploadStarted(1, 100 * MB);

        sendAfter(Duration.ofSeconds(1), listener, 10 * MB);
        sendAfter(Duration.ofMillis(100), listener, 10 * MB);
        sendAfter(Duration.ofMillis(150), listener, 10 * MB);
        listener.fileUploaded(result("app.jar", 30 * MB, UploadOutcome.UPLOADED));
        listener.uploadFinished(new UploadSummary(List.of(), 1, 0, 30 * MB, Duration.ofSeconds(2)));

        String clear = Progress.CLEAR_LINE;
        assertThat(terminalBytes.toString(StandardCharsets.UTF_8)).isEqualTo(
                clear + "uploading: 10.0 MB of 100.0 MB (10%), 10.0 MB/s, 9s left"
                        + clear + "uploading: 30.0 MB of 100.0 MB (30%), 24.0 MB/s, 3s left"
                        // a log line goes above the live line, which is drawn again below it
                        + clear + "uploading: 30.0 MB of 100.0 MB (30%), 24.0 MB/s, 3s left"
                        + clear);
        assertThat(lines).containsExactly("uploaded  app.jar  30.0 MB  1.0 s",
                "OBS: 1 uploaded (30.0 MB), 0 unchanged in 2.0 s, 15.0 MB/s");
    }

    @Test
    void aLiveLineLeftByAFailedUploadIsClearedWhenTheGoalEnds() {
        MavenListener listener = listener(Progress.Mode.LIVE);
        listener.uploadStarted(1, 10 * MB);
        sendAfter(Duration.ofSeconds(1), listener, MB);

        listener.endProgress();

        assertThat(terminalBytes.toString(StandardCharsets.UTF_8)).endsWith("left" + Progress.CLEAR_LINE);
    }

    // before, the upload's threads and a warning as the JVM exited drew the line again, and it stayed on the terminal
    @Test
    void aShutdownMidUploadClearsTheLiveLineForGood() {
        MavenListener listener = listener(Progress.Mode.LIVE);
        listener.uploadStarted(1, 100 * MB);
        sendAfter(Duration.ofSeconds(1), listener, 10 * MB);

        shutdownHooks.runAll();
        listener.info("Stopped mid-upload: aborted the multipart upload(s) ...");
        sendAfter(Duration.ofSeconds(1), listener, 10 * MB);

        assertThat(terminalBytes.toString(StandardCharsets.UTF_8))
                .isEqualTo(Progress.CLEAR_LINE + "uploading: 10.0 MB of 100.0 MB (10%), 10.0 MB/s, 9s left"
                        + Progress.CLEAR_LINE);
        assertThat(lines).containsExactly("Stopped mid-upload: aborted the multipart upload(s) ...");
    }

    @Test
    void theShutdownHookIsAddedForALiveLineOnlyAndTakenOutAtTheUploadsEnd() {
        listener(Progress.Mode.PLAIN).uploadStarted(1, MB);
        assertThat(shutdownHooks.open()).as("plain lines leave nothing to clear").isEmpty();

        MavenListener listener = listener(Progress.Mode.LIVE);
        listener.uploadStarted(1, MB);
        assertThat(shutdownHooks.open()).hasSize(1);
        listener.endProgress();
        assertThat(shutdownHooks.open()).isEmpty();
    }

    @Test
    void waitingForTheGroupPrintsAHeartbeatAtMostEveryThirtySecondsAfterTheLastStatusLine() {
        MavenListener listener = listener(Progress.Mode.PLAIN);
        Duration limit = Duration.ofMinutes(10);

        listener.groupProgress("g", "2 UPLOADING");
        for (int round = 0; round <= 20; round++) {
            listener.groupWaiting("g", "2 UPLOADING", Duration.ofSeconds(5L * round), limit);
            if (round == 8) {
                listener.groupProgress("g", "1 UPLOADING, 1 READY");
            }
            clock.advance(Duration.ofSeconds(5));
        }

        assertThat(lines).containsExactly(
                "Group g: 2 UPLOADING",
                "Group g: 2 UPLOADING, 30s of 10m00s",
                "Group g: 1 UPLOADING, 1 READY",
                "Group g: 2 UPLOADING, 1m10s of 10m00s",
                "Group g: 2 UPLOADING, 1m40s of 10m00s");
    }

    @Test
    void waitingForAJobHasTheSameHeartbeat() {
        MavenListener listener = listener(Progress.Mode.LIVE);

        listener.jobWaiting("orders", "RUNNING", Duration.ZERO, Duration.ofHours(1));
        clock.advance(Duration.ofSeconds(29));
        listener.jobWaiting("orders", "RUNNING", Duration.ofSeconds(29), Duration.ofHours(1));
        clock.advance(Duration.ofSeconds(1));
        listener.jobWaiting("orders", "RUNNING", Duration.ofSeconds(30), Duration.ofHours(1));

        assertThat(lines).containsExactly("Job orders: RUNNING, 30s of 1h00m00s");
    }

    @Test
    void noneAndQuietBuildsShowNoProgress() {
        for (MavenListener listener : List.of(listener(Progress.Mode.NONE), quietListener())) {
            listener.uploadStarted(1, 10 * MB);
            sendAfter(Duration.ofSeconds(20), listener, MB);
            listener.groupWaiting("g", "UPLOADING", Duration.ZERO, Duration.ofMinutes(10));
            clock.advance(Duration.ofMinutes(1));
            listener.groupWaiting("g", "UPLOADING", Duration.ofMinutes(1), Duration.ofMinutes(10));
        }

        assertThat(lines).isEmpty();
        assertThat(terminalBytes.size()).isZero();
    }

    private MavenListener quietListener() {
        infoEnabled = false;
        return listener(Progress.Mode.LIVE);
    }

    private MavenListener listener(Progress.Mode mode) {
        return new MavenListener(log, new Progress(mode, log, terminal, clock, shutdownHooks));
    }

    private void sendAfter(Duration pause, MavenListener listener, long bytes) {
        clock.advance(pause);
        listener.bytesSent(bytes);
    }

    private static UploadResult result(String key, long size, UploadOutcome outcome) {
        return new UploadResult(new PlannedFile(Path.of(key), key.substring(key.lastIndexOf('/') + 1), key, "test", size), size, "sha", "etag", outcome,
                Duration.ofSeconds(1));
    }
}
