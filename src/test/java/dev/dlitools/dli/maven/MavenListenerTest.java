package dev.dlitools.dli.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.job.SparkJobResult;
import dev.dlitools.dli.core.obs.UploadOutcome;
import dev.dlitools.dli.core.obs.UploadResult;
import dev.dlitools.dli.core.obs.UploadSummary;
import dev.dlitools.dli.core.upload.PlannedFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/** The core's events as the lines a Maven build shows. */
class MavenListenerTest {

    private final List<String> lines = new ArrayList<>();
    private final MavenListener listener = new MavenListener(new SystemStreamLog() {
        @Override
        public void info(CharSequence content) {
            lines.add(content.toString());
        }

        @Override
        public void warn(CharSequence content) {
            lines.add("WARN " + content);
        }

        @Override
        public void debug(CharSequence content) {
            lines.add("DEBUG " + content);
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }
    });

    @Test
    void writesOneLinePerFileNamedAfterTheLastKeySegmentAndASummary() {
        UploadResult uploaded = result("apps/demo/foo-1.0.jar", 12_345_678, UploadOutcome.UPLOADED, 800);
        UploadResult unchanged = result("apps/demo/lib/bar-2.0.jar", 512, UploadOutcome.UNCHANGED, 3);

        listener.fileStarted(uploaded.file(), uploaded.size());
        listener.fileUploaded(uploaded);
        listener.fileUnchanged(unchanged);
        listener.uploadFinished(new UploadSummary(List.of(uploaded, unchanged), 1, 1, 12_345_678,
                Duration.ofSeconds(2)));

        assertThat(lines).containsExactly(
                "uploaded  foo-1.0.jar  12.3 MB  0.8 s",
                "unchanged bar-2.0.jar  512 B",
                "OBS: 1 uploaded (12.3 MB), 1 unchanged in 2.0 s, 6.2 MB/s");
    }

    @Test
    void groupEventsAreTheLinesOfEarlierReleases() {
        listener.registering("etl", 3, "jar", "p-1");
        listener.groupProgress("etl", "2 UPLOADING, 1 READY");
        listener.groupReady("etl", 3);
        listener.projectResolved("eu-de", "p-1");

        assertThat(lines).containsExactly(
                "Registering group etl (3 packages, kind jar) in project p-1",
                "Group etl: 2 UPLOADING, 1 READY",
                "Group etl is READY with 3 packages.",
                "Project id of region eu-de from IAM: p-1");
    }

    @Test
    void aGroupOfOnePackageIsNotCountedInPlural() {
        listener.registering("etl", 1, "jar", "p-1");
        listener.groupReady("etl", 1);

        assertThat(lines).containsExactly("Registering group etl (1 package, kind jar) in project p-1",
                "Group etl is READY with 1 package.");
    }

    @Test
    void jobEventsAreALineEachAndTheEndTheOneLineSummary() {
        SparkJobResult result = new SparkJobResult("id-1", "orders-1", "etl", "p-1", null, "2026-11-29T20:00:00Z",
                List.of(), "SUCCESS", 192, true, false, List.of(), null);

        listener.jobSubmitted("id-1", "orders-1", "etl");
        listener.jobStateChanged("orders-1", "RUNNING", Duration.ofSeconds(75));
        listener.jobFinished(result);

        assertThat(lines).containsExactly(
                "Submitted Spark job orders-1 to queue etl: id id-1",
                "Job orders-1: RUNNING after 1m15s",
                "dli: job orders-1 SUCCESS in 3m12s (id id-1)");
    }

    @Test
    void diagnosticsNameSettingsInMavensWords() {
        listener.warn("Gave up after 4 attempts " + Setting.RETRIES.aside() + "; check " + Setting.BUCKET.named()
                + " or try " + Setting.EXCLUDES.withValue("org.slf4j:*") + ".");

        assertThat(lines).containsExactly("WARN Gave up after 4 attempts (retries, -Ddli.retries); check bucket "
                + "(-Ddli.obs.bucket) or try excludes (-Ddli.excludes=org.slf4j:*).");
    }

    private static UploadResult result(String key, long size, UploadOutcome outcome, long millis) {
        PlannedFile file = new PlannedFile(Path.of(key), key.substring(key.lastIndexOf('/') + 1), key, "test", size);
        return new UploadResult(file, size, "sha", "etag", outcome, Duration.ofMillis(millis));
    }
}
