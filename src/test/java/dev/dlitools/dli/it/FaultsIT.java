package dev.dlitools.dli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlitools.dli.emulator.Fault;
import dev.dlitools.dli.it.MavenBuild.BuildResult;
import dev.dlitools.dli.testsupport.LocalStandIns;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code dli:upload-group} in real Maven builds while DLI fails: retried, or given up on without a group. */
class FaultsIT {

    private static final String UPLOAD = "/v2\\.0/[^/]+/resources";

    private LocalStandIns standIns;

    @BeforeEach
    void start() {
        standIns = LocalStandIns.builder().asyncReadyDelay(Duration.ofMillis(300)).start();
    }

    @AfterEach
    void stop() {
        standIns.close();
    }

    @Test
    void dliServerErrorTwiceThenOkPublishesTheGroup() {
        standIns.emulator().inject(Fault.respond(500).times(2).on("POST", UPLOAD));

        BuildResult result = deploy("dli-500-twice").run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(result.log()).contains("failed (HTTP 500 DLI.0999); attempt 2/4 in ", "; attempt 3/4 in ",
                "Group orders-job is READY");
        assertThat(standIns.emulator().uploadPostCount()).isEqualTo(3);
        assertThat(standIns.emulator().group("orders-job").orElseThrow().status()).isEqualTo("READY");
    }

    @Test
    void dliDownForGoodFailsTheBuildAfterEveryAttemptBeforeAnyUpload() {
        standIns.emulator().inject(Fault.respond(503).always());

        BuildResult result = deploy("dli-down").property("dli.retries", 2).run();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.log()).contains("attempt 2/3", "attempt 3/3")
                .contains("failed with HTTP 503")
                .contains("Gave up after 3 attempts (retries, -Ddli.retries).")
                .doesNotContain("\tat dev.dlitools")
                .doesNotContain(standIns.credentials().secretKey());
        // DLI is asked for the group before the first upload, so nothing is sent to OBS either
        assertThat(standIns.emulator().requests()).hasSize(3).allMatch(request -> request.method().equals("GET"));
        assertThat(standIns.s3Proxy().blobStore().list(LocalStandIns.BUCKET).contents()).as("objects uploaded").isEmpty();
        assertThat(standIns.emulator().groups()).isEmpty();
    }

    @Test
    void dliRedirectIsNotFollowedAndNamesTheLocationAndTheEndpointSetting() {
        standIns.emulator().inject(Fault.respond(307).body("{\"error_msg\":\"moved\"}")
                .location("https://dli.elsewhere.example.com/").always().on("POST", UPLOAD));

        BuildResult result = deploy("dli-redirect").run();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.log()).contains("failed with HTTP 307 (moved, request id ",
                        "The service redirects to https://dli.elsewhere.example.com/, which is not followed because "
                                + "the signature must not travel; check endpoint (-Ddli.endpoint).")
                .doesNotContain("(null").doesNotContain("\tat dev.dlitools");
        assertThat(standIns.emulator().uploadPostCount()).isEqualTo(1);
        assertThat(standIns.emulator().groups()).isEmpty();
    }

    private MavenBuild deploy(String run) {
        return MavenBuild.of("spark-job", run)
                .args("deploy", "-Dmaven.deploy.skip=true", "-Ddli.pollInterval=1")
                .pointAt(standIns);
    }
}
