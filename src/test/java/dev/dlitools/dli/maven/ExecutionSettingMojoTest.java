package dev.dlitools.dli.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dlitools.dli.core.publish.PublishResult;
import dev.dlitools.dli.core.publish.PublishedFile;
import java.io.File;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * dli:describe and dli:delete-group given no group take the one an {@code <execution>} of upload-group publishes,
 * and dli:submit given no result file reads the one it writes: Maven applies an execution's {@code <configuration>}
 * to that execution only, never to a goal run from the command line. Before, they took the artifactId and the
 * default result file.
 */
@MojoTest
class ExecutionSettingMojoTest {

    private static final String ONE_EXECUTION = "/unit/group/one-execution/pom.xml";
    private static final String TWO_EXECUTIONS = "/unit/group/two-executions/pom.xml";
    private static final String RESULT_FILE_IN_EXECUTION = "/unit/execution/result-file/pom.xml";

    @TempDir
    Path dir;

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

    // before, submit run on its own read the default result file, which upload-group had not written
    @Test
    @InjectMojo(goal = "submit", pom = "classpath:" + RESULT_FILE_IN_EXECUTION)
    void submitReadsThePublishResultWhereTheUploadGroupExecutionWroteIt(SubmitMojo mojo) throws Exception {
        MavenProject project = projectIn(dir, RESULT_FILE_IN_EXECUTION);
        atDefaults(mojo, project);
        Path written = dir.resolve("target/published/orders.json");
        dryRun().writeTo(written);
        List<String> infos = InfoLines.of(mojo);

        // a dry run's plan is refused once read, before any call
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("Invalid resultFile (-Ddli.resultFile): it is the plan of a dry run");
        assertThat(infos).containsExactly("Publish result " + written + ", from the upload-group execution"
                + " 'publish' in the pom; -Ddli.resultFile=path names another.");
    }

    @Test
    @InjectMojo(goal = "submit", pom = "classpath:" + RESULT_FILE_IN_EXECUTION)
    void aResultFileGivenToSubmitWinsOverTheExecutions(SubmitMojo mojo) throws Exception {
        MavenProject project = projectIn(dir, RESULT_FILE_IN_EXECUTION);
        atDefaults(mojo, project);
        mojo.resultFile = dir.resolve("elsewhere.json").toFile();
        List<String> infos = InfoLines.of(mojo);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("Nothing was published to run: dli:upload-group did not run in this build"
                        + " and " + mojo.resultFile + " does not exist");
        assertThat(infos).isEmpty();
    }

    /** The mojo on {@code project}, its files where Maven puts them by default. */
    private static void atDefaults(SubmitMojo mojo, MavenProject project) {
        mojo.project = project;
        mojo.environment = Map.of();
        mojo.resultFile = new File(project.getBuild().getDirectory(), "dli-package-group.json");
        mojo.jobResultFile = new File(project.getBuild().getDirectory(), "dli-spark-job.json");
    }

    private static PublishResult dryRun() {
        String key = "dli/dev.dlitools.test/orders-job/1.0.0/orders-job-1.0.0.jar";
        return new PublishResult("orders-job", "jar", Map.of(), "etl-jars", null, true, false, false, null,
                List.of(new PublishedFile("orders-job-1.0.0.jar", "main artifact", key,
                        "https://etl-jars.obs.cn-north-4.myhuaweicloud.com/" + key, "obs://etl-jars/" + key, 10, "00",
                        "planned", null, null)), null);
    }

    /** The project of the test pom as if it were in {@code dir}, with the build directory Maven gives it. */
    private static MavenProject projectIn(Path dir, String pom) throws Exception {
        MavenProject project = projectOf(pom);
        project.setFile(dir.resolve("pom.xml").toFile());
        project.getBuild().setDirectory(dir.resolve("target").toString());
        return project;
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
        return Path.of(ExecutionSettingMojoTest.class.getResource(name).toURI());
    }
}
