package dev.dlitools.dli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.BuildLog;
import dev.dlitools.dli.core.obs.ObsClientFactory;
import dev.dlitools.dli.core.obs.ObsClientSettings;
import dev.dlitools.dli.core.publish.PublishResult;
import dev.dlitools.dli.core.publish.PublishedFile;
import dev.dlitools.dli.emulator.DliEmulator;
import dev.dlitools.dli.emulator.GroupView;
import dev.dlitools.dli.emulator.ObjectStore;
import dev.dlitools.dli.emulator.S3ObjectStore;
import dev.dlitools.dli.it.MavenBuild.BuildResult;
import dev.dlitools.dli.testsupport.S3ProxyServer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code dli:upload-group} in real Maven builds against S3Proxy and the DLI emulator. */
class UploadGroupIT {

    private static final String AK = "UPLOADITACCESSKEY";
    private static final String SK = "upload-it-secret-key-0123456789";
    private static final String PROJECT = "p-upload-it";
    private static final String BUCKET = "etl-jars";

    private static S3ProxyServer s3Proxy;
    private static S3Client s3;
    private DliEmulator emulator;

    @BeforeAll
    static void startS3() {
        s3Proxy = S3ProxyServer.start(AK, SK);
        s3Proxy.createBucket(BUCKET);
        s3 = ObsClientFactory.create(ObsClientSettings.of(s3Proxy.endpoint(), "cn-north-4", Credentials.of(AK, SK),
                true), BuildLog.SILENT);
    }

    @AfterAll
    static void stopS3() {
        s3.close();
        s3Proxy.close();
    }

    @AfterEach
    void stopEmulator() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void sparkJobIsPublishedReadyThenRedeployedWithoutUploadsThenOnlyTheChangedJarGoesUp() throws Exception {
        startEmulator(Duration.ofMillis(500), new S3ObjectStore(s3));

        BuildResult first = deploy(MavenBuild.of("spark-job", "spark-job")).run();

        assertThat(first.succeeded()).as(first.toString()).isTrue();
        assertThat(first.log()).contains("uploaded  orders-job-1.0.0.jar", "uploaded  jackson-databind-2.17.2.jar",
                "uploaded  postgresql-42.7.3.jar", "Group orders-job is READY");
        GroupView group = emulator.group("orders-job").orElseThrow();
        assertThat(group.status()).isEqualTo("READY");
        assertThat(group.tags()).containsEntry("team", "etl");
        assertThat(group.packageNames()).startsWith("orders-job-1.0.0.jar")
                .contains("commons-lang3-3.14.0.jar", "gson-2.11.0.jar", "config-1.4.3.jar")
                .doesNotContain("slf4j-api-2.0.13.jar", "junit-4.13.2.jar");
        assertThat(s3Proxy.exists(BUCKET, "dli/com.example.etl/orders-job/1.0.0/orders-job-1.0.0.jar")).isTrue();
        PublishResult result = PublishResult.read(first.projectDir().resolve("target/dli-package-group.json"));
        assertThat(result.status()).isEqualTo("READY");
        assertThat(result.files()).hasSize(group.packageNames().size())
                .allSatisfy(file -> assertThat(file.outcome()).isEqualTo("uploaded"))
                .allSatisfy(file -> assertThat(file.status()).isEqualTo("READY"));

        BuildResult second = deploy(MavenBuild.of("spark-job", "spark-job-again")).run();

        assertThat(second.succeeded()).as(second.toString()).isTrue();
        assertThat(second.log()).contains("OBS: 0 uploaded (0 B), " + result.files().size() + " unchanged");
        assertThat(emulator.uploadPostCount()).isEqualTo(2);

        MavenBuild changed = MavenBuild.of("spark-job", "spark-job-changed");
        Files.writeString(changed.projectDir().resolve("src/main/java/com/example/etl/Billing.java"),
                "package com.example.etl; public final class Billing {}");
        BuildResult third = deploy(changed).run();

        assertThat(third.succeeded()).as(third.toString()).isTrue();
        assertThat(third.log()).contains("uploaded  orders-job-1.0.0.jar")
                .contains("OBS: 1 uploaded")
                .doesNotContain("uploaded  commons-lang3");
        assertThat(PublishResult.read(third.projectDir().resolve("target/dli-package-group.json")).files())
                .filteredOn(file -> file.outcome().equals("uploaded"))
                .extracting(PublishedFile::fileName)
                .containsExactly("orders-job-1.0.0.jar");
    }

