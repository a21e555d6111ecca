package dev.dlitools.dli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlitools.dli.core.publish.PublishResult;
import dev.dlitools.dli.core.publish.PublishedFile;
import dev.dlitools.dli.emulator.DliEmulator;
import dev.dlitools.dli.emulator.GroupView;
import dev.dlitools.dli.it.MavenBuild.BuildResult;
import dev.dlitools.dli.testsupport.FaultyS3Proxy;
import dev.dlitools.dli.testsupport.LocalStandIns;
import dev.dlitools.dli.testsupport.S3ProxyServer;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code dli:upload-group} in real Maven builds against S3Proxy and the DLI emulator. */
class UploadGroupIT {

    private static final String BUCKET = LocalStandIns.BUCKET;

    private LocalStandIns standIns;
    private S3ProxyServer s3Proxy;
    private DliEmulator emulator;

    @AfterEach
    void stopStandIns() {
        if (standIns != null) {
            standIns.close();
        }
    }

    @Test
    void sparkJobIsPublishedReadyThenRedeployedWithoutUploadsThenOnlyTheChangedJarGoesUp() throws Exception {
        startStandIns(Duration.ofMillis(500));

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
        assertThat(second.log()).contains("OBS: 0 uploaded (0 B), " + result.files().size() + " unchanged",
                "Group orders-job is already READY with these " + result.files().size() + " packages; not registered"
                        + " again");
        // nothing changed, so DLI is not asked to copy and reload every package again
        assertThat(emulator.uploadPostCount()).isEqualTo(1);
        assertThat(PublishResult.read(second.projectDir().resolve("target/dli-package-group.json")).alreadyReady())
                .isTrue();

        assertDryRunTellsWhatWouldBeUploaded(changed("spark-job-changed-dry-run"), result.files().size());
        BuildResult third = deploy(changed("spark-job-changed")).run();

        assertThat(third.succeeded()).as(third.toString()).isTrue();
        assertThat(third.log()).contains("uploaded  orders-job-1.0.0.jar")
                .contains("OBS: 1 uploaded")
                .doesNotContain("uploaded  commons-lang3", "not registered again");
        assertThat(emulator.uploadPostCount()).isEqualTo(2);
        assertThat(PublishResult.read(third.projectDir().resolve("target/dli-package-group.json")).files())
                .filteredOn(file -> file.outcome().equals("uploaded"))
                .extracting(PublishedFile::fileName)
                .containsExactly("orders-job-1.0.0.jar");
    }

    @Test
    void aShadedJarIsPublishedWithoutTheDependenciesItHolds() throws Exception {
        startStandIns(Duration.ofMillis(100));

        BuildResult result = deploy(MavenBuild.of("shaded-job", "shaded-job")).run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        GroupView group = emulator.group("clicks-job").orElseThrow();
        assertThat(group.status()).isEqualTo("READY");
        assertThat(group.packageNames()).containsExactly("clicks-job-1.0.0-shaded.jar");
        PublishResult published = PublishResult.read(result.projectDir().resolve("target/dli-package-group.json"));
        assertThat(published.files()).extracting(PublishedFile::fileName)
                .containsExactly("clicks-job-1.0.0-shaded.jar");
        assertThat(published.job().file()).endsWith("/com.example.etl/clicks-job/1.0.0/clicks-job-1.0.0-shaded.jar");
        assertThat(result.log()).contains("uploaded  clicks-job-1.0.0-shaded.jar").doesNotContain("uploaded  gson");
    }

