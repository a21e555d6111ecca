package dev.dlitools.dli.core.dli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.dli.SignedHttpClient.ApiResponse;

/**
 * Reads the group upload's 2xx answer, which must describe the group: DLI has been seen answering 200 with
 * {@code "is_success": false} and its reason instead, and an answer without the group's name and status registers
 * nothing we could wait for.
 */
final class GroupUploadAnswer {

    private static final String WHAT = "the group upload";

    private GroupUploadAnswer() {}

    static PackageGroup read(ApiResponse response, String group, Setting endpointSetting) {
        JsonNode body = SignedHttpClient.read(response, DliJson.MAPPER::readTree, WHAT, endpointSetting);
        PackageGroup answer = SignedHttpClient.read(response, PackageGroup.class, WHAT, endpointSetting);
        JsonNode success = body == null ? null : body.get("is_success");
        boolean refused = success != null && !success.isNull() && !success.asBoolean(true);
        if (!refused && answer.groupName() != null && answer.status() != null) {
            return answer;
        }
        String errorCode = text(body, "error_code");
        String errorMessage = text(body, "error_msg");
        String said = errorCode == null && errorMessage == null
                ? "without the group's name and status"
                : "with " + (errorCode == null ? "" : errorCode + ": ") + (errorMessage == null ? "no message"
                        : errorMessage);
        throw new DliApiException("DLI refused " + WHAT + " of group " + group + ": it answered HTTP "
                + response.status() + " " + said + (response.requestId() == null ? "" : " (request id "
                + response.requestId() + ")") + ". The files are uploaded to OBS, but no group is registered.",
                response.status(), errorCode, errorMessage, response.requestId(), null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
