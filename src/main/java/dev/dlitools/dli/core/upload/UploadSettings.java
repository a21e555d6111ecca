package dev.dlitools.dli.core.upload;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user's settings for one upload, as given; {@link UploadPlanner} validates them. Each component is the
 * {@link Setting} of the same name.
 *
 * @param group the package group name
 * @param kind the package kind as written ({@code jar}, {@code pyFile}, ...); {@code null} or blank for {@code jar}
 * @param tags the tags in order, already chosen between pom and command line by {@link TagSettings#effective};
 *     {@code null} for none, a {@code null} value counts as empty
 * @param prefix the OBS key prefix; {@code null} for none
 * @param includeDependencies whether the compile and runtime dependencies are uploaded too
 * @param includes patterns a dependency must match one of to be uploaded; empty for all
 * @param excludes patterns of dependencies not to upload; they win over {@code includes}
 * @param classifier the classifier of the attached artifact to upload instead of the main artifact, or {@code null}
 * @param files extra files to upload, in order (resolved against the project directory by the mojo)
 */
public record UploadSettings(
        String group,
        String kind,
        Map<String, String> tags,
        String prefix,
        boolean includeDependencies,
        List<String> includes,
        List<String> excludes,
        String classifier,
        List<Path> files) {

    public UploadSettings {
        Map<String, String> orderedTags = new LinkedHashMap<>();
        if (tags != null) {
            tags.forEach((key, value) -> orderedTags.put(key, value == null ? "" : value));
        }
        tags = Collections.unmodifiableMap(orderedTags);
        includes = includes == null ? List.of() : List.copyOf(includes);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        if (classifier != null && classifier.isBlank()) {
            classifier = null;
        }
        files = files == null ? List.of() : List.copyOf(files);
    }

    /**
     * Settings for {@code group} with the defaults: kind jar, no tags, no prefix, all compile and runtime
     * dependencies, the main artifact, no extra files.
     */
    public static UploadSettings forGroup(String group) {
        return new UploadSettings(group, null, null, null, true, null, null, null, null);
    }

    public UploadSettings withKind(String newKind) {
        return new UploadSettings(
                group, newKind, tags, prefix, includeDependencies, includes, excludes, classifier, files);
    }

    public UploadSettings withTags(Map<String, String> newTags) {
        return new UploadSettings(
                group, kind, newTags, prefix, includeDependencies, includes, excludes, classifier, files);
    }

    public UploadSettings withPrefix(String newPrefix) {
        return new UploadSettings(
                group, kind, tags, newPrefix, includeDependencies, includes, excludes, classifier, files);
    }

    public UploadSettings withIncludeDependencies(boolean include) {
        return new UploadSettings(group, kind, tags, prefix, include, includes, excludes, classifier, files);
    }

    public UploadSettings withIncludes(List<String> newIncludes) {
        return new UploadSettings(
                group, kind, tags, prefix, includeDependencies, newIncludes, excludes, classifier, files);
    }

    public UploadSettings withExcludes(List<String> newExcludes) {
        return new UploadSettings(
                group, kind, tags, prefix, includeDependencies, includes, newExcludes, classifier, files);
    }

    public UploadSettings withClassifier(String newClassifier) {
        return new UploadSettings(
                group, kind, tags, prefix, includeDependencies, includes, excludes, newClassifier, files);
    }

    public UploadSettings withFiles(List<Path> newFiles) {
        return new UploadSettings(
                group, kind, tags, prefix, includeDependencies, includes, excludes, classifier, newFiles);
    }
}
