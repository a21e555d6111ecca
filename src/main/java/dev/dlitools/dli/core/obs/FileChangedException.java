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

    /** Something else (a second build, a clean) wrote to the build's output meanwhile. */
    private static final String ADVICE = ". Nothing was registered; make sure no other build or clean runs in this "
            + "project at the same time, then build again.";

    static FileChangedException sizeChanged(Path file, long expectedSize, long actualSize) {
        return new FileChangedException("file " + file + " changed while being uploaded: it had " + expectedSize
                + " bytes, now " + actualSize + ADVICE);
    }

    static FileChangedException modified(Path file) {
        return new FileChangedException("file " + file + " was modified while being uploaded" + ADVICE);
    }

    static FileChangedException vanished(Path file, Throwable cause) {
        return new FileChangedException("file " + file + " disappeared while being uploaded" + ADVICE, cause);
    }
}
