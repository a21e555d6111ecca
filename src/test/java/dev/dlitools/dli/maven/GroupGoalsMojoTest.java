package dev.dlitools.dli.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlitools.dli.core.common.DliException;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/**
 * How dli:describe and dli:delete-group pick their group and are skipped, and delete-group's refusals (without
 * confirmation, of a pattern).
 */
class GroupGoalsMojoTest {

    @Test
    void inAProjectTheGroupDefaultsToTheArtifactId() {
        DescribeMojo mojo = new DescribeMojo(null);
        mojo.project = project(new File("pom.xml"));

        assertThat(mojo.groupName("dli:describe", new MavenListener(mojo.getLog()))).isEqualTo("orders-job");
    }

    // before, the aggregator's artifactId was taken: a group that cannot exist, so a delete found nothing and succeeded
    @Test
    void atTheRootOfAReactorTheGroupIsRequired() {
        DescribeMojo mojo = new DescribeMojo(null);
        mojo.project = project(new File("pom.xml"));
        mojo.project.setPackaging("pom");
        mojo.project.getModules().add("orders-job");

        assertThatThrownBy(() -> mojo.groupName("dli:describe", new MavenListener(mojo.getLog())))
                .isInstanceOf(DliException.class)
                .hasMessage("No group given, and orders-job is an aggregator of modules that publishes no group of its"
                        + " own. Give group (-Ddli.group=name), or run dli:describe in a module (-pl <module>).");
    }

    @Test
    void theGroupSettingWins() {
        DescribeMojo mojo = new DescribeMojo(null);
        mojo.project = project(new File("pom.xml"));
        mojo.group = " etl-orders ";

        assertThat(mojo.groupName("dli:describe", new MavenListener(mojo.getLog()))).isEqualTo("etl-orders");
    }

