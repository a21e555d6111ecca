package dev.dlitools.dli.core.obs;

import static dev.dlitools.dli.core.obs.UploadOptions.MIB;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.BuildLog;
import dev.dlitools.dli.testsupport.Planned;
import dev.dlitools.dli.testsupport.RecordingLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/** OBS answers that are 2xx but not what the call promises: never a crash, a hang or a success. */
@Timeout(30)
class ObsUnexpectedAnswersTest {

    private static final ObsClientSettings SETTINGS = ObsClientSettings.of(URI.create("http://127.0.0.1:1"),
            "cn-north-4", Credentials.of("UNTRUSTEDAK", "untrusted-sk"), true);

    @TempDir
    Path dir;

    // the SDK's paginator would ask for the same page forever, and the upload awaits this clean-up
    @Test
    void aTruncatedListingOfOpenUploadsWithoutALaterMarkerEndsWithAWarning() {
        StubS3 s3 = new StubS3();
        s3.uploadsTruncatedWithoutMarker = true;

        RecordingLog log = RecordingLog.withoutDebug();

        assertThatCode(() -> StaleMultipartUploads.abort(s3, "b", "dli/", Set.of("dli/a.jar"),
                Instant.now(), log)).doesNotThrowAnyException();
        assertThat(s3.uploadListings.get()).isEqualTo(1);
        assertThat(log.lines()).singleElement(as(InstanceOfAssertFactories.STRING))
                .contains("without a later marker");
    }

    @Test
    void aListedObjectWithoutSizeDoesNotCountAsStoredSoTheFileIsSent() throws IOException {
        StubS3 s3 = new StubS3();
        s3.listedWithoutSize = "dli/a.jar";
        Path file = Files.write(dir.resolve("a.jar"), new byte[] {1, 2, 3});

        Throwable failure = catchThrowable(() -> new ObsUploader(s3, SETTINGS, UploadOptions.defaults()
                .withThreads(2), BuildLog.SILENT).upload("b", List.of(Planned.file(file, "dli/a.jar")),
                new UploadListener() {}));

        assertThat(failure).isNull();
        assertThat(s3.puts.get()).isEqualTo(1);
    }

    @Test
    void aMultipartUploadStartedWithoutAnUploadIdFailsTheFileClearly() throws IOException {
        StubS3 s3 = new StubS3();
        s3.createWithoutUploadId = true;

        Throwable failure = uploadInTwoParts(s3);

        assertThat(failure).isInstanceOf(ObsUploadException.class).hasMessageContaining("without an upload id")
                .hasMessageNotContaining("NullPointerException");
    }

    // before, a warning only: the file counted as uploaded, and the group was registered
    @Test
    void aMultipartUploadCompletedWithoutAnEtagFailsTheFile() throws IOException {
        StubS3 s3 = new StubS3();
        s3.completeWithoutEtag = true;

        Throwable failure = uploadInTwoParts(s3);

        assertThat(failure).isInstanceOf(ObsUploadException.class).hasMessageContaining("without an ETag");
        assertThat(s3.aborts.get()).as("a completed upload is not aborted").isZero();
    }

    // before, a file whose MD5 was known counted as uploaded with a warning, and one hashed while sent was said to
    // be altered on the way
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aSinglePutAnsweredWithoutAnEtagFailsTheFile(boolean md5KnownBeforehand) throws IOException {
        StubS3 s3 = new StubS3();
        s3.putWithoutEtag = true;
        Path file = Files.write(dir.resolve("a.jar"), new byte[] {1, 2, 3});
        if (md5KnownBeforehand) {
            // an object of the file's size, but other bytes: the file is hashed first, then sent with its MD5
            s3.listed = S3Object.builder().key("dli/a.jar").size(3L).eTag("\"other\"").build();
        }

        Throwable failure = catchThrowable(() -> new ObsUploader(s3, SETTINGS, UploadOptions.defaults()
                .withThreads(2), BuildLog.SILENT).upload("b", List.of(Planned.file(file, "dli/a.jar")),
                new UploadListener() {}));

        assertThat(failure).isInstanceOf(ObsUploadException.class)
                .hasMessageContaining("OBS answered the upload of 'dli/a.jar' without an ETag")
                .hasMessageNotContaining("altered");
    }

