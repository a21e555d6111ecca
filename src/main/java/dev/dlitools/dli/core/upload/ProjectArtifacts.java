package dev.dlitools.dli.core.upload;

import java.util.List;
import java.util.Objects;

/**
 * What the Maven build produced and resolved, mapped by the mojo from Maven's types.
 *
 * @param mainArtifact the project's own artifact; its coordinates are the project's (type = the packaging's
 *     artifact type, e.g. {@code pom} for pom packaging), its file {@code null} when not built
 * @param attachedArtifacts the artifacts other plugins attached to the project (shaded jar, assembly zip, ...)
 * @param dependencies the resolved dependencies of every scope, each with its scope
 */
public record ProjectArtifacts(
        ArtifactFile mainArtifact, List<ArtifactFile> attachedArtifacts, List<ArtifactFile> dependencies) {

    /**
     * Copies the lists.
     *
     * @param mainArtifact required
     * @param attachedArtifacts {@code null} for none
     * @param dependencies {@code null} for none
     */
    public ProjectArtifacts {
        Objects.requireNonNull(mainArtifact, "mainArtifact");
        attachedArtifacts = attachedArtifacts == null ? List.of() : List.copyOf(attachedArtifacts);
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    }

    ArtifactCoordinates project() {
        return mainArtifact.coordinates();
    }
}
