package dev.dlitools.dli.core.upload;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user's settings for one upload, as given; {@link UploadPlanner} validates them. Each component is the
 * {@link dev.dlitools.dli.core.common.Setting} of the same name.
 *
 * @param group the package group name
 * @param kind the package kind as written ({@code jar}, {@code pyFile}, ...); {@code null} or blank for {@code jar}
 * @param tags the tags in order, already chosen between map and text by {@link TagSettings#effective};
 *     {@code null} for none, a {@code null} value counts as empty
 * @param prefix the OBS key prefix; {@code null} for none
 * @param includeDependencies whether the compile and runtime dependencies are uploaded too; {@code null} for the
 *     default, see {@link #uploadsDependencies()}
 * @param includeMainArtifact whether the project's own artifact is uploaded; {@code null} for the default: yes
 *     for kind {@code jar} or with a classifier
 * @param includes patterns a dependency must match one of to be uploaded; empty for all
 * @param excludes patterns of dependencies not to upload; they win over {@code includes}
 * @param classifier the classifier of the attached artifact to upload instead of the main artifact, or {@code null}
 * @param files extra files to upload, in order (resolved against the project directory by the front end)
 */
public record UploadSettings(
        String group,
        String kind,
        Map<String, String> tags,
        String prefix,
        Boolean includeDependencies,
        Boolean includeMainArtifact,
        List<String> includes,
        List<String> excludes,
        String classifier,
        List<Path> files) {

    /**
     * Copies the collections, keeping the order; a {@code null} collection becomes empty.
     *
     * @param group as given
     * @param kind as given
     * @param tags {@code null} for none; a {@code null} value becomes empty
     * @param prefix as given
     * @param includeDependencies {@code null} for the default
     * @param includeMainArtifact {@code null} for the default
     * @param includes {@code null} for all
     * @param excludes {@code null} for none
     * @param classifier blank for none
     * @param files {@code null} for none
     */
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
     * Whether the dependencies are uploaded: as set, else only without a classifier. An attached artifact such as
     * a shaded jar usually holds its dependencies already, and uploading them beside it too would put every class
     * twice on the job's class path.
     */
    boolean uploadsDependencies() {
        return includeDependencies != null ? includeDependencies : classifier == null;
    }

    /**
     * Settings for {@code group} with the defaults: kind jar, no tags, no prefix, the compile and runtime
     * dependencies (unless a classifier is set), the main artifact, no extra files.
     *
     * @param group the package group name, checked later by {@link UploadPlanner}
     * @return a builder with the defaults
     */
    public static Builder builder(String group) {
        return new Builder(group);
    }

    /** Builds {@link UploadSettings}; every setting not given keeps its default. */
    public static final class Builder {

        private final String group;
        private String kind;
        private Map<String, String> tags;
        private String prefix;
        private Boolean includeDependencies;
        private Boolean includeMainArtifact;
        private List<String> includes;
        private List<String> excludes;
        private String classifier;
        private List<Path> files;

        private Builder(String group) {
            this.group = group;
        }

        /**
         * The package kind as written; {@code null} or blank for {@code jar}.
         *
         * @param kind {@code jar}, {@code pyFile}, {@code file} or {@code modelFile}
         * @return this builder
         */
        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        /**
         * The group's tags, in order.
         *
         * @param tags {@code null} for none; a {@code null} value becomes empty
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) {
            this.tags = tags;
            return this;
        }

        /**
         * The OBS key prefix.
         *
         * @param prefix {@code null} for none
         * @return this builder
         */
        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        /**
         * Whether the compile and runtime dependencies are uploaded too; {@code null} (the default) for yes unless
         * a classifier is set.
         *
         * @param includeDependencies {@code null} for the default
         * @return this builder
         */
        public Builder includeDependencies(Boolean includeDependencies) {
            this.includeDependencies = includeDependencies;
            return this;
        }

        /**
         * Whether the project's own (main or attached) artifact is uploaded; {@code null} (the default) for yes
         * with kind {@code jar} or a classifier.
         *
         * @param includeMainArtifact {@code null} for the default
         * @return this builder
         */
        public Builder includeMainArtifact(Boolean includeMainArtifact) {
            this.includeMainArtifact = includeMainArtifact;
            return this;
        }

        /**
         * Patterns a dependency must match one of to be uploaded.
         *
         * @param includes {@code groupId:artifactId[:type[:classifier]]} with {@code *}; {@code null} or empty for all
         * @return this builder
         */
        public Builder includes(List<String> includes) {
            this.includes = includes;
            return this;
        }

        /**
         * Patterns of dependencies not to upload.
         *
         * @param excludes patterns as for {@link #includes}; they win over those
         * @return this builder
         */
        public Builder excludes(List<String> excludes) {
            this.excludes = excludes;
            return this;
        }

        /**
         * The classifier of the attached artifact to upload instead of the main artifact.
         *
         * @param classifier {@code null} for the main artifact
         * @return this builder
         */
        public Builder classifier(String classifier) {
            this.classifier = classifier;
            return this;
        }

        /**
         * Extra files to upload, in order.
         *
         * @param files files, directories or glob patterns; {@code null} for none
         * @return this builder
         */
        public Builder files(List<Path> files) {
            this.files = files;
            return this;
        }

        /** {@return the settings given, not yet validated} */
        public UploadSettings build() {
            return new UploadSettings(
                    group, kind, tags, prefix, includeDependencies, includeMainArtifact, includes, excludes,
                    classifier, files);
        }
    }
}
