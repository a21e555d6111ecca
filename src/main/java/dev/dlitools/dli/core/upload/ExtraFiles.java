package dev.dlitools.dli.core.upload;

import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * The extra {@code files} as given: a file, a directory (every file under it) or a glob pattern such as
 * {@code src/main/python/**}{@code /*.py}, each expanded to files in a stable order (by path below the directory or
 * the pattern's fixed part), so the same tree always gives the same plan. An entry that matches no file is an error
 * naming it. Below a directory, hidden entries (names starting with {@code .}) and Python's {@code __pycache__} are
 * left out: they are local leftovers, never part of a job.
 */
final class ExtraFiles {

    private static final String GLOB_CHARACTERS = "*?[{";

    private ExtraFiles() {}

    /**
     * @throws SettingException naming {@link Setting#FILES} for an entry that matches no file, a malformed pattern
     *     or a directory that cannot be listed
     */
    static List<Path> expand(List<Path> entries) {
        List<Path> files = new ArrayList<>();
        for (Path entry : entries) {
            List<Path> matched = isPattern(entry) ? matching(entry) : Files.isDirectory(entry) ? below(entry)
                    : List.of(entry);
            if (matched.isEmpty()) {
                throw SettingException.invalid(Setting.FILES, "'" + entry + "' matches no file"
                        + (entry.isAbsolute() ? "" : " (looked in " + entry.toAbsolutePath() + ")")
                        + ". List files, directories or patterns such as src/main/python/**/*.py that match"
                        + " files when the goal runs.");
            }
            files.addAll(matched);
        }
        return files;
    }

    private static boolean isPattern(Path entry) {
        return entry.toString().chars().anyMatch(character -> GLOB_CHARACTERS.indexOf(character) >= 0);
    }

    /** The files a pattern matches, below its longest leading part without glob characters. */
    private static List<Path> matching(Path pattern) {
        Path base = pattern.getRoot();
        int fixed = 0;
        for (Path part : pattern) {
            if (isPattern(part)) {
                break;
            }
            base = base == null ? part : base.resolve(part);
            fixed++;
        }
        Path start = base == null ? Path.of("") : base;
        Path rest = pattern.subpath(fixed, pattern.getNameCount());
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest.toString().replace('\\', '/'));
        } catch (PatternSyntaxException e) {
            throw SettingException.invalid(Setting.FILES, "'" + pattern + "' is not a valid pattern ("
                    + e.getDescription() + "). Close every [ with ] and every { with }; patterns take *, **, ?,"
                    + " [abc] and {a,b}.");
        }
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        return walk(start).filter(file -> matcher.matches(start.relativize(file))).toList();
    }

    private static List<Path> below(Path directory) {
        return walk(directory).filter(file -> !leftOver(directory.relativize(file))).toList();
    }

    /**
     * The regular files under {@code directory}, ordered by their path below it. Linked folders are followed like
     * any other (Files.walk would leave them out without a word); a folder linked into itself cannot be listed.
     */
    private static Stream<Path> walk(Path directory) {
        try (Stream<Path> tree = Files.walk(directory, FileVisitOption.FOLLOW_LINKS)) {
            return tree.filter(Files::isRegularFile)
                    .sorted((a, b) -> directory.relativize(a).toString().replace('\\', '/')
                            .compareTo(directory.relativize(b).toString().replace('\\', '/')))
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw unreadable(directory, e);
        } catch (UncheckedIOException e) {
            // how Files.walk reports what it cannot read below the directory
            throw unreadable(directory, e.getCause());
        }
    }

    private static SettingException unreadable(Path directory, IOException e) {
        return SettingException.invalid(Setting.FILES, "'" + directory + "' cannot be listed ("
                + e.getClass().getSimpleName() + ": " + e.getMessage() + "). Make it readable, or leave it out.");
    }

    private static boolean leftOver(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.equals("__pycache__")) {
                return true;
            }
        }
        return false;
    }
}
