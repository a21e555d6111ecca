package dev.dlitools.dli.core.dli;

import static dev.dlitools.dli.core.auth.AkSkSigner.encode;

import dev.dlitools.dli.core.common.Setting;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The package-group calls of the DLI API (v2.0), for one project. */
public final class DliClient {

    private static final Setting ENDPOINT_SETTING = Setting.DLI_ENDPOINT;

    private static final byte[] NO_BODY = new byte[0];

    private final SignedHttpClient http;
    private final String endpoint;
    private final String projectId;
    private final Map<String, String> projectHeader;

    /**
     * A client of one project; it sends nothing yet.
     *
     * @param http the signed client for the calls; the caller closes it
     * @param endpoint e.g. {@code https://dli.cn-north-4.myhuaweicloud.com}
     * @param projectId the DLI project the calls are for
     */
    public DliClient(SignedHttpClient http, URI endpoint, String projectId) {
        this.http = http;
        this.endpoint = endpoint.toString().replaceAll("/+$", "");
        this.projectId = projectId;
        this.projectHeader = Map.of("X-Project-Id", projectId);
    }

    /** {@return the DLI project the calls are for} */
    public String projectId() {
        return projectId;
    }

    /**
     * Uploads (registers) a package group; a group of the same name is overwritten.
     *
     * @param request the group, its kind, tags and the OBS paths of its packages
     * @return the group as the service answered, its packages possibly still loading
     * @throws DliApiException when the service refuses the group or cannot be reached
     */
    public PackageGroup uploadGroup(UploadGroupRequest request) {
        byte[] body = DliJson.write(request).getBytes(StandardCharsets.UTF_8);
        SignedHttpClient.ApiResponse response;
        try {
            response = http.send("POST", resourcesUri("", Map.of()), body, projectHeader, ENDPOINT_SETTING,
                    projectHint());
        } catch (DliApiException e) {
            throw GroupUploadAnswer.refused(e, request.group());
        }
        return GroupUploadAnswer.read(response, request.group(), ENDPOINT_SETTING);
    }

    /**
     * Lists the project's packages, built-in modules and groups.
     *
     * @param kind jar, pyFile, file or modelFile; {@code null} for all
     * @param tags the service's tag filter, {@code null} for none
     * @return what the service answered, read leniently
     * @throws DliApiException when the service refuses the call or cannot be reached
     */
    public ResourceList listResources(String kind, String tags) {
        Map<String, String> query = new LinkedHashMap<>();
        if (kind != null && !kind.isBlank()) {
            query.put("kind", kind);
        }
        if (tags != null && !tags.isBlank()) {
            query.put("tags", tags);
        }
        var response =
                http.send("GET", resourcesUri("", query), NO_BODY, projectHeader, ENDPOINT_SETTING, projectHint());
        return SignedHttpClient.read(response, ResourceListJson::read, "the resource list", ENDPOINT_SETTING);
    }

    /** One package of a group, with its status and underlying name. */
    ResourcePackage showResource(String resourceName, String group) {
        var response = http.send("GET", resourcesUri("/" + encode(resourceName), Map.of("group", group)), NO_BODY,
                projectHeader, ENDPOINT_SETTING, "Check that package '" + resourceName + "' exists in group '" + group
                        + "' and the project id " + projectId + ".");
        return SignedHttpClient.read(response, ResourcePackage.class, "the package query", ENDPOINT_SETTING);
    }

    /**
     * Deletes one package of a group. The service has no call that deletes a whole group.
     *
     * @param resourceName the package's name, the file name it was uploaded with
     * @param group the group's name
     * @throws DliApiException when the service refuses the call or cannot be reached
     */
    public void deleteResource(String resourceName, String group) {
        http.send("DELETE", resourcesUri("/" + encode(resourceName), Map.of("group", group)), NO_BODY, projectHeader,
                ENDPOINT_SETTING, "Check that package '" + resourceName + "' exists in group '" + group + "'.");
    }

    /** {@return the Spark batch job calls of the same project, over the same client} */
    public BatchClient batches() {
        return new BatchClient(http, endpoint, projectId, ENDPOINT_SETTING, projectHint());
    }

    private URI resourcesUri(String suffix, Map<String, String> query) {
        StringBuilder uri = new StringBuilder(endpoint).append("/v2.0/").append(encode(projectId))
                .append("/resources").append(suffix);
        String separator = "?";
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            uri.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = "&";
        }
        return URI.create(uri.toString());
    }

    private String projectHint() {
        return "Check the project id " + projectId + " " + Setting.PROJECT_ID.aside() + ": it must be a project of the "
                + "region the endpoint " + endpoint + " serves.";
    }
}