    @Test
    void packageDliCannotReadFailsTheBuildNamingIt() {
        ObjectStore withoutPostgres = url -> !url.getPath().contains("postgresql") && new S3ObjectStore(s3).exists(url);
        startEmulator(Duration.ofMillis(300), withoutPostgres);

        BuildResult result = deploy(MavenBuild.of("spark-job", "failed-package")).run();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.log()).contains("DLI could not load group orders-job: postgresql-42.7.3.jar (FAILED)")
                .doesNotContain("\tat dev.dlitools");
    }

    @Test
    void groupThatStaysUploadingTimesOut() {
        startEmulator(Duration.ofMinutes(5), new S3ObjectStore(s3));

        BuildResult result = deploy(MavenBuild.of("spark-job", "timeout"))
                .property("dli.timeout", 2)
                .property("dli.pollInterval", 1)
                .run();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.log()).contains("Group orders-job was not READY within 2 s (timeout, -Ddli.timeout). "
                + "Last seen: UPLOADING");
    }

    @Test
    void registerFalseOnlyUploadsAndPrintsThePaths() {
        startEmulator(Duration.ofMillis(100), new S3ObjectStore(s3));

        BuildResult result = deploy(MavenBuild.of("spark-job", "register-false"))
                .property("dli.register", false)
                .property("dli.obs.prefix", "no-register")
                .run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(result.log()).contains("OBS paths to reference from a job:")
                .contains("  " + s3Proxy.endpoint() + "/" + BUCKET
                        + "/no-register/com.example.etl/orders-job/1.0.0/orders-job-1.0.0.jar");
        assertThat(emulator.uploadPostCount()).isZero();
    }

    @Test
    void dryRunWritesThePlanAndTouchesNothing() throws Exception {
        startEmulator(Duration.ofMillis(100), new S3ObjectStore(s3));

        BuildResult result = deploy(MavenBuild.of("spark-job", "dry-run"))
                .property("dli.dryRun", true)
                .property("dli.obs.prefix", "dry-run")
                .run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(result.log()).contains("Dry run: nothing is uploaded or registered.", "\"group\" : \"orders-job\"");
        assertThat(s3Proxy.exists(BUCKET, "dry-run/com.example.etl/orders-job/1.0.0/orders-job-1.0.0.jar")).isFalse();
        assertThat(emulator.requests()).isEmpty();
        PublishResult plan = PublishResult.read(result.projectDir().resolve("target/dli-package-group.json"));
        assertThat(plan.dryRun()).isTrue();
        assertThat(plan.request().paths()).hasSize(plan.files().size()).first().asString()
                .endsWith("/dry-run/com.example.etl/orders-job/1.0.0/orders-job-1.0.0.jar");
    }

    @Test
    void skipReleasesSkipsThisReleaseVersion() {
        startEmulator(Duration.ofMillis(100), new S3ObjectStore(s3));

        BuildResult result = deploy(MavenBuild.of("spark-job", "skip-releases")).property("dli.skip", "releases").run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(result.log()).contains("Skipping dli:upload-group (dli.skip=releases)");
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    void skipSnapshotsStillPublishesThisReleaseVersion() {
        startEmulator(Duration.ofMillis(100), new S3ObjectStore(s3));

        BuildResult result = deploy(MavenBuild.of("spark-job", "skip-snapshots")).property("dli.skip", "snapshots")
                .args("-q").run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        // quiet: the one summary line and nothing else
        assertThat(result.log().lines().filter(line -> !line.isBlank()).toList()).singleElement().asString()
                .matches("dli: group orders-job is READY with 15 files \\(\\d+ uploaded, \\d+ unchanged\\)\\.");
    }

    @Test
    void invalidSkipValueNamesTheSetting() {
        startEmulator(Duration.ofMillis(100), new S3ObjectStore(s3));

        BuildResult result = deploy(MavenBuild.of("spark-job", "skip-invalid")).property("dli.skip", "sometimes").run();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.log()).contains("skip (-Ddli.skip) is 'sometimes'; it takes true, false, releases or snapshots.");
    }

    @Test
    void twoFilesWithTheSameNameAreRefusedBeforeAnyUpload() {
        startEmulator(Duration.ofMillis(100), new S3ObjectStore(s3));

        BuildResult result = deploy(MavenBuild.of("duplicate-file-names", "duplicate-file-names"))
                .args("dli:upload-group").run();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.log()).contains("commons-io-2.16.1.jar")
                .contains("com.example.fork:commons-io")
                .contains("commons-io:commons-io")
                .contains("excludes");
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    void withoutThePackagePhaseTheErrorSaysToRunIt() {
        startEmulator(Duration.ofMillis(100), new S3ObjectStore(s3));

        BuildResult result = target(MavenBuild.of("spark-job", "no-package")).args("dli:upload-group").run();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.log()).contains("has not been packaged. Run the package phase first");
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    void offlineFailsFast() {
        startEmulator(Duration.ofMillis(100), new S3ObjectStore(s3));

        BuildResult result = deploy(MavenBuild.of("spark-job", "offline")).args("-o").run();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.log()).contains("cannot run with Maven offline (-o)");
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    void reactorOfFourModulesPublishesFourGroupsOnFourThreads() {
        startEmulator(Duration.ofMillis(300), new S3ObjectStore(s3));

        BuildResult result = deploy(MavenBuild.of("reactor", "reactor")).args("-T", "4").run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(result.log()).contains("Skipping dli:upload-group: project pipelines has pom packaging.");
        for (String module : List.of("a", "b", "c", "d")) {
            assertThat(result.log()).contains("Group pipeline-" + module + " is READY");
            assertThat(emulator.group("pipeline-" + module).orElseThrow().packageNames())
                    .containsExactly("pipeline-" + module + "-1.0.0.jar", "commons-lang3-3.14.0.jar");
        }
    }

    private void startEmulator(Duration readyDelay, ObjectStore objectStore) {
        emulator = DliEmulator.builder().credentials(AK, SK).projectId(PROJECT).region("cn-north-4")
                .asyncReadyDelay(readyDelay).objectStore(objectStore).start();
    }

    /** {@code mvn deploy} with nowhere to deploy Maven artifacts to, as in a DLI-only pipeline. */
    private MavenBuild deploy(MavenBuild build) {
        return target(build).args("deploy", "-Dmaven.deploy.skip=true");
    }

    private MavenBuild target(MavenBuild build) {
        return build
                .property("dli.endpoint", emulator.endpoint())
                .property("dli.projectId", PROJECT)
                .property("dli.obs.endpoint", s3Proxy.endpoint())
                .property("dli.obs.pathStyle", true)
                .property("dli.pollInterval", 1)
                .env("HUAWEICLOUD_SDK_AK", AK)
                .env("HUAWEICLOUD_SDK_SK", SK);
    }
}
