package dev.dlitools.dli.core.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlitools.dli.core.common.BuildLog;
import dev.dlitools.dli.core.common.Sleeper;
import dev.dlitools.dli.core.dli.DliClient;
import dev.dlitools.dli.core.dli.DliJson;
import dev.dlitools.dli.core.dli.GroupWaiter.GroupFailedException;
import dev.dlitools.dli.core.dli.GroupWaiter.GroupTimeoutException;
import dev.dlitools.dli.core.dli.GroupWaiter;
import dev.dlitools.dli.core.dli.Tag;
import dev.dlitools.dli.core.dli.UploadGroupRequest;
import dev.dlitools.dli.core.obs.ObsClientFactory;
import dev.dlitools.dli.core.obs.ObsClientSettings;
import dev.dlitools.dli.core.obs.ObsUploadException;
import dev.dlitools.dli.core.obs.ObsUploader;
import dev.dlitools.dli.core.obs.UploadOptions;
import dev.dlitools.dli.core.upload.ArtifactCoordinates;
import dev.dlitools.dli.core.upload.ArtifactFile;
import dev.dlitools.dli.core.upload.PlannedFile;
import dev.dlitools.dli.core.upload.ProjectArtifacts;
import dev.dlitools.dli.core.upload.UploadPlan;
import dev.dlitools.dli.core.upload.UploadPlanner;
import dev.dlitools.dli.core.upload.UploadSettings;
import dev.dlitools.dli.emulator.GroupView;
import dev.dlitools.dli.testsupport.LocalStandIns;
import dev.dlitools.dli.testsupport.RecordingLog;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** {@link GroupPublisher} against S3Proxy and the DLI emulator: what lands in OBS, in DLI and in the result file. */
@Timeout(60)
class GroupPublisherTest {

