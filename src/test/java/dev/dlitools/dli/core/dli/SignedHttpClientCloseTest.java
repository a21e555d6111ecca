package dev.dlitools.dli.core.dli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.ProxySettings;
import dev.dlitools.dli.core.retry.RetryPolicy;
import dev.dlitools.dli.emulator.DliEmulator;
import dev.dlitools.dli.testsupport.RecordingLog;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Closing the client stops the JDK HTTP client's selector thread, which otherwise waits in native code and makes
 * the JVM's exit wait 300 ms for it (every {@code mvn} run of a goal paid that).
 */
@Timeout(30)
class SignedHttpClientCloseTest {

    private static final String AK = "CLOSETESTAK";
    private static final String SK = "close-test-secret-key";

    @Test
    void closeStopsTheSelectorThreadOfTheClientItMade() throws InterruptedException {
        try (DliEmulator emulator = DliEmulator.builder().credentials(AK, SK).projectId("p-close")
                .region("cn-north-4").start()) {
            Set<Thread> before = selectorThreads();
            SignedHttpClient http = new SignedHttpClient(Credentials.of(AK, SK), Duration.ofSeconds(5),
                    Duration.ofSeconds(10), ProxySettings.NONE, new RetryPolicy(0, pause -> {}, () -> 0.5),
                    Clock.systemUTC(), RecordingLog.withoutDebug());
            new DliClient(http, emulator.endpoint(), "p-close").listResources(null, null);
            Set<Thread> ours = selectorThreads();
            ours.removeAll(before);
            assertThat(ours).as("the client's selector thread").hasSize(1);

            http.close();

            Thread selector = ours.iterator().next();
            selector.join(5_000);
            assertThat(selector.isAlive()).as(selector.getName() + " alive after close()").isFalse();
            assertThat(selectorThreads()).as("other clients' selector threads").containsAll(before);
        }
    }

    private static Set<Thread> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().matches("HttpClient-\\d+-SelectorManager"))
                .collect(Collectors.toSet());
    }
}
