package dev.dlitools.dli.core.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishResultTest {

    private static final List<PublishedFile> FILES = List.of(
            file("job-1.0.jar", "uploaded"), file("gson-2.11.0.jar", "unchanged"), file("config-1.4.3.jar", "unchanged"));

    @Test
    void summaryLineOfARegisteredGroupGivesItsStatusAndTheCounts() {
        PublishResult result = new PublishResult("etl-orders", "jar", Map.of(), "etl-jars", "p1", false, true, false, "READY",
                FILES, null);

        assertThat(result.summaryLine()).isEqualTo("dli: group etl-orders is READY with 3 files (1 uploaded, 2 unchanged).");
    }

    @Test
    void summaryLineWithoutRegistrationSaysSo() {
        PublishResult result = new PublishResult("etl-orders", "jar", Map.of(), "etl-jars", "p1", false, false, false, null,
                FILES, null);

        assertThat(result.summaryLine())
                .isEqualTo("dli: 3 files (1 uploaded, 2 unchanged) in OBS bucket etl-jars; group etl-orders not registered.");
    }

    @Test
    void summaryLineCountsOneFileInTheSingular() {
        PublishResult result = new PublishResult("etl-orders", "jar", Map.of(), "etl-jars", "p1", false, true, false,
                "READY", List.of(file("job-1.0.jar", "uploaded")), null);

        assertThat(result.summaryLine()).isEqualTo("dli: group etl-orders is READY with 1 file (1 uploaded, 0 unchanged).");
    }

    private static PublishedFile file(String name, String outcome) {
        return new PublishedFile(name, "g:a:jar:1.0", "dli/" + name, "https://etl-jars.obs/dli/" + name,
                "obs://etl-jars/dli/" + name, 10, "00",
                outcome, null, null);
    }
}
