package dev.dlitools.dli.core.obs;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One local file and the object key it goes to.
 *
 * @param file the local file
 * @param key the object key, without a leading {@code /}
 */
public record UploadItem(Path file, String key) {

    public UploadItem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(key, "key");
        if (key.isEmpty() || key.startsWith("/")) {
            throw new IllegalArgumentException("object key must be non-empty and not start with '/': '" + key
                    + "' for " + file);
        }
    }
}
