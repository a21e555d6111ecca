package dev.dlitools.dli.core.dli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.ProxySettings;
import dev.dlitools.dli.core.common.Sleeper;
import dev.dlitools.dli.core.dli.GroupWaiter.GroupFailedException;
import dev.dlitools.dli.core.dli.GroupWaiter.GroupTimeoutException;
import dev.dlitools.dli.core.retry.RetryPolicy;
import dev.dlitools.dli.testsupport.MovingClock;
import dev.dlitools.dli.testsupport.RecordingLog;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How the waiter polls a group until it is READY, FAILED or out of time. The list answers come from a local server
 * in order; time passes only when the waiter sleeps.
 */
@Timeout(30)
class GroupWaiterTest {

    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final List<String> requestedQueries = new CopyOnWriteArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private final MovingClock clock = new MovingClock();
    private final RecordingLog log = RecordingLog.withoutDebug();

    private HttpServer server;
    private GroupWaiter waiter;
    private DliClient client;
    private Sleeper sleeper;

    private record Answer(int status, String body) {}

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requestedQueries.add(exchange.getRequestURI().getRawQuery());
            Answer answer = answers.poll();
            if (answer == null) {
                answer = new Answer(500, "{\"error_code\":\"TEST\",\"error_msg\":\"no answer queued\"}");
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        SignedHttpClient http = new SignedHttpClient(Credentials.of("WAITERTESTAK", "waiter-test-sk"),
                Duration.ofSeconds(5), Duration.ofSeconds(10), ProxySettings.NONE,
                new RetryPolicy(0, pause -> {
                    throw new AssertionError("the waiter polls again itself, the client must not retry");
                }, () -> 0.5),
                Clock.systemUTC(), log);
        client = new DliClient(
                http, URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "p-waiter");
        sleeper = duration -> {
            sleeps.add(duration);
            clock.advance(duration);
        };
        waiter = new GroupWaiter(client, INTERVAL, TIMEOUT, clock, sleeper, log);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void alreadyReadyGroupNeedsNoPoll() {
        PackageGroup uploaded = group("g", "READY", pkg("a.jar", "READY"));

        assertThat(waiter.await(uploaded, "jar")).isSameAs(uploaded);
        assertThat(requestedQueries).isEmpty();
        assertThat(sleeps).isEmpty();
    }

    @Test
    void pollsWithTheKindUntilEveryPackageIsReady() {
        answers.add(listAnswer(groupJson("other", "UPLOADING", "x.jar", "UPLOADING"),
                groupJson("g", "UPLOADING", "a.jar", "READY", "b.jar", "UPLOADING")));
        answers.add(listAnswer(groupJson("g", "READY", "a.jar", "READY", "b.jar", "READY")));

        PackageGroup ready = waiter.await(group("g", "UPLOADING", pkg("a.jar", "UPLOADING"), pkg("b.jar", "UPLOADING")),
                "jar");

        assertThat(ready.details()).extracting(ResourcePackage::packageStatus)
                .containsExactly(PackageStatus.READY, PackageStatus.READY);
        assertThat(requestedQueries).containsExactly("kind=jar", "kind=jar");
        assertThat(sleeps).containsExactly(INTERVAL, INTERVAL);
        assertThat(log.lines()).containsExactly("Group g: 2 UPLOADING", "Group g: 1 UPLOADING, 1 READY");
    }

    @Test
    void everyRoundOfTheWaitIsHeardWithItsElapsedTimeAndTheLimit() {
        answers.add(listAnswer(groupJson("g", "UPLOADING", "a.jar", "UPLOADING")));
        answers.add(listAnswer(groupJson("g", "READY", "a.jar", "READY")));
        List<String> rounds = new CopyOnWriteArrayList<>();
        GroupListener waiting = new GroupListener() {
            @Override
            public void groupWaiting(String group, String progress, Duration elapsed, Duration limit) {
                rounds.add(group + ": " + progress + ", " + elapsed.toSeconds() + " of " + limit.toSeconds());
            }
        };

        new GroupWaiter(client, INTERVAL, TIMEOUT, clock, sleeper, waiting)
                .await(group("g", "UPLOADING", pkg("a.jar", "UPLOADING")), "jar");

        assertThat(rounds).containsExactly("g: 1 UPLOADING, 0 of 5", "g: 1 UPLOADING, 2 of 5");
    }

    @Test
    void statusesAreComparedWithoutRegardToCase() {
        answers.add(listAnswer(groupJson("g", "ready", "a.jar", "ready")));

        PackageGroup ready = waiter.await(group("g", "uploading", pkg("a.jar", "uploading")), "jar");

        assertThat(ready.details().get(0).status()).isEqualTo("ready");
    }

    @Test
    void groupWithoutDetailsIsReadyByItsOwnStatus() {
        answers.add(listAnswer("{\"group_name\":\"g\",\"status\":\"Ready\",\"resources\":[\"a.jar\"]}"));

        PackageGroup ready = waiter.await(group("g", "UPLOADING"), "jar");

        assertThat(ready.groupStatus()).isEqualTo(PackageStatus.READY);
    }

    @Test
    void groupListedWithoutStatusOrDetailsIsShownUnknownAndPolledAgain() {
        answers.add(listAnswer("{\"group_name\":\"g\",\"resources\":[\"a.jar\"]}"));
        answers.add(listAnswer(groupJson("g", "READY", "a.jar", "READY")));

        PackageGroup ready = waiter.await(group("g", "UPLOADING"), "jar");

        assertThat(ready.groupStatus()).isEqualTo(PackageStatus.READY);
        assertThat(log.lines()).containsExactly("Group g: UPLOADING", "Group g: UNKNOWN");
    }

    @Test
    void packageNamedOnlyInResourcesIsWaitedForByTheGroupsStatus() {
        String details = ",\"details\":[{\"resource_name\":\"a.jar\",\"status\":\"READY\"}]}";
        answers.add(listAnswer("{\"group_name\":\"g\",\"status\":\"UPLOADING\",\"resources\":[\"a.jar\",\"b.jar\"]"
                + details));
        answers.add(listAnswer("{\"group_name\":\"g\",\"status\":\"READY\",\"resources\":[\"a.jar\",\"b.jar\"]"
                + details));

        PackageGroup ready = waiter.await(group("g", "UPLOADING"), "jar");

        assertThat(ready.groupStatus()).isEqualTo(PackageStatus.READY);
        assertThat(requestedQueries).hasSize(2);
        assertThat(log.lines()).containsExactly("Group g: UPLOADING", "Group g: 1 UPLOADING, 1 READY");
    }

    @Test
    void failedPackagesAreEachListedWithTheirStatus() {
        answers.add(listAnswer(groupJson("g", "FAILED", "a.jar", "READY", "b.jar", "FAILED", "c.jar", "failed")));

        GroupFailedException failure = catchThrowableOfType(GroupFailedException.class,
                () -> waiter.await(group("g", "UPLOADING", pkg("a.jar", "UPLOADING")), "jar"));

        assertThat(failure).hasMessage("DLI could not load group g: b.jar (FAILED), c.jar (failed). Check that each "
                + "OBS object exists and DLI may read the bucket.");
        assertThat(failure.group().details()).hasSize(3);
    }

    @Test
    void failedGroupWithoutDetailsSaysTheGroupFailed() {
        GroupFailedException failure = catchThrowableOfType(GroupFailedException.class,
                () -> waiter.await(group("g", "FAILED"), "jar"));

        assertThat(failure).hasMessageContaining("DLI could not load group g: the group itself is FAILED.");
    }

    @Test
    void groupFailedAsAWholeFailsEvenWhenItsPackagesSayReady() {
        answers.add(listAnswer(groupJson("g", "FAILED", "a.jar", "READY", "b.jar", "READY")));

        GroupFailedException failure = catchThrowableOfType(GroupFailedException.class,
                () -> waiter.await(group("g", "UPLOADING", pkg("a.jar", "UPLOADING"), pkg("b.jar", "UPLOADING")),
                        "jar"));

        assertThat(failure).hasMessageContaining("DLI could not load group g: the group itself is FAILED.");
        assertThat(failure.group().details()).extracting(ResourcePackage::packageStatus)
                .containsExactly(PackageStatus.READY, PackageStatus.READY);
    }

    @Test
    void timeoutNamesTheSettingAndTheLastStatusSeen() {
        String stillUploading = listOf(groupJson("g", "UPLOADING", "a.jar", "READY", "b.jar", "UPLOADING"));
        answers.add(new Answer(200, stillUploading));
        answers.add(new Answer(200, stillUploading));
        answers.add(new Answer(200, stillUploading));

        GroupTimeoutException failure = catchThrowableOfType(GroupTimeoutException.class,
                () -> waiter.await(group("g", "UPLOADING", pkg("a.jar", "UPLOADING"), pkg("b.jar", "UPLOADING")),
                        "jar"));

        // the last pause is cut to what is left of the timeout
        assertThat(sleeps).containsExactly(INTERVAL, INTERVAL, Duration.ofSeconds(1));
        assertThat(failure).hasMessage("Group g was not READY within 5 s ({{TIMEOUT}}). Last seen: "
                + "UPLOADING (1 UPLOADING, 1 READY): a.jar READY, b.jar UPLOADING.");
        assertThat(failure.lastSeen().details()).extracting(ResourcePackage::status)
                .containsExactly("READY", "UPLOADING");
    }

    @Test
    void transientFailureWhilePollingIsLoggedAndPolledAgain() {
        answers.add(new Answer(503, "{\"error_code\":\"DLI.0999\",\"error_msg\":\"busy\"}"));
        answers.add(new Answer(429, "{\"error_code\":\"APIGW.0308\",\"error_msg\":\"throttled\"}"));
        answers.add(listAnswer(groupJson("g", "READY", "a.jar", "READY")));

        PackageGroup ready = waiter.await(group("g", "UPLOADING", pkg("a.jar", "UPLOADING")), "jar");

        assertThat(ready.groupStatus()).isEqualTo(PackageStatus.READY);
        assertThat(requestedQueries).hasSize(3);
        assertThat(log.lines()).filteredOn(line -> line.startsWith("Polling group g failed, polling again: "))
                .hasSize(2);
    }

    @Test
    void refusedLoginWhilePollingStopsAtOnce() {
        answers.add(new Answer(401, "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication "
                + "information: verify aksk signature fail\"}"));

        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> waiter.await(group("g", "UPLOADING", pkg("a.jar", "UPLOADING")), "jar"));

        assertThat(failure.httpStatus()).isEqualTo(401);
        assertThat(requestedQueries).hasSize(1);
    }

