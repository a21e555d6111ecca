package dev.dlitools.dli.core.upload;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An artifact and the file Maven has for it.
 *
 * @param coordinates the artifact's coordinates
 * @param file the file, or {@code null} when Maven has none (not built yet, not resolved)
 */
public record ArtifactFile(ArtifactCoordinates coordinates, Path file) {

    /**
     * Checks that the coordinates are there.
     *
     * @param coordinates required
     * @param file {@code null} when Maven has none
     */
    public ArtifactFile {
        Objects.requireNonNull(coordinates, "coordinates");
    }
}
