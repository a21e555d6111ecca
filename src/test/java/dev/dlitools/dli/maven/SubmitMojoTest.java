package dev.dlitools.dli.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dlitools.dli.core.obs.FileDigests;
import dev.dlitools.dli.core.publish.PublishResult;
import dev.dlitools.dli.core.publish.PublishedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How dli:submit maps the dli.job.* properties and finds what was published, before it asks for anything else. */
class SubmitMojoTest {

    @TempDir
    Path dir;

    private SubmitMojo mojo;

    @BeforeEach
    void setUp() {
        mojo = new SubmitMojo(null);
        mojo.environment = Map.of();
        mojo.pollInterval = 5;
        mojo.resultFile = dir.resolve("target/dli-package-group.json").toFile();
        mojo.jobResultFile = dir.resolve("target/dli-spark-job.json").toFile();
        MavenProject project = new MavenProject();
        project.setArtifactId("orders-job");
        project.setVersion("1.0.0");
        Build build = new Build();
        build.setDirectory(dir.resolve("target").toString());
        project.getModel().setBuild(build);
        project.getProperties().setProperty("dli.job.queue", "etl");
        project.getProperties().setProperty("dli.job.className", "com.example.Orders");
        mojo.project = project;
    }

    @Test
    void argsPropertyIsAJsonArrayOfStrings() {
        published(false).writeTo(mojo.resultFile.toPath());
        mojo.project.getProperties().setProperty("dli.job.args", "[\"--date\", 7]");

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class).hasMessage("Invalid job.args "
                + "(-Ddli.job.args): argument 2 is 7 (Integer); every argument must be a string.");
    }

    @Test
    void argsPropertyThatIsNotJsonSaysHowToWriteIt() {
        published(false).writeTo(mojo.resultFile.toPath());
        mojo.project.getProperties().setProperty("dli.job.args", "--date 2026-01-01");

        assertThatThrownBy(mojo::execute).hasMessageStartingWith("job.args (-Ddli.job.args) is '--date 2026-01-01'; "
                + "it takes a JSON array of strings");
    }

    @Test
    void progressTakesAutoPlainOrNone() {
        published(false).writeTo(mojo.resultFile.toPath());
        mojo.progress = "live";

        assertThatThrownBy(mojo::execute)
                .hasMessage("progress (-Ddli.progress) is 'live'; it takes auto, plain or none.");
    }

    @Test
    void aFlagTakesTrueOrFalse() {
        published(false).writeTo(mojo.resultFile.toPath());
        mojo.project.getProperties().setProperty("dli.job.wait", "maybe");

        assertThatThrownBy(mojo::execute)
                .hasMessage("job.wait (-Ddli.job.wait) is 'maybe'; it takes true or false.");
    }

    @Test
    void withoutClassNameAJarWithoutMainClassIsRefused() throws IOException {
        Path jar = emptyJar(dir.resolve("target/orders-job-1.0.0.jar"));
        published(jar).writeTo(mojo.resultFile.toPath());
        mojo.project.getProperties().remove("dli.job.className");

        assertThatThrownBy(mojo::execute).hasMessageStartingWith("Invalid job.className (-Ddli.job.className): no "
                + "main class for orders-job-1.0.0.jar.");
    }

    // before, `mvn package dli:submit` after an earlier deploy ran the published jar, not the one just built
    @Test
    void aJarBuiltAgainSinceItWasPublishedIsRefusedBeforeAnyCall() throws IOException {
        Path jar = emptyJar(dir.resolve("target/orders-job-1.0.0.jar"));
        published(jar).writeTo(mojo.resultFile.toPath());
        Files.write(jar, new byte[] {'P', 'K'}, StandardOpenOption.APPEND); // what a rebuild does to its bytes

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class).hasMessage(jar + " changed"
                + " since " + mojo.resultFile + " (resultFile, -Ddli.resultFile) recorded it as published to"
                + " obs://etl-jars/dli/com.example.etl/orders-job/1.0.0/orders-job-1.0.0.jar: the job would run the"
                + " published copy, not this build. Publish and submit in one command, e.g. `mvn deploy"
                + " dli:submit`. A rebuild of the same code differs too, unless project.build.outputTimestamp makes"
                + " the build reproducible.");
    }

    // the same for a PySpark driver edited since: before, the job ran the script as it was published
    @Test
    void anExtraFileEditedSinceItWasPublishedIsRefusedAndADependencyIsNotCompared() throws IOException {
        Path driver = Files.writeString(Files.createDirectories(dir.resolve("src/main/python")).resolve("clean.py"),
                "print('v1')\n");
        Path dependency = Files.writeString(dir.resolve("geo-1.0.zip"), "zip");
        PublishResult published = new PublishResult("cleaner", "pyFile", Map.of(), "etl-jars", null, false, false,
                false, null, List.of(
                        new PublishedFile("clean.py", "extra file", "dli/files/clean.py", "u", "obs://etl-jars/dli/"
                                + "files/clean.py", Files.size(driver), FileDigests.sha256(driver), "uploaded", null,
                                driver.toString()),
                        new PublishedFile("geo-1.0.zip", "com.example:geo:zip:1.0 (runtime)", "dli/geo-1.0.zip", "u",
                                "obs://etl-jars/dli/geo-1.0.zip", 1, "00", "uploaded", null, dependency.toString())),
                null);
        published.writeTo(mojo.resultFile.toPath());
        List<String> problems = new ArrayList<>();

        problems.add(catchThrowable(mojo::execute).getMessage());
        Files.writeString(driver, "print('v2')\n");
        problems.add(catchThrowable(mojo::execute).getMessage());

        assertThat(problems.get(0)).as("the dependency differs, and is not compared").doesNotContain("changed since");
        assertThat(problems.get(1)).startsWith(driver + " changed since " + mojo.resultFile);
    }

    // a CI that publishes in one job and submits in another keeps the result file but not the jar: before, it was
    // told to build the jar with a Main-Class entry, which it had
    @Test
    void withoutClassNameAJarNotBuiltHereIsSaidToBeMissingNotToLackAMainClass() {
        published(false).writeTo(mojo.resultFile.toPath());
        mojo.project.getProperties().remove("dli.job.className");

        assertThatThrownBy(mojo::execute).hasMessage("Invalid job.className (-Ddli.job.className): none given, and "
                + "orders-job-1.0.0.jar, whose manifest would name it, is not here to read (looked for "
                + dir.resolve("target/orders-job-1.0.0.jar") + "). Set it, or submit where the jar was built.");
    }

    @Test
    void theResultOfUploadGroupInThisBuildComesBeforeTheFile() {
        published(false).writeTo(mojo.resultFile.toPath());
        mojo.project.setContextValue(SubmitMojo.PUBLISH_RESULT, published(true));

        assertThatThrownBy(mojo::execute).hasMessageStartingWith("Invalid resultFile (-Ddli.resultFile): it is the "
                + "plan of a dry run");
    }

    // a reactor whose parent binds both goals for its modules: before, the parent's submit failed the build, as
    // upload-group had skipped it
    @Test
    void aPomProjectThatUploadGroupSkippedInThisBuildIsSkippedToo() throws Exception {
        mojo.project.setPackaging("pom");
        mojo.project.setArtifact(new DefaultArtifact("com.example.etl", "orders-job", "1.0.0", null, "pom", null,
                new DefaultArtifactHandler("pom")));
        UploadGroupMojo upload = new UploadGroupMojo(null);
        upload.project = mojo.project;
        upload.environment = Map.of();
        upload.resultFile = mojo.resultFile;
        upload.execute();

        assertThatCode(mojo::execute).doesNotThrowAnyException();
    }

    @Test
    void nothingPublished() {
        assertThatThrownBy(mojo::execute).hasMessageStartingWith("Nothing was published to run: dli:upload-group did "
                + "not run in this build and " + mojo.resultFile + " does not exist");
    }

    @Test
    void skipReleasesSkipsARunOfAReleaseAndSaysSo() throws Exception {
        mojo.skip = "releases";
        List<String> infos = InfoLines.of(mojo);

        // with nothing published, a run that was not skipped would fail
        mojo.execute();

        assertThat(infos).containsExactly("Skipping dli:submit (dli.skip=releases)");
        assertThat(mojo.jobResultFile).doesNotExist();
    }

    @Test
    void skipReleasesRunsASnapshot() {
        mojo.skip = "releases";
        mojo.project.setVersion("1.0.0-SNAPSHOT");

        assertThatThrownBy(mojo::execute).hasMessageStartingWith("Nothing was published to run");
    }

    @Test
    void skipTakesTheSameValuesAsUploadGroup() {
        mojo.skip = "sometimes";

        assertThatThrownBy(mojo::execute).hasMessage("skip (-Ddli.skip) is 'sometimes'; it takes true, false, "
                + "releases or snapshots.");
    }

    private static PublishResult published(boolean dryRun) {
        return new PublishResult("orders-job", "jar", Map.of(), "etl-jars", null, dryRun, false, false, null,
                List.of(publishedJar(10, "00", null)), null);
    }

    /** The project's jar as published from {@code source}, with its size and SHA-256 then. */
    private static PublishResult published(Path source) throws IOException {
        return new PublishResult("orders-job", "jar", Map.of(), "etl-jars", null, false, false, false, null,
                List.of(publishedJar(Files.size(source), FileDigests.sha256(source), source.toString())), null);
    }

    private static PublishedFile publishedJar(long size, String sha256, String source) {
        String key = "dli/com.example.etl/orders-job/1.0.0/orders-job-1.0.0.jar";
        return new PublishedFile("orders-job-1.0.0.jar", "main artifact com.example.etl:orders-job:jar:1.0.0", key,
                "https://etl-jars.obs.cn-north-4.myhuaweicloud.com/" + key, "obs://etl-jars/" + key, size, sha256,
                "uploaded", null, source);
    }

    private static Path emptyJar(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(path), new Manifest())) {
            jar.flush();
        }
        return path;
    }
}
