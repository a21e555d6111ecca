package dev.dlitools.dli.core.obs;

import static dev.dlitools.dli.core.obs.UploadOptions.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.BuildLog;
import dev.dlitools.dli.core.upload.PlannedFile;
import dev.dlitools.dli.testsupport.FaultyS3Proxy;
import dev.dlitools.dli.testsupport.Planned;
import dev.dlitools.dli.testsupport.RecordingLog;
import dev.dlitools.dli.testsupport.S3ProxyServer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

@Timeout(60)
class ObsUploaderTest {

    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static final UploadOptions SMALL_PARTS = UploadOptions.defaults().withMultipart(5 * MIB, 5 * MIB);

    private static S3ProxyServer server;
    private static ObsClientSettings settings;
    private static S3Client s3;

    @TempDir
    Path dir;

    private static final UploadListener NO_EVENTS = new UploadListener() {};

    private String bucket;

    @BeforeAll
    static void startServer() {
        server = S3ProxyServer.start();
        settings = ObsClientSettings.of(server.endpoint(), "cn-north-4",
                Credentials.of(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY), true);
        s3 = ObsClientFactory.create(settings, BuildLog.SILENT);
    }

    @AfterAll
    static void stopServer() {
        s3.close();
        server.close();
    }

    @BeforeEach
    void createBucket() {
        bucket = "jars-" + BUCKETS.incrementAndGet();
        server.createBucket(bucket);
    }

    @Test
    void uploadsFilesIntactWithTheirSha256AndMd5() throws Exception {
        List<PlannedFile> items = List.of(
                item("demo-1.0.jar", "apps/demo/demo-1.0.jar", 300_000),
                item("empty.jar", "apps/demo/lib/empty.jar", 0),
                item("guava.jar", "apps/demo/lib/guava.jar", 1234));

        UploadSummary summary = uploader(UploadOptions.defaults()).upload(bucket, items, NO_EVENTS);

        assertThat(summary.results()).extracting(UploadResult::key)
                .containsExactly("apps/demo/demo-1.0.jar", "apps/demo/lib/empty.jar", "apps/demo/lib/guava.jar");
        assertThat(summary.results()).extracting(UploadResult::outcome).containsOnly(UploadOutcome.UPLOADED);
        assertThat(summary.bytesUploaded()).isEqualTo(301_234);
        for (UploadResult result : summary.results()) {
            byte[] local = Files.readAllBytes(result.file().source());
            assertThat(download(result.key())).isEqualTo(local);
            assertThat(result.sha256()).isEqualTo(hex("SHA-256", local));
            assertThat(result.etag()).isEqualTo(hex("MD5", local));
        }
    }

    @Test
    void aCheckBeforeTheFirstWriteThatFailsEndsTheUploadAsItFailedWithNothingWrittenOrAnnounced() throws Exception {
        List<PlannedFile> items = List.of(
                item("demo-1.0.jar", "apps/demo/demo-1.0.jar", 300_000),
                item("big.jar", "apps/demo/lib/big.jar", (int) (11 * MIB)));
        IllegalStateException refused = new IllegalStateException("DLI refused the key");
        List<String> announced = new CopyOnWriteArrayList<>();
        UploadListener announcing = new UploadListener() {
            @Override
            public void uploadStarted(int files, long bytes) {
                announced.add(files + " files");
            }
        };

        Throwable failure = catchThrowable(() -> uploader(SMALL_PARTS)
                .beforeFirstWrite(() -> {
                    throw refused;
                })
                .upload(bucket, items, announcing));

        assertThat(failure).isSameAs(refused);
        assertThat(s3.listObjectsV2(request -> request.bucket(bucket)).contents()).isEmpty();
        assertThat(s3.listMultipartUploads(request -> request.bucket(bucket)).uploads()).isEmpty();
        assertThat(announced).isEmpty();
    }

    @Test
    void theCheckBeforeTheFirstWriteRunsOnceAnUploadEvenWhenEveryFileIsUnchanged() throws Exception {
        List<PlannedFile> items = List.of(
                item("demo-1.0.jar", "apps/demo/demo-1.0.jar", 300_000),
                item("guava.jar", "apps/demo/lib/guava.jar", 1234));
        AtomicInteger checks = new AtomicInteger();
        ObsUploader checked = uploader(UploadOptions.defaults()).beforeFirstWrite(checks::incrementAndGet);

        checked.upload(bucket, items, NO_EVENTS);
        UploadSummary second = checked.upload(bucket, items, NO_EVENTS);

        assertThat(second.unchangedCount()).isEqualTo(2);
        assertThat(checks).hasValue(2);
    }

