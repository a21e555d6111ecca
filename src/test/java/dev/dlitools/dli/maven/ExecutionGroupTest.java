package dev.dlitools.dli.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/** Which group the pom's upload-group executions publish, for the goals given none (ExecutionGroupMojoTest). */
class ExecutionGroupTest {

    @Test
    void executionsThatSetNoGroupPublishTheArtifactIdAsAGoalRunFromTheCommandLine() {
        MavenProject project = project(execution("default", null, "upload-group"));

        assertThat(ExecutionGroup.of(project)).isEmpty();
    }

    @Test
    void twoExecutionsNamingTheSameGroupAreBothSaid() {
        MavenProject project = project(execution("publish", "etl-jobs", "upload-group"),
                execution("republish", "etl-jobs", "upload-group"));

        ExecutionGroup found = ExecutionGroup.of(project).orElseThrow();

        assertThat(found.name()).isEqualTo("etl-jobs");
        assertThat(found.source()).isEqualTo("the upload-group executions 'publish', 'republish' in the pom");
    }

    // it publishes the artifactId beside the other one: taking the other would be a guess
    @Test
    void anExecutionWithoutAGroupCountsAsPublishingTheArtifactId() {
        MavenProject project = project(execution("publish", "etl-jobs", "upload-group"),
                execution("default", null, "upload-group"));

        assertThatThrownBy(() -> ExecutionGroup.of(project))
                .isInstanceOf(SettingException.class)
                .hasMessage("No group given, and the pom's upload-group executions publish 2 groups: etl-jobs"
                        + " (execution 'publish'), orders-job (execution 'default', without <group>: the"
                        + " artifactId). Choose one with " + Setting.GROUP.withValue("name") + ".");
    }

    // Maven resolves the pom's properties in the model; what is left is set while the build runs, or never
    @Test
    void aGroupThePomDoesNotResolveIsRefusedNamingTheSetting() {
        MavenProject project = project(execution("publish", "${deploy.group}", "upload-group"));

        assertThatThrownBy(() -> ExecutionGroup.of(project))
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

        assertThat(ExecutionGroup.of(project)).map(ExecutionGroup::name).contains("etl-jobs");
    }

    private static PluginExecution execution(String id, String group, String goal) {
        PluginExecution execution = new PluginExecution();
        execution.setId(id);
        execution.setGoals(List.of(goal));
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        if (group != null) {
            Xpp3Dom element = new Xpp3Dom("group");
            element.setValue(group);
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
        return new MavenProject(model);
    }
}
