package dev.dlitools.dli.core.obs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlitools.dli.core.BuildLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObsLogUploadReporterTest {

    private final List<String> lines = new ArrayList<>();
    private final LogUploadReporter reporter = new LogUploadReporter(new BuildLog() {
        @Override
        public void info(String message) {
            lines.add(message);
        }

        @Override
        public void warn(String message) {
            lines.add("WARN " + message);
        }

        @Override
        public void debug(String message) {
            lines.add("DEBUG " + message);
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

        reporter.fileStarted(new UploadItem(Path.of("foo-1.0.jar"), uploaded.key()), uploaded.size());
        reporter.fileUploaded(uploaded);
        reporter.fileUnchanged(unchanged);
        reporter.uploadFinished(UploadSummary.of(List.of(uploaded, unchanged), Duration.ofSeconds(2)));

        assertThat(lines).containsExactly(
                "uploaded  foo-1.0.jar  12.3 MB  0.8 s",
                "unchanged bar-2.0.jar  512 B",
                "OBS: 1 uploaded (12.3 MB), 1 unchanged in 2.0 s, 6.2 MB/s");
    }

    private static UploadResult result(String key, long size, UploadOutcome outcome, long millis) {
        return new UploadResult(key, Path.of(key), size, "sha", "etag", outcome, Duration.ofMillis(millis));
    }
}