    @Test
    void secondRunOfTheSameFilesUploadsNothing() throws Exception {
        List<PlannedFile> items = List.of(
                item("demo-1.0.jar", "apps/demo/demo-1.0.jar", 300_000),
                item("guava.jar", "apps/demo/lib/guava.jar", 1234));
        uploader(UploadOptions.defaults()).upload(bucket, items, NO_EVENTS);
        List<String> unchanged = new CopyOnWriteArrayList<>();

        UploadSummary second = uploader(UploadOptions.defaults()).upload(bucket, items, new UploadListener() {
            @Override
            public void fileUnchanged(UploadResult result) {
                unchanged.add(result.file().fileName() + " " + result.size());
            }
        });

        assertThat(second.results()).extracting(UploadResult::outcome).containsOnly(UploadOutcome.UNCHANGED);
        assertThat(second.bytesUploaded()).isZero();
        assertThat(second.uploadedCount()).isZero();
        assertThat(second.unchangedCount()).isEqualTo(2);
        assertThat(second.results().get(0).sha256())
                .isEqualTo(hex("SHA-256", Files.readAllBytes(items.get(0).source())));
        assertThat(unchanged).containsExactlyInAnyOrder("demo-1.0.jar 300000", "guava.jar 1234");
    }

    @Test
    void withADigestCacheAnUnchangedFileIsNotReadAgain() throws Exception {
        PlannedFile jar = item("demo-1.0.jar", "apps/demo/demo-1.0.jar", 4096);
        UploadOptions cached = UploadOptions.defaults().withDigestCache(dir.resolve("target/dli-digests.txt"));
        UploadSummary first = uploader(cached).upload(bucket, List.of(jar), NO_EVENTS);
        // other bytes under the same size and time: only a run that trusts the cache calls this unchanged
        FileTime modified = Files.getLastModifiedTime(jar.source());
        byte[] tampered = Files.readAllBytes(jar.source());
        tampered[0]++;
        Files.write(jar.source(), tampered);
        Files.setLastModifiedTime(jar.source(), modified);

        UploadSummary second = uploader(cached).upload(bucket, List.of(jar), NO_EVENTS);

        assertThat(second.results()).extracting(UploadResult::outcome).containsExactly(UploadOutcome.UNCHANGED);
        assertThat(second.results().get(0).sha256()).isEqualTo(first.results().get(0).sha256());
        assertThat(second.results().get(0).etag()).isEqualTo(first.results().get(0).etag());
    }

    @Test
    void withADigestCacheAFileWithANewModificationTimeIsHashedAndUploadedAgain() throws Exception {
        PlannedFile jar = item("demo-1.0.jar", "apps/demo/demo-1.0.jar", 4096);
        UploadOptions cached = UploadOptions.defaults().withDigestCache(dir.resolve("target/dli-digests.txt"));
        uploader(cached).upload(bucket, List.of(jar), NO_EVENTS);
        byte[] changed = Files.readAllBytes(jar.source());
        changed[0]++;
        Files.write(jar.source(), changed);
        Files.setLastModifiedTime(jar.source(), FileTime.from(Instant.now().plusSeconds(5)));

        UploadSummary second = uploader(cached).upload(bucket, List.of(jar), NO_EVENTS);

        assertThat(second.results()).extracting(UploadResult::outcome).containsExactly(UploadOutcome.UPLOADED);
        assertThat(download(jar.objectKey())).isEqualTo(changed);
    }

