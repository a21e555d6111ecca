package dev.dlitools.dli.core.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dlitools.dli.core.dli.DliApiException;
import dev.dlitools.dli.core.dli.DliClient;
import dev.dlitools.dli.core.dli.GroupWaiter;
import dev.dlitools.dli.core.obs.ObsClientFactory;
import dev.dlitools.dli.core.obs.ObsClientSettings;
import dev.dlitools.dli.core.obs.ObsUploadException;
import dev.dlitools.dli.core.obs.ObsUploader;
import dev.dlitools.dli.core.obs.UploadOptions;
import dev.dlitools.dli.core.retry.RetryPolicy;
import dev.dlitools.dli.core.upload.ArtifactCoordinates;
import dev.dlitools.dli.core.upload.ArtifactFile;
import dev.dlitools.dli.core.upload.PlannedFile;
import dev.dlitools.dli.core.upload.ProjectArtifacts;
import dev.dlitools.dli.core.upload.UploadPlan;
import dev.dlitools.dli.core.upload.UploadPlanner;
import dev.dlitools.dli.core.upload.UploadSettings;
import dev.dlitools.dli.emulator.Fault;
import dev.dlitools.dli.testsupport.FaultyS3Proxy;
import dev.dlitools.dli.testsupport.LocalStandIns;
import dev.dlitools.dli.testsupport.RecordingLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link GroupPublisher} when OBS or DLI misbehave: OBS through a {@link FaultyS3Proxy} in front of S3Proxy, DLI
 * with the emulator's faults. Transient faults are retried and the publish succeeds; permanent ones fail it, and
 * then no group is registered.
 */
@Timeout(60)
class GroupPublisherFaultsTest {

    private static final String GROUP = "etl-job";
    private static final String RESOURCES = "/v2\\.0/[^/]+/resources";
    private static final int RETRIES = 3;

    @TempDir
    Path dir;

    private final RecordingLog log = RecordingLog.withoutDebug();
    /** The DLI client's pauses between attempts, taken instead of slept. */
    private final List<Duration> dliPauses = new CopyOnWriteArrayList<>();

    private LocalStandIns standIns;
    private FaultyS3Proxy faultyObs;
    private ObsClientSettings obsSettings;
    private S3Client s3;
    private Path mainJar;
    private Path dependency;

    @BeforeEach
    void setUp() throws IOException {
        standIns = LocalStandIns.builder().asyncReadyDelay(Duration.ofMillis(100)).start();
        faultyObs = FaultyS3Proxy.start(standIns.obsEndpoint());
        ObsClientSettings standIn = standIns.obsSettings();
        obsSettings = new ObsClientSettings(faultyObs.endpoint(), standIn.region(), standIn.credentials(), true,
                standIn.connectTimeout(), standIn.readTimeout(), standIn.maxConnections(), standIn.proxy(), RETRIES);
        s3 = ObsClientFactory.create(obsSettings, log);
        mainJar = file("etl-job-1.0.jar", 20_000);
        dependency = file("alpha-2.1.jar", 3_000);
    }

    @AfterEach
    void tearDown() throws IOException {
        s3.close();
        faultyObs.close();
        standIns.close();
    }

    // --- DLI ---

    @Test
    void dliServerErrorTwiceThenOkPublishes() {
        standIns.emulator().inject(Fault.respond(500).times(2).on("POST", RESOURCES));

        PublishResult result = publish(plan(), dli());

        assertThat(result.status()).isEqualTo("READY");
        assertThat(standIns.emulator().uploadPostCount()).isEqualTo(3);
        assertThat(standIns.emulator().groups()).singleElement()
                .satisfies(group -> assertThat(group.status()).isEqualTo("READY"));
        assertThat(dliPauses).hasSize(2);
        assertThat(log.lines()).anyMatch(line -> line.startsWith("POST ") && line.contains("HTTP 500")
                && line.contains("attempt 2/4"));
        assertThat(log.lines()).anyMatch(line -> line.contains("attempt 3/4"));
    }

    @Test
    void dliDownForGoodFailsAfterEveryAttemptAndRegistersNoGroup() {
        standIns.emulator().inject(Fault.respond(503).always().on("POST", RESOURCES));

        DliApiException failure = catchThrowableOfType(DliApiException.class, () -> publish(plan(), dli()));

        assertThat(failure).hasMessageContaining("failed with HTTP 503")
                .hasMessageContaining("Gave up after 4 attempts ({{RETRIES}})");
        assertThat(standIns.emulator().uploadPostCount()).isEqualTo(4);
        assertThat(standIns.emulator().groups()).isEmpty();
        assertThat(dliPauses).hasSize(3);
        assertThat(dir.resolve("result.json")).doesNotExist();
    }

