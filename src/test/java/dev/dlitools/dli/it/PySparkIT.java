package dev.dlitools.dli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlitools.dli.core.publish.PublishResult;
import dev.dlitools.dli.emulator.GroupView;
import dev.dlitools.dli.it.MavenBuild.BuildResult;
import dev.dlitools.dli.testsupport.LocalStandIns;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A pom-packaged PySpark project publishes its Python files and a zip as a pyFile group, in a real Maven build. */
class PySparkIT {

    private static final String KEYS = "/dli/com.example.etl/orders-cleaner/1.0.0/files/";

    private LocalStandIns standIns;

    @AfterEach
    void stopStandIns() {
        if (standIns != null) {
            standIns.close();
        }
    }

    @Test
    void aPomProjectListingPythonFilesADirectoryAndAZipIsPublishedAsAReadyPyFileGroup() throws Exception {
        standIns = LocalStandIns.builder().asyncReadyDelay(Duration.ofMillis(100)).start();

        BuildResult result = MavenBuild.of("pyspark-job", "pyspark-job").pointAt(standIns)
                .property("dli.pollInterval", 1)
                .args("deploy", "-Dmaven.deploy.skip=true")
                .run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(result.log()).doesNotContain("Skipping dli:upload-group");
        GroupView group = standIns.emulator().group("orders-cleaner").orElseThrow();
        assertThat(group.status()).isEqualTo("READY");
        assertThat(group.kind()).isEqualTo("pyFile");
        // the driver as listed, the directory's files in path order (its __pycache__ left out), then the zip
        List<String> files = List.of("clean.py", "columns.py", "rules.py", "geo.zip");
        assertThat(group.packageNames()).containsExactlyElementsOf(files);
        PublishResult published = PublishResult.read(result.projectDir().resolve("target/dli-package-group.json"));
        String prefix = "obs://" + LocalStandIns.BUCKET + KEYS;
        assertThat(published.job().file()).isEqualTo(prefix + "clean.py");
        assertThat(published.job().pyFiles()).containsExactly(prefix + "columns.py", prefix + "rules.py",
                prefix + "geo.zip");
    }
}
