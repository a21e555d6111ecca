package dev.dlitools.dli.core.dli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.common.ProxySettings;
import dev.dlitools.dli.core.retry.RetryPolicy;
import dev.dlitools.dli.emulator.DliEmulator;
import dev.dlitools.dli.emulator.Fault;
import dev.dlitools.dli.testsupport.RecordingLog;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which failures of DLI calls are retried, how long the client pauses, and what it says when it gives up. */
@Timeout(30)
class SignedHttpClientRetryTest {

    private static final String AK = "RETRYTESTAK";
    private static final String SK = "retry-test-secret-key";
    private static final String PROJECT = "p-retry";
    private static final String RESOURCES = "/v2\\.0/[^/]+/resources";

    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final RecordingLog log = RecordingLog.withoutDebug();

    private DliEmulator emulator;

    @BeforeEach
    void startEmulator() {
        emulator = DliEmulator.builder().credentials(AK, SK).projectId(PROJECT).region("cn-north-4").start();
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void serverErrorsAreRetriedWithBackoffAndLoggedAsAttempts() {
        emulator.inject(Fault.respond(500).times(2).on("GET", RESOURCES));

        ResourceList list = client(3, Credentials.of(AK, SK)).listResources(null, null);

        assertThat(list).isNotNull();
        assertThat(emulator.requests()).hasSize(3);
        // full jitter with the random number fixed at 0.5: half of 0.5 s, then half of 1 s
        assertThat(pauses).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(log.lines()).hasSize(2);
        assertThat(log.lines().get(0)).contains("GET " + emulator.endpoint() + "/v2.0/" + PROJECT + "/resources")
                .contains("HTTP 500 DLI.0999").endsWith("attempt 2/4 in 0.3 s");
        assertThat(log.lines().get(1)).endsWith("attempt 3/4 in 0.5 s");
        assertThat(String.join("\n", log.lines())).doesNotContain(SK);
    }

    @Test
    void tooManyRequestsWaitsAsLongAsRetryAfterSays() {
        emulator.inject(Fault.respond(429).retryAfter("7").on("GET", RESOURCES));

        client(3, Credentials.of(AK, SK)).listResources(null, null);

        assertThat(pauses).containsExactly(Duration.ofSeconds(7));
        assertThat(log.lines().get(0)).contains("HTTP 429").endsWith("attempt 2/4 in 7.0 s (Retry-After)");
    }

    @Test
    void retryAfterOfAnHourIsCappedAtAMinute() {
        emulator.inject(Fault.respond(429).retryAfter("3600").on("GET", RESOURCES));

        client(3, Credentials.of(AK, SK)).listResources(null, null);

        assertThat(pauses).containsExactly(RetryPolicy.MAX_RETRY_AFTER);
    }

    @Test
    void serviceDownForGoodFailsAfterEveryAttemptSayingSo() {
        emulator.inject(Fault.respond(503).always());

        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> client(2, Credentials.of(AK, SK)).listResources(null, null));

        assertThat(emulator.requests()).hasSize(3);
        assertThat(pauses).hasSize(2);
        assertThat(failure.httpStatus()).isEqualTo(503);
        assertThat(failure).hasMessageContaining("failed with HTTP 503")
                .hasMessageEndingWith("Gave up after 3 attempts ({{RETRIES}}).");
    }

    @Test
    void unreachableServiceIsRetriedThenNamedInTheError() throws IOException {
        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        DliClient client = new DliClient(http(1, Credentials.of(AK, SK), Duration.ofSeconds(5)), closedPort, PROJECT);

        DliApiException failure = catchThrowableOfType(DliApiException.class, () -> client.listResources(null, null));

        assertThat(failure).hasMessageContaining("Could not reach " + closedPort + " (connection refused)")
                .hasMessageEndingWith("Gave up after 2 attempts ({{RETRIES}}).");
        assertThat(log.lines()).singleElement().asString().contains("connection refused").contains("attempt 2/2");
    }

