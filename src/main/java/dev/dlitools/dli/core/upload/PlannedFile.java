package dev.dlitools.dli.core.upload;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file the upload will put into OBS and register in the package group.
 *
 * @param source the local file
 * @param fileName the file's name; DLI names the package after it (the last segment of its OBS path)
 * @param objectKey the OBS key, see {@link ObjectKeyLayout}
 * @param origin where the file comes from, for messages and to tell the project's own artifact from the others:
 *     {@code main artifact com.example:app:jar:1.0}, {@code attached artifact com.example:app:jar:shaded:1.0},
 *     {@code org.x:y:jar:1.0 (runtime)} or {@code extra file}
 * @param size the file's size in bytes when planned
 */
public record PlannedFile(Path source, String fileName, String objectKey, String origin, long size) {

    /** How {@code origin} starts for the project's main artifact, followed by its coordinates. */
    static final String MAIN_ARTIFACT = "main artifact ";
    /** How {@code origin} starts for the project's attached artifact, followed by its coordinates. */
    static final String ATTACHED_ARTIFACT = "attached artifact ";
    /** The {@code origin} of each of the extra files. */
    static final String EXTRA_FILE = "extra file";

    /**
     * Checks that every value but the size is there.
     *
     * @param source required
     * @param fileName required
     * @param objectKey required
     * @param origin required
     * @param size bytes
     */
    public PlannedFile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(objectKey, "objectKey");
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * Whether a file of this origin is the project's own (main or attached) artifact.
     *
     * @param origin a {@link #origin()}; {@code null} is none
     * @return {@code true} for the main or an attached artifact
     */
    public static boolean isProjectArtifact(String origin) {
        return origin != null && (origin.startsWith(MAIN_ARTIFACT) || origin.startsWith(ATTACHED_ARTIFACT));
    }

    /**
     * Whether a file of this origin is one of the extra files.
     *
     * @param origin a {@link #origin()}
     * @return {@code true} for a file from the upload's {@code files}
     */
    public static boolean isExtraFile(String origin) {
        return EXTRA_FILE.equals(origin);
    }
}
