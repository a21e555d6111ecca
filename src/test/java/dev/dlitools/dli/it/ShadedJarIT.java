package dev.dlitools.dli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlitools.dli.core.publish.PublishResult;
import dev.dlitools.dli.core.publish.PublishedFile;
import dev.dlitools.dli.emulator.GroupView;
import dev.dlitools.dli.it.MavenBuild.BuildResult;
import dev.dlitools.dli.testsupport.LocalStandIns;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A project that shades its dependencies into its jar publishes that jar alone, in a real Maven build. */
class ShadedJarIT {

    private LocalStandIns standIns;

    @AfterEach
    void stopStandIns() {
        if (standIns != null) {
            standIns.close();
        }
    }

    @Test
    void theShadedJarIsPublishedWithoutTheDependenciesItHolds() throws Exception {
        standIns = LocalStandIns.builder().asyncReadyDelay(Duration.ofMillis(100)).start();

        BuildResult result = MavenBuild.of("shaded-job", "shaded-job").pointAt(standIns)
                .property("dli.pollInterval", 1)
                .args("deploy", "-Dmaven.deploy.skip=true")
                .run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        GroupView group = standIns.emulator().group("clicks-job").orElseThrow();
        assertThat(group.status()).isEqualTo("READY");
        assertThat(group.packageNames()).containsExactly("clicks-job-1.0.0-shaded.jar");
        PublishResult published = PublishResult.read(result.projectDir().resolve("target/dli-package-group.json"));
        assertThat(published.files()).extracting(PublishedFile::fileName)
                .containsExactly("clicks-job-1.0.0-shaded.jar");
        assertThat(published.job().file()).endsWith("/com.example.etl/clicks-job/1.0.0/clicks-job-1.0.0-shaded.jar");
        assertThat(result.log()).contains("uploaded  clicks-job-1.0.0-shaded.jar").doesNotContain("uploaded  gson");
    }
}
