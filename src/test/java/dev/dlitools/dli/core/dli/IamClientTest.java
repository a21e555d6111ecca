package dev.dlitools.dli.core.dli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.common.ProxySettings;
import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import dev.dlitools.dli.core.retry.RetryPolicy;
import dev.dlitools.dli.emulator.DliEmulator;
import dev.dlitools.dli.emulator.Fault;
import dev.dlitools.dli.emulator.RecordedRequest;
import dev.dlitools.dli.testsupport.RecordingLog;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Looking up the project id of a region through IAM, and the errors that say what to set instead. */
@Timeout(30)
class IamClientTest {

    private static final String AK = "IAMTESTACCESSKEY";
    private static final String SK = "iam-test-secret-key";
    private static final String PROJECT = "0123456789abcdef0123456789abcdef";

    private DliEmulator emulator;

    @BeforeEach
    void startEmulator() {
        emulator = DliEmulator.builder().credentials(AK, SK).projectId(PROJECT).region("ap-southeast-1").start();
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void findsTheProjectNamedLikeTheRegion() {
        String projectId = iam(SK).resolveProjectId("ap-southeast-1");

        assertThat(projectId).isEqualTo(PROJECT);
        RecordedRequest request = emulator.requests().get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/v3/projects");
        assertThat(request.query()).isEqualTo("name=ap-southeast-1");
        assertThat(request.header("X-Project-Id")).isNull();
    }

    @Test
    void twoProjectsNamedLikeTheRegionAreListedAndTheProjectIdSettingNamed() {
        emulator.inject(Fault.respond(200).body("{\"projects\":[{\"id\":\"p-one\",\"name\":\"ap-southeast-1\"},"
                + "{\"id\":\"p-two\",\"name\":\"ap-southeast-1\"}]}").on("GET", "/v3/projects"));

        SettingException failure = catchThrowableOfType(SettingException.class,
                () -> iam(SK).resolveProjectId("ap-southeast-1"));

        assertThat(failure).hasMessage("IAM lists 2 projects named ap-southeast-1: p-one, p-two. Set the one to use "
                + "as the project id ({{PROJECT_ID}}).");
        assertThat(failure.setting()).isEqualTo(Setting.PROJECT_ID);
    }

    @Test
    void regionWithoutProjectNamesRegionAndProjectIdSettings() {
        DliException failure = catchThrowableOfType(DliException.class,
                () -> iam(SK).resolveProjectId("eu-west-101"));

        assertThat(failure).hasMessage("IAM lists no project named eu-west-101 for these credentials. Check the region "
                + "({{REGION}}) or set the project id ({{PROJECT_ID}}).");
    }

    @Test
    void refusedLookupSaysToSetTheProjectIdAndKeepsWhatTheServiceSaid() {
        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> iam("wrong-secret").resolveProjectId("ap-southeast-1"));

        assertThat(failure.httpStatus()).isEqualTo(401);
        assertThat(failure.errorCode()).isEqualTo("APIGW.0301");
        assertThat(failure.requestId()).isNotBlank();
        assertThat(failure).hasMessageStartingWith("Could not look up the project id of region ap-southeast-1 through "
                        + "IAM: GET " + emulator.endpoint() + "/v3/projects failed with HTTP 401")
                .hasMessageContaining("Check the access key IAMT****")
                .hasMessageEndingWith("Or set the project id yourself ({{PROJECT_ID}}).")
                .hasMessageNotContaining(SK);
    }

    @Test
    void missingIamApiHintsAtTheIamEndpointSetting() {
        emulator.inject(Fault.respond(404).body("{\"error_code\":\"APIGW.0101\",\"error_msg\":\"The API does not "
                + "exist\"}"));

        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> iam(SK).resolveProjectId("ap-southeast-1"));

        assertThat(failure.httpStatus()).isEqualTo(404);
        assertThat(failure).hasMessageContaining("Check {{IAM_ENDPOINT}}.");
    }

    @Test
    void answerThatIsNotJsonIsAClearError() {
        emulator.inject(Fault.respond(200).body("<html>login</html>"));

        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> iam(SK).resolveProjectId("ap-southeast-1"));

        assertThat(failure).hasMessageStartingWith("The answer to the IAM project query is not JSON")
                .hasMessageContaining("<html>login</html>")
                .hasMessageContaining("Check that {{IAM_ENDPOINT}} is the service's address");
    }

    // before, read as a list of no projects: "IAM lists no project", without the service's words
    @Test
    void errorCodeInsideA200IsIamsRefusalNotAnEmptyList() {
        emulator.inject(Fault.respond(200).body("{\"error_code\":\"IAM.0006\",\"error_msg\":\"Token is expired\"}"));

        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> iam(SK).resolveProjectId("ap-southeast-1"));

        assertThat(failure.errorCode()).isEqualTo("IAM.0006");
        assertThat(failure).hasMessageStartingWith("Could not look up the project id of region ap-southeast-1 through "
                        + "IAM: GET ")
                .hasMessageContaining("was refused inside an HTTP 200 answer (IAM.0006: Token is expired, request id ")
                .hasMessageEndingWith("Or set the project id yourself ({{PROJECT_ID}}).");
    }

    @Test
    void answerThatIsJsonNullIsAnErrorNotANullPointer() {
        emulator.inject(Fault.respond(200).body("null"));

        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> iam(SK).resolveProjectId("ap-southeast-1"));

        assertThat(failure).hasMessageStartingWith("The answer to the IAM project query has an unexpected shape")
                .hasMessageContaining("): null. ")
                .hasMessageContaining("Check that {{IAM_ENDPOINT}} is the service's address");
    }

    @Test
    void projectThatIsNullIsAnErrorNotANullPointer() {
        emulator.inject(Fault.respond(200).body("{\"projects\":[null]}"));

        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> iam(SK).resolveProjectId("ap-southeast-1"));

        assertThat(failure.httpStatus()).isEqualTo(200);
        assertThat(failure).hasMessageStartingWith("IAM answered the project query of region ap-southeast-1 with a "
                        + "null where a project should be (HTTP 200, request id " + failure.requestId() + ").")
                .hasMessageEndingWith("Set the project id yourself ({{PROJECT_ID}}).");
    }

    @Test
    void projectWithoutIdIsAnErrorNamingTheMissingId() {
        emulator.inject(Fault.respond(200).body("{\"projects\":[{\"name\":\"ap-southeast-1\"}]}"));

        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> iam(SK).resolveProjectId("ap-southeast-1"));

        assertThat(failure).hasMessageStartingWith("IAM answered the project query of region ap-southeast-1 with "
                + "project ap-southeast-1 without an id (HTTP 200, request id ");
    }

    @Test
    void answerWithoutProjectsIsNoProject() {
        emulator.inject(Fault.respond(200).body("{}"));

        DliException failure = catchThrowableOfType(DliException.class,
                () -> iam(SK).resolveProjectId("ap-southeast-1"));

        assertThat(failure).hasMessageStartingWith("IAM lists no project named ap-southeast-1");
    }

    private IamClient iam(String secretKey) {
        SignedHttpClient http = new SignedHttpClient(Credentials.of(AK, secretKey), Duration.ofSeconds(5),
                Duration.ofSeconds(10), ProxySettings.NONE, new RetryPolicy(0, pause -> {
                    throw new AssertionError("no pause expected");
                }, () -> 0.5), Clock.systemUTC(), RecordingLog.withoutDebug());
        return new IamClient(http, emulator.endpoint());
    }
}