    @Test
    void droppedConnectionsWhilePollingDoNotStopThePolling() {
        // a waiter whose client does not retry: each dropped poll is a failed poll the waiter must survive
        // (the JDK client resends a dropped GET once by itself, so two drops fail one poll)
        DliClient noRetries = standIns.dliClient(new RetryPolicy(0, dliPauses::add, () -> 0.5), log);
        GroupLookup lookedUp = GroupLookup.of(dli(), plan());
        standIns.emulator().inject(Fault.drop().times(4).on("GET", RESOURCES));

        PublishResult result = new GroupPublisher(standIns.bucket(), this::objectUrl, dir.resolve("result.json"), log)
                .publish(plan(), uploader(UploadOptions.defaults()), () -> lookedUp,
                        client -> new GroupWaiter(noRetries, Duration.ofMillis(20), Duration.ofSeconds(20),
                                Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()), log), true);

        assertThat(result.status()).isEqualTo("READY");
        assertThat(log.lines()).filteredOn(line -> line.startsWith("Polling group " + GROUP + " failed, polling again"))
                .hasSize(2);
    }

    // before, only a FAILED group or a time-out wrote it: a registered group had no result for later steps
    @Test
    void aPollRefusedForGoodAfterTheRegistrationStillWritesTheResultFile() throws IOException {
        GroupLookup lookedUp = GroupLookup.of(dli(), plan());
        standIns.emulator().inject(Fault.respond(403).always().on("GET", RESOURCES));

        Throwable failure = catchThrowable(() -> new GroupPublisher(standIns.bucket(), this::objectUrl,
                dir.resolve("result.json"), log).publish(plan(), uploader(UploadOptions.defaults()), () -> lookedUp,
                waiter(), true));

        assertThat(failure).isInstanceOf(DliApiException.class).hasMessageContaining("HTTP 403");
        assertThat(standIns.emulator().groups()).as("registered").hasSize(1);
        PublishResult written = PublishResult.read(dir.resolve("result.json"));
        assertThat(written.registered()).isTrue();
        assertThat(written.status()).as("as the registration answered").isEqualTo("UPLOADING");
        assertThat(written.files()).hasSize(2);
    }

    // --- OBS ---

    @Test
    void obsSlowDownServerErrorAndDroppedConnectionAreRetriedAndThePublishSucceeds() {
        faultyObs.answer(503, "SlowDown", "PUT", "etl-job-1.0.jar", 2);
        faultyObs.answer(500, "InternalError", "PUT", "alpha-2.1.jar", 1);
        faultyObs.drop("PUT", "alpha-2.1.jar", 1);

        PublishResult result = publish(plan(), dli());

        assertThat(result.status()).isEqualTo("READY");
        assertThat(puts("etl-job-1.0.jar")).isEqualTo(3);
        assertThat(puts("alpha-2.1.jar")).isEqualTo(3);
        for (PlannedFile file : plan().files()) {
            assertThat(standIns.s3Proxy().exists(standIns.bucket(), file.objectKey())).as(file.objectKey()).isTrue();
        }
        assertThat(log.lines()).anyMatch(line -> line.startsWith("OBS PutObject '") && line.contains("etl-job-1.0.jar")
                && line.contains("HTTP 503 SlowDown") && line.contains("attempt 2/4"));
        assertThat(log.lines()).anyMatch(line -> line.contains("etl-job-1.0.jar") && line.contains("attempt 3/4"));
        assertThat(log.lines()).anyMatch(line -> line.contains("alpha-2.1.jar") && line.contains("HTTP 500 InternalError"));
    }

    @Test
    void obsFirstRequestDroppedIsRetried() {
        faultyObs.dropRequestNumber(1);

        PublishResult result = publish(plan(), dli());

        assertThat(result.status()).isEqualTo("READY");
        FaultyS3Proxy.Request first = faultyObs.requests().get(0);
        assertThat(faultyObs.requests()).filteredOn(request -> request.target().equals(first.target())).hasSize(2);
    }

    @Test
    void failedPartOfAMultipartUploadIsSentAgainWithoutRestartingTheFile() throws IOException {
        Path large = file("etl-job-1.0.jar", (int) (11 * UploadOptions.MIB));
        UploadOptions multipart = UploadOptions.defaults().withMultipart(UploadOptions.MIN_PART_SIZE,
                UploadOptions.MIN_PART_SIZE);
        faultyObs.answer(503, "SlowDown", "PUT", "partNumber=2&", 1);

        PublishResult result = new GroupPublisher(standIns.bucket(), this::objectUrl, dir.resolve("result.json"), log)
                .publish(plan(), uploader(multipart), lookUp(plan()), waiter(), true);

        assertThat(result.status()).isEqualTo("READY");
        assertThat(Files.size(large)).isGreaterThan(2 * UploadOptions.MIN_PART_SIZE);
        List<FaultyS3Proxy.Request> ofLargeFile = faultyObs.requests().stream()
                .filter(request -> request.path().endsWith("/etl-job-1.0.jar"))
                .toList();
        assertThat(ofLargeFile).filteredOn(request -> request.method().equals("POST")
                && request.query().startsWith("uploads")).hasSize(1);
        assertThat(ofLargeFile).filteredOn(request -> request.method().equals("PUT"))
                .extracting(request -> request.query().replaceAll("&uploadId=.*|uploadId=[^&]*&", ""))
                .containsExactlyInAnyOrder("partNumber=1", "partNumber=2", "partNumber=2", "partNumber=3");
        assertThat(log.lines()).anyMatch(line -> line.startsWith("OBS UploadPart '") && line.contains("part 2")
                && line.contains("attempt 2/4"));
    }

    @Test
    void fileDeletedWhileItIsUploadedFailsNamingItAndRegistersNoGroup() throws Exception {
        ObsUploadException failure = publishWhilePartOneIsHeldBack(() -> Files.delete(mainJar));

        assertThat(mainJar).doesNotExist();
        assertThat(failure).hasMessageContaining("Upload of " + mainJar)
                .hasMessageContaining(mainJar + " disappeared while being uploaded. Nothing was registered");
        assertThat(standIns.emulator().uploadPostCount()).isZero();
        assertThat(standIns.emulator().groups()).isEmpty();
    }

    @Test
    void fileRewrittenWhileItsPartsAreSentFailsNamingItAndRegistersNoGroup() throws Exception {
        // a rewrite with the same bytes: only the modification time tells that the SHA-256 read may be stale
        ObsUploadException failure =
                publishWhilePartOneIsHeldBack(() -> Files.write(mainJar, Files.readAllBytes(mainJar)));

        assertThat(failure).hasMessageContaining(mainJar + " was modified while being uploaded. Nothing was registered");
        assertThat(standIns.emulator().uploadPostCount()).isZero();
    }

    /**
     * Publishes an 11 MiB main jar in three parts, one at a time, and runs {@code action} on it while OBS holds part
     * 1 back, so the action happens before part 2 is read.
     */
    private ObsUploadException publishWhilePartOneIsHeldBack(FileAction action) throws Exception {
        mainJar = file("etl-job-1.0.jar", (int) (11 * UploadOptions.MIB));
        UploadOptions multipart = UploadOptions.defaults().withThreads(1)
                .withMultipart(UploadOptions.MIN_PART_SIZE, UploadOptions.MIN_PART_SIZE);
        faultyObs.delay("PUT", "partNumber=1&", Duration.ofSeconds(1), 1);
        Thread actor = whenPartOneIsSent(action);
        ObsUploadException failure = catchThrowableOfType(ObsUploadException.class,
                () -> new GroupPublisher(standIns.bucket(), this::objectUrl, dir.resolve("result.json"), log)
                        .publish(plan(), uploader(multipart), lookUp(plan()), waiter(), true));
        actor.join();
        return failure;
    }

    /** Starts a thread that runs {@code action} once OBS has seen the first part of a multipart upload. */
    private Thread whenPartOneIsSent(FileAction action) {
        Thread thread = new Thread(() -> {
            while (faultyObs.requests().stream().noneMatch(request -> request.target().contains("partNumber=1&"))) {
                Thread.onSpinWait();
            }
            try {
                action.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        thread.start();
        return thread;
    }

    private interface FileAction {
        void run() throws IOException;
    }

    @Test
    void obsFailingForGoodFailsNamingTheFileAndRegistersNoGroup() {
        faultyObs.answer(500, "InternalError", "PUT", "alpha-2.1.jar", Integer.MAX_VALUE);

        ObsUploadException failure = catchThrowableOfType(ObsUploadException.class, () -> publish(plan(), dli()));

        assertThat(failure).hasMessageContaining("Upload of " + dependency)
                .hasMessageContaining("InternalError")
                .hasMessageContaining("Gave up after 4 attempts ({{RETRIES}})");
        assertThat(puts("alpha-2.1.jar")).isEqualTo(4);
        assertThat(standIns.emulator().uploadPostCount()).isZero();
        assertThat(standIns.emulator().groups()).isEmpty();
    }

    @Test
    void obsTooSlowFailsNamingTheReadTimeoutSetting() throws IOException {
        ObsClientSettings impatient = new ObsClientSettings(obsSettings.endpoint(), obsSettings.region(),
                obsSettings.credentials(), true, Duration.ofSeconds(5), Duration.ofSeconds(1),
                obsSettings.maxConnections(), obsSettings.proxy(), 1);
        faultyObs.delay("PUT", "alpha-2.1.jar", Duration.ofMillis(2500), 2);

        ObsUploadException failure;
        try (S3Client impatientClient = ObsClientFactory.create(impatient, log)) {
            failure = catchThrowableOfType(ObsUploadException.class, () -> new GroupPublisher(standIns.bucket(),
                    this::objectUrl, dir.resolve("result.json"), log).publish(plan(),
                    new ObsUploader(impatientClient, impatient, UploadOptions.defaults(), log), lookUp(plan()),
                    waiter(), true));
        }

        assertThat(failure).hasMessageContaining("Upload of " + dependency)
                .hasMessageContaining("no answer within 1 s")
                .hasMessageContaining("raise {{READ_TIMEOUT}}")
                .hasMessageContaining("Gave up after 2 attempts");
        assertThat(puts("alpha-2.1.jar")).isEqualTo(2);
        assertThat(standIns.emulator().groups()).isEmpty();
    }

    @Test
    void obsRefusingTheRequestIsNotRetried() {
        faultyObs.answer(403, "AccessDenied", "PUT", "alpha-2.1.jar", 1);

        ObsUploadException failure = catchThrowableOfType(ObsUploadException.class, () -> publish(plan(), dli()));

        assertThat(failure).hasMessageContaining("AccessDenied").hasMessageNotContaining("Gave up");
        assertThat(puts("alpha-2.1.jar")).isEqualTo(1);
        assertThat(standIns.emulator().groups()).isEmpty();
    }

    // the SDK retries a skewed request with its clock set by the answer; one that OBS refuses all the same was
    // answered with the hint about the key's permissions and the bucket's policy
    @Test
    void obsRefusingASkewedClockSaysToCheckTheClock() {
        faultyObs.answer(403, "RequestTimeTooSkewed", "PUT", "alpha-2.1.jar", 10);

        ObsUploadException failure = catchThrowableOfType(ObsUploadException.class, () -> publish(plan(), dli()));

        assertThat(failure).hasMessageContaining("RequestTimeTooSkewed")
                .hasMessageContaining("Check this machine's clock")
                .hasMessageNotContaining("bucket policy");
        assertThat(standIns.emulator().groups()).isEmpty();
    }

    private PublishResult publish(UploadPlan plan, DliClient dli) {
        return new GroupPublisher(standIns.bucket(), this::objectUrl, dir.resolve("result.json"), log)
                .publish(plan, uploader(UploadOptions.defaults()), () -> GroupLookup.of(dli, plan), waiter(),
                        true);
    }

    /** The URL DLI gets names the real S3 server, where the emulator looks objects up. */
    private String objectUrl(String key) {
        return ObsClientSettings.objectUrl(standIns.obsEndpoint(), true, standIns.bucket(), key);
    }

    private DliClient dli() {
        return standIns.dliClient(new RetryPolicy(RETRIES, dliPauses::add, () -> 0.5), log);
    }

    private ObsUploader uploader(UploadOptions options) {
        return new ObsUploader(s3, obsSettings, options, log);
    }

    /** DLI's side, looked up when the publisher awaits it: before its first write to OBS. */
    private Supplier<GroupLookup> lookUp(UploadPlan plan) {
        return () -> GroupLookup.of(dli(), plan);
    }

    private Function<DliClient, GroupWaiter> waiter() {
        return client -> new GroupWaiter(client, Duration.ofMillis(20), Duration.ofSeconds(20), Clock.systemUTC(),
                duration -> Thread.sleep(duration.toMillis()), log);
    }

    private long puts(String fileName) {
        return faultyObs.requests().stream()
                .filter(request -> request.method().equals("PUT") && request.path().endsWith("/" + fileName))
                .count();
    }

    private UploadPlan plan() {
        ProjectArtifacts project = new ProjectArtifacts(
                new ArtifactFile(new ArtifactCoordinates("com.example", "etl-job", "1.0", "jar", null, null), mainJar),
                List.of(),
                List.of(new ArtifactFile(new ArtifactCoordinates("org.example", "alpha", "2.1", "jar", null,
                        "compile"), dependency)));
        return UploadPlanner.plan(project, UploadSettings.builder(GROUP).prefix("dli").build());
    }

    private Path file(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random().nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }
}
