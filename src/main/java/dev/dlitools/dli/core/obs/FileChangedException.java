package dev.dlitools.dli.core.obs;

import java.io.IOException;
import java.nio.file.Path;

/** A file shrank, grew or vanished between planning and reading it: its hash and upload would not match. */
final class FileChangedException extends IOException {

    FileChangedException(String message) {
        super(message);
    }

    FileChangedException(String message, Throwable cause) {
        super(message, cause);
    }

    static FileChangedException sizeChanged(Path file, long expectedSize, long actualSize) {
        return new FileChangedException("file " + file + " changed while being uploaded: it had " + expectedSize
                + " bytes, now " + actualSize);
    }

    static FileChangedException vanished(Path file, Throwable cause) {
        return new FileChangedException("file " + file + " disappeared while being uploaded", cause);
    }
}