    @Test
    void droppedConnectionIsRetried() {
        // the JDK client itself resends a GET once when the connection closes unanswered; a POST it does not
        emulator.inject(Fault.drop().on("POST", RESOURCES));

        PackageGroup group = client(3, Credentials.of(AK, SK)).uploadGroup(new UploadGroupRequest(
                List.of("https://jars.obs.cn-north-4.myhuaweicloud.com/a.jar"), "jar", "g", false, List.of()));

        assertThat(group.groupName()).isEqualTo("g");
        assertThat(emulator.uploadPostCount()).isEqualTo(2);
        assertThat(emulator.groups()).hasSize(1);
        assertThat(pauses).hasSize(1);
    }

    @Test
    void refusedLoginIsNeverRetried() {
        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> client(3, Credentials.of(AK, "wrong-secret")).listResources(null, null));

        assertThat(failure.httpStatus()).isEqualTo(401);
        assertThat(failure).hasMessageNotContaining("Gave up");
        assertThat(emulator.requests()).hasSize(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void invalidRequestIsNeverRetried() {
        emulator.inject(Fault.respond(400).on("GET", RESOURCES));

        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> client(3, Credentials.of(AK, SK)).listResources(null, null));

        assertThat(failure.httpStatus()).isEqualTo(400);
        assertThat(emulator.requests()).hasSize(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void refusalInsideA2xxIsDlisErrorAndNeverRetried() {
        emulator.inject(Fault.respond(200).body("{\"is_success\":false,\"error_code\":\"DLI.0003\","
                + "\"error_msg\":\"Permission denied\"}").always().on("GET", RESOURCES));

        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> client(3, Credentials.of(AK, SK)).listResources(null, null));

        assertThat(failure.httpStatus()).isEqualTo(200);
        assertThat(failure.errorCode()).isEqualTo("DLI.0003");
        assertThat(failure.errorMessage()).isEqualTo("Permission denied");
        assertThat(failure.requestId()).isNotBlank();
        assertThat(failure).hasMessage("GET " + emulator.endpoint() + "/v2.0/" + PROJECT + "/resources was refused "
                + "inside an HTTP 200 answer (DLI.0003: Permission denied, request id " + failure.requestId() + ").");
        assertThat(emulator.requests()).hasSize(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void slowServiceTimesOutNamingTheReadTimeoutSetting() {
        emulator.inject(Fault.delay(Duration.ofMillis(2500)).times(2).on("GET", RESOURCES));
        DliClient client = new DliClient(http(1, Credentials.of(AK, SK), Duration.ofSeconds(1)),
                emulator.endpoint(), PROJECT);

        DliApiException failure = catchThrowableOfType(DliApiException.class, () -> client.listResources(null, null));

        assertThat(failure).hasMessageContaining("got no answer within 1 s")
                .hasMessageContaining("raise {{READ_TIMEOUT}}")
                .hasMessageEndingWith("Gave up after 2 attempts ({{RETRIES}}).");
        assertThat(log.lines()).singleElement().asString().contains("no answer within the read timeout");
    }

    @Test
    void aHeaderValueTheHttpClientRefusesIsNamedWithoutItsValueNeverSentNorRetried() {
        // a line break inside the token: trimming cannot help, and the JDK's own error quotes the value
        String token = "session-token-first-line\nsecond-line";

        Throwable failure = catchThrowable(() -> client(3, new Credentials(AK, SK, token, "environment variables"))
                .listResources(null, null));

        assertThat(failure).isExactlyInstanceOf(DliException.class).hasNoCause()
                .hasMessage("The X-Security-Token header cannot be sent: its value holds a line break or another "
                        + "character HTTP headers do not allow. Check the security token from environment variables.");
        assertThat(failure.getMessage()).doesNotContain("session-token");
        assertThat(emulator.requests()).isEmpty();
        assertThat(pauses).isEmpty();
    }

    private DliClient client(int retries, Credentials credentials) {
        return new DliClient(http(retries, credentials, Duration.ofSeconds(10)), emulator.endpoint(), PROJECT);
    }

    private SignedHttpClient http(int retries, Credentials credentials, Duration readTimeout) {
        return new SignedHttpClient(credentials, Duration.ofSeconds(5), readTimeout, ProxySettings.NONE,
                new RetryPolicy(retries, pauses::add, () -> 0.5), Clock.systemUTC(), log);
    }
}
