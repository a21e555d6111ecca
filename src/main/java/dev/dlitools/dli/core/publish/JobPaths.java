package dev.dlitools.dli.core.publish;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.dlitools.dli.core.upload.PlannedFile;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The published files as a Spark job lists them, each as an OBS path {@code obs://bucket/key} (the only form
 * Spark 3.3.1 and later take; earlier versions take it too): the main file as {@code file}, every other file, in
 * the plan's order, in the one array the group's kind calls for ({@code jars} for {@code jar}, {@code pyFiles} for
 * {@code pyFile}, {@code files} for {@code file} and {@code modelFile}); the other arrays are {@code null}. The
 * names are those of DLI's batch-job body, so a script can copy them into one.
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
            default -> new JobPaths(mainPath, null, null, others);
        };
    }

    /** The file a job runs, by the rule above. */
    static Optional<PublishedFile> mainFile(List<PublishedFile> published) {
        return published.stream()
                .filter(file -> PlannedFile.isProjectArtifact(file.origin()))
                .findFirst()
                .or(() -> published.stream().filter(file -> PlannedFile.isExtraFile(file.origin())).findFirst());
    }

    /** The paths of the other files, from whichever array the kind fills; the main file's are not among them. */
    public List<String> others() {
        return jars != null ? jars : pyFiles != null ? pyFiles : files;
    }

    /** Every path a job references, the main file first: what {@code register=false} prints. */
    public List<String> all() {
        return file == null ? others() : Stream.concat(Stream.of(file), others().stream()).toList();
    }
}
