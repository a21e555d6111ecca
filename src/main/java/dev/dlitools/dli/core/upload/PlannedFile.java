package dev.dlitools.dli.core.upload;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file the upload will put into OBS and register in the package group.
 *
 * @param source the local file
 * @param fileName the file's name; DLI names the package after it (the last segment of its OBS path)
 * @param objectKey the OBS key, see {@link ObjectKeyLayout}
 * @param origin where the file comes from, for messages: {@code main artifact com.example:app:jar:1.0},
 *     {@code attached artifact com.example:app:jar:shaded:1.0}, {@code org.x:y:jar:1.0 (runtime)} or
 *     {@code extra file}
 * @param size the file's size in bytes when planned
 */
public record PlannedFile(Path source, String fileName, String objectKey, String origin, long size) {

    public PlannedFile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(objectKey, "objectKey");
        Objects.requireNonNull(origin, "origin");
    }
}
