package dev.dlitools.dli.core.upload;

import java.util.Objects;

/**
 * A Maven artifact's coordinates, independent of Maven's own types.
 *
 * @param groupId the group id
 * @param artifactId the artifact id
 * @param version the version
 * @param type the artifact type ({@code jar}, {@code pom}, {@code zip}, ...)
 * @param classifier the classifier, or {@code null} for none
 * @param scope the dependency scope ({@code compile}, {@code runtime}, ...), or {@code null} when not a
 *     dependency or not given
 */
public record ArtifactCoordinates(
        String groupId, String artifactId, String version, String type, String classifier, String scope) {

    /**
     * Checks the required values; a blank classifier or scope counts as none.
     *
     * @param groupId required
     * @param artifactId required
     * @param version required
     * @param type required
     * @param classifier {@code null} or blank for none
     * @param scope {@code null} or blank for none
     */
    public ArtifactCoordinates {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(type, "type");
        if (classifier != null && classifier.isBlank()) {
            classifier = null;
        }
        if (scope != null && scope.isBlank()) {
            scope = null;
        }
    }

    /** Maven's artifact id form, as Maven prints it: {@code groupId:artifactId:type[:classifier]:version}. */
    String id() {
        return groupId + ":" + artifactId + ":" + type + (classifier == null ? "" : ":" + classifier) + ":" + version;
    }
}
