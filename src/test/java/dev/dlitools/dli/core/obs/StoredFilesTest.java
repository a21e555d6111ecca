package dev.dlitools.dli.core.obs;

import static dev.dlitools.dli.core.obs.UploadOptions.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlitools.dli.core.common.BuildLog;
import dev.dlitools.dli.core.upload.PlannedFile;
import dev.dlitools.dli.testsupport.LocalStandIns;
import dev.dlitools.dli.testsupport.Planned;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** A dry run's "unchanged" is the upload's: for the same files and bucket, both decide alike. */
@Timeout(60)
class StoredFilesTest {

    /** Multipart from 5 MiB, so the ETag of a part layout is compared too. */
    private static final UploadOptions OPTIONS = UploadOptions.defaults().withMultipart(5 * MIB, 5 * MIB);

    private static LocalStandIns standIns;
    private static String bucket;
    private static ObsClientSettings settings;
    private static S3Client s3;

    @TempDir
    Path dir;

    @BeforeAll
    static void startStandIns() {
        standIns = LocalStandIns.start();
        bucket = standIns.bucket();
        settings = standIns.obsSettings();
        s3 = ObsClientFactory.create(settings, BuildLog.SILENT);
    }

    @AfterAll
    static void stopStandIns() {
        s3.close();
        standIns.close();
    }

    @Test
    void theFilesFoundUnchangedAreThoseTheUploadThenLeavesAlone() throws IOException {
        PlannedFile kept = file("kept.jar", "app/kept.jar", 3000);
        PlannedFile rewritten = file("rewritten.jar", "app/rewritten.jar", 3000);
        PlannedFile large = file("large.jar", "app/lib/large.jar", (int) (11 * MIB));
        PlannedFile grown = file("grown.jar", "app/lib/grown.jar", 100);
        new ObsUploader(s3, settings, OPTIONS, BuildLog.SILENT)
                .upload(bucket, List.of(kept, rewritten, large, grown), new UploadListener() {});
        byte[] content = Files.readAllBytes(rewritten.source());
        content[0]++;
        Files.write(rewritten.source(), content); // same size, other bytes
        PlannedFile grownNow = file("grown.jar", "app/lib/grown.jar", 101);
        PlannedFile added = file("added.jar", "app/added.jar", 10);
        List<PlannedFile> now = List.of(kept, rewritten, large, grownNow, added);

        Set<String> unchanged = StoredFiles.unchangedKeys(s3, settings, bucket, now, OPTIONS, BuildLog.SILENT);
        UploadSummary upload = new ObsUploader(s3, settings, OPTIONS, BuildLog.SILENT)
                .upload(bucket, now, new UploadListener() {});

        assertThat(unchanged).containsExactlyInAnyOrder("app/kept.jar", "app/lib/large.jar");
        assertThat(upload.results().stream().filter(result -> result.outcome() == UploadOutcome.UNCHANGED)
                .map(UploadResult::key).collect(Collectors.toSet())).isEqualTo(unchanged);
    }

    @Test
    void withForceNothingIsUnchangedAndNothingIsAsked() throws IOException {
        PlannedFile file = file("forced.jar", "forced/forced.jar", 10);
        new ObsUploader(s3, settings, OPTIONS, BuildLog.SILENT).upload(bucket, List.of(file), new UploadListener() {});

        assertThat(StoredFiles.unchangedKeys(s3, settings, bucket, List.of(file), OPTIONS, BuildLog.SILENT))
                .containsExactly("forced/forced.jar");
        assertThat(StoredFiles.unchangedKeys(s3, settings, "no-such-bucket", List.of(file), OPTIONS.withForce(true),
                BuildLog.SILENT)).isEmpty();
    }

    @Test
    void aListingThatFailsIsTheUploadsErrorNamingTheBucketAndPrefix() throws IOException {
        PlannedFile file = file("any.jar", "missing/any.jar", 10);

        assertThatThrownBy(() -> StoredFiles.unchangedKeys(s3, settings, "no-such-bucket", List.of(file), OPTIONS,
                BuildLog.SILENT))
                .isInstanceOf(ObsUploadException.class)
                .hasMessageStartingWith("Listing bucket 'no-such-bucket' under prefix 'missing/' failed: NoSuchBucket");
    }

    private PlannedFile file(String fileName, String key, int size) throws IOException {
        return Planned.file(Files.write(dir.resolve(fileName), ObsFileDigestsTest.randomBytes(size)), key);
    }
}