    @Test
    void aPartAnsweredWithoutAnEtagFailsTheFileAndAbortsTheUpload() throws IOException {
        StubS3 s3 = new StubS3();
        s3.partWithoutEtag = true;

        Throwable failure = uploadInTwoParts(s3);

        assertThat(failure).isInstanceOf(ObsUploadException.class)
                .hasMessageContaining("without an ETag").hasMessageNotContaining("altered");
        assertThat(s3.aborts.get()).isEqualTo(1);
    }

    /** What uploading a 6 MiB file in two parts through {@code s3} throws, if anything. */
    private Throwable uploadInTwoParts(StubS3 s3) throws IOException {
        Path file = Files.write(dir.resolve("big.jar"), new byte[(int) (6 * MIB)]);
        return catchThrowable(() -> new ObsUploader(s3, SETTINGS, UploadOptions.defaults()
                .withThreads(2).withMultipart(5 * MIB, 5 * MIB), BuildLog.SILENT)
                .upload("b", List.of(Planned.file(file, "dli/big.jar")), new UploadListener() {}));
    }

    /** An S3 that stores nothing: answers each call as configured, ETags the MD5 of the bytes received. */
    private static final class StubS3 implements S3Client {
        boolean uploadsTruncatedWithoutMarker;
        String listedWithoutSize;
        boolean createWithoutUploadId;
        boolean completeWithoutEtag;
        boolean putWithoutEtag;
        boolean partWithoutEtag;
        S3Object listed;
        final AtomicInteger uploadListings = new AtomicInteger();
        final AtomicInteger puts = new AtomicInteger();
        final AtomicInteger aborts = new AtomicInteger();

        @Override
        public ListObjectsV2Response listObjectsV2(ListObjectsV2Request request) {
            List<S3Object> contents = listed != null ? List.of(listed) : listedWithoutSize == null ? List.of()
                    : List.of(S3Object.builder().key(listedWithoutSize).eTag("\"e\"").build());
            return ListObjectsV2Response.builder().contents(contents).isTruncated(false).build();
        }

        @Override
        public ListMultipartUploadsResponse listMultipartUploads(ListMultipartUploadsRequest request) {
            if (uploadListings.incrementAndGet() > 50) {
                throw new AssertionError("the same page of multipart uploads was asked for 50 times");
            }
            return ListMultipartUploadsResponse.builder().bucket(request.bucket())
                    .uploads(MultipartUpload.builder().key("dli/other.jar").uploadId("u1")
                            .initiated(Instant.now()).build())
                    .isTruncated(uploadsTruncatedWithoutMarker).build();
        }

        @Override
        public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
            puts.incrementAndGet();
            String etag = "\"" + md5(body) + "\"";
            return PutObjectResponse.builder().eTag(putWithoutEtag ? null : etag).build();
        }

        @Override
        public CreateMultipartUploadResponse createMultipartUpload(CreateMultipartUploadRequest request) {
            return createWithoutUploadId ? CreateMultipartUploadResponse.builder().build()
                    : CreateMultipartUploadResponse.builder().uploadId("up-1").build();
        }

        @Override
        public UploadPartResponse uploadPart(UploadPartRequest request, RequestBody body) {
            String etag = "\"" + md5(body) + "\"";
            return UploadPartResponse.builder().eTag(partWithoutEtag ? null : etag).build();
        }

        @Override
        public CompleteMultipartUploadResponse completeMultipartUpload(CompleteMultipartUploadRequest request) {
            return completeWithoutEtag ? CompleteMultipartUploadResponse.builder().build()
                    : CompleteMultipartUploadResponse.builder().eTag("\"x-2\"").build();
        }

        @Override
        public AbortMultipartUploadResponse abortMultipartUpload(AbortMultipartUploadRequest request) {
            aborts.incrementAndGet();
            return AbortMultipartUploadResponse.builder().build();
        }

        private static String md5(RequestBody body) {
            try (InputStream in = body.contentStreamProvider().newStream()) {
                MessageDigest md5 = MessageDigest.getInstance("MD5");
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    md5.update(buffer, 0, n);
                }
                return HexFormat.of().formatHex(md5.digest());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String serviceName() {
            return "s3";
        }

        @Override
        public void close() {}
    }
}
