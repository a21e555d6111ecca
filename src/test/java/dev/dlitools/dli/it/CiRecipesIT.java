package dev.dlitools.dli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.dlitools.dli.it.MavenBuild.BuildResult;
import dev.dlitools.dli.testsupport.LocalStandIns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The CI recipes of the README ({@code src/it/ci-recipes}) as they are written: the Maven command line and the
 * environment variables are read from the workflow files and run as a real build against the stand-ins.
 */
class CiRecipesIT {

    private static final Path RECIPES = Paths.get(System.getProperty("it.projectsDir")).resolve("ci-recipes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void gitHubActionsWorkflowPublishesTheGroupAndWritesTheJobSummary() throws IOException {
        JsonNode step = mavenStep(YAML.readTree(RECIPES.resolve(".github/workflows/publish.yml").toFile()));
        String command = step.path("run").asText().trim();
        Map<String, String> workflowEnv = new LinkedHashMap<>();
        step.path("env").properties().forEach(field -> workflowEnv.put(field.getKey(), field.getValue().asText()));
        assertThat(command).startsWith("mvn ");
        assertThat(workflowEnv).containsKeys("HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK");

        try (LocalStandIns standIns = LocalStandIns.start()) {
            MavenBuild build = MavenBuild.of("ci-recipes", "ci-github-actions");
            build.args(Arrays.stream(command.split("\\s+")).skip(1).toArray(String[]::new));
            // only where the cloud is; region, project and credentials come from the workflow's variables
            standIns.mavenArguments().stream()
                    .filter(argument -> argument.contains("endpoint=") || argument.contains("pathStyle="))
                    .forEach(build::args);
            workflowEnv.forEach((name, value) -> build.env(name, valueFor(name, value, standIns)));
            Path summary = build.projectDir().resolveSibling("step-summary.md");
            Files.writeString(summary, "## Build\n");
            build.env("GITHUB_STEP_SUMMARY", summary.toString());

            BuildResult result = build.run();

            assertThat(result.succeeded()).as(result.toString()).isTrue();
            assertThat(result.log()).contains("Group ingest-job is READY")
                    .doesNotContain(standIns.credentials().secretKey());
            assertThat(standIns.emulator().group("ingest-job").orElseThrow().status()).isEqualTo("READY");
            assertThat(Files.readString(summary)).startsWith("## Build\n### DLI package group `ingest-job`")
                    .contains("| Status | **READY** |", "| Project | `" + LocalStandIns.PROJECT_ID + "` |",
                            "| Result file | `target/dli-package-group.json` |",
                            "| `ingest-job-1.0.0.jar` |", "| `commons-lang3-3.14.0.jar` |");
        }
    }

    /** Runs the same command as the GitHub workflow, so the build above covers it too. */
    @Test
    void gitLabJobRunsTheSameCommandWithTheSameVariables() throws IOException {
        String gitLab = Files.readString(RECIPES.resolve(".gitlab-ci.yml"));
        JsonNode job = YAML.readTree(gitLab).path("publish-dli");
        JsonNode gitHubStep = mavenStep(YAML.readTree(RECIPES.resolve(".github/workflows/publish.yml").toFile()));

        assertThat(job.path("script").get(0).asText()).isEqualTo(gitHubStep.path("run").asText().trim());
        // GitLab takes secrets from the project's CI/CD variables: the file names them in a comment
        gitHubStep.path("env").properties().forEach(variable -> assertThat(gitLab).contains(variable.getKey()));
        assertThat(job.path("variables").path("HUAWEICLOUD_SDK_REGION").asText())
                .isEqualTo(gitHubStep.path("env").path("HUAWEICLOUD_SDK_REGION").asText());
    }

    private static JsonNode mavenStep(JsonNode workflow) {
        List<JsonNode> steps = workflow.path("jobs").path("publish").path("steps").findParents("run");
        assertThat(steps).as("steps that run a command").hasSize(1);
        return steps.get(0);
    }

    /** A literal value is used as written; a secret gets the stand-ins' value. */
    private static String valueFor(String name, String workflowValue, LocalStandIns standIns) {
        if (!workflowValue.contains("${{")) {
            return workflowValue;
        }
        return switch (name) {
            case "HUAWEICLOUD_SDK_AK" -> standIns.credentials().accessKey();
            case "HUAWEICLOUD_SDK_SK" -> standIns.credentials().secretKey();
            case "HUAWEICLOUD_SDK_PROJECT_ID" -> LocalStandIns.PROJECT_ID;
            default -> throw new AssertionError("The workflow uses a secret the test does not know: " + name);
        };
    }
}
