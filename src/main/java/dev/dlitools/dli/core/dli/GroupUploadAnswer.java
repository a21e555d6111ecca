package dev.dlitools.dli.core.dli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.dli.SignedHttpClient.ApiResponse;

/**
 * Reads the group upload's 2xx answer, which must describe the group uploaded: an answer without the group's name
 * and status registers nothing we could wait for, and one about another group is not ours to wait for. DLI has
 * been seen answering 200 with {@code "is_success": false} and its reason instead; {@link SignedHttpClient} fails
 * such an answer, and {@link #refused} says what it means here.
 */
final class GroupUploadAnswer {

    private static final String WHAT = "the group upload";

    private GroupUploadAnswer() {}

    static PackageGroup read(ApiResponse response, String group, Setting endpointSetting) {
        JsonNode body = SignedHttpClient.read(response, DliJson.MAPPER::readTree, WHAT, endpointSetting);
        PackageGroup answer = SignedHttpClient.read(response, PackageGroup.class, WHAT, endpointSetting);
        if (answer.groupName() != null && answer.status() != null) {
            if (!group.equals(answer.groupName())) {
                // waiting on it would report another group as ours
                throw new DliApiException("DLI answered " + WHAT + " of group " + group + " about group "
                        + answer.groupName() + " (" + response.identified() + "). The files are uploaded to OBS;"
                        + " check in the DLI console whether group " + group + " is registered.",
                        response.status(), null, null, response.requestId(), null);
            }
            return answer;
        }
        String errorCode = text(body, "error_code");
        String errorMessage = text(body, "error_msg");
        String said = errorCode == null && errorMessage == null ? "without the group's name and status" : null;
        throw notRegistered(group, response.status(), said, errorCode, errorMessage, response.requestId(), null);
    }

    /**
     * The upload's failure as the build should hear it: a refusal inside a 2xx answer says that the group is not
     * registered though the files are in OBS; any other failure is left as it is.
     */
    static DliApiException refused(DliApiException failure, String group) {
        // the client fails a 2xx it read for "is_success": false or an error code, with no cause; one it could not
        // read (too large) has a cause
        if (failure.httpStatus() / 100 != 2 || failure.getCause() != null) {
            return failure;
        }
        String said = failure.errorCode() == null && failure.errorMessage() == null
                ? "with \"is_success\": false and no reason" : null;
        return notRegistered(group, failure.httpStatus(), said, failure.errorCode(), failure.errorMessage(),
                failure.requestId(), failure);
    }

    /** @param said what the answer held, when it held neither an error code nor a message; else {@code null} */
    private static DliApiException notRegistered(String group, int status, String said, String errorCode,
            String errorMessage, String requestId, Throwable cause) {
        if (said == null) {
            said = "with " + (errorCode == null ? "" : errorCode + ": ") + (errorMessage == null ? "no message"
                    : errorMessage);
        }
        return new DliApiException("DLI refused " + WHAT + " of group " + group + ": it answered HTTP " + status + " "
                + said + (requestId == null ? "" : " (request id " + requestId + ")")
                + ". The files are uploaded to OBS, but no group is registered.",
                status, errorCode, errorMessage, requestId, cause);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
