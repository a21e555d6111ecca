package dev.dlitools.dli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlitools.dli.emulator.GroupView;
import dev.dlitools.dli.it.MavenBuild.BuildResult;
import dev.dlitools.dli.it.MavenBuild.PipedResult;
import dev.dlitools.dli.testsupport.LocalStandIns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code dli:describe} and {@code dli:delete-group} in real Maven builds against the DLI emulator. */
class GroupGoalsIT {

    private static final String AK = "GROUPGOALSITAK";
    private static final String SK = "group-goals-it-secret-key";
    private static final String PROJECT = "p-group-goals-it";
    /** The artifactId of src/it/list-in-project, the group name both goals default to there. */
    private static final String GROUP = "list-in-project";
    @RegisterExtension
    static final SharedStandIns dli =
            new SharedStandIns(LocalStandIns.builder().credentials(AK, SK).projectId(PROJECT));

    @Test
    void describesTheProjectsGroupThenDeletesItWhenConfirmed() {
        register(GROUP, "orders-job-1.0.jar", "jackson-databind-2.17.2.jar");
        register("another-group", "billing-job-2.0.jar");
        GroupView seeded = dli.emulator().group(GROUP).orElseThrow();

        BuildResult result = build("group-goals-confirmed")
                .args("dli:describe", "dli:delete-group")
                .property("dli.confirm", "true")
                .run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(result.log())
                .contains("[INFO] Group list-in-project: READY, 2 package(s)")
                .containsPattern("\\[INFO] PACKAGE +TYPE +STATUS +UNDERLYING NAME +CREATED +UPDATED")
                .containsPattern("\\[INFO] orders-job-1.0.jar +jar +READY +"
                        + seeded.packages().get(0).underlyingName())
                .contains("[INFO] Deleted package group 'list-in-project' (2 package(s))");
        assertThat(dli.emulator().group(GROUP)).isEmpty();
        assertThat(dli.emulator().group("another-group")).isPresent();
    }

    @Test
    void withMinusQTheDescriptionIsTheWholeStandardOutputForAPipe() throws Exception {
        register("described-for-a-script", "orders-job-1.0.jar", "jackson-databind-2.17.2.jar");

        PipedResult result = build("group-goals-quiet-json")
                .args("-q", "dli:describe")
                .property("dli.group", "described-for-a-script")
                .property("dli.format", "json")
                .runPiped();

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode json = ListIT.WHOLE_DOCUMENT.readTree(result.stdout());
        assertThat(json.path("group_name").asText()).isEqualTo("described-for-a-script");
        assertThat(json.path("details")).extracting(pkg -> pkg.path("resource_name").asText())
                .containsExactly("orders-job-1.0.jar", "jackson-databind-2.17.2.jar");
    }

    @Test
    void deleteWithoutConfirmFailsSayingHowToConfirmAndDeletesNothing() {
        register("keep-me", "job.jar");

        BuildResult result = build("group-goals-unconfirmed")
                .args("dli:delete-group")
                .property("dli.group", "keep-me")
                .run();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.log())
                .contains("dli:delete-group deletes every package of group 'keep-me' and cannot be undone. "
                        + "Confirm with -Ddli.confirm=true (confirm).")
                .doesNotContain("\tat dev.dlitools");
        assertThat(dli.emulator().group("keep-me")).isPresent();
        assertThat(dli.emulator().requests()).noneMatch(request -> request.method().equals("DELETE"));
    }

    // before, the pom's <group> won over -Ddli.group, as Maven has it, and that group was deleted instead
    @Test
    void deleteOfAGroupTheCommandLineNamesButThePomOverridesDeletesNothing() throws Exception {
        register("pom-group", "job.jar");
        register("named-group", "job.jar");
        MavenBuild build = build("group-goals-pom-wins");
        Path pom = build.projectDir().resolve("pom.xml");
        String text = Files.readString(pom);
        assertThat(text).contains("<region>cn-north-4</region>");
        Files.writeString(pom, text.replace("<region>cn-north-4</region>",
                "<region>cn-north-4</region><group>pom-group</group>"));

        BuildResult result = build.args("dli:delete-group")
                .property("dli.group", "named-group")
                .property("dli.confirm", "true")
                .run();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.log())
                .contains("dli:delete-group stops: it would act on group 'pom-group', not on 'named-group' that the"
                        + " command line names (group, -Ddli.group). The pom's <group>pom-group</group> set group:"
                        + " -Ddli.group=named-group lost to it")
                .doesNotContain("\tat dev.dlitools");
        assertThat(dli.emulator().group("pom-group")).isPresent();
        assertThat(dli.emulator().group("named-group")).isPresent();
        assertThat(dli.emulator().requests()).noneMatch(request -> request.method().equals("DELETE"));
    }

    // Maven gives an execution's <configuration> to that execution only: before, the artifactId's group was described
    @Test
    void describeTakesTheGroupOfTheUploadGroupExecutionAndSaysSo() {
        register("group-in-execution-etl", "orders-job-1.0.jar");

        BuildResult result = MavenBuild.of("group-in-execution", "group-goals-execution").pointAt(dli.standIns())
                .args("dli:describe")
                .run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(result.log())
                .contains("[INFO] Group group-in-execution-etl, from the upload-group execution 'publish' in the pom;"
                        + " -Ddli.group=name names another.")
                .contains("[INFO] Group group-in-execution-etl: READY, 1 package(s)");
    }

    private static MavenBuild build(String run) {
        return MavenBuild.of("list-in-project", run).pointAt(dli.standIns());
    }

    private static void register(String group, String... files) {
        dli.standIns().registerGroup(group, List.of(), files);
    }
}
