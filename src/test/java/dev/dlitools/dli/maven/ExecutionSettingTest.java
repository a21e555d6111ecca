package dev.dlitools.dli.maven;

import static dev.dlitools.dli.maven.ExecutionSetting.Parameter.GROUP;
import static dev.dlitools.dli.maven.ExecutionSetting.Parameter.RESULT_FILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/**
 * Which group the pom's upload-group executions publish, and where they write their result, for the goals given
 * none (ExecutionSettingMojoTest).
 */
class ExecutionSettingTest {

    private static final Path BASEDIR = Path.of("/projects/orders-job");

    @Test
    void executionsThatSetNoGroupPublishTheArtifactIdAsAGoalRunFromTheCommandLine() {
        MavenProject project = project(execution("default", null, "upload-group"));

        assertThat(ExecutionSetting.of(project, GROUP)).isEmpty();
    }

    @Test
    void twoExecutionsNamingTheSameGroupAreBothSaid() {
        MavenProject project = project(execution("publish", "etl-jobs", "upload-group"),
                execution("republish", "etl-jobs", "upload-group"));

        ExecutionSetting found = ExecutionSetting.of(project, GROUP).orElseThrow();

        assertThat(found.value()).isEqualTo("etl-jobs");
        assertThat(found.source()).isEqualTo("the upload-group executions 'publish', 'republish' in the pom");
    }

    // it publishes the artifactId beside the other one: taking the other would be a guess
    @Test
    void anExecutionWithoutAGroupCountsAsPublishingTheArtifactId() {
        MavenProject project = project(execution("publish", "etl-jobs", "upload-group"),
                execution("default", null, "upload-group"));

        assertThatThrownBy(() -> ExecutionSetting.of(project, GROUP))
                .isInstanceOf(SettingException.class)
                .hasMessage("No group given, and the pom's upload-group executions publish 2 groups: etl-jobs"
                        + " (execution 'publish'), orders-job (execution 'default', without <group>: the"
                        + " artifactId). Choose one with " + Setting.GROUP.withValue("name") + ".");
    }

    // Maven resolves the pom's properties in the model; what is left is set while the build runs, or never
    @Test
    void aGroupThePomDoesNotResolveIsRefusedNamingTheSetting() {
        MavenProject project = project(execution("publish", "${deploy.group}", "upload-group"));

        assertThatThrownBy(() -> ExecutionSetting.of(project, GROUP))
                .isInstanceOfSatisfying(SettingException.class,
                        e -> assertThat(e.setting()).isEqualTo(Setting.GROUP))
                .hasMessage("No group given, and the upload-group execution 'publish' in the pom sets <group> to"
                        + " ${deploy.group}, which the pom does not resolve: its value is known only while that"
                        + " execution runs, if at all. Give " + Setting.GROUP.withValue("name") + ".");
    }

    @Test
    void executionsOfOtherGoalsAndSwitchedOffOnesDoNotCount() {
        PluginExecution switchedOff = execution("inherited", "etl-old", "upload-group");
        switchedOff.setPhase("none");
        MavenProject project = project(switchedOff, execution("run", "etl-other", "submit"),
                execution("publish", "etl-jobs", "upload-group"));

        assertThat(ExecutionSetting.of(project, GROUP)).map(ExecutionSetting::value).contains("etl-jobs");
    }

    // Maven resolves a file parameter against the project's directory: the goal reading it must too
    @Test
    void aRelativeResultFileIsInTheProjectsDirectory() {
        MavenProject project = project(resultFileIn("publish", "target/published/orders.json"));

        assertThat(ExecutionSetting.of(project, RESULT_FILE)).map(ExecutionSetting::value)
                .contains(BASEDIR.resolve("target/published/orders.json").toString());
    }

    // the pom spells out the default in one, and leaves it out in the other: one file
    @Test
    void anExecutionNamingTheDefaultResultFileAgreesWithOneThatSetsNone() {
        MavenProject project = project(resultFileIn("publish", BASEDIR + "/target/./dli-package-group.json"),
                execution("default", null, "upload-group"));

        assertThat(ExecutionSetting.of(project, RESULT_FILE)).map(ExecutionSetting::source)
                .contains("the upload-group execution 'publish' in the pom");
    }

    @Test
    void executionsWritingDifferentResultFilesAreOneErrorListingThem() {
        MavenProject project = project(resultFileIn("publish", "target/published/orders.json"),
                execution("default", null, "upload-group"));

        assertThatThrownBy(() -> ExecutionSetting.of(project, RESULT_FILE))
                .isInstanceOfSatisfying(SettingException.class,
                        e -> assertThat(e.setting()).isEqualTo(Setting.RESULT_FILE))
                .hasMessage("No result file given, and the pom's upload-group executions write 2 result files: "
                        + BASEDIR.resolve("target/published/orders.json") + " (execution 'publish'), "
                        + BASEDIR.resolve("target/dli-package-group.json") + " (execution 'default', without"
                        + " <resultFile>: the default). Choose one with " + Setting.RESULT_FILE.withValue("path")
                        + ".");
    }

    @Test
    void aResultFileThePomDoesNotResolveIsRefusedAsWritten() {
        MavenProject project = project(resultFileIn("publish", "${publish.dir}/orders.json"));

        assertThatThrownBy(() -> ExecutionSetting.of(project, RESULT_FILE))
                .hasMessageStartingWith("No result file given, and the upload-group execution 'publish' in the pom"
                        + " sets <resultFile> to ${publish.dir}/orders.json, which the pom does not resolve");
    }

    private static PluginExecution execution(String id, String group, String goal) {
        return execution(id, goal, "group", group);
    }

    private static PluginExecution resultFileIn(String id, String resultFile) {
        return execution(id, "upload-group", "resultFile", resultFile);
    }

    /** An execution of {@code goal} that sets {@code parameter} to {@code value}, or nothing when it is null. */
    private static PluginExecution execution(String id, String goal, String parameter, String value) {
        PluginExecution execution = new PluginExecution();
        execution.setId(id);
        execution.setGoals(List.of(goal));
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        if (value != null) {
            Xpp3Dom element = new Xpp3Dom(parameter);
            element.setValue(value);
            configuration.addChild(element);
        }
        execution.setConfiguration(configuration);
        return execution;
    }

    private static MavenProject project(PluginExecution... executions) {
        Plugin plugin = new Plugin();
        plugin.setGroupId("dev.dlitools");
        plugin.setArtifactId("dli-maven-plugin");
        plugin.setExecutions(List.of(executions));
        Model model = new Model();
        model.setArtifactId("orders-job");
        model.setBuild(new Build());
        model.getBuild().addPlugin(plugin);
        model.getBuild().setDirectory(BASEDIR.resolve("target").toString());
        MavenProject project = new MavenProject(model);
        project.setFile(BASEDIR.resolve("pom.xml").toFile());
        return project;
    }
}
