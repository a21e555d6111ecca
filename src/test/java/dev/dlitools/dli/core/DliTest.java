package dev.dlitools.dli.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import dev.dlitools.dli.core.dli.DliApiException;
import dev.dlitools.dli.core.job.JobFiles;
import dev.dlitools.dli.core.job.SparkJobResult;
import dev.dlitools.dli.core.job.SubmitRequest;
import dev.dlitools.dli.core.obs.ObsUploadException;
import dev.dlitools.dli.core.publish.GroupNotReadyException;
import dev.dlitools.dli.core.publish.PublishResult;
import dev.dlitools.dli.core.publish.PublishedFile;
import dev.dlitools.dli.core.upload.ArtifactCoordinates;
import dev.dlitools.dli.core.upload.ArtifactFile;
import dev.dlitools.dli.core.upload.ProjectArtifacts;
import dev.dlitools.dli.emulator.Fault;
import dev.dlitools.dli.emulator.RecordedRequest;
import dev.dlitools.dli.testsupport.HttpClientThreads;
import dev.dlitools.dli.testsupport.LocalStandIns;
import dev.dlitools.dli.testsupport.RecordingLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The facade's wiring: what a front end gets from one call with typed settings. */
class DliTest {

    private static final String GROUP = "orders-job";

    @TempDir
    Path dir;

    @Test
    void aDryRunNeedsNoCredentialsAndNamesObjectsAtTheRegionsObsEndpointOnOpenTelekomCloud() throws IOException {
        AtomicReference<PublishResult> told = new AtomicReference<>();
        DliListener listener = new DliListener() {
            @Override
            public void dryRun(PublishResult planned) {
                told.set(planned);
            }
        };
        // no credentials at all: a dry run must not ask for them
        Dli dli = new Dli(DliSettings.builder("eu-de").build(), listener);

        PublishResult planned = dli.publish(request().dryRun(true).build());

        assertThat(planned.files()).extracting(PublishedFile::url).containsExactly(
                "https://etl-jars.obs.eu-de.otc.t-systems.com/dli/com.example/orders-job/1.0.0/orders-job-1.0.0.jar");
        assertThat(planned.dryRun()).isTrue();
        assertThat(planned.files()).extracting(PublishedFile::outcome).containsExactly(PublishedFile.PLANNED);
        assertThat(told.get()).isEqualTo(planned);
        assertThat(PublishResult.read(dir.resolve("result.json"))).isEqualTo(planned);
    }

    @Test
    void aDryRunWithoutCredentialsSaysInOneLineThatItDidNotCompareWithObs() throws IOException {
        RecordingLog listener = RecordingLog.withoutDebug();
        Dli dli = new Dli(DliSettings.builder("cn-north-4").credentials(() -> {
            throw new DliException("No Huawei Cloud credentials found.");
        }).build(), listener);

        PublishResult planned = dli.publish(request().dryRun(true).build());

        assertThat(planned.files()).extracting(PublishedFile::outcome).containsExactly(PublishedFile.PLANNED);
        assertThat(listener.lines()).contains("Dry run: not compared with OBS (no credentials), so whether each"
                + " file would be uploaded or is unchanged is not known.");
    }

    @Test
    void aDryRunWithCredentialsTellsUnchangedFilesFromFilesToUploadAndWritesNothing() throws IOException {
        try (LocalStandIns standIns = LocalStandIns.start()) {
            Dli dli = new Dli(settings(standIns), DliListener.SILENT);
            PublishResult published = dli.publish(request().pathStyle(true).register(false).build());
            String key = published.files().get(0).key();

            PublishResult same = dli.publish(request().pathStyle(true).dryRun(true).build());
            PublishRequest.Builder changedJar = request().pathStyle(true).dryRun(true);
            Files.write(dir.resolve("orders-job-1.0.0.jar"), new byte[] {3, 2, 1}); // same size, other bytes
            PublishResult changed = dli.publish(changedJar.build());
            PublishResult offline = dli.publish(request().pathStyle(true).dryRun(true).offline(true).build());

            assertThat(same.files()).extracting(PublishedFile::outcome).containsExactly(PublishedFile.UNCHANGED);
            assertThat(same.dryRunCounts()).isEqualTo("would upload 0 (0 B), 1 unchanged");
            assertThat(changed.files()).extracting(PublishedFile::outcome).containsExactly(PublishedFile.WOULD_UPLOAD);
            assertThat(changed.dryRunCounts()).isEqualTo("would upload 1 (3 B), 0 unchanged");
            assertThat(offline.files()).extracting(PublishedFile::outcome).containsExactly(PublishedFile.PLANNED);
            assertThat(PublishResult.read(dir.resolve("result.json"))).isEqualTo(offline);
            try (InputStream stored = standIns.s3Proxy().blobStore().getBlob(LocalStandIns.BUCKET, key)) {
                assertThat(stored.readAllBytes()).as("the object, not replaced").containsExactly(1, 2, 3);
            }
            assertThat(standIns.emulator().groups()).isEmpty();
        }
    }

