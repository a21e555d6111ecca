package dev.dlitools.dli.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlitools.dli.core.common.DliException;
import java.io.File;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/** How dli:describe and dli:delete-group pick their group, and delete-group's refusal without confirmation. */
class GroupGoalsMojoTest {

    @Test
    void inAProjectTheGroupDefaultsToTheArtifactId() {
        DescribeMojo mojo = new DescribeMojo(null);
        mojo.project = project(new File("pom.xml"));

        assertThat(mojo.groupName("dli:describe")).isEqualTo("orders-job");
    }

    @Test
    void theGroupSettingWins() {
        DescribeMojo mojo = new DescribeMojo(null);
        mojo.project = project(new File("pom.xml"));
        mojo.group = " etl-orders ";

        assertThat(mojo.groupName("dli:describe")).isEqualTo("etl-orders");
    }

    @Test
    void outsideAProjectTheGroupIsRequired() {
        DescribeMojo mojo = new DescribeMojo(null);
        // what Maven injects without a pom: a placeholder project without a file
        mojo.project = project(null);

        assertThatThrownBy(() -> mojo.groupName("dli:describe"))
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

    private static MavenProject project(File pom) {
        MavenProject project = new MavenProject();
        project.setArtifactId(pom == null ? "standalone-pom" : "orders-job");
        project.setFile(pom);
        return project;
    }
}
