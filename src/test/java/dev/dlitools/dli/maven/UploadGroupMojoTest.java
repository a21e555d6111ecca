package dev.dlitools.dli.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * dli:upload-group's decisions before any file or service is touched: skip values as maven-deploy-plugin takes
 * them, pom packaging, and settings checked first. A goal that is not skipped stops at the first unset setting
 * (upload threads), which shows it went on.
 */
class UploadGroupMojoTest {

    private static final String POM_SKIPPED =
            "Skipping dli:upload-group: project orders-job has pom packaging and lists no files.";
    private static final String GOES_ON = "uploadThreads (-Ddli.uploadThreads) is 0; it takes 1 to 64.";

    @ParameterizedTest
    @CsvSource({
        "true, 1.0.0, true",
        "true, 1.0.0-SNAPSHOT, true",
        "releases, 1.0.0, true",
        "releases, 1.0.0-SNAPSHOT, false",
        "snapshots, 1.0.0-SNAPSHOT, true",
        "snapshots, 1.0.0, false",
        "false, 1.0.0, false",
        "SNAPSHOTS, 2.0-SNAPSHOT, true"})
    void skipTakesTrueReleasesOrSnapshots(String skip, String version, boolean skipped) {
        UploadGroupMojo mojo = mojo("jar", version);
        mojo.skip = skip;
        List<String> infos = InfoLines.of(mojo);

        if (skipped) {
            assertThatCode(mojo::execute).doesNotThrowAnyException();
            assertThat(infos).containsExactly("Skipping dli:upload-group (dli.skip=" + skip + ")");
        } else {
            assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class).hasMessage(GOES_ON);
        }
    }

    // before, the second project's registration replaced the first one's packages, and each build flipped the group
    @Test
    void aGroupThatAnotherProjectOfTheBuildRegistersIsRefusedBeforeAnyCall() {
        List<UploadGroupMojo> projects = twoProjectsOfOneBuildRegisteringGroupEtl();
        UploadGroupMojo orders = projects.get(0);
        UploadGroupMojo billing = projects.get(1);

        assertThatThrownBy(orders::execute).as("the first goes on").hasMessage(GOES_ON);
        assertThatThrownBy(billing::execute).isInstanceOf(MojoExecutionException.class).hasMessage("Group 'etl' is"
                + " registered by com.example.etl:orders-job in this build too, and DLI keeps one set of packages per"
                + " group: com.example.etl:billing-job's would replace com.example.etl:orders-job's. Give each project"
                + " a group of its own (group, -Ddli.group): with no group set for the whole build (in a parent pom"
                + " or by -Ddli.group), each publishes its artifactId.");
        assertThatThrownBy(orders::execute).as("the same project again").hasMessage(GOES_ON);
    }

    @Test
    void projectsThatOnlyUploadMayShareAGroupName() {
        List<UploadGroupMojo> projects = twoProjectsOfOneBuildRegisteringGroupEtl();
        UploadGroupMojo orders = projects.get(0);
        UploadGroupMojo billing = projects.get(1);
        billing.register = false;

        assertThatThrownBy(orders::execute).hasMessage(GOES_ON);
        assertThatThrownBy(billing::execute).hasMessage(GOES_ON);
    }

    @Test
    void anotherSkipValueNamesTheSetting() {
        UploadGroupMojo mojo = mojo("jar", "1.0.0");
        mojo.skip = "always";

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("skip (-Ddli.skip) is 'always'; it takes true, false, releases or snapshots.");
    }

    @Test
    void anotherProgressValueNamesTheSettingBeforeAnythingElse() {
        UploadGroupMojo mojo = mojo("pom", "1.0.0");
        mojo.progress = "fancy";

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("progress (-Ddli.progress) is 'fancy'; it takes auto, plain or none.");
    }

    @Test
    void pomPackagingWithoutFilesIsSkipped() {
        UploadGroupMojo mojo = mojo("pom", "1.0.0");
        mojo.kind = "jar";
        List<String> infos = InfoLines.of(mojo);

        assertThatCode(mojo::execute).doesNotThrowAnyException();
        assertThat(infos).containsExactly(POM_SKIPPED);
    }

    // the kind is read by the core's rule (case and spaces ignored), not compared as typed
    @Test
    void pomPackagingWithoutFilesIsSkippedWhateverTheSpellingOfKindJar() {
        for (String jar : List.of(" jar", "JAR", "Jar ")) {
            UploadGroupMojo mojo = mojo("pom", "1.0.0");
            mojo.kind = jar;
            List<String> infos = InfoLines.of(mojo);

            assertThatCode(mojo::execute).as(jar).doesNotThrowAnyException();
            assertThat(infos).as(jar).containsExactly(POM_SKIPPED);
        }
    }

    @Test
    void pomPackagingWithFilesIsPublished() {
        UploadGroupMojo mojo = mojo("pom", "1.0.0");
        mojo.kind = "pyFile";
        mojo.files = List.of(new File("src/main/python/clean.py"));

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class).hasMessage(GOES_ON);
    }

    @Test
    void pomPackagingWithAKindOtherThanJarIsPublished() {
        UploadGroupMojo mojo = mojo("pom", "1.0.0");
        mojo.kind = "pyFile";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class).hasMessage(GOES_ON);
    }

    @Test
    void aMalformedPatternInFilesIsAnErrorInMavenWords(@TempDir Path dir) throws IOException {
        UploadGroupMojo mojo = plannedPython(dir, "1.0.0");
        Path python = dir.resolve("src/main/python");
        mojo.files = List.of(python.resolve("{clean.py,util.py").toFile());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("Invalid files (-Ddli.files): '" + python.resolve("{clean.py,util.py")
                        + "' is not a valid pattern (Missing '}).");
    }

    @Test
    void aPrefixAnObsPathCannotHoldIsAnErrorInMavenWords(@TempDir Path dir) throws IOException {
        UploadGroupMojo mojo = plannedPython(dir, "1.0.0");
        mojo.prefix = "dli/jobs #2";

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("Invalid prefix (-Ddli.obs.prefix): 'dli/jobs #2' contains ' ', '#', which an"
                        + " obs:// path cannot hold as written");
    }

    @Test
    void aProjectVersionAnObsPathCannotHoldIsAnErrorNamingTheProject(@TempDir Path dir) throws IOException {
        UploadGroupMojo mojo = plannedPython(dir, "1.0%2");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("The OBS key of com.example.etl:orders-job:pom:1.0%2 would hold '%' from its"
                        + " coordinates");
    }

    /** A {@code pom} project of {@code version} that lists its Python folder, of one script, planned. */
    private static UploadGroupMojo plannedPython(Path dir, String version) throws IOException {
        Path python = Files.createDirectories(dir.resolve("src/main/python"));
        Files.writeString(python.resolve("clean.py"), "print(1)\n");
        UploadGroupMojo mojo = planned(mojo("pom", version));
        mojo.resultFile = dir.resolve("target/dli-package-group.json").toFile();
        mojo.kind = "pyFile";
        mojo.files = List.of(python.toFile());
        return mojo;
    }

    /** With the settings a dry run needs, so the goal goes on to plan the upload. */
    private static UploadGroupMojo planned(UploadGroupMojo mojo) {
        mojo.region = "cn-north-4";
        mojo.group = "orders-job";
        mojo.bucket = "etl-jars";
        mojo.prefix = "dli";
        mojo.uploadThreads = 4;
        mojo.pollInterval = 5;
        mojo.timeout = 600;
        mojo.connectTimeout = 10;
        mojo.readTimeout = 60;
        mojo.register = true;
        mojo.dryRun = true;
        mojo.progress = "none";
        return mojo;
    }

    private static UploadGroupMojo mojo(String packaging, String version) {
        MavenProject project = new MavenProject();
        project.setGroupId("com.example.etl");
        project.setArtifactId("orders-job");
        project.setVersion(version);
        project.setPackaging(packaging);
        project.setArtifact(new DefaultArtifact("com.example.etl", "orders-job", version, null, packaging, null,
                new DefaultArtifactHandler(packaging)));
        project.getBuild().setDirectory("target");
        UploadGroupMojo mojo = new UploadGroupMojo(null);
        mojo.resultFile = new File("target/dli-package-group.json");
        mojo.project = project;
        mojo.environment = Map.of();
        return mojo;
    }

    /** The goal in projects orders-job and billing-job of one build, each registering group {@code etl}. */
    private static List<UploadGroupMojo> twoProjectsOfOneBuildRegisteringGroupEtl() {
        MavenExecutionRequest build = new DefaultMavenExecutionRequest();
        List<UploadGroupMojo> projects = List.of(mojo("jar", "1.0.0"), mojo("jar", "1.0.0"));
        projects.get(1).project.setArtifactId("billing-job");
        for (UploadGroupMojo mojo : projects) {
            mojo.register = true;
            mojo.group = "etl";
            mojo.session = Sessions.of(build); // a parallel build gives each project a session of its own
        }
        return projects;
    }
}