    private static final String GROUP = "etl-job";
    private static final Map<String, String> TAGS = Map.of("team", "etl");
    /** Long enough for the waiter to poll at least once, short enough to keep the tests quick. */
    private static final Duration READY_DELAY = Duration.ofMillis(150);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);
    private static final Duration WAIT_TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final Random random = new Random();
    private final RecordingLog log = RecordingLog.withoutDebug();

    private LocalStandIns standIns;
    private S3Client s3;
    private Path resultFile;
    private Path mainJar;
    private Path firstDependency;
    private Path secondDependency;

    @BeforeEach
    void setUp() throws IOException {
        startStandIns(READY_DELAY);
        resultFile = dir.resolve("target/dli-package-group.json");
        mainJar = jar("etl-job-1.0.jar", 30_000);
        firstDependency = jar("alpha-2.1.jar", 1_234);
        secondDependency = jar("beta-0.9.jar", 7_000);
    }

    @AfterEach
    void stopStandIns() {
        s3.close();
        standIns.close();
    }

    @Test
    void uploadsEveryFileAndRegistersTheGroupInPlanOrderUntilReady() throws Exception {
        UploadPlan plan = plan();

        PublishResult result = publisher().publish(plan, uploader(), lookUp(plan), waiter(), true);

        List<String> urls = urlsOf(plan);
        for (PlannedFile file : plan.files()) {
            assertThat(standIns.s3Proxy().exists(standIns.bucket(), file.objectKey())).as(file.objectKey()).isTrue();
        }
        GroupView group = standIns.emulator().group(GROUP).orElseThrow();
        assertThat(group.status()).isEqualTo("READY");
        assertThat(group.tags()).isEqualTo(TAGS);
        assertThat(group.packages()).extracting(GroupView.PackageView::obsPath)
                .containsExactlyElementsOf(urls.stream().map(URI::create).toList());
        assertThat(standIns.emulator().uploadPostCount()).isEqualTo(1);

        // the file is read by later build steps, so its field names are checked as written
        JsonNode written = DliJson.MAPPER.readTree(resultFile.toFile());
        assertThat(written.get("group").asText()).isEqualTo(GROUP);
        assertThat(written.get("kind").asText()).isEqualTo("jar");
        assertThat(written.get("bucket").asText()).isEqualTo(standIns.bucket());
        assertThat(written.get("project_id").asText()).isEqualTo(standIns.projectId());
        assertThat(written.get("dry_run").asBoolean()).isFalse();
        assertThat(written.get("registered").asBoolean()).isTrue();
        assertThat(written.get("status").asText()).isEqualTo("READY");
        assertThat(written.get("files")).hasSize(plan.files().size());
        for (int i = 0; i < plan.files().size(); i++) {
            PlannedFile planned = plan.files().get(i);
            JsonNode file = written.get("files").get(i);
            assertThat(file.get("file_name").asText()).isEqualTo(planned.fileName());
            assertThat(file.get("origin").asText()).isEqualTo(planned.origin());
            assertThat(file.get("key").asText()).isEqualTo(planned.objectKey());
            assertThat(file.get("url").asText()).isEqualTo(urls.get(i));
            assertThat(file.get("size").asLong()).isEqualTo(Files.size(planned.source()));
            assertThat(file.get("sha256").asText()).isEqualTo(sha256(planned.source()));
            assertThat(file.get("outcome").asText()).isEqualTo("uploaded");
            assertThat(file.get("status").asText()).isEqualTo("READY");
        }
        assertThat(PublishResult.read(resultFile)).isEqualTo(result);
        assertResultFileHoldsNoSecret();
    }

    @Test
    void secondPublishOfTheSameFilesToTheSameReadyGroupUploadsNothingAndDoesNotRegisterAgain() throws Exception {
        PublishResult first = publisher().publish(plan(), uploader(), lookUp(plan()), waiter(), true);
        log.clear();

        PublishResult second = publisher().publish(plan(), uploader(), lookUp(plan()), waiter(), true);

        assertThat(second.files()).extracting(PublishedFile::outcome).containsOnly("unchanged");
        assertThat(second.files()).extracting(PublishedFile::status).containsOnly("READY");
        assertThat(log.lines()).anyMatch(line -> line.startsWith("OBS: 0 uploaded (0 B), 3 unchanged"))
                .contains("already READY: etl-job with 3 packages");
        assertThat(standIns.emulator().uploadPostCount()).isEqualTo(1);
        assertThat(second.registered()).isTrue();
        assertThat(second.alreadyReady()).isTrue();
        assertThat(first.alreadyReady()).isFalse();
        assertThat(second.request()).isNull();
        assertThat(second.status()).isEqualTo("READY");
        assertThat(second.summaryLine()).isEqualTo("dli: group etl-job is READY with 3 files (0 uploaded, 3 unchanged);"
                + " not registered again.");
        assertThat(DliJson.MAPPER.readTree(resultFile.toFile()).get("already_ready").asBoolean()).isTrue();
        assertThat(PublishResult.read(resultFile)).isEqualTo(second);
        assertResultFileHoldsNoSecret();
    }

    @Test
    void republishUploadsOnlyTheFileThatChangedAndRegistersTheGroupAgain() throws Exception {
        publisher().publish(plan(), uploader(), lookUp(plan()), waiter(), true);
        Files.write(firstDependency, randomBytes(2_000));
        log.clear();

        PublishResult second = publisher().publish(plan(), uploader(), lookUp(plan()), waiter(), true);

        assertThat(second.files()).extracting(PublishedFile::fileName, PublishedFile::outcome).containsExactly(
                tuple("etl-job-1.0.jar", "unchanged"),
                tuple("alpha-2.1.jar", "uploaded"),
                tuple("beta-0.9.jar", "unchanged"));
        PublishedFile changed = second.files().get(1);
        assertThat(changed.size()).isEqualTo(2_000);
        assertThat(changed.sha256()).isEqualTo(sha256(firstDependency));
        assertThat(log.lines()).anyMatch(line -> line.startsWith("OBS: 1 uploaded (2.0 kB), 2 unchanged"));
        assertThat(second.status()).isEqualTo("READY");
        assertThat(second.alreadyReady()).isFalse();
        assertThat(standIns.emulator().uploadPostCount()).isEqualTo(2);
    }

    @Test
    void unchangedFilesAreRegisteredAgainWhenAPackageIsMissingFromTheGroup() throws Exception {
        publisher().publish(plan(), uploader(), lookUp(plan()), waiter(), true);
        standIns.dliClient().deleteResource("beta-0.9.jar", GROUP);

        PublishResult second = publisher().publish(plan(), uploader(), lookUp(plan()), waiter(), true);

        assertThat(second.files()).extracting(PublishedFile::outcome).containsOnly("unchanged");
        assertThat(second.alreadyReady()).isFalse();
        assertThat(standIns.emulator().uploadPostCount()).isEqualTo(2);
        assertThat(standIns.emulator().group(GROUP).orElseThrow().packages()).hasSize(3);
    }

    @Test
    void unchangedFilesAreRegisteredAgainWhenAPackageOfTheGroupFailed() throws Exception {
        UploadPlan plan = plan();
        PlannedFile vanishing = plan.files().get(2);
        AtomicBoolean deleted = new AtomicBoolean();
        Sleeper deletingSleeper = duration -> {
            if (deleted.compareAndSet(false, true)) {
                standIns.s3Proxy().blobStore().removeBlob(standIns.bucket(), vanishing.objectKey());
            }
            Thread.sleep(duration.toMillis());
        };
        catchThrowableOfType(GroupNotReadyException.class,
                () -> publisher().publish(plan, uploader(), lookUp(plan), waiter(deletingSleeper), true));
        // the same bytes back in OBS: the next run finds every file unchanged, but the group has a FAILED package
        s3.putObject(request -> request.bucket(standIns.bucket()).key(vanishing.objectKey()),
                RequestBody.fromFile(vanishing.source()));

        PublishResult second = publisher().publish(plan(), uploader(), lookUp(plan()), waiter(), true);

        assertThat(second.files()).extracting(PublishedFile::outcome).containsOnly("unchanged");
        assertThat(second.alreadyReady()).isFalse();
        assertThat(second.status()).isEqualTo("READY");
        assertThat(standIns.emulator().uploadPostCount()).isEqualTo(2);
    }

    @Test
    void unchangedFilesAreRegisteredAgainWhenTheTagsChanged() throws Exception {
        publisher().publish(plan(), uploader(), lookUp(plan()), waiter(), true);

        PublishResult otherValue = publisher().publish(plan(Map.of("team", "data")), uploader(),
                lookUp(plan(Map.of("team", "data"))), waiter(), true);
        PublishResult addedTag = publisher().publish(plan(Map.of("team", "data", "env", "prod")), uploader(),
                lookUp(plan(Map.of("team", "data", "env", "prod"))), waiter(), true);

        assertThat(otherValue.alreadyReady()).isFalse();
        assertThat(addedTag.alreadyReady()).isFalse();
        assertThat(standIns.emulator().uploadPostCount()).isEqualTo(3);
        assertThat(standIns.emulator().group(GROUP).orElseThrow().tags())
                .isEqualTo(Map.of("team", "data", "env", "prod"));
    }

    @Test
    void unchangedFilesAreRegisteredAgainUnderAnotherKind() throws Exception {
        publisher().publish(plan(), uploader(), lookUp(plan()), waiter(), true);

        UploadPlan asFilesPlan = plan(TAGS, "file");
        PublishResult asFiles = publisher().publish(asFilesPlan, uploader(), lookUp(asFilesPlan), waiter(), true);

        assertThat(asFiles.alreadyReady()).isFalse();
        assertThat(standIns.emulator().group(GROUP).orElseThrow().kind()).isEqualTo("file");
    }

    @Test
    void uploadToAMissingBucketFailsNamingTheBucketAndRegistersNothing() {
        GroupPublisher toMissingBucket = publisher("no-such-bucket");

        ObsUploadException failure = catchThrowableOfType(ObsUploadException.class,
                () -> toMissingBucket.publish(plan(), uploader(), lookUp(plan()), waiter(), true));

        assertThat(failure).hasMessageContaining("'no-such-bucket'");
        assertThat(standIns.emulator().uploadPostCount()).isZero();
        assertThat(standIns.emulator().groups()).isEmpty();
    }

    @Test
    void failedPublishLeavesNoResultOfAnEarlierPublishBehind() {
        publisher().publish(plan(), uploader(), lookUp(plan()), waiter(), true);
        assertThat(resultFile).exists();

        catchThrowableOfType(ObsUploadException.class, () -> publisher("no-such-bucket")
                .publish(plan(), uploader(), lookUp(plan()), waiter(), true));

        assertThat(resultFile).doesNotExist();
    }

    @Test
    void fileDeletedAfterPlanningFailsTheUploadNamingTheFileAndRegistersNothing() throws IOException {
        UploadPlan plan = plan();
        Files.delete(secondDependency);

        ObsUploadException failure = catchThrowableOfType(ObsUploadException.class,
                () -> publisher().publish(plan, uploader(), lookUp(plan), waiter(), true));

        assertThat(failure).hasMessageContaining(secondDependency.toString());
        assertThat(standIns.emulator().uploadPostCount()).isZero();
        assertThat(standIns.emulator().groups()).isEmpty();
    }

    @Test
    void packageWhoseObjectVanishesBeforeDliLoadsItFailsTheGroupAndTheResultSaysWhich() throws Exception {
        UploadPlan plan = plan();
        String vanishingKey = plan.files().get(2).objectKey();
        AtomicBoolean deleted = new AtomicBoolean();
        // the first pause of the waiter comes after the registration and before DLI loads the packages
        Sleeper deletingSleeper = duration -> {
            if (deleted.compareAndSet(false, true)) {
                standIns.s3Proxy().blobStore().removeBlob(standIns.bucket(), vanishingKey);
            }
            Thread.sleep(duration.toMillis());
        };

        GroupNotReadyException failure = catchThrowableOfType(GroupNotReadyException.class,
                () -> publisher().publish(plan, uploader(), lookUp(plan), waiter(deletingSleeper), true));

        assertThat(failure).hasMessageContaining("beta-0.9.jar").hasCauseInstanceOf(GroupFailedException.class);
        // the exception carries what the result file says, so nobody reads the file back
        assertThat(failure.result()).isEqualTo(PublishResult.read(resultFile));
        assertThat(standIns.emulator().group(GROUP).orElseThrow().status()).isEqualTo("FAILED");
        PublishResult written = PublishResult.read(resultFile);
        assertThat(written.registered()).isTrue();
        assertThat(written.status()).isEqualTo("FAILED");
        assertThat(written.files()).extracting(PublishedFile::status).containsExactly("READY", "READY", "FAILED");
        assertResultFileHoldsNoSecret();
    }

    @Test
    void groupNotReadyInTimeThrowsAndTheResultShowsItStillUploading() throws Exception {
        stopStandIns();
        startStandIns(Duration.ofMinutes(10));
        Function<DliClient, GroupWaiter> impatient = client -> new GroupWaiter(client, POLL_INTERVAL,
                Duration.ofMillis(200), Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()), log);

        GroupNotReadyException failure = catchThrowableOfType(GroupNotReadyException.class,
                () -> publisher().publish(plan(), uploader(), lookUp(plan()), impatient, true));

        assertThat(failure).hasMessageContaining(GROUP).hasCauseInstanceOf(GroupTimeoutException.class);
        assertThat(failure.result()).isEqualTo(PublishResult.read(resultFile));
        PublishResult written = PublishResult.read(resultFile);
        assertThat(written.registered()).isTrue();
        assertThat(written.status()).isEqualTo("UPLOADING");
        assertThat(written.files()).extracting(PublishedFile::status).containsOnly("UPLOADING");
        assertThat(written.files()).extracting(PublishedFile::outcome).containsOnly("uploaded");
        assertResultFileHoldsNoSecret();
    }

    @Test
    void withoutClientUploadsButRegistersNothing() throws Exception {
        UploadPlan plan = plan();

        PublishResult result = publisher().publish(plan, uploader(), null, null, true);

        for (PlannedFile file : plan.files()) {
            assertThat(standIns.s3Proxy().exists(standIns.bucket(), file.objectKey())).as(file.objectKey()).isTrue();
        }
        assertThat(standIns.emulator().requests()).isEmpty();
        assertThat(result.registered()).isFalse();
        assertThat(result.projectId()).isNull();
        assertThat(result.status()).isNull();
        assertThat(result.request()).isNull();
        assertThat(result.files()).extracting(PublishedFile::url).containsExactlyElementsOf(urlsOf(plan));
        assertThat(result.files()).extracting(PublishedFile::outcome).containsOnly("uploaded");
        assertThat(PublishResult.read(resultFile)).isEqualTo(result);
        assertResultFileHoldsNoSecret();
    }

    @Test
    void dryRunTouchesNoServiceAndWritesTheRequestItWouldSend() throws Exception {
        UploadPlan plan = plan();

        PublishResult result = publisher().dryRun(plan, true, true, Optional.empty());

        for (PlannedFile file : plan.files()) {
            assertThat(standIns.s3Proxy().exists(standIns.bucket(), file.objectKey())).as(file.objectKey()).isFalse();
        }
        assertThat(standIns.emulator().requests()).isEmpty();
        PublishResult written = PublishResult.read(resultFile);
        assertThat(written).isEqualTo(result);
        assertThat(written.dryRun()).isTrue();
        assertThat(written.registered()).isFalse();
        assertThat(written.request()).isEqualTo(new UploadGroupRequest(urlsOf(plan), "jar", GROUP, true,
                List.of(new Tag("team", "etl"))));
        assertThat(written.files()).extracting(PublishedFile::outcome).containsOnly("planned");
        assertThat(written.files()).extracting(PublishedFile::sha256).containsOnlyNulls();
        assertResultFileHoldsNoSecret();
    }

    @Test
    void twoBuildsPublishingTheSameGroupAtOnceLeaveExactlyOneBuildsPackages() throws Exception {
        UploadPlan first = plan();
        Path nextRelease = jar("etl-job-2.0.jar", 20_000);
        UploadPlan second = UploadPlanner.plan(new ProjectArtifacts(
                        new ArtifactFile(new ArtifactCoordinates("com.example", "etl-job", "2.0", "jar", null, null),
                                nextRelease),
                        List.of(),
                        List.of(new ArtifactFile(dependency("alpha", "2.1"), firstDependency))),
                UploadSettings.builder(GROUP).prefix("dli").tags(TAGS).build());
        ExecutorService builds = Executors.newFixedThreadPool(2);
        try {
            Future<PublishResult> firstBuild = builds.submit(() -> publishing(first, "first.json"));
            Future<PublishResult> secondBuild = builds.submit(() -> publishing(second, "second.json"));

            // neither build fails: DLI overwrites a group by name, the last registration wins
            assertThat(firstBuild.get().registered()).isTrue();
            assertThat(secondBuild.get().registered()).isTrue();
        } finally {
            builds.shutdownNow();
        }
        List<URI> registered = standIns.emulator().group(GROUP).orElseThrow().packages().stream()
                .map(GroupView.PackageView::obsPath)
                .toList();
        assertThat(registered).isIn(uris(first), uris(second));
    }

    private PublishResult publishing(UploadPlan plan, String resultName) {
        String bucket = standIns.bucket();
        return new GroupPublisher(bucket, key -> ObsClientSettings.objectUrl(standIns.obsEndpoint(), true, bucket, key),
                dir.resolve(resultName), log).publish(plan, uploader(), lookUp(plan), waiter(), true);
    }

    private List<URI> uris(UploadPlan plan) {
        return urlsOf(plan).stream().map(URI::create).toList();
    }

    private void startStandIns(Duration asyncReadyDelay) {
        standIns = LocalStandIns.builder().asyncReadyDelay(asyncReadyDelay).start();
        s3 = ObsClientFactory.create(standIns.obsSettings(), BuildLog.SILENT);
    }

    /** The project's jar and two compile dependencies, planned as the upload-group goal plans them. */
    private UploadPlan plan() {
        return plan(TAGS);
    }

    private UploadPlan plan(Map<String, String> tags) {
        return plan(tags, "jar");
    }

    private UploadPlan plan(Map<String, String> tags, String kind) {
        ProjectArtifacts project = new ProjectArtifacts(
                new ArtifactFile(new ArtifactCoordinates("com.example", "etl-job", "1.0", "jar", null, null), mainJar),
                List.of(),
                List.of(new ArtifactFile(dependency("alpha", "2.1"), firstDependency),
                        new ArtifactFile(dependency("beta", "0.9"), secondDependency)));
        return UploadPlanner.plan(project, UploadSettings.builder(GROUP).prefix("dli").tags(tags).kind(kind)
                .build());
    }

    private static ArtifactCoordinates dependency(String artifactId, String version) {
        return new ArtifactCoordinates("org.example", artifactId, version, "jar", null, "compile");
    }

    private GroupPublisher publisher() {
        return publisher(standIns.bucket());
    }

    /** Names objects as the goal does: the OBS settings' URL of the bucket and key. */
    private GroupPublisher publisher(String bucket) {
        return new GroupPublisher(bucket,
                key -> ObsClientSettings.objectUrl(standIns.obsEndpoint(), true, bucket, key), resultFile, log);
    }

    private ObsUploader uploader() {
        return new ObsUploader(s3, standIns.obsSettings(), UploadOptions.defaults(), log);
    }

    /** DLI's side, looked up when the publisher awaits it: before its first write to OBS. */
    private Supplier<GroupLookup> lookUp(UploadPlan plan) {
        return () -> GroupLookup.of(standIns.dliClient(), plan);
    }

    private Function<DliClient, GroupWaiter> waiter() {
        return waiter(duration -> Thread.sleep(duration.toMillis()));
    }

    private Function<DliClient, GroupWaiter> waiter(Sleeper sleeper) {
        return client -> new GroupWaiter(client, POLL_INTERVAL, WAIT_TIMEOUT, Clock.systemUTC(), sleeper, log);
    }

    private List<String> urlsOf(UploadPlan plan) {
        return plan.files().stream()
                .map(file -> ObsClientSettings.objectUrl(standIns.obsEndpoint(), true, standIns.bucket(),
                        file.objectKey()))
                .toList();
    }

    private void assertResultFileHoldsNoSecret() throws IOException {
        assertThat(Files.readString(resultFile)).doesNotContain(standIns.credentials().secretKey());
    }

    private Path jar(String name, int size) throws IOException {
        return Files.write(dir.resolve(name), randomBytes(size));
    }

    private byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
