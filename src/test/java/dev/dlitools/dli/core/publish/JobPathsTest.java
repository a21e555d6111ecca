package dev.dlitools.dli.core.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlitools.dli.core.dli.DliJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobPathsTest {

    private static final PublishedFile DEPENDENCY = file("gson-2.11.0.jar", "com.google.code.gson:gson:jar:2.11.0 (compile)");
    private static final PublishedFile MAIN = file("orders-1.0.jar", "main artifact com.example:orders:jar:1.0");
    private static final PublishedFile SHADED = file("orders-1.0-shaded.jar",
            "attached artifact com.example:orders:jar:shaded:1.0");
    private static final PublishedFile DRIVER = file("clean.py", "extra file");
    private static final PublishedFile HELPERS = file("helpers.zip", "extra file");

    @Test
    void theProjectsArtifactIsTheMainFileAndTheOthersGoToJarsInPlanOrder() {
        JobPaths paths = JobPaths.of("jar", List.of(DEPENDENCY, MAIN, DRIVER));

        assertThat(paths).isEqualTo(new JobPaths(MAIN.obsPath(),
                List.of(DEPENDENCY.obsPath(), DRIVER.obsPath()), null, null));
        assertThat(paths.all()).containsExactly(MAIN.obsPath(), DEPENDENCY.obsPath(), DRIVER.obsPath());
    }

    @Test
    void anAttachedArtifactIsTheMainFileToo() {
        assertThat(JobPaths.of("jar", List.of(DEPENDENCY, SHADED)).file()).isEqualTo(SHADED.obsPath());
    }

    @Test
    void withoutTheProjectsArtifactTheFirstExtraFileIsTheMainFileAndTheOthersArePyFiles() {
        JobPaths paths = JobPaths.of("pyFile", List.of(DRIVER, HELPERS));

        assertThat(paths).isEqualTo(new JobPaths(DRIVER.obsPath(), null, List.of(HELPERS.obsPath()), null));
        assertThat(paths.others()).containsExactly(HELPERS.obsPath());
    }

    @Test
    void kindsFileAndModelFileListTheOthersAsFiles() {
        assertThat(JobPaths.of("file", List.of(MAIN, DRIVER)).files()).containsExactly(DRIVER.obsPath());
        assertThat(JobPaths.of("modelFile", List.of(MAIN, DRIVER)).files()).containsExactly(DRIVER.obsPath());
    }

    // kind file is DLI's kind for a mix: before, a jar job's dependencies went to files, off its class path
    @Test
    void kindFileListsEachOtherFileInTheArrayItsTypeCallsFor() {
        PublishedFile config = file("application.conf", "extra file");

        JobPaths jarJob = JobPaths.of("file", List.of(DEPENDENCY, MAIN, config, HELPERS));
        JobPaths pythonJob = JobPaths.of("file", List.of(DRIVER, HELPERS, DEPENDENCY, config));

        assertThat(jarJob).isEqualTo(new JobPaths(MAIN.obsPath(), List.of(DEPENDENCY.obsPath()), null,
                List.of(config.obsPath(), HELPERS.obsPath())));
        assertThat(pythonJob).isEqualTo(new JobPaths(DRIVER.obsPath(), List.of(DEPENDENCY.obsPath()),
                List.of(HELPERS.obsPath()), List.of(config.obsPath())));
        assertThat(pythonJob.all()).containsExactlyInAnyOrder(DRIVER.obsPath(), HELPERS.obsPath(),
                DEPENDENCY.obsPath(), config.obsPath());
    }

    @Test
    void onlyDependenciesHaveNoMainFile() {
        JobPaths paths = JobPaths.of("jar", List.of(DEPENDENCY));

        assertThat(paths.file()).isNull();
        assertThat(paths.all()).containsExactly(DEPENDENCY.obsPath());
    }

    @Test
    void theResultFileHoldsEachObsPathAndTheJobArraysUnderTheBatchBodysNames(@TempDir Path dir) throws IOException {
        PublishResult result = new PublishResult("orders", "pyFile", Map.of(), "etl-jars", null, false, false, false, null,
                List.of(DRIVER, HELPERS), null);
        Path written = dir.resolve("dli-package-group.json");
        result.writeTo(written);

        JsonNode json = DliJson.MAPPER.readTree(Files.readString(written));
        assertThat(json.at("/files/0/obs_path").asText()).isEqualTo("obs://etl-jars/dli/files/clean.py");
        assertThat(json.at("/job/file").asText()).isEqualTo("obs://etl-jars/dli/files/clean.py");
        assertThat(json.at("/job/pyFiles/0").asText()).isEqualTo("obs://etl-jars/dli/files/helpers.zip");
        assertThat(json.get("job").has("jars")).isFalse();
        assertThat(PublishResult.read(written)).isEqualTo(result);
    }

    private static PublishedFile file(String name, String origin) {
        String key = origin.equals("extra file") ? "dli/files/" + name : "dli/" + name;
        return new PublishedFile(name, origin, key, "https://etl-jars.obs/" + key, "obs://etl-jars/" + key, 10, "00",
                "uploaded", null, null);
    }
}
