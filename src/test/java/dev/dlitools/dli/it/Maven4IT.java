package dev.dlitools.dli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlitools.dli.it.MavenBuild.BuildResult;
import dev.dlitools.dli.testsupport.LocalStandIns;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The plugin loads and runs on Maven 4 (the distribution the build fetched from Maven Central), not only 3.9. */
class Maven4IT {

    private static final String AK = "MAVEN4ITACCESSKEY";
    private static final String SK = "maven4-it-secret-key";
    private static final String PROJECT = "p-maven4-it";
    @RegisterExtension
    static final SharedStandIns dli =
            new SharedStandIns(LocalStandIns.builder().credentials(AK, SK).projectId(PROJECT));

    @Test
    void listRunsOnMaven4WithoutWarningsAboutThePlugin() {
        dli.standIns().registerGroup("on-maven-4", List.of(), "job-4.jar");

        BuildResult result = MavenBuild.of("list-in-project", "maven4-list")
                .mavenHome(MavenBuild.MAVEN4_HOME)
                .args("-V", "dli:list")
                .pointAt(dli.standIns())
                .run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(result.log()).contains("Apache Maven 4.")
                .containsPattern("\\[INFO] on-maven-4 +READY +1 ")
                .doesNotContainPattern("(?i)\\[WARN(ING)?].*dli-maven-plugin");
    }

    @Test
    void uploadGroupDryRunPlansOnMaven4() {
        BuildResult result = MavenBuild.of("spark-job", "maven4-dry-run")
                .mavenHome(MavenBuild.MAVEN4_HOME)
                .args("package", "dli:upload-group")
                .pointAt(dli.standIns())
                .property("dli.dryRun", true)
                .run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(result.log()).contains("Dry run: nothing is uploaded or registered.", "\"group\" : \"orders-job\"")
                .doesNotContainPattern("(?i)\\[WARN(ING)?].*dli-maven-plugin");
        assertThat(dli.emulator().group("orders-job")).isEmpty();
    }
}