    @Test
    void fileChangedToOtherBytesOfTheSameSizeIsUploadedAgain() throws IOException {
        PlannedFile changing = item("demo-1.0.jar", "apps/demo/demo-1.0.jar", 4096);
        PlannedFile stable = item("guava.jar", "apps/demo/lib/guava.jar", 1234);
        uploader(UploadOptions.defaults()).upload(bucket, List.of(changing, stable), NO_EVENTS);
        byte[] changedContent = Files.readAllBytes(changing.source());
        changedContent[100]++;
        Files.write(changing.source(), changedContent);

        UploadSummary second = uploader(UploadOptions.defaults()).upload(bucket, List.of(changing, stable),
                NO_EVENTS);

        assertThat(second.results()).extracting(UploadResult::outcome)
                .containsExactly(UploadOutcome.UPLOADED, UploadOutcome.UNCHANGED);
        assertThat(second.bytesUploaded()).isEqualTo(4096);
        assertThat(download(changing.objectKey())).isEqualTo(changedContent);
    }

    @Test
    void multipartFilesRoundTripBesideSmallFilesOnTwoThreadsAndAreUnchangedNextTime() throws Exception {
        List<PlannedFile> items = List.of(
                item("big-a.jar", "apps/demo/big-a.jar", (int) (12 * MIB)),
                item("small.jar", "apps/demo/lib/small.jar", 777),
                item("big-b.jar", "apps/demo/lib/big-b.jar", (int) (10 * MIB + 1)));
        UploadOptions twoThreads = SMALL_PARTS.withThreads(2);

        UploadSummary first = uploader(twoThreads).upload(bucket, items, NO_EVENTS);

        assertThat(first.results()).extracting(UploadResult::outcome).containsOnly(UploadOutcome.UPLOADED);
        assertThat(first.results().get(0).etag()).endsWith("-3");
        assertThat(first.results().get(2).etag()).endsWith("-3");
        for (PlannedFile item : items) {
            assertThat(download(item.objectKey())).isEqualTo(Files.readAllBytes(item.source()));
        }
        assertThat(first.results().get(0).sha256())
                .isEqualTo(hex("SHA-256", Files.readAllBytes(items.get(0).source())));

        UploadSummary second = uploader(twoThreads).upload(bucket, items, NO_EVENTS);

        assertThat(second.results()).extracting(UploadResult::outcome).containsOnly(UploadOutcome.UNCHANGED);
        assertThat(second.bytesUploaded()).isZero();
    }

    @Test
    void reportsTheTotalAtTheStartAndEachPartAndSmallFileAsItIsSent() throws Exception {
        List<PlannedFile> items = List.of(
                item("big.jar", "apps/demo/big.jar", (int) (12 * MIB)),
                item("small.jar", "apps/demo/lib/small.jar", 777));
        List<Long> total = new CopyOnWriteArrayList<>();
        List<Long> sent = new CopyOnWriteArrayList<>();
        UploadListener counting = new UploadListener() {
            @Override
            public void uploadStarted(int files, long bytes) {
                total.add(files + 0L);
                total.add(bytes);
            }

            @Override
            public void bytesSent(long bytes) {
                sent.add(bytes);
            }
        };

        uploader(SMALL_PARTS.withThreads(2)).upload(bucket, items, counting);

        assertThat(total).containsExactly(2L, 12 * MIB + 777);
        // three parts of the multipart file (5 MiB, 5 MiB, 2 MiB) and the small file in one piece
        assertThat(sent).containsExactlyInAnyOrder(5 * MIB, 5 * MIB, 2 * MIB, 777L);

        sent.clear();
        uploader(SMALL_PARTS.withThreads(2)).upload(bucket, items, counting);

        assertThat(sent).as("nothing is sent for unchanged files").isEmpty();
    }

    @Test
    void forceUploadsEverythingAgain() throws IOException {
        List<PlannedFile> items = List.of(
                item("demo-1.0.jar", "apps/demo/demo-1.0.jar", 2000),
                item("big.jar", "apps/demo/big.jar", (int) (6 * MIB)));
        uploader(SMALL_PARTS).upload(bucket, items, NO_EVENTS);

        UploadSummary forced = uploader(SMALL_PARTS.withForce(true)).upload(bucket, items, NO_EVENTS);

        assertThat(forced.results()).extracting(UploadResult::outcome).containsOnly(UploadOutcome.UPLOADED);
        assertThat(forced.bytesUploaded()).isEqualTo(2000 + 6 * MIB);
    }

