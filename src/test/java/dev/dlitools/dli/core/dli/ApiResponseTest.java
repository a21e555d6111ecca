package dev.dlitools.dli.core.dli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.dli.SignedHttpClient.ApiResponse;
import org.junit.jupiter.api.Test;

/** How an error message names the answer it is about; not every gateway sends a request id. */
class ApiResponseTest {

    @Test
    void answerIsNamedByItsStatusAndRequestId() {
        assertThat(new ApiResponse(200, "{}", "req-1").identified()).isEqualTo("HTTP 200, request id req-1");
    }

    @Test
    void answerWithoutRequestIdIsNamedByItsStatusAlone() {
        assertThat(new ApiResponse(200, "{}", null).identified()).isEqualTo("HTTP 200");
    }

    @Test
    void unreadableAnswerWithoutRequestIdDoesNotSayRequestIdNull() {
        DliApiException failure = catchThrowableOfType(DliApiException.class, () -> SignedHttpClient.read(
                new ApiResponse(200, "<html>login</html>", null), PackageGroup.class, "the group query",
                Setting.DLI_ENDPOINT));

        assertThat(failure).hasMessageStartingWith("The answer to the group query is not JSON (HTTP 200): ")
                .hasMessageNotContaining("null");
    }
}
