package dev.dlitools.dli.core.dli;

import static dev.dlitools.dli.core.auth.AkSkSigner.encode;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Finds a project id by region name, as Huawei's own SDKs do when none is given. */
public final class IamClient {

    private static final Setting ENDPOINT_SETTING = Setting.IAM_ENDPOINT;

    private final SignedHttpClient http;
    private final String endpoint;

    /**
     * A client that sends nothing yet.
     *
     * @param http the signed client for the calls; the caller closes it
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

    /**
     * The id of the project named like the region ({@code GET /v3/projects?name=region}).
     *
     * @param region e.g. {@code cn-north-4}
     * @return the project id
     * @throws DliApiException when IAM cannot be reached, refuses the call or answers without a usable project
     * @throws DliException when IAM lists no such project
     * @throws SettingException naming {@link Setting#PROJECT_ID} when IAM lists two
     */
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
        List<Project> listed = projects.projects() == null ? List.of() : projects.projects();
        if (listed.stream().anyMatch(Objects::isNull)) {
            throw unusable(response, region, "a null where a project should be");
        }
        List<Project> named = listed.stream()
                .filter(project -> region.equals(project.name()))
                .toList();
        if (named.isEmpty()) {
            return noProject(region);
        }
        if (named.stream().anyMatch(project -> project.id() == null || project.id().isBlank())) {
            throw unusable(response, region, "project " + region + " without an id");
        }
        if (named.size() > 1) {
            // taking the first would publish to a project the user never chose
            throw new SettingException(Setting.PROJECT_ID, "IAM lists " + named.size() + " projects named " + region
                    + ": " + named.stream().map(Project::id).collect(Collectors.joining(", ")) + ". Set the one to "
                    + "use as the project id " + Setting.PROJECT_ID.aside() + ".");
        }
        return named.get(0).id();
    }

    /** IAM answered 2xx, but not with projects one can take an id from. */
    private static DliApiException unusable(SignedHttpClient.ApiResponse response, String region, String flaw) {
        return new DliApiException("IAM answered the project query of region " + region + " with " + flaw
                + " (" + response.identified() + "). Set the project id yourself " + Setting.PROJECT_ID.aside()
                + ".", response.status(), null, null, response.requestId(), null);
    }

    private static String noProject(String region) {
        throw new DliException("IAM lists no project named " + region + " for these credentials. Check the "
                + "region " + Setting.REGION.aside() + " or set the project id " + Setting.PROJECT_ID.aside() + ".");
    }
}