    @Test
    void missingBucketFailsNamingTheBucketSetting() throws IOException {
        List<PlannedFile> items = List.of(item("demo-1.0.jar", "apps/demo/demo-1.0.jar", 100));

        ObsUploadException failure = catchThrowableOfType(ObsUploadException.class,
                () -> uploader(UploadOptions.defaults()).upload("no-such-bucket", items, NO_EVENTS));

        assertThat(failure.errorCode()).isEqualTo("NoSuchBucket");
        assertThat(failure).hasMessageContaining("'no-such-bucket'").hasMessageContaining("{{BUCKET}}");
    }

    @Test
    void missingBucketWhenForcedFailsNamingTheFileAndKey() throws IOException {
        PlannedFile item = item("demo-1.0.jar", "apps/demo/demo-1.0.jar", 100);

        ObsUploadException failure = catchThrowableOfType(ObsUploadException.class,
                () -> uploader(UploadOptions.defaults().withForce(true)).upload("no-such-bucket", List.of(item),
                        NO_EVENTS));

        assertThat(failure.errorCode()).isEqualTo("NoSuchBucket");
        assertThat(failure).hasMessageContaining(item.source().toString())
                .hasMessageContaining("'apps/demo/demo-1.0.jar'")
                .hasMessageContaining("'no-such-bucket'");
    }