    @Test
    void aMissingBucketNamesTheSettingAfterThePlanIsChecked() throws IOException {
        Dli dli = new Dli(DliSettings.builder("cn-north-4").build(), DliListener.SILENT);

        SettingException failure = catchThrowableOfType(SettingException.class,
                () -> dli.publish(request().bucket(" ").build()));

        assertThat(failure.setting()).isEqualTo(Setting.BUCKET);
        assertThat(failure).hasMessage("No OBS bucket given. Set " + Setting.BUCKET.named()
                + " to the bucket the files are uploaded to.");
    }

    @Test
    void aBucketNameOutsideObsRuleIsRefusedBeforeCredentialsAreLookedUp() throws IOException {
        AtomicInteger lookedUp = new AtomicInteger();
        Dli dli = new Dli(DliSettings.builder("cn-north-4").credentials(() -> {
            lookedUp.incrementAndGet();
            return Credentials.of("AK", "SK");
        }).build(), DliListener.SILENT);

        SettingException failure = catchThrowableOfType(SettingException.class,
                () -> dli.publish(request().bucket("Etl_Jars").build()));

        assertThat(failure.setting()).isEqualTo(Setting.BUCKET);
        assertThat(failure).hasMessageStartingWith("Invalid {{BUCKET}}: 'Etl_Jars' has upper-case letters");
        assertThat(lookedUp).hasValue(0);
    }

