package dev.dlitools.dli.core.dli;

import static dev.dlitools.dli.core.auth.AkSkSigner.encode;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.common.Setting;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Finds a project id by region name, as Huawei's own SDKs do when none is given. */
public final class IamClient {

    private static final Setting ENDPOINT_SETTING = Setting.IAM_ENDPOINT;

    private final SignedHttpClient http;
    private final String endpoint;

    /**
     * @param endpoint e.g. {@code https://iam.cn-north-4.myhuaweicloud.com}
     */
    public IamClient(SignedHttpClient http, URI endpoint) {
        this.http = http;
        this.endpoint = endpoint.toString().replaceAll("/+$", "");
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Project(String id, String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Projects(List<Project> projects) {}

    /** The id of the project named like the region ({@code GET /v3/projects?name=region}). */
    public String resolveProjectId(String region) {
        URI uri = URI.create(endpoint + "/v3/projects?name=" + encode(region));
        SignedHttpClient.ApiResponse response;
        try {
            response = http.send("GET", uri, new byte[0], Map.of(), ENDPOINT_SETTING,
                    "Check " + ENDPOINT_SETTING.named() + ".");
        } catch (DliApiException e) {
            throw new DliApiException("Could not look up the project id of region " + region + " through IAM: "
                    + e.getMessage() + " Or set the project id yourself " + Setting.PROJECT_ID.aside() + ".",
                    e.httpStatus(), e.errorCode(), e.errorMessage(), e.requestId(), e);
        }
        Projects projects = SignedHttpClient.read(response, Projects.class, "the IAM project query", ENDPOINT_SETTING);
        return projects.projects() == null ? noProject(region) : projects.projects().stream()
                .filter(project -> region.equals(project.name()))
                .map(Project::id)
                .findFirst()
                .orElseGet(() -> noProject(region));
    }

    private static String noProject(String region) {
        throw new DliException("IAM lists no project named " + region + " for these credentials. Check the "
                + "region " + Setting.REGION.aside() + " or set the project id " + Setting.PROJECT_ID.aside() + ".");
    }
}