    @Test
    void wrongSecretKeyFailsWithoutRevealingIt() throws IOException {
        String wrongSecret = "wrong-secret-Xy9Qz7";
        ObsClientSettings wrongSettings = new ObsClientSettings(settings.endpoint(), settings.region(),
                Credentials.of(S3ProxyServer.ACCESS_KEY, wrongSecret), true, settings.connectTimeout(),
                settings.readTimeout(), settings.maxConnections(), settings.proxy(), settings.retries());
        List<PlannedFile> items = List.of(item("demo-1.0.jar", "apps/demo/demo-1.0.jar", 100));

        ObsUploadException failure;
        try (S3Client wrongClient = ObsClientFactory.create(wrongSettings, BuildLog.SILENT)) {
            failure = catchThrowableOfType(ObsUploadException.class,
                    () -> new ObsUploader(wrongClient, wrongSettings, UploadOptions.defaults(), BuildLog.SILENT)
                            .upload(bucket, items, NO_EVENTS));
        }

        assertThat(failure).hasMessageContaining("test****").hasMessageContaining("secret key");
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).contains("SignatureDoesNotMatch").doesNotContain(wrongSecret);
    }

    @Test
    void missingFileFailsNamingItBeforeAnythingIsUploaded() throws IOException {
        PlannedFile present = item("demo-1.0.jar", "apps/demo/demo-1.0.jar", 100);
        Path missing = dir.resolve("deleted.jar");

        assertThatThrownBy(() -> uploader(UploadOptions.defaults()).upload(bucket,
                        List.of(present, Planned.file(missing, "apps/demo/lib/deleted.jar")), NO_EVENTS))
                .isInstanceOf(ObsUploadException.class)
                .hasMessageContaining(missing + " does not exist")
                .hasMessageContaining("'apps/demo/lib/deleted.jar'");
        assertThat(server.exists(bucket, present.objectKey())).isFalse();
    }

    @Test
    void fileShrinkingDuringAMultipartUploadFailsNamingItAndAbortsTheUpload() throws IOException {
        PlannedFile shrinking = item("big.jar", "apps/demo/big.jar", (int) (11 * MIB));
        UploadListener truncateOnStart = new UploadListener() {
            @Override
            public void fileStarted(PlannedFile file, long size) {
                try (FileChannel channel = FileChannel.open(file.source(), StandardOpenOption.WRITE)) {
                    channel.truncate(size - 1);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };

        assertThatThrownBy(() -> uploader(SMALL_PARTS).upload(bucket, List.of(shrinking), truncateOnStart))
                .isInstanceOf(ObsUploadException.class)
                .hasMessageContaining("file " + shrinking.source() + " changed while being uploaded");
        assertThat(s3.listMultipartUploads(list -> list.bucket(bucket)).uploads()).isEmpty();
        assertThat(server.exists(bucket, shrinking.objectKey())).isFalse();
    }

    @Test
    void anEtagThatIsNotTheMd5OfTheBytesSentFailsTheFileNamingIt() throws Exception {
        Path file = Files.write(dir.resolve("app.jar"), ObsFileDigestsTest.randomBytes(300_000));

        try (FaultyS3Proxy proxy = FaultyS3Proxy.start(server.endpoint()).wrongEtag("PUT", "big.jar", 1)) {
            Throwable failure = uploadThrough(proxy, file);

            assertThat(failure).isInstanceOf(ObsUploadException.class)
                    .hasMessageContaining("Upload of " + file)
                    .hasMessageContaining("OBS answered ETag d41d8cd98f00b204e9800998ecf8427e for the file where the"
                            + " bytes sent have MD5 " + hex("MD5", Files.readAllBytes(file)));
            assertThat(proxy.requests()).filteredOn(request -> request.method().equals("PUT"))
                    .as("no Content-MD5 check by the server to rely on: one read, hashed while sent").hasSize(1);
        }
    }

    @Test
    void aPutRetriedAfterAServerErrorIsCheckedAgainstTheBytesOfTheRetry() throws Exception {
        Path file = Files.write(dir.resolve("app.jar"), ObsFileDigestsTest.randomBytes(300_000));

        try (FaultyS3Proxy proxy = FaultyS3Proxy.start(server.endpoint())
                .answer(500, "InternalError", "PUT", "big.jar", 1)) {
            Throwable failure = uploadThrough(proxy, file);

            assertThat(failure).isNull();
            assertThat(proxy.requests()).filteredOn(request -> request.method().equals("PUT")).hasSize(2);
        }
        assertThat(download("dli/app/1.0/big.jar")).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void aPartEtagThatIsNotTheMd5OfThePartSentFailsTheFileAndAbortsItsUpload() throws Exception {
        Path file = Files.write(dir.resolve("big.jar"), ObsFileDigestsTest.randomBytes((int) (11 * MIB)));

        try (FaultyS3Proxy proxy = FaultyS3Proxy.start(server.endpoint()).wrongEtag("PUT", "partNumber=2&", 1)) {
            Throwable failure = uploadThrough(proxy, file);

            assertThat(failure).isInstanceOf(ObsUploadException.class)
                    .hasMessageContaining("Upload of " + file)
                    .hasMessageContaining("OBS answered ETag d41d8cd98f00b204e9800998ecf8427e for part 2 where");
        }
        assertThat(uploads()).as("multipart uploads left").isEmpty();
        assertThat(server.exists(bucket, "dli/app/1.0/big.jar")).isFalse();
    }

    @Test
    void aBucketEncryptingWithKmsGetsTheFileAgainWithItsMd5ForOBSToCheck() throws Exception {
        Path file = Files.write(dir.resolve("app.jar"), ObsFileDigestsTest.randomBytes(300_000));

        try (FaultyS3Proxy proxy = FaultyS3Proxy.start(server.endpoint()).kmsEtag("PUT", "big.jar", 1)) {
            Throwable failure = uploadThrough(proxy, file);

            assertThat(failure).isNull();
            assertThat(proxy.requests()).filteredOn(request -> request.method().equals("PUT")).hasSize(2);
        }
        assertThat(download("dli/app/1.0/big.jar")).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void aPartEncryptedWithKmsIsSentAgainWithItsMd5ForOBSToCheck() throws Exception {
        Path file = Files.write(dir.resolve("big.jar"), ObsFileDigestsTest.randomBytes((int) (11 * MIB)));

        try (FaultyS3Proxy proxy = FaultyS3Proxy.start(server.endpoint()).kmsEtag("PUT", "partNumber=2&", 1)) {
            Throwable failure = uploadThrough(proxy, file);

            assertThat(failure).isNull();
            assertThat(proxy.requests()).filteredOn(request -> request.method().equals("PUT"))
                    .extracting(request -> request.query().replaceAll("&uploadId=.*|uploadId=[^&]*&", ""))
                    .containsExactlyInAnyOrder("partNumber=1", "partNumber=2", "partNumber=2", "partNumber=3");
        }
        assertThat(download("dli/app/1.0/big.jar")).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void moreThreadsThanConnectionsAreRefused() {
        assertThatThrownBy(() -> new ObsUploader(s3, new ObsClientSettings(settings.endpoint(),
                        settings.region(), settings.credentials(), true, settings.connectTimeout(),
                        settings.readTimeout(), 2, settings.proxy(), settings.retries()),
                        UploadOptions.defaults().withThreads(4), BuildLog.SILENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connections");
    }

    @Test
    void theShutdownHookAbortsTheUploadsTheRunHadOpenAndNamesThem() throws Exception {
        String first = start("dli/app/1.0/app.jar");
        String second = start("dli/app/1.0/lib/big.jar");
        String finished = start("dli/app/1.0/lib/done.jar");
        RecordingLog log = RecordingLog.withoutDebug();
        OpenMultipartUploads open = new OpenMultipartUploads(s3, bucket, Duration.ofSeconds(10), log);
        open.started("dli/app/1.0/app.jar", first);
        open.started("dli/app/1.0/lib/big.jar", second);
        open.started("dli/app/1.0/lib/done.jar", finished);
        assertThat(open.take(finished)).isTrue();

        // what the JVM does on Ctrl-C: run the registered hook
        Thread hook = new Thread(open::abortAll);
        hook.start();
        hook.join();

        assertThat(uploads()).extracting(MultipartUpload::uploadId).containsExactly(finished);
        assertThat(log.lines()).singleElement().asString()
                .startsWith("Stopped mid-upload: aborted the multipart upload(s) ")
                .contains("'dli/app/1.0/app.jar' (upload id " + first + ")",
                        "'dli/app/1.0/lib/big.jar' (upload id " + second + ")")
                .doesNotContain(finished);
        assertThat(open.take(first)).as("an upload the hook aborted is not aborted again").isFalse();
    }

    // before, an upload started while the hook ran was never aborted: the hook had already taken its list
    @Test
    void anUploadStartedOnceTheShutdownHookRanIsAbortedAndItsFileFails() throws Exception {
        String late = start("dli/app/1.0/lib/late.jar");
        OpenMultipartUploads open = new OpenMultipartUploads(s3, bucket, Duration.ofSeconds(10),
                RecordingLog.withoutDebug());
        open.abortAll();

        assertThatThrownBy(() -> open.started("dli/app/1.0/lib/late.jar", late))
                .isInstanceOf(InterruptedIOException.class);
        assertThat(uploads()).isEmpty();
        assertThat(open.take(late)).as("not left open").isFalse();
    }

    @Test
    void anUploadInterruptedWhileItsMultipartUploadIsBeingCreatedStillAbortsIt() throws Exception {
        Path file = Files.write(dir.resolve("big.jar"), ObsFileDigestsTest.randomBytes((int) (11 * MIB)));
        Thread uploading = Thread.currentThread();
        try (FaultyS3Proxy proxy = FaultyS3Proxy.start(server.endpoint())
                .delay("POST", "uploads", Duration.ofSeconds(1), 1)) {
            Thread interrupter = new Thread(() -> {
                // interrupt while the server is creating the upload: its answer, with the id, is still to come
                while (proxy.requests().stream().noneMatch(request -> "POST".equals(request.method()))) {
                    LockSupport.parkNanos(5_000_000);
                }
                uploading.interrupt();
            });
            try {
                Throwable failure = uploadThrough(proxy, file, interrupter);
                Thread.interrupted();

                assertThat(failure).isInstanceOf(ObsUploadException.class);
                assertThat(uploads()).as("multipart uploads left when upload() returned").isEmpty();
            } finally {
                interrupter.join();
                Thread.interrupted();
            }
        }
    }

    @Test
    void anInterruptedUploadAbortsItsMultipartUploadBeforeItReturns() throws Exception {
        Path file = Files.write(dir.resolve("big.jar"), ObsFileDigestsTest.randomBytes((int) (11 * MIB)));
        Thread uploading = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            // interrupt once the upload is open on the server and its first part is held up by the proxy
            while (uploads().isEmpty()) {
                LockSupport.parkNanos(20_000_000);
            }
            uploading.interrupt();
        });
        try (FaultyS3Proxy proxy = FaultyS3Proxy.start(server.endpoint())
                .delay("PUT", "partNumber=", Duration.ofSeconds(2), 3)) {
            Throwable failure = uploadThrough(proxy, file, interrupter);
            boolean wasInterrupted = Thread.interrupted();

            assertThat(failure).isInstanceOf(ObsUploadException.class);
            assertThat(wasInterrupted).as("the interrupt is kept for the caller").isTrue();
            assertThat(uploads()).as("multipart uploads left when upload() returned").isEmpty();
        } finally {
            interrupter.join();
            Thread.interrupted();
        }
    }

    @Test
    void uploadsThatCannotBeAbortedInTimeAreListedWithTheirIds() throws IOException {
        RecordingLog log = RecordingLog.withoutDebug();
        OpenMultipartUploads open = new OpenMultipartUploads(s3, "no-such-bucket-here", Duration.ofSeconds(5), log);
        open.started("dli/app.jar", "upload-42");

        open.abortAll();

        assertThat(log.lines()).singleElement().asString()
                .contains("could not abort within 5 s the multipart upload(s) 'dli/app.jar' (upload id upload-42)");
    }

    @Test
    void aLaterRunAbortsOldUploadsOfItsKeysOnlyAndSaysSo() {
        String stale = start("dli/app/1.0/app.jar");
        String otherKey = start("dli/app/1.0/notes.txt");
        RecordingLog log = RecordingLog.withoutDebug();

        // every upload above counts as old when the cut-off lies in the future
        StaleMultipartUploads.abort(s3, bucket, "dli/app/1.0/", Set.of("dli/app/1.0/app.jar"),
                Instant.now().plusSeconds(60), log);

        assertThat(uploads()).extracting(MultipartUpload::uploadId).containsExactly(otherKey);
        assertThat(log.lines()).singleElement().asString()
                .startsWith("Aborted an incomplete multipart upload of 'dli/app/1.0/app.jar' (upload id " + stale
                        + ", started ")
                .endsWith(") that an earlier run left in bucket '" + bucket + "'.");
    }

    @Test
    void recentUploadsAreLeftToTheBuildThatMayStillBeSendingThem() {
        String recent = start("dli/app/1.0/app.jar");
        RecordingLog log = RecordingLog.withoutDebug();

        StaleMultipartUploads.abort(s3, bucket, "dli/app/1.0/", Set.of("dli/app/1.0/app.jar"),
                Instant.now().minus(StaleMultipartUploads.MIN_AGE), log);

        assertThat(uploads()).extracting(MultipartUpload::uploadId).containsExactly(recent);
        assertThat(log.lines()).isEmpty();
    }

    private ObsUploader uploader(UploadOptions options) {
        return new ObsUploader(s3, settings, options, BuildLog.SILENT);
    }

    private PlannedFile item(String fileName, String key, int size) throws IOException {
        return Planned.file(Files.write(dir.resolve(fileName), ObsFileDigestsTest.randomBytes(size)), key);
    }

    private byte[] download(String key) {
        return s3.getObjectAsBytes(get -> get.bucket(bucket).key(key)).asByteArray();
    }

    private static String hex(String algorithm, byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    }

    /** Starts a multipart upload the way a run does, without sending parts. */
    private String start(String key) {
        return s3.createMultipartUpload(request -> request.bucket(bucket).key(key)).uploadId();
    }

    private List<MultipartUpload> uploads() {
        return s3.listMultipartUploads(list -> list.bucket(bucket)).uploads();
    }

    /** Uploads {@code file} as {@code dli/app/1.0/big.jar} through the proxy, {@code interrupter} running. */
    private Throwable uploadThrough(FaultyS3Proxy proxy, Path file, Thread interrupter) {
        interrupter.start();
        return uploadThrough(proxy, file);
    }

    /** Uploads {@code file} as {@code dli/app/1.0/big.jar} through the proxy, in 5 MiB parts if it is larger. */
    private Throwable uploadThrough(FaultyS3Proxy proxy, Path file) {
        ObsClientSettings proxiedSettings = ObsClientSettings.of(proxy.endpoint(), "cn-north-4",
                Credentials.of(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY), true);
        try (S3Client proxied = ObsClientFactory.create(proxiedSettings, BuildLog.SILENT)) {
            ObsUploader uploader = new ObsUploader(proxied, proxiedSettings, SMALL_PARTS, BuildLog.SILENT);
            return catchThrowable(() -> uploader.upload(bucket, List.of(Planned.file(file, "dli/app/1.0/big.jar")),
                    NO_EVENTS));
        }
    }
}
