package dev.dlitools.dli.core.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UploadPlannerTest {

    private static final ArtifactCoordinates PROJECT =
            new ArtifactCoordinates("com.example", "etl-job", "1.0", "jar", null, null);

    @TempDir
    Path dir;

    private Path mainJar;
    private final List<ArtifactFile> attached = new ArrayList<>();
    private final List<ArtifactFile> dependencies = new ArrayList<>();

    @BeforeEach
    void buildProject() throws IOException {
        mainJar = file("target/etl-job-1.0.jar", 10);
    }

    @Test
    void plansMainArtifactThenDependenciesByGroupAndArtifactThenExtraFilesInOrder() throws IOException {
        dependency("org.b", "zeta", "2.0", "runtime");
        dependency("org.a", "beta", "1.1", "compile");
        dependency("org.a", "alpha", "3.0", "compile");
        Path second = file("src/main/python/second.py", 7);
        Path first = file("src/main/python/first.py", 5);

        UploadPlan plan = UploadPlanner.plan(project(), settings().withKind("file").withPrefix("/dli/")
                .withFiles(List.of(second, first)));

        assertThat(plan.files()).extracting(PlannedFile::objectKey).containsExactly(
                "dli/com.example/etl-job/1.0/etl-job-1.0.jar",
                "dli/org.a/alpha/3.0/alpha-3.0.jar",
                "dli/org.a/beta/1.1/beta-1.1.jar",
                "dli/org.b/zeta/2.0/zeta-2.0.jar",
                "dli/com.example/etl-job/1.0/files/second.py",
                "dli/com.example/etl-job/1.0/files/first.py");
        assertThat(plan.files()).extracting(PlannedFile::origin).containsExactly(
                "main artifact com.example:etl-job:jar:1.0",
                "org.a:alpha:jar:3.0 (compile)",
                "org.a:beta:jar:1.1 (compile)",
                "org.b:zeta:jar:2.0 (runtime)",
                "extra file",
                "extra file");
        assertThat(plan.files().get(0)).isEqualTo(
                new PlannedFile(mainJar, "etl-job-1.0.jar", "dli/com.example/etl-job/1.0/etl-job-1.0.jar",
                        "main artifact com.example:etl-job:jar:1.0", 10));
        assertThat(plan.files().get(4)).isEqualTo(new PlannedFile(
                second, "second.py", "dli/com.example/etl-job/1.0/files/second.py", "extra file", 7));
    }

    @Test
    void carriesGroupKindAndTagsInOrder() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("team", "etl");
        tags.put("env", "prod");
        tags.put("note", null); // a pom <note/> entry

        UploadPlan plan = UploadPlanner.plan(project(), settings().withTags(tags));

        assertThat(plan.group()).isEqualTo("etl");
        assertThat(plan.kind()).isEqualTo(PackageKind.JAR);
        assertThat(plan.tags())
                .containsExactly(Map.entry("team", "etl"), Map.entry("env", "prod"), Map.entry("note", ""));
    }

    @Test
    void dependenciesOfTheSameGroupAndArtifactAreOrderedByClassifier() throws IOException {
        dependencies.add(new ArtifactFile(new ArtifactCoordinates("io.netty", "netty-epoll", "4.1", "jar",
                "linux-x86_64", "runtime"), file("repo/netty-epoll-4.1-linux-x86_64.jar", 1)));
        dependencies.add(new ArtifactFile(new ArtifactCoordinates("io.netty", "netty-epoll", "4.1", "jar", null,
                "runtime"), file("repo/netty-epoll-4.1.jar", 1)));

        assertThat(UploadPlanner.plan(project(), settings()).files()).extracting(PlannedFile::fileName)
                .containsExactly("etl-job-1.0.jar", "netty-epoll-4.1.jar", "netty-epoll-4.1-linux-x86_64.jar");
    }

    @Test
    void uploadsOnlyCompileAndRuntimeDependenciesCountingNoScopeAsCompile() throws IOException {
        dependency("org.x", "compiled", "1", "compile");
        dependency("org.x", "run", "1", "runtime");
        dependency("org.x", "unscoped", "1", null);
        dependency("org.x", "provided", "1", "provided");
        dependency("org.x", "tested", "1", "test");
        dependency("org.x", "system", "1", "system");
        dependency("org.x", "imported", "1", "import");

        assertThat(UploadPlanner.plan(project(), settings()).files()).extracting(PlannedFile::origin)
                .containsExactly("main artifact com.example:etl-job:jar:1.0", "org.x:compiled:jar:1 (compile)",
                        "org.x:run:jar:1 (runtime)", "org.x:unscoped:jar:1 (compile)");
    }

    @Test
    void skipsPomTypeDependencies() throws IOException {
        dependencies.add(new ArtifactFile(
                new ArtifactCoordinates("org.x", "bom", "1", "pom", null, "compile"), file("repo/bom-1.pom", 1)));

        assertThat(UploadPlanner.plan(project(), settings()).files()).extracting(PlannedFile::fileName)
                .containsExactly("etl-job-1.0.jar");
    }

    @Test
    void withoutIncludeDependenciesOnlyTheProjectsArtifactIsUploaded() throws IOException {
        dependency("org.x", "lib", "1", "compile");

        assertThat(UploadPlanner.plan(project(), settings().withIncludeDependencies(false)).files())
                .extracting(PlannedFile::fileName).containsExactly("etl-job-1.0.jar");
    }

    @Test
    void includesKeepOnlyMatchingDependencies() throws IOException {
        dependency("org.apache.commons", "commons-lang3", "3.14.0", "compile");
        dependency("org.apache.commons", "commons-text", "1.11.0", "compile");
        dependency("com.google.guava", "guava", "33.0", "compile");

        UploadPlan plan = UploadPlanner.plan(project(),
                settings().withIncludes(List.of("org.apache.*:*-lang*", "com.google.guava:guava:jar")));

        assertThat(plan.files()).extracting(PlannedFile::fileName)
                .containsExactly("etl-job-1.0.jar", "guava-33.0.jar", "commons-lang3-3.14.0.jar");
    }

    @Test
    void excludesWinOverIncludesAndNeverDropTheProjectsArtifact() throws IOException {
        dependency("org.apache.commons", "commons-lang3", "3.14.0", "compile");
        dependency("org.apache.commons", "commons-text", "1.11.0", "compile");

        UploadPlan plan = UploadPlanner.plan(project(), settings()
                .withIncludes(List.of("org.apache.commons:*"))
                .withExcludes(List.of("*:commons-text", "com.example:*")));

        assertThat(plan.files()).extracting(PlannedFile::fileName)
                .containsExactly("etl-job-1.0.jar", "commons-lang3-3.14.0.jar");
    }

    @Test
    void aMainArtifactWithoutFileAsksToRunThePackagePhase() {
        ProjectArtifacts project = new ProjectArtifacts(new ArtifactFile(PROJECT, null), attached, dependencies);

        assertThatThrownBy(() -> UploadPlanner.plan(project, settings()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("The main artifact com.example:etl-job:jar:1.0 has not been packaged. Run the package"
                        + " phase first, e.g. `mvn package dli:upload-group`.");
    }

    @Test
    void aMainArtifactThatIsTheClassesDirectoryAsksToRunThePackagePhase() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("target/classes"));
        ProjectArtifacts project = new ProjectArtifacts(new ArtifactFile(PROJECT, classes), attached, dependencies);

        assertThatThrownBy(() -> UploadPlanner.plan(project, settings()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("The main artifact com.example:etl-job:jar:1.0 has not been packaged (" + classes
                        + " is a directory). Run the package phase first, e.g. `mvn package dli:upload-group`.");
    }

    @Test
    void aMainArtifactWhoseFileIsGoneAsksToRunThePackagePhase() throws IOException {
        Files.delete(mainJar);

        assertThatThrownBy(() -> UploadPlanner.plan(project(), settings()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("(" + mainJar + " does not exist)")
                .hasMessageEndingWith("Run the package phase first, e.g. `mvn package dli:upload-group`.");
    }

    @Test
    void aClassifierUploadsThatAttachedArtifactInsteadOfTheMainArtifact() throws IOException {
        Path shaded = attach("shaded", "jar", "target/etl-job-1.0-shaded.jar");
        attach("sources", "jar", "target/etl-job-1.0-sources.jar");

        UploadPlan plan = UploadPlanner.plan(project(), settings().withClassifier("shaded"));

        assertThat(plan.files()).containsExactly(new PlannedFile(shaded, "etl-job-1.0-shaded.jar",
                "com.example/etl-job/1.0/etl-job-1.0-shaded.jar", "attached artifact com.example:etl-job:jar:shaded:1.0",
                Files.size(shaded)));
    }

    @Test
    void anUnknownClassifierListsTheAttachedClassifiers() throws IOException {
        attach("sources", "jar", "target/etl-job-1.0-sources.jar");
        attach("javadoc", "jar", "target/etl-job-1.0-javadoc.jar");

        assertThatThrownBy(() -> UploadPlanner.plan(project(), settings().withClassifier("shaded")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("Invalid classifier (-Ddli.classifier): the build attached no artifact with"
                        + " classifier 'shaded'. Attached classifiers: javadoc, sources. Set classifier to one of"
                        + " those, or leave it empty to upload the main artifact.");
    }

    @Test
    void anUnknownClassifierSaysWhenNothingIsAttached() {
        assertThatThrownBy(() -> UploadPlanner.plan(project(), settings().withClassifier("shaded")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("Invalid classifier (-Ddli.classifier): the build attached no artifact with"
                        + " classifier 'shaded'. It attached no artifact with a classifier at all.")
                .hasMessageContaining("`mvn package dli:upload-group`");
    }

    @Test
    void aClassifierOfSeveralAttachedArtifactsIsAmbiguous() throws IOException {
        attach("dist", "zip", "target/etl-job-1.0-dist.zip");
        attach("dist", "tar.gz", "target/etl-job-1.0-dist.tar.gz");

        assertThatThrownBy(() -> UploadPlanner.plan(project(), settings().withClassifier("dist")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("Invalid classifier (-Ddli.classifier): the build attached 2 artifacts with"
                        + " classifier 'dist' (com.example:etl-job:zip:dist:1.0, com.example:etl-job:tar.gz:dist:1.0)")
                .hasMessageContaining("files (-Ddli.files)");
    }

    @Test
    void anAttachedArtifactWithoutFileAsksToRunThePackagePhase() {
        attached.add(new ArtifactFile(
                new ArtifactCoordinates("com.example", "etl-job", "1.0", "jar", "shaded", null), null));

        assertThatThrownBy(() -> UploadPlanner.plan(project(), settings().withClassifier("shaded")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("The attached artifact com.example:etl-job:jar:shaded:1.0 has not been packaged. Run the"
                        + " package phase first, e.g. `mvn package dli:upload-group`.");
    }

    @Test
    void aPomProjectUploadsOnlyItsDependenciesAndExtraFiles() throws IOException {
        ArtifactCoordinates pomProject = new ArtifactCoordinates("com.example", "py-jobs", "2.0", "pom", null, null);
        Path job = file("job.py", 3);
        ProjectArtifacts project = new ProjectArtifacts(new ArtifactFile(pomProject, null), attached, dependencies);

        UploadPlan plan = UploadPlanner.plan(project, settings().withKind("pyFile").withFiles(List.of(job)));

        assertThat(plan.files()).extracting(PlannedFile::objectKey)
                .containsExactly("com.example/py-jobs/2.0/files/job.py");
    }

    @Test
    void aPomProjectCanUploadAnAttachedArtifact() throws IOException {
        ArtifactCoordinates pomProject = new ArtifactCoordinates("com.example", "py-jobs", "2.0", "pom", null, null);
        Path zip = file("target/py-jobs-2.0-python.zip", 4);
        attached.add(new ArtifactFile(new ArtifactCoordinates("com.example", "py-jobs", "2.0", "zip", "python", null),
                zip));
        ProjectArtifacts project = new ProjectArtifacts(new ArtifactFile(pomProject, null), attached, dependencies);

        UploadPlan plan = UploadPlanner.plan(project, settings().withKind("pyFile").withClassifier("python"));

        assertThat(plan.files()).extracting(PlannedFile::objectKey)
                .containsExactly("com.example/py-jobs/2.0/py-jobs-2.0-python.zip");
    }

    @Test
    void nothingToUploadNamesTheFilesSetting() {
        ArtifactCoordinates pomProject = new ArtifactCoordinates("com.example", "parent", "2.0", "pom", null, null);
        ProjectArtifacts project = new ProjectArtifacts(new ArtifactFile(pomProject, null), attached, dependencies);

        assertThatThrownBy(() -> UploadPlanner.plan(project, settings()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("Invalid files (-Ddli.files): there is nothing to upload:"
                        + " com.example:parent:pom:2.0 is packaged as pom")
                .hasMessageContaining("classifier (-Ddli.classifier)");
    }

    @Test
    void aDependencyWithoutFileIsAnErrorNamingIt() {
        dependencies.add(new ArtifactFile(
                new ArtifactCoordinates("org.x", "ghost", "1.0", "jar", null, "runtime"), null));

        assertThatThrownBy(() -> UploadPlanner.plan(project(), settings()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Invalid excludes (-Ddli.excludes): the dependency org.x:ghost:jar:1.0 (runtime) has no"
                        + " file, so it cannot be uploaded. Leave it out with an exclude pattern, e.g."
                        + " -Ddli.excludes=org.x:ghost, or set includeDependencies (-Ddli.includeDependencies) to"
                        + " false.");
    }

    @Test
    void anExcludedDependencyWithoutFileIsNoError() {
        dependencies.add(new ArtifactFile(
                new ArtifactCoordinates("org.x", "ghost", "1.0", "jar", null, "runtime"), null));

        assertThat(UploadPlanner.plan(project(), settings().withExcludes(List.of("org.x:ghost"))).files())
                .extracting(PlannedFile::fileName).containsExactly("etl-job-1.0.jar");
    }

    @Test
    void aDependencyOnAnUnpackagedModuleAsksToRunThePackagePhase() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("lib/target/classes"));
        dependencies.add(new ArtifactFile(
                new ArtifactCoordinates("com.example", "lib", "1.0", "jar", null, "compile"), classes));

        assertThatThrownBy(() -> UploadPlanner.plan(project(), settings()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("The dependency com.example:lib:jar:1.0 (compile) is the directory " + classes
                        + ", not a packaged file: it is a module of this build that has not been packaged. Run the"
                        + " package phase first, e.g. `mvn package dli:upload-group`.");
    }

    @Test
    void aMissingExtraFileIsNamed() {
        Path missing = dir.resolve("src/main/python/job.py");

        assertThatThrownBy(() -> UploadPlanner.plan(project(), settings().withFiles(List.of(missing))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Invalid files (-Ddli.files): '" + missing + "' does not exist. List only files that"
                        + " exist when the goal runs.");
    }

    @Test
    void aMissingRelativeExtraFileShowsWhereItWasLookedFor() {
        Path missing = Path.of("no-such-dir/job.py");

        assertThatThrownBy(() -> UploadPlanner.plan(project(), settings().withFiles(List.of(missing))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("Invalid files (-Ddli.files): '" + missing + "' does not exist (looked for "
                        + missing.toAbsolutePath() + ").");
    }

    @Test
    void anExtraDirectoryIsAnError() throws IOException {
        Path python = Files.createDirectories(dir.resolve("src/main/python"));

        assertThatThrownBy(() -> UploadPlanner.plan(project(), settings().withFiles(List.of(python))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Invalid files (-Ddli.files): '" + python + "' is a directory. List the files to upload"
                        + " one by one.");
    }

    @Test
    void mixingFileTypesUnderKindJarNamesTheKindSetting() throws IOException {
        Path job = file("job.py", 1);

        assertThatThrownBy(() -> UploadPlanner.plan(project(), settings().withFiles(List.of(job))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Invalid kind (-Ddli.kind): kind jar takes .jar files, but the upload also has job.py"
                        + " (extra file " + job + "). Set kind to file to upload a mix of file types.");
    }

    @Test
    void jarDependenciesUnderKindPyFileSuggestLeavingOutDependenciesAndListAtMostFive() throws IOException {
        ArtifactCoordinates pomProject = new ArtifactCoordinates("com.example", "py-jobs", "2.0", "pom", null, null);
        for (int i = 1; i <= 7; i++) {
            dependency("org.x", "lib" + i, "1", "compile");
        }
        ProjectArtifacts project = new ProjectArtifacts(new ArtifactFile(pomProject, null), attached, dependencies);

        assertThatThrownBy(() -> UploadPlanner.plan(project, settings().withKind("pyFile")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Invalid kind (-Ddli.kind): kind pyFile takes .py, .zip, .egg files, but the upload also"
                        + " has lib1-1.jar (org.x:lib1:jar:1 (compile)), lib2-1.jar (org.x:lib2:jar:1 (compile)),"
                        + " lib3-1.jar (org.x:lib3:jar:1 (compile)), lib4-1.jar (org.x:lib4:jar:1 (compile)),"
                        + " lib5-1.jar (org.x:lib5:jar:1 (compile)) and 2 more. Set kind to file to upload a mix of"
                        + " file types, or set includeDependencies (-Ddli.includeDependencies) to false to leave out"
                        + " the dependencies.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "modelFile"})
    void kindsFileAndModelFileTakeAMix(String kind) throws IOException {
        Path job = file("job.py", 1);
        Path model = file("model.onnx", 1);

        assertThat(UploadPlanner.plan(project(), settings().withKind(kind).withFiles(List.of(job, model))).files())
                .extracting(PlannedFile::fileName).containsExactly("etl-job-1.0.jar", "job.py", "model.onnx");
    }

    @Test
    void twoDependenciesWithTheSameFileNameSuggestAnExclude() throws IOException {
        dependencies.add(new ArtifactFile(new ArtifactCoordinates("org.a", "util", "1.0", "jar", null, "compile"),
                file("repo/a/util-1.0.jar", 1)));
        dependencies.add(new ArtifactFile(new ArtifactCoordinates("org.b", "util", "1.0", "jar", null, "runtime"),
                file("repo/b/util-1.0.jar", 1)));

        assertThatThrownBy(() -> UploadPlanner.plan(project(), settings()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Invalid excludes (-Ddli.excludes): two files would both be named 'util-1.0.jar' in"
                        + " package group 'etl', and DLI names each package after its file, so one would replace the"
                        + " other: org.a:util:jar:1.0 (compile) and org.b:util:jar:1.0 (runtime). Leave one out with"
                        + " an exclude pattern, e.g. <excludes><exclude>org.b:util</exclude></excludes> or"
                        + " -Ddli.excludes=org.b:util.");
    }

    @Test
    void aDependencyNamedLikeTheMainArtifactSuggestsExcludingTheDependency() throws IOException {
        dependencies.add(new ArtifactFile(new ArtifactCoordinates("org.other", "etl-job", "1.0", "jar", null,
                "compile"), file("repo/etl-job-1.0.jar", 1)));

        assertThatThrownBy(() -> UploadPlanner.plan(project(), settings()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("Invalid excludes (-Ddli.excludes): two files would both be named"
                        + " 'etl-job-1.0.jar'")
                .hasMessageContaining("main artifact com.example:etl-job:jar:1.0 and org.other:etl-job:jar:1.0"
                        + " (compile)")
                .hasMessageEndingWith("-Ddli.excludes=org.other:etl-job.");
    }

    @Test
    void anExtraFileNamedLikeAnArtifactNamesTheFilesSetting() throws IOException {
        Path copy = file("extra/etl-job-1.0.jar", 1);

        assertThatThrownBy(() -> UploadPlanner.plan(project(), settings().withFiles(List.of(copy))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Invalid files (-Ddli.files): two files would both be named 'etl-job-1.0.jar' in"
                        + " package group 'etl', and DLI names each package after its file, so one would replace the"
                        + " other: main artifact com.example:etl-job:jar:1.0 and extra file " + copy + ". Remove or"
                        + " rename one of the files.");
    }

    @Test
    void settingsAreCheckedBeforeAnyFile() {
        ProjectArtifacts unbuilt = new ProjectArtifacts(new ArtifactFile(PROJECT, null), attached, dependencies);

        assertThatThrownBy(() -> UploadPlanner.plan(unbuilt, settings().withKind("wheel")))
                .hasMessageStartingWith("Invalid kind (-Ddli.kind)");
        assertThatThrownBy(() -> UploadPlanner.plan(unbuilt, UploadSettings.forGroup("my group")))
                .hasMessageStartingWith("Invalid group (-Ddli.group)");
        assertThatThrownBy(() -> UploadPlanner.plan(unbuilt, settings().withTags(Map.of("", "x"))))
                .hasMessageStartingWith("Invalid tags (-Ddli.tags)");
        assertThatThrownBy(() -> UploadPlanner.plan(unbuilt, settings().withPrefix("a/../b")))
                .hasMessageStartingWith("Invalid prefix (-Ddli.obs.prefix)");
        assertThatThrownBy(() -> UploadPlanner.plan(unbuilt, settings().withIncludes(List.of("x"))))
                .hasMessageStartingWith("Invalid includes (-Ddli.includes)");
        assertThatThrownBy(() -> UploadPlanner.plan(unbuilt, settings().withExcludes(List.of("a:b:c:d:e"))))
                .hasMessageStartingWith("Invalid excludes (-Ddli.excludes)");
    }

    private UploadSettings settings() {
        return UploadSettings.forGroup("etl");
    }

    private ProjectArtifacts project() {
        return new ProjectArtifacts(new ArtifactFile(PROJECT, mainJar), attached, dependencies);
    }

    private void dependency(String groupId, String artifactId, String version, String scope) throws IOException {
        Path jar = file("repo/" + groupId + "/" + artifactId + "-" + version + ".jar", 1);
        dependencies.add(new ArtifactFile(
                new ArtifactCoordinates(groupId, artifactId, version, "jar", null, scope), jar));
    }

    private Path attach(String classifier, String type, String path) throws IOException {
        Path file = file(path, 2);
        attached.add(new ArtifactFile(
                new ArtifactCoordinates("com.example", "etl-job", "1.0", type, classifier, null), file));
        return file;
    }

    private Path file(String path, int size) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.write(file, new byte[size]);
    }
}
