package dev.dlitools.dli.core.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes the files a run leaves for the next one (its result files, the digest cache) whole or not at all: a build
 * stopped mid-write (Ctrl-C, a CI runner's SIGTERM while a shutdown hook still runs, a full disk) leaves the earlier
 * file as it was, never one cut off that the next goal cannot read.
 */
public final class AtomicFiles {

    /** What a file's content is written by: into the path given, a temporary file beside the target. */
    @FunctionalInterface
    interface Writer {
        void writeTo(Path temporary) throws IOException;
    }

    private AtomicFiles() {}

    /**
     * Replaces the file's content with {@code text} (UTF-8), creating its folder.
     *
     * @param file the file to replace or create
     * @param text its new content
     * @throws IOException when the file cannot be written; it is then as it was
     */
    public static void writeString(Path file, String text) throws IOException {
        write(file, temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8));
    }

    static void write(Path file, Writer writer) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        // beside the file, as a rename within one file system is what makes the replacement atomic; not made by
        // createTempFile, whose owner-only permissions the file would keep
        Path temporary = folder.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            writer.writeTo(temporary);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
