package dev.dlitools.dli.testsupport;

import dev.dlitools.dli.core.upload.PlannedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Planned files for tests of the uploader, which does not care where a file came from. */
public final class Planned {

    private Planned() {}

    /** {@code source} planned for {@code key}, named after the key's last segment; size 0 for a missing file. */
    public static PlannedFile file(Path source, String key) {
        try {
            long size = Files.isRegularFile(source) ? Files.size(source) : 0;
            return new PlannedFile(source, key.substring(key.lastIndexOf('/') + 1), key, "test file", size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
