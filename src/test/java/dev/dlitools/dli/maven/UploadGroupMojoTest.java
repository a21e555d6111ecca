package dev.dlitools.dli.maven;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * dli:upload-group's decisions before any file or service is touched: skip values as maven-deploy-plugin takes
 * them, pom packaging, and settings checked first. A goal that is not skipped stops at the first unset setting
 * (upload threads), which shows it went on.
 */
class UploadGroupMojoTest {

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

        if (skipped) {
            assertThatCode(mojo::execute).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class).hasMessage(GOES_ON);
        }
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

        assertThatCode(mojo::execute).doesNotThrowAnyException();
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
}
