package dev.dlitools.dli.core.publish;

import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks, before anything is sent, that a result file can be written where it is to go: a place found unwritable
 * only after the group is live or the job has run fails a build whose work is done, and a directory there would be
 * deleted. Then removes the earlier run's file, which a run that fails must not leave behind.
 */
public final class ResultFilePlace {

    private ResultFilePlace() {}

    /**
     * Creates the file's folder and proves the file writable by opening it for appending (a file that did not exist
     * is removed again; an existing one is left as it is).
     *
     * @param resultFile the file, relative to the working directory or absolute
     * @param setting the setting that gave the file, e.g. {@link Setting#RESULT_FILE}
     * @param fileName the file's usual name, suggested when a directory is given
     * @throws SettingException naming {@code setting} and the reason
     */
    public static void check(Path resultFile, Setting setting, String fileName) {
        Path file = resultFile.toAbsolutePath();
        if (Files.isDirectory(file)) {
            throw refused(resultFile, setting, "is a directory; give a file name such as " + file.resolve(fileName));
        }
        boolean existed = Files.exists(file);
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream probe = Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                // opened: writable
            }
            if (!existed) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw refused(resultFile, setting, "cannot be written (" + reason(e) + ")");
        }
    }

    /**
     * Deletes an earlier run's result file: a run that fails before its result is written must not leave one for
     * later steps.
     *
     * @param resultFile the file; nothing happens when it does not exist
     * @throws DliException when it exists and cannot be deleted
     */
    public static void removeEarlier(Path resultFile) {
        try {
            Files.deleteIfExists(resultFile);
        } catch (IOException e) {
            throw new DliException("Could not delete the earlier result file " + resultFile + ": "
                    + e.getMessage(), e);
        }
    }

    private static SettingException refused(Path resultFile, Setting setting, String problem) {
        return SettingException.invalid(setting, resultFile + " " + problem + ".");
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied on " + denied.getFile();
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " is a file, not a folder";
        }
        if (e instanceof NoSuchFileException missing) {
            return "no such file or folder: " + missing.getFile();
        }
        if (e instanceof FileSystemException other && other.getReason() != null) {
            return other.getReason() + ": " + other.getFile();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