    @Test
    void packageDliCannotReadFailsTheBuildNamingIt() {
        startStandIns(LocalStandIns.builder().asyncReadyDelay(Duration.ofMillis(300))
                .unreadablePackages(url -> url.getPath().contains("postgresql")));

        BuildResult result = deploy(MavenBuild.of("spark-job", "failed-package")).run();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.log()).contains("DLI could not load group orders-job: postgresql-42.7.3.jar (FAILED)")
                .doesNotContain("\tat dev.dlitools");
    }

    @Test
    void groupThatStaysUploadingTimesOut() {
        startStandIns(Duration.ofMinutes(5));

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
        startStandIns(Duration.ofMillis(100));

        BuildResult result = deploy(MavenBuild.of("spark-job", "register-false"))
                .property("dli.register", false)
                .property("dli.obs.prefix", "no-register")
                .run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        // the main file first, then the dependencies, as a job lists them
        assertThat(result.log()).contains("OBS paths to reference from a job, the main file first:\n[INFO]   obs://"
                + BUCKET + "/no-register/com.example.etl/orders-job/1.0.0/orders-job-1.0.0.jar\n[INFO]   obs://"
                + BUCKET + "/no-register/");
        assertThat(emulator.uploadPostCount()).isZero();
    }

    @Test
    void registerFalseQuietPrintsTheSummaryLineThenTheObsPaths() throws Exception {
        startStandIns(Duration.ofMillis(100));

        BuildResult result = deploy(MavenBuild.of("spark-job", "register-false-quiet"))
                .property("dli.register", false)
                .property("dli.obs.prefix", "no-register-quiet")
                .args("-q")
                .run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        List<String> lines = result.log().lines().filter(line -> !line.isBlank()).toList();
        PublishResult published = PublishResult.read(result.projectDir().resolve("target/dli-package-group.json"));
        assertThat(lines.get(0)).startsWith("dli: 15 files (");
        assertThat(lines.subList(1, lines.size())).isEqualTo(published.job().all()).hasSize(15).first()
                .isEqualTo("obs://" + BUCKET + "/no-register-quiet/com.example.etl/orders-job/1.0.0/"
                        + "orders-job-1.0.0.jar");
        assertThat(published.files()).extracting(PublishedFile::obsPath).allMatch(path -> path.startsWith(
                "obs://" + BUCKET + "/no-register-quiet/"));
    }

    /**
     * Before the real run, a dry run of the changed project compares with OBS (through a proxy that records every
     * request): only the rebuilt jar would go up, and OBS is only read, DLI not asked at all.
     */
    private void assertDryRunTellsWhatWouldBeUploaded(MavenBuild changed, int fileCount) throws Exception {
        int dliRequests = emulator.requests().size();
        BuildResult dryRun;
        try (FaultyS3Proxy recordingObs = FaultyS3Proxy.start(standIns.obsEndpoint())) {
            dryRun = changed.args("deploy", "-Dmaven.deploy.skip=true")
                    .pointAt(standIns, Map.of("dli.obs.endpoint", recordingObs.endpoint().toString(),
                            "dli.dryRun", "true"))
                    .run();
            assertThat(recordingObs.requests()).as("requests to OBS").isNotEmpty()
                    .allSatisfy(request -> assertThat(request.method()).isIn("GET", "HEAD"));
        }

        assertThat(dryRun.succeeded()).as(dryRun.toString()).isTrue();
        assertThat(dryRun.log()).containsPattern("would upload orders-job-1\\.0\\.0\\.jar \\(")
                .contains("unchanged jackson-databind-2.17.2.jar (",
                        "Dry run: would upload 1 (", "), " + (fileCount - 1) + " unchanged.")
                .doesNotContain("would upload jackson-databind");
        assertThat(emulator.requests()).as("requests to DLI").hasSize(dliRequests);
        PublishResult plan = PublishResult.read(dryRun.projectDir().resolve("target/dli-package-group.json"));
        assertThat(plan.files()).filteredOn(file -> file.outcome().equals(PublishedFile.WOULD_UPLOAD))
                .extracting(PublishedFile::fileName).containsExactly("orders-job-1.0.0.jar");
        assertThat(plan.files()).filteredOn(file -> file.outcome().equals(PublishedFile.UNCHANGED))
                .hasSize(fileCount - 1);
    }

    @Test
    void dryRunWritesThePlanAndTouchesNothing() throws Exception {
        startStandIns(Duration.ofMillis(100));

        BuildResult result = deploy(MavenBuild.of("spark-job", "dry-run"))
                .property("dli.dryRun", true)
                .property("dli.obs.prefix", "dry-run")
                .run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(result.log()).contains("Dry run: nothing is uploaded or registered.", "\"group\" : \"orders-job\"",
                        ", 0 unchanged.")
                .containsPattern("would upload orders-job-1\\.0\\.0\\.jar \\([^,]+, [0-9.]+ (B|kB|MB)\\) to ")
                .containsPattern("Dry run: would upload [0-9]+ \\([0-9.]+ (kB|MB)\\), 0 unchanged\\.")
                .doesNotContain(" bytes) to ");
        assertThat(s3Proxy.exists(BUCKET, "dry-run/com.example.etl/orders-job/1.0.0/orders-job-1.0.0.jar")).isFalse();
        assertThat(emulator.requests()).isEmpty();
        PublishResult plan = PublishResult.read(result.projectDir().resolve("target/dli-package-group.json"));
        assertThat(plan.dryRun()).isTrue();
        assertThat(plan.files()).extracting(PublishedFile::outcome).containsOnly(PublishedFile.WOULD_UPLOAD);
        assertThat(plan.request().paths()).hasSize(plan.files().size()).first().asString()
                .endsWith("/dry-run/com.example.etl/orders-job/1.0.0/orders-job-1.0.0.jar");
    }

    @Test
    void skipReleasesSkipsThisReleaseVersion() {
        startStandIns(Duration.ofMillis(100));

        BuildResult result = deploy(MavenBuild.of("spark-job", "skip-releases")).property("dli.skip", "releases").run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(result.log()).contains("Skipping dli:upload-group (dli.skip=releases)");
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    void skipSnapshotsStillPublishesThisReleaseVersion() {
        startStandIns(Duration.ofMillis(100));

        BuildResult result = deploy(MavenBuild.of("spark-job", "skip-snapshots")).property("dli.skip", "snapshots")
                .args("-q").run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        // quiet: the one summary line and nothing else
        assertThat(result.log().lines().filter(line -> !line.isBlank()).toList()).singleElement().asString()
                .matches("dli: group orders-job is READY with 15 files \\(\\d+ uploaded, \\d+ unchanged\\)\\.");
    }

    @Test
    void invalidSkipValueNamesTheSetting() {
        startStandIns(Duration.ofMillis(100));

        BuildResult result = deploy(MavenBuild.of("spark-job", "skip-invalid")).property("dli.skip", "sometimes").run();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.log()).contains("skip (-Ddli.skip) is 'sometimes'; it takes true, false, releases or snapshots.");
    }

    @Test
    void twoFilesWithTheSameNameAreRefusedBeforeAnyUpload() {
        startStandIns(Duration.ofMillis(100));

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
        startStandIns(Duration.ofMillis(100));

        BuildResult result = target(MavenBuild.of("spark-job", "no-package")).args("dli:upload-group").run();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.log()).contains("has not been packaged. Run the package phase first, in the same command:"
                + " `mvn package dli:upload-group`");
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    void offlineFailsFast() {
        startStandIns(Duration.ofMillis(100));

        BuildResult result = deploy(MavenBuild.of("spark-job", "offline")).args("-o").run();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.log()).contains("cannot run with Maven offline (-o)");
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    void reactorOfFourModulesPublishesFourGroupsOnFourThreads() {
        startStandIns(Duration.ofMillis(300));

        BuildResult result = deploy(MavenBuild.of("reactor", "reactor")).args("-T", "4").run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(result.log())
                .contains("Skipping dli:upload-group: project pipelines has pom packaging and lists no files.");
        for (String module : List.of("a", "b", "c", "d")) {
            assertThat(result.log()).contains("Group pipeline-" + module + " is READY");
            assertThat(emulator.group("pipeline-" + module).orElseThrow().packageNames())
                    .containsExactly("pipeline-" + module + "-1.0.0.jar", "commons-lang3-3.14.0.jar");
        }
    }

    // before, each module registered group 'pipelines' in turn, and DLI kept only the last one's packages
    @Test
    void reactorWhoseModulesShareAGroupRegistersItOnceAndFailsNamingTheOtherModule() {
        startStandIns(Duration.ofMillis(300));

        BuildResult result = deploy(MavenBuild.of("reactor", "reactor-shared-group"))
                .args("-T", "2", "--fail-at-end")
                .property("dli.group", "pipelines")
                .run();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.log())
                .containsPattern("Group 'pipelines' is registered by com\\.example\\.reactor:pipeline-[a-d] in this"
                        + " build too, and DLI keeps one set of packages per group")
                .doesNotContain("\tat dev.dlitools");
        assertThat(emulator.uploadPostCount()).as("registrations").isOne();
        assertThat(emulator.group("pipelines").orElseThrow().packageNames()).hasSize(2);
    }

    /** The example project with one more class, so its jar differs from the one published first. */
    private static MavenBuild changed(String run) throws IOException {
        MavenBuild changed = MavenBuild.of("spark-job", run);
        Files.writeString(changed.projectDir().resolve("src/main/java/com/example/etl/Billing.java"),
                "package com.example.etl; public final class Billing {}");
        return changed;
    }

    private void startStandIns(Duration asyncReadyDelay) {
        startStandIns(LocalStandIns.builder().asyncReadyDelay(asyncReadyDelay));
    }

    private void startStandIns(LocalStandIns.Builder builder) {
        standIns = builder.start();
        s3Proxy = standIns.s3Proxy();
        emulator = standIns.emulator();
    }

    /** {@code mvn deploy} with nowhere to deploy Maven artifacts to, as in a DLI-only pipeline. */
    private MavenBuild deploy(MavenBuild build) {
        return target(build).args("deploy", "-Dmaven.deploy.skip=true");
    }

    private MavenBuild target(MavenBuild build) {
        return build.pointAt(standIns).property("dli.pollInterval", 1);
    }
}
