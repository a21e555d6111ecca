package dev.dlitools.dli.core.upload;

import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
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
        return walk(start, folder -> false).filter(file -> matcher.matches(start.relativize(file))).toList();
    }

    private static List<Path> below(Path directory) {
        // a left-out folder holds no file that is left in: it is not even walked
        return walk(directory, ExtraFiles::leftOver).filter(file -> !leftOver(directory.relativize(file))).toList();
    }

    /**
     * The regular files under {@code directory}, ordered by their path below it. Linked folders are followed like
     * any other (Files.walk would leave them out without a word); a folder linked into one that holds it cannot be
     * listed.
     *
     * @param leftOut which folders, by their path below {@code directory}, are not walked: a loop or a folder that
     *     cannot be read in one of them fails nothing
     */
    private static Stream<Path> walk(Path directory, Predicate<Path> leftOut) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(directory, Set.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                            return leftOut.test(directory.relativize(folder)) ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                            if (attributes.isRegularFile()) {
                                files.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (FileSystemLoopException e) {
            throw SettingException.invalid(Setting.FILES, "'" + directory + "' cannot be listed: '" + e.getFile()
                    + "' links to a folder that holds it, so the listing would never end. Remove the link, or list"
                    + " the folders you mean.");
        } catch (IOException e) {
            throw unreadable(directory, e);
        }
        return files.stream().sorted((a, b) -> directory.relativize(a).toString().replace('\\', '/')
                .compareTo(directory.relativize(b).toString().replace('\\', '/')));
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
