package dev.dlitools.dli.core.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.dlitools.dli.core.common.SettingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
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

        UploadPlan plan = plan(project(), settings().kind("file").includeMainArtifact(true).prefix("/dli/")
                .files(List.of(second, first)));

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

        UploadPlan plan = plan(project(), settings().tags(tags));

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

        assertThat(plan(project(), settings()).files()).extracting(PlannedFile::fileName)
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

        assertThat(plan(project(), settings()).files()).extracting(PlannedFile::origin)
                .containsExactly("main artifact com.example:etl-job:jar:1.0", "org.x:compiled:jar:1 (compile)",
                        "org.x:run:jar:1 (runtime)", "org.x:unscoped:jar:1 (compile)");
    }

    @Test
    void skipsPomTypeDependencies() throws IOException {
        dependencies.add(new ArtifactFile(
                new ArtifactCoordinates("org.x", "bom", "1", "pom", null, "compile"), file("repo/bom-1.pom", 1)));

        assertThat(plan(project(), settings()).files()).extracting(PlannedFile::fileName)
                .containsExactly("etl-job-1.0.jar");
    }

    @Test
    void withoutIncludeDependenciesOnlyTheProjectsArtifactIsUploaded() throws IOException {
        dependency("org.x", "lib", "1", "compile");

        assertThat(plan(project(), settings().includeDependencies(false)).files())
                .extracting(PlannedFile::fileName).containsExactly("etl-job-1.0.jar");
    }

    @Test
    void includesKeepOnlyMatchingDependencies() throws IOException {
        dependency("org.apache.commons", "commons-lang3", "3.14.0", "compile");
        dependency("org.apache.commons", "commons-text", "1.11.0", "compile");
        dependency("com.google.guava", "guava", "33.0", "compile");

        UploadPlan plan = plan(project(),
                settings().includes(List.of("org.apache.*:*-lang*", "com.google.guava:guava:jar")));

        assertThat(plan.files()).extracting(PlannedFile::fileName)
                .containsExactly("etl-job-1.0.jar", "guava-33.0.jar", "commons-lang3-3.14.0.jar");
    }

    @Test
    void excludesWinOverIncludesAndNeverDropTheProjectsArtifact() throws IOException {
        dependency("org.apache.commons", "commons-lang3", "3.14.0", "compile");
        dependency("org.apache.commons", "commons-text", "1.11.0", "compile");

        UploadPlan plan = plan(project(), settings()
                .includes(List.of("org.apache.commons:*"))
                .excludes(List.of("*:commons-text", "com.example:*")));

        assertThat(plan.files()).extracting(PlannedFile::fileName)
                .containsExactly("etl-job-1.0.jar", "commons-lang3-3.14.0.jar");
    }

    @Test
    void aMainArtifactWithoutFileAsksToRunThePackagePhase() {
        ProjectArtifacts project = new ProjectArtifacts(new ArtifactFile(PROJECT, null), attached, dependencies);

        assertThatThrownBy(() -> plan(project, settings()))
                .isInstanceOf(NotPackagedException.class)
                .hasMessage("The main artifact com.example:etl-job:jar:1.0 has not been packaged.");
    }

    @Test
    void aMainArtifactThatIsTheClassesDirectoryAsksToRunThePackagePhase() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("target/classes"));
        ProjectArtifacts project = new ProjectArtifacts(new ArtifactFile(PROJECT, classes), attached, dependencies);

        assertThatThrownBy(() -> plan(project, settings()))
                .isInstanceOf(NotPackagedException.class)
                .hasMessage("The main artifact com.example:etl-job:jar:1.0 has not been packaged (" + classes
                        + " is a directory).");
    }

    @Test
    void aMainArtifactWhoseFileIsGoneAsksToRunThePackagePhase() throws IOException {
        Files.delete(mainJar);

        assertThatThrownBy(() -> plan(project(), settings()))
                .isInstanceOf(NotPackagedException.class)
                .hasMessageEndingWith("(" + mainJar + " does not exist).");
    }

    @Test
    void aClassifierUploadsThatAttachedArtifactInsteadOfTheMainArtifact() throws IOException {
        Path shaded = attach("shaded", "jar", "target/etl-job-1.0-shaded.jar");
        attach("sources", "jar", "target/etl-job-1.0-sources.jar");

        UploadPlan plan = plan(project(), settings().classifier("shaded"));

        assertThat(plan.files()).containsExactly(new PlannedFile(shaded, "etl-job-1.0-shaded.jar",
                "com.example/etl-job/1.0/etl-job-1.0-shaded.jar", "attached artifact com.example:etl-job:jar:shaded:1.0",
                Files.size(shaded)));
    }

    @Test
    void aClassifierLeavesTheDependenciesOutUnlessIncludeDependenciesIsSet() throws IOException {
        dependency("org.a", "alpha", "3.0", "compile");
        attach("shaded", "jar", "target/etl-job-1.0-shaded.jar");

        assertThat(plan(project(), settings().classifier("shaded")).files()).extracting(PlannedFile::fileName)
                .containsExactly("etl-job-1.0-shaded.jar");
        assertThat(plan(project(), settings().classifier("shaded").includeDependencies(true)).files())
                .extracting(PlannedFile::fileName).containsExactly("etl-job-1.0-shaded.jar", "alpha-3.0.jar");
        assertThat(plan(project(), settings()).files()).extracting(PlannedFile::fileName)
                .containsExactly("etl-job-1.0.jar", "alpha-3.0.jar");
    }

    @Test
    void sparkAndScalaAtCompileOrRuntimeScopeAreAWarningPointingAtProvidedScope() throws IOException {
        dependency("org.apache.spark", "spark-sql_2.12", "3.3.1", "compile");
        dependency("org.scala-lang", "scala-library", "2.12.15", null);
        dependency("org.apache.spark", "spark-core_2.12", "3.3.1", "provided");
        dependency("org.scala-lang", "scala-reflect", "2.12.15", "compile");
        attach("shaded", "jar", "target/etl-job-1.0-shaded.jar");

        // shaded into the jar they clash just as well, so the warning stands without the dependencies uploaded
        UploadPlan plan = plan(project(), settings().classifier("shaded"));

        assertThat(plan.warnings()).containsExactly("DLI provides Spark and Scala's library to every Spark job, but"
                + " the project depends on org.apache.spark:spark-sql_2.12:jar:3.3.1 (compile),"
                + " org.scala-lang:scala-library:jar:2.12.15 (compile). Give such dependencies scope provided:"
                + " uploaded beside the jar or shaded into it, their classes would clash with DLI's own.");
    }

    @Test
    void noWarningWhenDliProvidedDependenciesHaveScopeProvided() throws IOException {
        dependency("org.apache.spark", "spark-sql_2.12", "3.3.1", "provided");
        dependency("org.a", "alpha", "3.0", "compile");

        assertThat(plan(project(), settings()).warnings()).isEmpty();
    }

    @Test
    void anUnknownClassifierListsTheAttachedClassifiers() throws IOException {
        attach("sources", "jar", "target/etl-job-1.0-sources.jar");
        attach("javadoc", "jar", "target/etl-job-1.0-javadoc.jar");

        assertThatThrownBy(() -> plan(project(), settings().classifier("shaded")))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{CLASSIFIER}}: the build attached no artifact with"
                        + " classifier 'shaded'. Attached classifiers: javadoc, sources. Set it to one of"
                        + " those, or leave it empty to upload the main artifact.");
    }

    @Test
    void anUnknownClassifierSaysWhenNothingIsAttached() {
        assertThatThrownBy(() -> plan(project(), settings().classifier("shaded")))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{CLASSIFIER}}: the build attached no artifact with"
                        + " classifier 'shaded'. It attached no artifact with a classifier at all.")
                .hasMessageContaining("let it run before this one");
    }

    @Test
    void aClassifierOfSeveralAttachedArtifactsIsAmbiguous() throws IOException {
        attach("dist", "zip", "target/etl-job-1.0-dist.zip");
        attach("dist", "tar.gz", "target/etl-job-1.0-dist.tar.gz");

        assertThatThrownBy(() -> plan(project(), settings().classifier("dist")))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{CLASSIFIER}}: the build attached 2 artifacts with"
                        + " classifier 'dist' (com.example:etl-job:zip:dist:1.0, com.example:etl-job:tar.gz:dist:1.0)")
                .hasMessageContaining("{{FILES}}");
    }

    @Test
    void anAttachedArtifactWithoutFileAsksToRunThePackagePhase() {
        attached.add(new ArtifactFile(
                new ArtifactCoordinates("com.example", "etl-job", "1.0", "jar", "shaded", null), null));

        assertThatThrownBy(() -> plan(project(), settings().classifier("shaded")))
                .isInstanceOf(NotPackagedException.class)
                .hasMessage("The attached artifact com.example:etl-job:jar:shaded:1.0 has not been packaged.");
    }

    @Test
    void aPomProjectUploadsOnlyItsDependenciesAndExtraFiles() throws IOException {
        ArtifactCoordinates pomProject = new ArtifactCoordinates("com.example", "py-jobs", "2.0", "pom", null, null);
        Path job = file("job.py", 3);
        ProjectArtifacts project = new ProjectArtifacts(new ArtifactFile(pomProject, null), attached, dependencies);

        UploadPlan plan = plan(project, settings().kind("pyFile").files(List.of(job)));

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

        UploadPlan plan = plan(project, settings().kind("pyFile").classifier("python"));

        assertThat(plan.files()).extracting(PlannedFile::objectKey)
                .containsExactly("com.example/py-jobs/2.0/py-jobs-2.0-python.zip");
    }

    @Test
    void nothingToUploadNamesTheFilesSetting() {
        ArtifactCoordinates pomProject = new ArtifactCoordinates("com.example", "parent", "2.0", "pom", null, null);
        ProjectArtifacts project = new ProjectArtifacts(new ArtifactFile(pomProject, null), attached, dependencies);

        assertThatThrownBy(() -> plan(project, settings()))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{FILES}}: there is nothing to upload:"
                        + " com.example:parent:pom:2.0 is packaged as pom")
                .hasMessageContaining("{{CLASSIFIER}}");
    }

    @Test
    void aDependencyWithoutFileIsAnErrorNamingIt() {
        dependencies.add(new ArtifactFile(
                new ArtifactCoordinates("org.x", "ghost", "1.0", "jar", null, "runtime"), null));

        assertThatThrownBy(() -> plan(project(), settings()))
                .isInstanceOf(SettingException.class)
                .hasMessage("Invalid {{EXCLUDES}}: the dependency org.x:ghost:jar:1.0 (runtime) has no"
                        + " file, so it cannot be uploaded. Leave it out with an exclude pattern, e.g."
                        + " {{EXCLUDES=org.x:ghost}}, or set {{INCLUDE_DEPENDENCIES}} to"
                        + " false.");
    }

    @Test
    void anExcludedDependencyWithoutFileIsNoError() {
        dependencies.add(new ArtifactFile(
                new ArtifactCoordinates("org.x", "ghost", "1.0", "jar", null, "runtime"), null));

        assertThat(plan(project(), settings().excludes(List.of("org.x:ghost"))).files())
                .extracting(PlannedFile::fileName).containsExactly("etl-job-1.0.jar");
    }

    @Test
    void aDependencyOnAnUnpackagedModuleAsksToRunThePackagePhase() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("lib/target/classes"));
        dependencies.add(new ArtifactFile(
                new ArtifactCoordinates("com.example", "lib", "1.0", "jar", null, "compile"), classes));

        assertThatThrownBy(() -> plan(project(), settings()))
                .isInstanceOf(NotPackagedException.class)
                .hasMessage("The dependency com.example:lib:jar:1.0 (compile) is the directory " + classes
                        + ", not a packaged file: it is a module of this build that has not been packaged.");
    }

    @Test
    void aMissingExtraFileIsNamed() {
        Path missing = dir.resolve("src/main/python/job.py");

        assertThatThrownBy(() -> plan(project(), settings().files(List.of(missing))))
                .isInstanceOf(SettingException.class)
                .hasMessage("Invalid {{FILES}}: '" + missing + "' does not exist. List only files that"
                        + " exist when the goal runs.");
    }

    @Test
    void aMissingRelativeExtraFileShowsWhereItWasLookedFor() {
        Path missing = Path.of("no-such-dir/job.py");

        assertThatThrownBy(() -> plan(project(), settings().files(List.of(missing))))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{FILES}}: '" + missing + "' does not exist (looked for "
                        + missing.toAbsolutePath() + ").");
    }

    @Test
    void anExtraDirectoryIsEveryFileBelowItInPathOrderWithoutHiddenFilesAndPythonCaches() throws IOException {
        Path python = dir.resolve("src/main/python");
        file("src/main/python/zeta.py", 1);
        file("src/main/python/alpha/b.py", 1);
        file("src/main/python/alpha/a.py", 1);
        file("src/main/python/.venv.py", 1);
        file("src/main/python/.idea/x.py", 1);
        file("src/main/python/alpha/__pycache__/a.cpython-311.pyc", 1);

        assertThat(plan(project(), settings().kind("pyFile").files(List.of(python))).files())
                .extracting(PlannedFile::fileName).containsExactly("a.py", "b.py", "zeta.py");
    }

    @Test
    void aGlobPatternIsExpandedBelowItsFixedPartInPathOrder() throws IOException {
        file("src/main/python/jobs/clean.py", 1);
        file("src/main/python/jobs/lib/util.py", 1);
        file("src/main/python/jobs/lib/notes.txt", 1);
        file("src/main/python/readme.md", 1);
        Path pattern = dir.resolve("src/main/python/**/*.py");
        Path zips = dir.resolve("libs/*.zip");
        file("libs/geo.zip", 1);

        assertThat(plan(project(), settings().kind("pyFile").files(List.of(pattern, zips))).files())
                .extracting(PlannedFile::fileName).containsExactly("clean.py", "util.py", "geo.zip");
    }

    @Test
    void aSymlinkedFileIsUploadedUnderTheLinksName() throws IOException {
        Path shared = file("shared/common-util.py", 3);
        Path python = Files.createDirectories(dir.resolve("src/main/python"));
        Path link = Files.createSymbolicLink(python.resolve("util.py"), shared);

        assertThat(plan(project(), settings().kind("pyFile").files(List.of(link))).files())
                .extracting(PlannedFile::fileName, PlannedFile::size).containsExactly(tuple("util.py", 3L));
    }

    @Test
    void aSymlinkedFolderIsListedLikeAnyOtherFolder() throws IOException {
        file("shared/lib/util.py", 1);
        file("src/main/python/clean.py", 1);
        Path python = dir.resolve("src/main/python");
        Files.createSymbolicLink(python.resolve("lib"), dir.resolve("shared/lib"));
        Path linkedPython = Files.createSymbolicLink(dir.resolve("python"), python);

        assertThat(plan(project(), settings().kind("pyFile").files(List.of(python))).files())
                .extracting(PlannedFile::fileName).containsExactly("clean.py", "util.py");
        assertThat(plan(project(), settings().kind("pyFile").files(List.of(linkedPython))).files())
                .extracting(PlannedFile::fileName).containsExactly("clean.py", "util.py");
        assertThat(plan(project(), settings().kind("pyFile").files(List.of(dir.resolve("python/*/*.py")))).files())
                .extracting(PlannedFile::fileName).containsExactly("util.py");
    }

    @Test
    void aFolderLinkedIntoItselfIsAnErrorNamingIt() throws IOException {
        Path python = dir.resolve("src/main/python");
        file("src/main/python/clean.py", 1);
        Path loop = Files.createSymbolicLink(python.resolve("loop"), python);

        // before, "(FileSystemLoopException: ...). Make it readable, or leave it out.": no permission would help
        assertThatThrownBy(() -> plan(project(), settings().kind("pyFile").files(List.of(python))))
                .isInstanceOf(SettingException.class)
                .hasMessage("Invalid {{FILES}}: '" + python + "' cannot be listed: '" + loop + "' links to a folder"
                        + " that holds it, so the listing would never end. Remove the link, or list the folders you"
                        + " mean.");
    }

    // following links, a loop where nothing is taken from (a virtualenv, a tool's cache) failed the whole listing
    @Test
    void aLoopInsideAFolderLeftOutIsNotWalked() throws IOException {
        Path python = dir.resolve("src/main/python");
        file("src/main/python/clean.py", 1);
        Path cache = Files.createDirectories(python.resolve(".cache"));
        Files.createSymbolicLink(cache.resolve("self"), cache);

        assertThat(plan(project(), settings().kind("pyFile").files(List.of(python))).files())
                .extracting(PlannedFile::fileName).containsExactly("clean.py");
    }

    @Test
    void anEntryMatchingNoFileIsAnErrorNamingIt() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("src/main/python"));
        Path pattern = dir.resolve("src/main/python/**/*.py");

        assertThatThrownBy(() -> plan(project(), settings().kind("pyFile").files(List.of(empty))))
                .isInstanceOf(SettingException.class)
                .hasMessage("Invalid {{FILES}}: '" + empty + "' matches no file. List files, directories or"
                        + " patterns such as src/main/python/**/*.py that match files when the goal runs.");
        assertThatThrownBy(() -> plan(project(), settings().kind("pyFile").files(List.of(pattern))))
                .hasMessageStartingWith("Invalid {{FILES}}: '" + pattern + "' matches no file.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/main/python/{clean.py,util.py", "src/main/python/[clean.py"})
    void aMalformedPatternIsAnErrorNamingIt(String entry) throws IOException {
        file("src/main/python/clean.py", 1);
        Path pattern = dir.resolve(entry);

        assertThatThrownBy(() -> plan(project(), settings().kind("pyFile").files(List.of(pattern))))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{FILES}}: '" + pattern + "' is not a valid pattern (Missing ")
                .hasMessageEndingWith("). Close every [ with ] and every { with }; patterns take *, **, ?, [abc] and"
                        + " {a,b}.");
    }

    @Test
    void aDirectoryThatCannotBeListedIsAnErrorNamingIt() throws IOException {
        Path python = dir.resolve("src/main/python");
        file("src/main/python/clean.py", 1);
        Path locked = file("src/main/python/locked/util.py", 1).getParent();
        Files.setPosixFilePermissions(locked, Set.of());
        try {
            assumeFalse(Files.isReadable(locked), "permissions are not enforced (root)");

            assertThatThrownBy(() -> plan(project(), settings().kind("pyFile").files(List.of(python))))
                    .isInstanceOf(SettingException.class)
                    .hasMessage("Invalid {{FILES}}: '" + python + "' cannot be listed (AccessDeniedException: "
                            + locked + "). Make it readable, or leave it out.");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void kindPyFileLeavesTheProjectsJarOutUnlessIncludeMainArtifactIsSet() throws IOException {
        Path job = file("job.py", 1);

        assertThat(plan(project(), settings().kind("pyFile").files(List.of(job))).files())
                .extracting(PlannedFile::fileName).containsExactly("job.py");
        assertThatThrownBy(() -> plan(project(), settings().kind("pyFile").includeMainArtifact(true)
                        .files(List.of(job))))
                .isInstanceOf(SettingException.class)
                .hasMessage("Invalid {{KIND}}: kind pyFile takes .py, .zip, .egg files, but the upload also has"
                        + " etl-job-1.0.jar (main artifact com.example:etl-job:jar:1.0). To keep kind pyFile, set"
                        + " {{INCLUDE_MAIN_ARTIFACT}} to false to leave out the project's artifact, or set kind to"
                        + " file only if the job really takes a mix of file types as plain files.");
    }

    @Test
    void withoutTheProjectsArtifactNothingElseIsNothingToUpload() {
        assertThatThrownBy(() -> plan(project(), settings().kind("pyFile")))
                .isInstanceOf(SettingException.class)
                .hasMessage("Invalid {{FILES}}: there is nothing to upload: the project's artifact is left out"
                        + " ({{INCLUDE_MAIN_ARTIFACT}} is false, the default for kind pyFile), and no dependency or"
                        + " extra file is selected. List the files to upload in {{FILES}}.");
    }

    @Test
    void mixingFileTypesUnderKindJarNamesTheKindSetting() throws IOException {
        Path job = file("job.py", 1);

        assertThatThrownBy(() -> plan(project(), settings().files(List.of(job))))
                .isInstanceOf(SettingException.class)
                .hasMessage("Invalid {{KIND}}: kind jar takes .jar files, but the upload also has job.py"
                        + " (extra file " + job + "). To keep kind jar, leave the other files out of {{FILES}}, or"
                        + " set kind to file only if the job really takes a mix of file types as plain files.");
    }

    @Test
    void jarDependenciesUnderKindPyFileSuggestLeavingOutDependenciesAndListAtMostFive() throws IOException {
        ArtifactCoordinates pomProject = new ArtifactCoordinates("com.example", "py-jobs", "2.0", "pom", null, null);
        for (int i = 1; i <= 7; i++) {
            dependency("org.x", "lib" + i, "1", "compile");
        }
        ProjectArtifacts project = new ProjectArtifacts(new ArtifactFile(pomProject, null), attached, dependencies);

        assertThatThrownBy(() -> plan(project, settings().kind("pyFile")))
                .isInstanceOf(SettingException.class)
                .hasMessage("Invalid {{KIND}}: kind pyFile takes .py, .zip, .egg files, but the upload also"
                        + " has lib1-1.jar (org.x:lib1:jar:1 (compile)), lib2-1.jar (org.x:lib2:jar:1 (compile)),"
                        + " lib3-1.jar (org.x:lib3:jar:1 (compile)), lib4-1.jar (org.x:lib4:jar:1 (compile)),"
                        + " lib5-1.jar (org.x:lib5:jar:1 (compile)) and 2 more. To keep kind pyFile, set"
                        + " {{INCLUDE_DEPENDENCIES}} to false to leave out the dependencies, or set kind to file only"
                        + " if the job really takes a mix of file types as plain files.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "modelFile"})
    void kindsFileAndModelFileTakeAMix(String kind) throws IOException {
        Path job = file("job.py", 1);
        Path model = file("model.onnx", 1);

        assertThat(plan(project(), settings().kind(kind).files(List.of(job, model))).files())
                .extracting(PlannedFile::fileName).containsExactly("job.py", "model.onnx");
    }

    @Test
    void twoDependenciesWithTheSameFileNameSuggestAnExclude() throws IOException {
        dependencies.add(new ArtifactFile(new ArtifactCoordinates("org.a", "util", "1.0", "jar", null, "compile"),
                file("repo/a/util-1.0.jar", 1)));
        dependencies.add(new ArtifactFile(new ArtifactCoordinates("org.b", "util", "1.0", "jar", null, "runtime"),
                file("repo/b/util-1.0.jar", 1)));

        assertThatThrownBy(() -> plan(project(), settings()))
                .isInstanceOf(SettingException.class)
                .hasMessage("Invalid {{EXCLUDES}}: two files would both be named 'util-1.0.jar' in"
                        + " package group 'etl', and DLI names each package after its file, so one would replace the"
                        + " other: org.a:util:jar:1.0 (compile) and org.b:util:jar:1.0 (runtime). Leave one out with"
                        + " an exclude pattern, e.g. {{EXCLUDES=org.b:util}}.");
    }

    @Test
    void aDependencyNamedLikeTheMainArtifactSuggestsExcludingTheDependency() throws IOException {
        dependencies.add(new ArtifactFile(new ArtifactCoordinates("org.other", "etl-job", "1.0", "jar", null,
                "compile"), file("repo/etl-job-1.0.jar", 1)));

        assertThatThrownBy(() -> plan(project(), settings()))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("Invalid {{EXCLUDES}}: two files would both be named"
                        + " 'etl-job-1.0.jar'")
                .hasMessageContaining("main artifact com.example:etl-job:jar:1.0 and org.other:etl-job:jar:1.0"
                        + " (compile)")
                .hasMessageEndingWith("{{EXCLUDES=org.other:etl-job}}.");
    }

    @Test
    void anExtraFileNamedLikeAnArtifactNamesTheFilesSetting() throws IOException {
        Path copy = file("extra/etl-job-1.0.jar", 1);

        assertThatThrownBy(() -> plan(project(), settings().files(List.of(copy))))
                .isInstanceOf(SettingException.class)
                .hasMessage("Invalid {{FILES}}: two files would both be named 'etl-job-1.0.jar' in"
                        + " package group 'etl', and DLI names each package after its file, so one would replace the"
                        + " other: main artifact com.example:etl-job:jar:1.0 and extra file " + copy + ". Remove or"
                        + " rename one of the files.");
    }

    @Test
    void aDependencyWhoseFileNameDliRefusesSuggestsAnExclude() throws IOException {
        dependencies.add(new ArtifactFile(new ArtifactCoordinates("org.a", "util", "1.0+build", "jar", null,
                "compile"), file("repo/util-1.0+build.jar", 1)));

        assertThatThrownBy(() -> plan(project(), settings()))
                .isInstanceOf(SettingException.class)
                .hasMessage("Invalid {{EXCLUDES}}: the file name 'util-1.0+build.jar' of org.a:util:jar:1.0+build"
                        + " (compile) contains '+', so DLI cannot make a package of it. "
                        + PackageGroupRules.PACKAGE_NAME_RULE + " Leave it out with an exclude pattern, e.g."
                        + " {{EXCLUDES=org.a:util}}, and ship its classes inside a shaded jar instead.");
    }

    @Test
    void anExtraFileWhoseNameDliRefusesAsksToRenameIt() throws IOException {
        Path hidden = file("python/.env.py", 1);

        assertThatThrownBy(() -> plan(project(), settings().kind("file").files(List.of(hidden))))
                .isInstanceOf(SettingException.class)
                .hasMessage("Invalid {{FILES}}: the file name '.env.py' of extra file " + hidden + " starts with"
                        + " '.', so DLI cannot make a package of it. " + PackageGroupRules.PACKAGE_NAME_RULE
                        + " Rename the file, or leave it out of {{FILES}}.");
    }

    @Test
    void aMainArtifactWhoseNameIsTooLongAsksForAnotherFileNameInTheBuild() throws IOException {
        String longName = "a".repeat(125) + ".jar";
        mainJar = file("target/" + longName, 1);

        assertThatThrownBy(() -> plan(project(), settings()))
                .isNotInstanceOf(SettingException.class)
                .hasMessage("The file name '" + longName + "' of main artifact com.example:etl-job:jar:1.0 is 129"
                        + " characters long, so DLI cannot make a package of it. " + PackageGroupRules.PACKAGE_NAME_RULE
                        + " Give the artifact a file name DLI accepts in the build (its final name), e.g. by"
                        + " replacing the other characters with '_'.");
    }

    @Test
    void aPackageNameOfExactly128AllowedCharactersIsAccepted() throws IOException {
        String name = "a_b!c-" + "d".repeat(118) + ".jar";
        mainJar = file("target/" + name, 1);

        assertThat(plan(project(), settings()).files()).extracting(PlannedFile::fileName).containsExactly(name);
    }

    @Test
    void aBadPackageNameFailsBeforeTheKindCheck() throws IOException {
        Path spaced = file("extra/my model.onnx", 1);

        assertThatThrownBy(() -> plan(project(), settings().files(List.of(spaced))))
                .hasMessageStartingWith("Invalid {{FILES}}: the file name 'my model.onnx'")
                .hasMessageContaining("contains ' '");
    }

    @Test
    void settingsAreCheckedBeforeAnyFile() {
        ProjectArtifacts unbuilt = new ProjectArtifacts(new ArtifactFile(PROJECT, null), attached, dependencies);

        assertThatThrownBy(() -> plan(unbuilt, settings().kind("wheel")))
                .hasMessageStartingWith("Invalid {{KIND}}");
        assertThatThrownBy(() -> plan(unbuilt, UploadSettings.builder("my group")))
                .hasMessageStartingWith("Invalid {{GROUP}}");
        assertThatThrownBy(() -> plan(unbuilt, settings().tags(Map.of("", "x"))))
                .hasMessageStartingWith("Invalid {{TAGS}}");
        assertThatThrownBy(() -> plan(unbuilt, settings().prefix("a/../b")))
                .hasMessageStartingWith("Invalid {{PREFIX}}");
        assertThatThrownBy(() -> plan(unbuilt, settings().includes(List.of("x"))))
                .hasMessageStartingWith("Invalid {{INCLUDES}}");
        assertThatThrownBy(() -> plan(unbuilt, settings().excludes(List.of("a:b:c:d:e"))))
                .hasMessageStartingWith("Invalid {{EXCLUDES}}");
    }

    // maven-shade-plugin's default replaces the main artifact with the shaded jar: before, every dependency went up
    // beside it too, each class twice on the job's class path (relocated and not)
    @Test
    void aDependencyShadedIntoTheMainArtifactIsNotUploadedBesideIt() throws IOException {
        dependency("org.a", "alpha", "3.0", "compile");
        dependency("org.a", "beta", "1.1", "runtime");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(mainJar))) {
            for (String entry : List.of("com/example/Job.class", "META-INF/maven/com.example/etl-job/pom.properties",
                    "META-INF/maven/org.a/alpha/pom.properties", "org/a/alpha/Alpha.class")) {
                jar.putNextEntry(new JarEntry(entry));
                jar.closeEntry();
            }
        }

        assertThat(plan(project(), settings()).files()).extracting(PlannedFile::fileName)
                .containsExactly("etl-job-1.0.jar", "beta-1.1.jar");
        assertThat(plan(project(), settings().includeDependencies(true)).files()).extracting(PlannedFile::fileName)
                .as("asked for all the same").containsExactly("etl-job-1.0.jar", "alpha-3.0.jar", "beta-1.1.jar");
    }

    private static UploadPlan plan(ProjectArtifacts project, UploadSettings.Builder settings) {
        return UploadPlanner.plan(project, settings.build());
    }

    private UploadSettings.Builder settings() {
        return UploadSettings.builder("etl");
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
