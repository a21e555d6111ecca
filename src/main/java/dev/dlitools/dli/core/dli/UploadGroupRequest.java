package dev.dlitools.dli.core.dli;

import java.util.List;

/**
 * Body of {@code POST /v2.0/{project_id}/resources}.
 *
 * @param paths OBS object URLs, in the order the packages should be listed
 * @param kind jar, pyFile, file or modelFile
 * @param group the group's name
 * @param isAsync whether DLI loads the packages asynchronously
 * @param tags may be empty; left out of the body then
 */
public record UploadGroupRequest(List<String> paths, String kind, String group, boolean isAsync, List<Tag> tags) {

    /**
     * Copies the lists; no tags are written as none at all.
     *
     * @param paths required
     * @param kind the kind
     * @param group the group
     * @param isAsync either
     * @param tags {@code null} or empty for none
     */
    public UploadGroupRequest {
        paths = List.copyOf(paths);
        tags = tags == null || tags.isEmpty() ? null : List.copyOf(tags);
    }
}
