package dev.dlitools.dli.core.publish;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.dlitools.dli.core.upload.PackageKind;
import dev.dlitools.dli.core.upload.PlannedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The published files as a Spark job lists them, each as an OBS path {@code obs://bucket/key} (the only form
 * Spark 3.3.1 and later take; earlier versions take it too): the main file as {@code file}, every other file, in
 * the plan's order, in the array the group's kind calls for ({@code jars} for {@code jar}, {@code pyFiles} for
 * {@code pyFile}, {@code files} for {@code modelFile}) or, for the mix that kind {@code file} is, the array each
 * file's type calls for; the other arrays are {@code null}. The names are those of DLI's batch-job body, so a
 * script can copy them into one.
 *
 * <p>This is the one home of the rule which file is the main one: the project's own (main or attached) artifact,
 * else the first of the extra files (a PySpark project's driver script, listed first), else none.
 *
 * @param file the main file's OBS path; {@code null} when there is none
 */
public record JobPaths(
        String file,
        @JsonProperty("jars") List<String> jars,
        @JsonProperty("pyFiles") List<String> pyFiles,
        @JsonProperty("files") List<String> files) {

    /** The paths of a result's files, for a group of {@code kind}. */
    static JobPaths of(String kind, List<PublishedFile> published) {
        PublishedFile main = mainFile(published).orElse(null);
        List<String> others = published.stream()
                .filter(file -> file != main)
                .map(PublishedFile::obsPath)
                .toList();
        String mainPath = main == null ? null : main.obsPath();
        return switch (kind) {
            case "jar" -> new JobPaths(mainPath, others, null, null);
            case "pyFile" -> new JobPaths(mainPath, null, others, null);
            case "file" -> byType(mainPath, others);
            default -> new JobPaths(mainPath, null, null, others);
        };
    }

    /**
     * A mix (kind {@code file}) as Spark takes it: jars on the class path, Python modules on a Python job's path,
     * the rest as plain files; an array with no file is {@code null}.
     */
    private static JobPaths byType(String mainPath, List<String> others) {
        boolean pythonJob = mainPath != null && isPythonDriver(mainPath);
        List<String> jars = new ArrayList<>();
        List<String> pyFiles = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (String path : others) {
            if (PackageKind.JAR.accepts(path)) {
                jars.add(path);
            } else if (pythonJob && PackageKind.PY_FILE.accepts(path)) {
                pyFiles.add(path);
            } else {
                files.add(path);
            }
        }
        return new JobPaths(mainPath, noneToNull(jars), noneToNull(pyFiles), noneToNull(files));
    }

    private static List<String> noneToNull(List<String> paths) {
        return paths.isEmpty() ? null : List.copyOf(paths);
    }

    /**
     * Spark's own rule: a main file ending {@code .py} is a Python driver script, any other is run as a jar.
     *
     * @param fileName the main file's name or path
     * @return {@code true} for a Python driver
     */
    public static boolean isPythonDriver(String fileName) {
        return fileName.endsWith(".py");
    }

    /** The file a job runs, by the rule above. */
    static Optional<PublishedFile> mainFile(List<PublishedFile> published) {
        return published.stream()
                .filter(file -> PlannedFile.isProjectArtifact(file.origin()))
                .findFirst()
                .or(() -> published.stream().filter(file -> PlannedFile.isExtraFile(file.origin())).findFirst());
    }

    /** {@return the paths of the other files, from every array the kind fills; the main file's are not among them} */
    public List<String> others() {
        return Stream.of(jars, pyFiles, files).filter(Objects::nonNull).flatMap(List::stream).toList();
    }

    /** {@return every path a job references, the main file first: what {@code register=false} prints} */
    public List<String> all() {
        return file == null ? others() : Stream.concat(Stream.of(file), others().stream()).toList();
    }
}
