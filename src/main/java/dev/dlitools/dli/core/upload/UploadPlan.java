package dev.dlitools.dli.core.upload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one publish uploads and registers, fully validated.
 *
 * @param group the package group name, valid by {@link PackageGroupRules}
 * @param kind the package kind
 * @param tags the tags, in the order given
 * @param files the files in a stable order: the project's artifact first, then dependencies by groupId and
 *     artifactId, then extra files in the order given; never empty, file names unique
 * @param warnings what the user should fix although the plan can go ahead, e.g. a dependency DLI already provides
 */
public record UploadPlan(
        String group, PackageKind kind, Map<String, String> tags, List<PlannedFile> files, List<String> warnings) {

    /**
     * Copies the collections, keeping their order.
     *
     * @param group required
     * @param kind required
     * @param tags the tags
     * @param files the files
     * @param warnings the warnings
     */
    public UploadPlan {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(kind, "kind");
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }
}