    // before, `-Ddli.group=old -Ddli.confirm=true` deleted the pom's <group> instead, as Maven lets the pom win
    @Test
    void aGroupGivenOnTheCommandLineThatLostToThePomStopsDeleteGroupAndDescribeBeforeAnyCall() {
        DeleteGroupMojo delete = withGroups(new DeleteGroupMojo(null), "etl-orders", "etl-orders", "etl-orders-old");
        delete.confirm = true;
        DescribeMojo describe = withGroups(new DescribeMojo(null), "etl-orders", "etl-orders", "etl-orders-old");

        assertThatThrownBy(delete::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("dli:delete-group stops: it would act on group 'etl-orders', not on 'etl-orders-old' that"
                        + " the command line names (group, -Ddli.group). The pom's <group>etl-orders</group> set"
                        + " group: -Ddli.group=etl-orders-old lost to it, as Maven gives the plugin's <configuration>"
                        + " precedence over -D. Remove <group> from the pom, or give it there as"
                        + " <properties><dli.group>etl-orders</dli.group></properties>, which -D overrides.");
        assertThatThrownBy(describe::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("dli:describe stops: it would act on group 'etl-orders', not on"
                        + " 'etl-orders-old'");
    }

    @Test
    void aGroupThePomWritesAsAnExpressionBeatsTheCommandLineAllTheSame() {
        DeleteGroupMojo mojo = withGroups(new DeleteGroupMojo(null), "${project.artifactId}-etl", "orders-job-etl",
                "orders-job-old");
        mojo.confirm = true;

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("dli:delete-group stops: it would act on group 'orders-job-etl', not on"
                        + " 'orders-job-old' that the command line names (group, -Ddli.group).");
    }

    // before, -Ddli.format=table lost to the pom's <format> without a word, and the description came as JSON
    @Test
    void aPropertyThatLostToThePomIsAWarningBeforeTheGoalRuns() throws Exception {
        DescribeMojo mojo = new DescribeMojo(null);
        mojo.group = "etl-orders";
        mojo.skip = "true";
        mojo.mojoExecution = executionConfiguredWith("format", "json");
        mojo.session = Sessions.withUserProperty("dli.format", "table");
        List<String> warnings = InfoLines.warningsOf(mojo);

        mojo.execute();

        assertThat(warnings).containsExactly("The pom's <format>json</format> set format: -Ddli.format=table lost to"
                + " it, as Maven gives the plugin's <configuration> precedence over -D. Remove <format> from the pom,"
                + " or give it there as <properties><dli.format>json</dli.format></properties>, which -D overrides.");
    }

    @Test
    void aGroupGivenOnTheCommandLineAndInThePomAlikeIsNoConflict() {
        DescribeMojo mojo = withGroups(new DescribeMojo(null), "etl-orders", "etl-orders", "etl-orders");

        assertThat(mojo.groupName("dli:describe", new MavenListener(mojo.getLog()))).isEqualTo("etl-orders");
    }

    @Test
    void outsideAProjectTheGroupIsRequired() {
        DescribeMojo mojo = new DescribeMojo(null);
        // what Maven injects without a pom: a placeholder project without a file
        mojo.project = project(null);

        assertThatThrownBy(() -> mojo.groupName("dli:describe", new MavenListener(mojo.getLog())))
                .isInstanceOf(DliException.class)
                .hasMessage("No group given. Outside a project dli:describe needs group (-Ddli.group=name).");
    }

    @Test
    void deleteGroupRefusesWithoutConfirmationBeforeAskingForARegionOrCredentials() {
        DeleteGroupMojo mojo = new DeleteGroupMojo(null);
        mojo.group = "etl-orders";
        mojo.environment = Map.of();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("dli:delete-group deletes every package of group 'etl-orders' and cannot be undone. "
                        + "Confirm with -Ddli.confirm=true (confirm).");
    }

    // before, delete-group and describe had no skip: -Ddli.skip=true deleted the group all the same
    @Test
    void skipSkipsDeleteGroupAndDescribeBeforeAskingForARegionOrCredentials() throws Exception {
        DeleteGroupMojo delete = new DeleteGroupMojo(null);
        delete.group = "etl-orders";
        delete.confirm = true;
        delete.skip = "true";
        delete.environment = Map.of(); // no region, no credentials: any call would fail
        DescribeMojo describe = new DescribeMojo(null);
        describe.group = "etl-orders";
        describe.skip = "true";
        describe.environment = Map.of();
        List<String> deleteInfos = InfoLines.of(delete);
        List<String> describeInfos = InfoLines.of(describe);

        assertThatCode(delete::execute).doesNotThrowAnyException();
        assertThatCode(describe::execute).doesNotThrowAnyException();
        assertThat(deleteInfos).containsExactly("Skipping dli:delete-group (dli.skip=true)");
        assertThat(describeInfos).containsExactly("Skipping dli:describe (dli.skip=true)");
    }

    @Test
    void releasesSkipsAReleaseProjectOnlyAndOtherValuesAreRefusedNamingTheSetting() throws Exception {
        DescribeMojo release = new DescribeMojo(null);
        release.project = project(new File("pom.xml"));
        release.skip = "releases";
        release.environment = Map.of();
        DescribeMojo outsideAProject = new DescribeMojo(null);
        outsideAProject.project = project(null);
        outsideAProject.group = "etl-orders";
        outsideAProject.skip = "releases";
        outsideAProject.environment = Map.of();
        DescribeMojo mistyped = new DescribeMojo(null);
        mistyped.group = "etl-orders";
        mistyped.skip = "always";
        List<String> releaseInfos = InfoLines.of(release);

        assertThatCode(release::execute).doesNotThrowAnyException();
        assertThat(releaseInfos).containsExactly("Skipping dli:describe (dli.skip=releases)");
        assertThatThrownBy(outsideAProject::execute).as("no version to judge: not skipped")
                .isInstanceOf(MojoExecutionException.class).hasMessageStartingWith("No region given.");
        assertThatThrownBy(mistyped::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("skip (-Ddli.skip) is 'always'; it takes true, false, releases or snapshots.");
    }

    // before, 'mod-*' matched no group, and the delete said "nothing to delete" and succeeded
    @Test
    void deleteGroupRefusesAPatternBeforeAnyCall() {
        DeleteGroupMojo mojo = new DeleteGroupMojo(null);
        mojo.group = "etl-*";
        mojo.confirm = true;
        mojo.environment = Map.of("HUAWEICLOUD_SDK_REGION", "cn-north-4", "HUAWEICLOUD_SDK_PROJECT_ID", "p",
                "HUAWEICLOUD_SDK_AK", "AK0123456789", "HUAWEICLOUD_SDK_SK", "sk");
        mojo.endpoint = "http://127.0.0.1:1";
        mojo.connectTimeout = 5;
        mojo.readTimeout = 5;
        mojo.retries = 0;

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("Invalid group (-Ddli.group): 'etl-*' is a pattern; give one group's exact name. Patterns"
                        + " are for listing: groupFilter (-Ddli.group=etl-*).");
    }

    private static MavenProject project(File pom) {
        MavenProject project = new MavenProject();
        project.setArtifactId(pom == null ? "standalone-pom" : "orders-job");
        project.setFile(pom);
        return project;
    }

    /**
     * A goal in a project whose pom writes {@code <group>pomGroup</group>}, for which Maven injected {@code injected},
     * run with {@code -Ddli.group=commandLine}; without region or credentials, so that any call would fail.
     */
    private static <M extends AbstractGroupMojo> M withGroups(M mojo, String pomGroup, String injected,
            String commandLine) {
        mojo.project = project(new File("pom.xml"));
        mojo.group = injected;
        mojo.mojoExecution = executionConfiguredWith("group", pomGroup);
        mojo.session = Sessions.withUserProperty("dli.group", commandLine);
        mojo.environment = Map.of();
        return mojo;
    }

    private static MojoExecution executionConfiguredWith(String parameter, String value) {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom element = new Xpp3Dom(parameter);
        element.setValue(value);
        configuration.addChild(element);
        MojoExecution execution = new MojoExecution(new MojoDescriptor());
        execution.setConfiguration(configuration);
        return execution;
    }
}
