package dev.dlitools.dli.core.dli;

import static dev.dlitools.dli.core.auth.AkSkSigner.encode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.dli.SignedHttpClient.ApiResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Spark batch job calls of the DLI API ({@code /v2.0/{project_id}/batches}), for one project. Every answer is
 * checked: a 2xx without what the call promises is an error with the service's own code and message.
 */
public final class BatchClient {

    private static final byte[] NO_BODY = new byte[0];

    private final SignedHttpClient http;
    private final String endpoint;
    private final String projectId;
    private final Map<String, String> projectHeader;
    private final Setting endpointSetting;
    private final String projectHint;

    /**
     * @param endpoint e.g. {@code https://dli.cn-north-4.myhuaweicloud.com}, without a trailing {@code /}
     * @param endpointSetting the setting that gave the endpoint
     * @param projectHint what a 404 of the project most likely means
     */
    BatchClient(SignedHttpClient http, String endpoint, String projectId, Setting endpointSetting,
            String projectHint) {
        this.http = http;
        this.endpoint = endpoint;
        this.projectId = projectId;
        this.projectHeader = Map.of("X-Project-Id", projectId);
        this.endpointSetting = endpointSetting;
        this.projectHint = projectHint;
    }

    /** {@return the DLI project the jobs run in} */
    public String projectId() {
        return projectId;
    }

    /** The job as DLI accepted it: its id and, when the answer has one, its state. */
    public record SubmittedJob(String id, String state) {}

    /** A page of the driver log; line numbers are long, as the service's {@code total} may pass 2^31. */
    public record LogPage(long from, long total, List<String> lines) {}

    /**
     * Starts a job. Not repeated once the request may have reached the service: a second request would start a
     * second job.
     *
     * @param body the job; its secret conf values are masked in debug lines
     * @return the job's id and, when the answer has one, its state
     * @throws DliApiException when the service refuses the job or cannot be reached; when the request may have
     *     reached it, the message says to check for the job before submitting it again
     */
    public SubmittedJob submit(SparkJobBody body) {
        byte[] json = DliJson.write(body).getBytes(StandardCharsets.UTF_8);
        // written a second time, for debug lines, only when it holds secrets to mask
        SparkJobBody shown = body.masked();
        String shownJson = shown == body ? null : DliJson.write(shown);
        ApiResponse response;
        try {
            response = http.sendUnrepeatable("POST", uri("", ""), json, shownJson, projectHeader, endpointSetting,
                    projectHint);
        } catch (DliApiException e) {
            if (!e.isTransient() || e.cannotHaveArrived()) {
                throw e;
            }
            throw new DliApiException(e.getMessage() + " The request may have reached DLI, so it was not sent again: "
                    + "check in the DLI console whether job " + body.name() + " runs before submitting it again.",
                    e.httpStatus(), e.errorCode(), e.errorMessage(), e.requestId(), e);
        }
        JsonNode answer = SignedHttpClient.read(response, DliJson.MAPPER::readTree, "the job submission",
                endpointSetting);
        return new SubmittedJob(required(answer, "id", response, "the job submission"), text(answer, "state"));
    }

    /**
     * Asks a job's state.
     *
     * @param id the job's id
     * @return the state, upper case, e.g. {@code RUNNING}
     * @throws DliApiException when the service refuses the call or cannot be reached
     */
    public String state(String id) {
        ApiResponse response = http.send("GET", uri("/" + encode(id) + "/state", ""), NO_BODY, projectHeader,
                endpointSetting, jobHint(id));
        JsonNode answer = SignedHttpClient.read(response, DliJson.MAPPER::readTree, "the job state query",
                endpointSetting);
        return required(answer, "state", response, "the job state query").toUpperCase(Locale.ROOT);
    }

    /**
     * Reads a job's driver log from line {@code from}.
     *
     * @param id the job's id
     * @param from the first line, counting from 0
     * @param size how many lines to ask for; a page may hold more
     * @return the lines, where they start and how many the log holds
     * @throws DliApiException when the service refuses the call or cannot be reached
     */
    public LogPage log(String id, long from, int size) {
        ApiResponse response = http.send("GET", uri("/" + encode(id) + "/log",
                "?type=driver&from=" + from + "&size=" + size), NO_BODY, projectHeader, endpointSetting, jobHint(id));
        JsonNode answer = SignedHttpClient.read(response, DliJson.MAPPER::readTree, "the driver log query",
                endpointSetting);
        JsonNode log = answer.get("log");
        if (log == null || !log.isArray()) {
            throw unexpected(answer, response, "the driver log query", "log");
        }
        List<String> lines = new ArrayList<>();
        log.forEach(line -> lines.add(line.asText()));
        JsonNode total = answer.get("total");
        JsonNode start = answer.get("from");
        return new LogPage(start != null && start.canConvertToLong() ? start.asLong() : from,
                total != null && total.canConvertToLong() ? total.asLong() : from + lines.size(), lines);
    }

    /**
     * Cancels a job that has not ended.
     *
     * @param id the job's id
     * @throws DliApiException when the service refuses the cancel (e.g. the job has ended) or cannot be reached
     */
    public void cancel(String id) {
        http.send("DELETE", cancelUri(id), NO_BODY, projectHeader, endpointSetting, jobHint(id));
    }

    /**
     * The call that cancels a job, for the user to make.
     *
     * @param id the job's id
     * @return {@code DELETE /v2.0/{project_id}/batches/{id}} with the project's and the job's ids
     */
    public String cancelCall(String id) {
        return "DELETE " + cancelUri(id).getRawPath();
    }

    private URI cancelUri(String id) {
        return uri("/" + encode(id), "");
    }

    private URI uri(String suffix, String query) {
        return URI.create(endpoint + "/v2.0/" + encode(projectId) + "/batches" + suffix + query);
    }

    private String jobHint(String id) {
        return "Check that job " + id + " exists in project " + projectId + ".";
    }

    private static String required(JsonNode answer, String field, ApiResponse response, String what) {
        String value = text(answer, field);
        if (value == null || value.isBlank()) {
            throw unexpected(answer, response, what, field);
        }
        return value;
    }

    private static String text(JsonNode answer, String field) {
        JsonNode value = answer == null ? null : answer.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
    }

    /** A 2xx without what the call promises: DLI's own error code and message, when it sent them, say why. */
    private static DliApiException unexpected(JsonNode answer, ApiResponse response, String what, String field) {
        String errorCode = text(answer, "error_code");
        String errorMessage = text(answer, "error_msg");
        String said = errorCode != null || errorMessage != null
                ? SignedHttpClient.serviceSaid(errorCode, errorMessage)
                : "body: " + (answer == null ? "" : answer.toString());
        return new DliApiException("The answer to " + what + " has no " + field + " (" + response.identified()
                + "): " + said + ".",
                response.status(), errorCode, errorMessage, response.requestId(), null);
    }
}