    @Test
    void groupMissingFromTheListKeepsItsLastKnownStatus() {
        answers.add(listAnswer());
        answers.add(listAnswer(groupJson("g", "READY", "a.jar", "READY")));

        PackageGroup ready = waiter.await(group("g", "UPLOADING", pkg("a.jar", "UPLOADING")), "jar");

        assertThat(ready.groupStatus()).isEqualTo(PackageStatus.READY);
        assertThat(requestedQueries).hasSize(2);
    }

    private static PackageGroup group(String name, String status, ResourcePackage... details) {
        return new PackageGroup(name, status, List.of(), List.of(details), 0L, 0L, true, "owner");
    }

    private static ResourcePackage pkg(String name, String status) {
        return new ResourcePackage(0L, 0L, "jar", name, status, "uuid_" + name, true, "owner");
    }

    /** A group as the list call answers it; {@code packages} alternates name and status. */
    private static String groupJson(String name, String status, String... packages) {
        List<String> details = new ArrayList<>();
        List<String> resources = new ArrayList<>();
        for (int i = 0; i < packages.length; i += 2) {
            resources.add("\"" + packages[i] + "\"");
            details.add("{\"resource_name\":\"" + packages[i] + "\",\"status\":\"" + packages[i + 1]
                    + "\",\"resource_type\":\"jar\"}");
        }
        return "{\"group_name\":\"" + name + "\",\"status\":\"" + status + "\",\"resources\":["
                + String.join(",", resources) + "],\"details\":[" + String.join(",", details) + "]}";
    }

    private static Answer listAnswer(String... groups) {
        return new Answer(200, listOf(groups));
    }

    private static String listOf(String... groups) {
        return "{\"resources\":[],\"modules\":[],\"groups\":[" + String.join(",", groups) + "],\"total\":"
                + groups.length + "}";
    }
}