    @Test
    void aResultFileThatIsADirectoryIsRefusedEvenInADryRunAndKept() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("published"));
        Dli dli = new Dli(DliSettings.builder("cn-north-4").build(), DliListener.SILENT);

        SettingException failure = catchThrowableOfType(SettingException.class,
                () -> dli.publish(request().resultFile(directory).dryRun(true).build()));

        assertThat(failure.setting()).isEqualTo(Setting.RESULT_FILE);
        assertThat(failure).hasMessageContaining("is a directory");
        assertThat(directory).isEmptyDirectory();
    }

    @Test
    void obsCredentialsThatCannotBeFoundFailBeforeIamIsAsked() throws IOException {
        try (LocalStandIns standIns = LocalStandIns.start()) {
            DliSettings withoutProjectId = DliSettings.builder(LocalStandIns.REGION)
                    .dliEndpoint(standIns.dliEndpoint().toString())
                    .iamEndpoint(standIns.iamEndpoint().toString())
                    .obsEndpoint(standIns.obsEndpoint().toString())
                    .credentials(standIns.credentials())
                    .build();
            SettingException missing = new SettingException(Setting.OBS_SERVER_ID, "no such server");

            SettingException failure = catchThrowableOfType(SettingException.class,
                    () -> new Dli(withoutProjectId, DliListener.SILENT).publish(request().pathStyle(true)
                            .obsCredentials(() -> {
                                throw missing;
                            })
                            .build()));

            assertThat(failure).isSameAs(missing);
            assertThat(standIns.emulator().requests()).as("requests to IAM or DLI").isEmpty();
        }
    }

    @Test
    void aProjectIdIamCannotGiveFailsBeforeAnyUploadThoughTheDliClientIsMadeAlongside() throws IOException {
        // an IAM that answers late, after an upload not waiting for it would be done, and lists no project
        HttpServer iam = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        iam.createContext("/v3/projects", exchange -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"projects\": []}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        iam.start();
        try (LocalStandIns standIns = LocalStandIns.start()) {
            DliSettings withoutProjectId = DliSettings.builder(LocalStandIns.REGION)
                    .dliEndpoint(standIns.dliEndpoint().toString())
                    .iamEndpoint("http://127.0.0.1:" + iam.getAddress().getPort())
                    .obsEndpoint(standIns.obsEndpoint().toString())
                    .credentials(standIns.credentials())
                    .build();

            DliException failure = catchThrowableOfType(DliException.class,
                    () -> new Dli(withoutProjectId, DliListener.SILENT).publish(request().pathStyle(true).build()));

            assertThat(failure).hasMessageStartingWith("IAM lists no project named " + LocalStandIns.REGION);
            assertThat(standIns.s3Proxy().blobStore().list(standIns.bucket()).contents()).as("objects in OBS").isEmpty();
            assertThat(standIns.emulator().requests()).as("requests to DLI").isEmpty();
        } finally {
            iam.stop(0);
        }
    }

    @Test
    void aProjectIdDliDoesNotKnowFailsBeforeAnyUploadWithDlisOwnAnswer() throws IOException {
        try (LocalStandIns standIns = LocalStandIns.start()) {
            DliSettings otherProject = DliSettings.builder(LocalStandIns.REGION)
                    .projectId("no-such-project")
                    .dliEndpoint(standIns.dliEndpoint().toString())
                    .obsEndpoint(standIns.obsEndpoint().toString())
                    .credentials(standIns.credentials())
                    .retries(0)
                    .build();

            DliApiException failure = catchThrowableOfType(DliApiException.class,
                    () -> new Dli(otherProject, DliListener.SILENT).publish(request().pathStyle(true).build()));

            assertThat(failure.httpStatus()).isEqualTo(404);
            assertThat(failure).hasMessageContaining("The project no-such-project does not exist")
                    .hasMessageContaining("Check the project id no-such-project " + Setting.PROJECT_ID.aside());
            assertThat(standIns.s3Proxy().blobStore().list(standIns.bucket()).contents()).as("objects in OBS").isEmpty();
            assertThat(standIns.emulator().uploadPostCount()).isZero();
        }
    }

    @Test
    void dliRefusingTheKeyFailsBeforeAnyUpload() throws IOException {
        try (LocalStandIns standIns = LocalStandIns.start()) {
            standIns.emulator().inject(Fault.respond(403).always());

            DliApiException failure = catchThrowableOfType(DliApiException.class,
                    () -> new Dli(settings(standIns), DliListener.SILENT).publish(request().pathStyle(true).build()));

            assertThat(failure.httpStatus()).isEqualTo(403);
            assertThat(standIns.s3Proxy().blobStore().list(standIns.bucket()).contents()).as("objects in OBS").isEmpty();
            assertThat(standIns.emulator().uploadPostCount()).isZero();
        }
    }

    @Test
    void dliRefusingTheKeyFailsBeforeAnyUploadEvenWithATagKeyTheListFilterCannotSay() throws IOException {
        try (LocalStandIns standIns = LocalStandIns.start()) {
            standIns.emulator().inject(Fault.respond(403).always());

            DliApiException failure = catchThrowableOfType(DliApiException.class,
                    () -> new Dli(settings(standIns), DliListener.SILENT).publish(request().pathStyle(true)
                            .tags(Map.of("a=b", "c")).build()));

            assertThat(failure.httpStatus()).isEqualTo(403);
            assertThat(standIns.s3Proxy().blobStore().list(standIns.bucket()).contents()).as("objects in OBS").isEmpty();
        }
    }

    @Test
    void aPublishFailingBeforeItAwaitsDliEndsOnlyOnceItsDliThreadHasEnded() throws IOException {
        try (LocalStandIns standIns = LocalStandIns.start()) {
            // DLI answers the look-up late, after the upload has failed on its own
            standIns.emulator().inject(Fault.delay(Duration.ofSeconds(1)).on("GET", "/v2\\.0/[^/]+/resources"));
            Path jar = Files.write(dir.resolve("orders-job-1.0.0.jar"), new byte[] {1, 2, 3});
            Path spark = Files.write(dir.resolve("spark-core_2.12-3.3.1.jar"), new byte[] {4});
            ProjectArtifacts artifacts = new ProjectArtifacts(
                    new ArtifactFile(new ArtifactCoordinates("com.example", GROUP, "1.0.0", "jar", null, null), jar),
                    List.of(), List.of(new ArtifactFile(new ArtifactCoordinates("org.apache.spark",
                            "spark-core_2.12", "3.3.1", "jar", null, "compile"), spark)));
            // the plan's warning (Spark is DLI's own) comes before any call: the jar is gone by the upload
            DliListener deletingTheJar = new DliListener() {
                @Override
                public void warn(String message) {
                    try {
                        Files.delete(jar);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };

            catchThrowableOfType(ObsUploadException.class, () -> new Dli(settings(standIns), deletingTheJar)
                    .publish(PublishRequest.builder(artifacts, GROUP).prefix("dli").bucket(LocalStandIns.BUCKET)
                            .resultFile(dir.resolve("result.json")).pathStyle(true).build()));

            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).doesNotContain("dli-client");
        }
    }

    @Test
    void aRepublishOfUnchangedFilesAsksDliOnceAndRegistersNothing() throws IOException {
        try (LocalStandIns standIns = LocalStandIns.start()) {
            Dli dli = new Dli(settings(standIns), DliListener.SILENT);
            dli.publish(request().pathStyle(true).pollInterval(Duration.ofMillis(50)).build());
            int requestsBefore = standIns.emulator().requests().size();

            PublishResult again = dli.publish(request().pathStyle(true).pollInterval(Duration.ofMillis(50)).build());

            assertThat(again.alreadyReady()).isTrue();
            assertThat(standIns.emulator().requests().subList(requestsBefore, standIns.emulator().requests().size()))
                    .extracting(RecordedRequest::method).containsExactly("GET");
            assertThat(standIns.emulator().uploadPostCount()).isEqualTo(1);
        }
    }

    @Test
    void rangesAreCheckedWhenTheRequestIsBuilt() throws IOException {
        SettingException threads = catchThrowableOfType(SettingException.class,
                () -> request().uploadThreads(65).build());
        SettingException poll = catchThrowableOfType(SettingException.class,
                () -> request().pollInterval(Duration.ZERO).build());
        SettingException timeouts = catchThrowableOfType(SettingException.class,
                () -> DliSettings.builder("cn-north-4").readTimeout(Duration.ofSeconds(-1)).build());

        assertThat(threads.setting()).isEqualTo(Setting.UPLOAD_THREADS);
        assertThat(threads).hasMessage(Setting.UPLOAD_THREADS.named() + " is 65; it takes 1 to 64.");
        assertThat(poll.setting()).isEqualTo(Setting.POLL_INTERVAL);
        assertThat(timeouts.setting()).isEqualTo(Setting.READ_TIMEOUT);
    }

    @Test
    void publishUploadsRegistersAndWaitsUntilTheGroupIsReady() throws IOException {
        try (LocalStandIns standIns = LocalStandIns.start()) {
            RecordingLog listener = RecordingLog.withoutDebug();

            PublishResult result = new Dli(settings(standIns), listener).publish(request()
                    .pathStyle(true)
                    .pollInterval(Duration.ofMillis(50))
                    .build());

            assertThat(result.status()).isEqualTo("READY");
            assertThat(result.projectId()).isEqualTo(standIns.projectId());
            assertThat(result.files()).extracting(PublishedFile::outcome).containsExactly("uploaded");
            assertThat(standIns.s3Proxy().exists(standIns.bucket(), result.files().get(0).key())).isTrue();
            assertThat(listener.lines()).anyMatch(line -> line.startsWith("OBS: 1 uploaded"));
        }
    }

    @Test
    void aGroupNotReadyInTimeComesBackWithTheResult() throws IOException {
        try (LocalStandIns standIns = LocalStandIns.builder().asyncReadyDelay(Duration.ofMinutes(10)).start()) {
            GroupNotReadyException failure = catchThrowableOfType(GroupNotReadyException.class,
                    () -> new Dli(settings(standIns), DliListener.SILENT).publish(request()
                            .pathStyle(true)
                            .pollInterval(Duration.ofMillis(50))
                            .timeout(Duration.ofMillis(300))
                            .build()));

            assertThat(failure).hasMessageContaining("was not READY within");
            assertThat(failure.result().registered()).isTrue();
            assertThat(failure.result().status()).isEqualTo("UPLOADING");
            assertThat(failure.result()).isEqualTo(PublishResult.read(dir.resolve("result.json")));
        }
    }

    @Test
    void aListKindThatIsNoDliKindFailsNamingTheSettingBeforeAnyCall() {
        try (LocalStandIns standIns = LocalStandIns.start()) {
            // no project id: a call would first ask IAM, which the emulator records too
            DliSettings withoutProject = DliSettings.builder(LocalStandIns.REGION)
                    .dliEndpoint(standIns.dliEndpoint().toString())
                    .iamEndpoint(standIns.iamEndpoint().toString())
                    .credentials(standIns.credentials())
                    .build();

            SettingException failure = catchThrowableOfType(SettingException.class,
                    () -> new Dli(withoutProject, DliListener.SILENT).list(ListRequest.builder().kind("pyfiles").build()));

            assertThat(failure.setting()).isEqualTo(Setting.LIST_KIND);
            assertThat(failure).hasMessageContaining("'pyfiles' is not a DLI package kind")
                    .hasMessageContaining("jar, pyFile, file, modelFile");
            assertThat(standIns.emulator().requests()).isEmpty();
        }
    }

    // before, the filter went to DLI as typed, and DLI's answer did not name tagFilter
    @Test
    void aMalformedListTagFilterFailsNamingTheSettingBeforeAnyCall() {
        try (LocalStandIns standIns = LocalStandIns.start()) {
            SettingException failure = catchThrowableOfType(SettingException.class,
                    () -> new Dli(settings(standIns), DliListener.SILENT).list(ListRequest.builder()
                            .tags("env=prod,team").build()));

            assertThat(failure.setting()).isEqualTo(Setting.LIST_TAGS);
            assertThat(failure).hasMessageContaining("'team' in 'env=prod,team' is not key=value");
            assertThat(standIns.emulator().requests()).isEmpty();
        }
    }

    @Test
    void aListTagFilterIsAskedForWithoutTheSpacesAroundItsKeysAndValues() {
        try (LocalStandIns standIns = LocalStandIns.start()) {
            new Dli(settings(standIns), DliListener.SILENT).list(ListRequest.builder()
                    .tags(" env = prod , team=etl ").build());

            assertThat(standIns.emulator().requests()).singleElement()
                    .satisfies(request -> assertThat(request.query()).contains("tags=env%3Dprod%2Cteam%3Detl"));
        }
    }

    @Test
    void aListKindInAnyCaseIsAskedForInDlisSpellingAndShownInTheTable() {
        try (LocalStandIns standIns = LocalStandIns.start()) {
            standIns.registerGroup("jobs", List.of(), "job.jar");

            List<String> table = new Dli(settings(standIns), DliListener.SILENT)
                    .list(ListRequest.builder().kind(" JAR ").build())
                    .table("nothing");

            assertThat(standIns.emulator().requests()).last()
                    .satisfies(request -> assertThat(request.query()).isEqualTo("kind=jar"));
            assertThat(table).hasSize(2);
            assertThat(table.get(1)).startsWith("jobs   jar   READY");
        }
    }

    @Test
    void closingStopsTheHttpClientThreadThatWouldDelayTheJvmsExit() throws InterruptedException {
        try (LocalStandIns standIns = LocalStandIns.start()) {
            Set<Thread> before = HttpClientThreads.selectors();
            Dli dli = new Dli(settings(standIns), DliListener.SILENT);
            dli.list(ListRequest.builder().build());
            Set<Thread> made = HttpClientThreads.selectors();
            made.removeAll(before);
            assertThat(made).as("the selector thread of the client the listing made").hasSize(1);

            dli.close();

            for (Thread thread : made) {
                thread.join(5_000);
            }
            assertThat(made).noneMatch(Thread::isAlive);
        }
    }

    @Test
    void submitRunsAJobOnWhatWasPublishedWithoutAGroupAndTellsTheListener() throws IOException {
        try (LocalStandIns standIns = LocalStandIns.builder()
                .jobDelays(Duration.ofMillis(50), Duration.ofMillis(100)).start()) {
            RecordingLog listener = RecordingLog.withoutDebug();
            Dli dli = new Dli(settings(standIns), listener);
            PublishResult published = dli.publish(request().pathStyle(true).register(false).build());

            SparkJobResult result = dli.submit(SubmitRequest.builder()
                    .files(JobFiles.of(published))
                    .queue("etl")
                    .className("com.example.Orders")
                    .name("orders-1")
                    .pollInterval(Duration.ofMillis(20))
                    .resultFile(dir.resolve("job.json"))
                    .build());

            assertThat(result.succeeded()).isTrue();
            assertThat(standIns.emulator().batchJobs()).singleElement()
                    .satisfies(job -> assertThat(job.body().path("file").asText())
                            .isEqualTo("obs://" + LocalStandIns.BUCKET + "/" + published.files().get(0).key()));
            assertThat(listener.lines()).contains("Submitted Spark job orders-1 to queue etl: id " + result.id(),
                    result.summaryLine());
            assertThat(SparkJobResult.read(dir.resolve("job.json"))).isEqualTo(result);
        }
    }

    private static DliSettings settings(LocalStandIns standIns) {
        return DliSettings.builder(LocalStandIns.REGION)
                .projectId(standIns.projectId())
                .dliEndpoint(standIns.dliEndpoint().toString())
                .obsEndpoint(standIns.obsEndpoint().toString())
                .credentials(standIns.credentials())
                .retries(0)
                .build();
    }

    /** The project's jar as a goal maps it, to the stand-ins' bucket. */
    private PublishRequest.Builder request() throws IOException {
        Path jar = Files.write(dir.resolve("orders-job-1.0.0.jar"), new byte[] {1, 2, 3});
        ProjectArtifacts artifacts = new ProjectArtifacts(new ArtifactFile(
                new ArtifactCoordinates("com.example", GROUP, "1.0.0", "jar", null, null), jar), List.of(), List.of());
        return PublishRequest.builder(artifacts, GROUP)
                .prefix("dli")
                .bucket(LocalStandIns.BUCKET)
                .resultFile(dir.resolve("result.json"));
    }


    // before, a CancellationException from the goal's clean-up of the look-up thread hid the interrupt
    @Test
    @Timeout(60)
    void anInterruptWhileDliIsAskedFailsWithTheInterrupt() throws Exception {
        try (LocalStandIns standIns = LocalStandIns.start()) {
            standIns.emulator().inject(Fault.delay(Duration.ofSeconds(3)).always().on("GET", ".*"));
            Path jar = Files.write(dir.resolve("orders-job-1.0.0.jar"), new byte[] {1, 2, 3});
            PublishRequest request = PublishRequest.builder(new ProjectArtifacts(new ArtifactFile(
                            new ArtifactCoordinates("com.example", "orders-job", "1.0.0", "jar", null, null), jar),
                            List.of(), List.of()), "orders-job")
                    .prefix("dli").bucket(LocalStandIns.BUCKET).pathStyle(true)
                    .resultFile(dir.resolve("result.json")).build();
            DliSettings settings = DliSettings.builder(LocalStandIns.REGION).projectId(standIns.projectId())
                    .dliEndpoint(standIns.dliEndpoint().toString()).obsEndpoint(standIns.obsEndpoint().toString())
                    .credentials(standIns.credentials()).retries(0).build();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread goal = new Thread(() -> {
                try (Dli dli = new Dli(settings, DliListener.SILENT)) {
                    dli.publish(request);
                } catch (Throwable e) {
                    thrown.set(e);
                }
            }, "module-thread");
            goal.start();
            Thread.sleep(1000); // the goal awaits DLI's side, which the emulator answers after 3 s
            goal.interrupt();
            goal.join();

            assertThat(thrown.get()).as("the interrupt, reported as such")
                    .isInstanceOf(DliException.class).hasMessageContaining("Interrupted while connecting to DLI");
        }
    }
}
