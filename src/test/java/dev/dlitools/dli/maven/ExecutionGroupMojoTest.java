package dev.dlitools.dli.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/**
 * dli:describe and dli:delete-group given no group take the one an {@code <execution>} of upload-group publishes:
 * Maven applies an execution's {@code <configuration>} to that execution only, never to a goal run from the command
 * line. Before, they took the artifactId.
 */
@MojoTest
class ExecutionGroupMojoTest {

    private static final String ONE_EXECUTION = "/unit/group/one-execution/pom.xml";
    private static final String TWO_EXECUTIONS = "/unit/group/two-executions/pom.xml";

    @Test
    @InjectMojo(goal = "delete-group", pom = "classpath:" + ONE_EXECUTION)
    void deleteGroupTakesTheGroupOfTheUploadGroupExecution(DeleteGroupMojo mojo) throws Exception {
        mojo.project = projectOf(ONE_EXECUTION);
        mojo.environment = Map.of();

        // the refusal without confirmation names the group, before any call
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("dli:delete-group deletes every package of group 'etl-jobs' ");
    }

    @Test
    @InjectMojo(goal = "describe", pom = "classpath:" + ONE_EXECUTION)
    void describeSaysWhereTheGroupComesFrom(DescribeMojo mojo) throws Exception {
        mojo.project = projectOf(ONE_EXECUTION);
        mojo.environment = Map.of();
        List<String> infos = InfoLines.of(mojo);

        Throwable failure = catchThrowable(mojo::execute);

        assertThat(infos).containsExactly("Group etl-jobs, from the upload-group execution 'publish' in the pom;"
                + " -Ddli.group=name names another.");
        assertThat(failure).as("the next step needs a region").hasMessageStartingWith("No region given.");
    }

    @Test
    @InjectMojo(goal = "describe", pom = "classpath:" + TWO_EXECUTIONS)
    void twoExecutionsPublishingDifferentGroupsAreOneErrorListingThem(DescribeMojo mojo) throws Exception {
        mojo.project = projectOf(TWO_EXECUTIONS);
        mojo.environment = Map.of();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("No group given, and the pom's upload-group executions publish 2 groups: etl-nightly"
                        + " (execution 'nightly'), etl-hourly (execution 'hourly'). Choose one with group"
                        + " (-Ddli.group=name).");
    }

    @Test
    @InjectMojo(goal = "delete-group", pom = "classpath:" + TWO_EXECUTIONS)
    @MojoParameter(name = "group", value = "etl-orders")
    void theGroupSettingWinsOverTheExecutions(DeleteGroupMojo mojo) throws Exception {
        mojo.project = projectOf(TWO_EXECUTIONS);
        mojo.environment = Map.of();
        List<String> infos = InfoLines.of(mojo);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("dli:delete-group deletes every package of group 'etl-orders' ");
        assertThat(infos).isEmpty();
    }

    /**
     * The project as Maven builds it from the test pom: the harness injects a project of its own, without the pom's
     * model, so without its executions.
     */
    private static MavenProject projectOf(String pom) throws Exception {
        Path file = resource(pom);
        try (Reader reader = Files.newBufferedReader(file)) {
            MavenProject project = new MavenProject(new MavenXpp3Reader().read(reader));
            project.setFile(file.toFile());
            return project;
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ExecutionGroupMojoTest.class.getResource(name).toURI());
    }
}
