package dev.dlitools.dli.core.dli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.ProxySettings;
import dev.dlitools.dli.core.retry.RetryPolicy;
import dev.dlitools.dli.emulator.DliEmulator;
import dev.dlitools.dli.testsupport.HttpClientThreads;
import dev.dlitools.dli.testsupport.RecordingLog;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
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
    private static final String PROJECT = "p-close";

    @Test
    void closeStopsTheSelectorThreadOfItsOwnClientOnly() throws InterruptedException {
        try (DliEmulator emulator = DliEmulator.builder().credentials(AK, SK).projectId(PROJECT)
                .region("cn-north-4").start()) {
            Set<Thread> before = HttpClientThreads.selectors();
            SignedHttpClient closed = listedWith(emulator);
            SignedHttpClient other = listedWith(emulator);
            Set<Thread> made = HttpClientThreads.selectors();
            made.removeAll(before);
            assertThat(made).as("one selector thread per client").hasSize(2);

            closed.close();

            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (alive(made) > 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(200); // time for the other client's thread to stop too, were it stopped by mistake
            assertThat(alive(made)).as("selector threads alive after one close()").isEqualTo(1);
            other.close();
        }
    }

    private static long alive(Set<Thread> threads) {
        return threads.stream().filter(Thread::isAlive).count();
    }

    private static SignedHttpClient listedWith(DliEmulator emulator) {
        SignedHttpClient http = new SignedHttpClient(Credentials.of(AK, SK), Duration.ofSeconds(5),
                Duration.ofSeconds(10), ProxySettings.NONE, new RetryPolicy(0, pause -> {}, () -> 0.5),
                Clock.systemUTC(), RecordingLog.withoutDebug());
        new DliClient(http, emulator.endpoint(), PROJECT).listResources(null, null);
        return http;
    }
}
