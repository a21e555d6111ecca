package dev.dlitools.dli.core.publish;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.dlitools.dli.core.common.AtomicFiles;
import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.dli.DliJson;
import dev.dlitools.dli.core.dli.UploadGroupRequest;
import dev.dlitools.dli.core.common.Sizes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a publish did, written to {@code target/dli-package-group.json} for later build steps.
 * Holds no credentials.
 *
 * @param projectId {@code null} when DLI was not called
 * @param alreadyReady the group was already READY with exactly these packages and tags, and every file was
 *     unchanged, so it was not registered again ({@code registered} is true: the group is registered)
 * @param status the group's final status; {@code null} when it was not registered
 * @param request the registration request sent (or, in a dry run, that would be sent); {@code null} when the
 *     group is not registered
 */
public record PublishResult(
        String group,
        String kind,
        Map<String, String> tags,
        String bucket,
        String projectId,
        boolean dryRun,
        boolean registered,
        boolean alreadyReady,
        String status,
        List<PublishedFile> files,
        UploadGroupRequest request) {

    /** {@return the files as a Spark job lists them, as OBS paths; written to the result file as {@code job}} */
    @JsonProperty("job")
    public JobPaths job() {
        return JobPaths.of(kind, files);
    }

    /** {@return the file a Spark job runs (see {@link JobPaths}); empty when the result holds none} */
    public Optional<PublishedFile> mainFile() {
        return JobPaths.mainFile(files);
    }

    /** {@return the files this run sent; the others were already in the bucket unchanged} */
    public List<PublishedFile> uploadedFiles() {
        return withOutcome(PublishedFile.UPLOADED);
    }

    /**
     * What a dry run found.
     *
     * @return e.g. {@code would upload 2 (3.1 MB), 11 unchanged}, or when OBS was not asked
     *     {@code 13 files (5.0 MB) planned, not compared with OBS}
     */
    public String dryRunCounts() {
        List<PublishedFile> planned = withOutcome(PublishedFile.PLANNED);
        if (!planned.isEmpty()) {
            return files(planned.size()) + " (" + Sizes.decimal(bytes(planned)) + ") planned, not compared with OBS";
        }
        List<PublishedFile> wouldUpload = withOutcome(PublishedFile.WOULD_UPLOAD);
        return "would upload " + wouldUpload.size() + " (" + Sizes.decimal(bytes(wouldUpload)) + "), "
                + withOutcome(PublishedFile.UNCHANGED).size() + " unchanged";
    }

    private List<PublishedFile> withOutcome(String outcome) {
        return files.stream().filter(file -> outcome.equals(file.outcome())).toList();
    }

    private static long bytes(List<PublishedFile> files) {
        return files.stream().mapToLong(PublishedFile::size).sum();
    }

    private static String files(int count) {
        return count + (count == 1 ? " file" : " files");
    }

    /** {@return the result in one line, the only one a quiet build ({@code -q}) shows} */
    public String summaryLine() {
        if (dryRun) {
            return "dli: dry run, " + dryRunCounts() + " in OBS bucket " + bucket + "; group " + group
                    + " not registered.";
        }
        int uploaded = uploadedFiles().size();
        String counts = files(files.size()) + " (" + uploaded + " uploaded, " + (files.size() - uploaded)
                + " unchanged)";
        return registered
                ? "dli: group " + group + " is " + status + " with " + counts
                        + (alreadyReady ? "; not registered again." : ".")
                : "dli: " + counts + " in OBS bucket " + bucket + "; group " + group + " not registered.";
    }

    /**
     * Writes the result as JSON, creating the file's folder.
     *
     * @param file e.g. {@code target/dli-package-group.json}; replaced when it exists
     * @throws DliException when the file cannot be written
     */
    public void writeTo(Path file) {
        try {
            AtomicFiles.writeString(file, toJson());
        } catch (IOException e) {
            throw new DliException("Could not write the result file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The result as indented JSON, as the result file holds it. */
    String toJson() {
        return DliJson.write(this) + "\n";
    }

    /**
     * Reads a result file, for later build steps.
     *
     * @param file a file {@link #writeTo} wrote
     * @return the result; fields the file lacks are {@code null} or {@code false}
     * @throws IOException when the file cannot be read or is not such JSON
     */
    public static PublishResult read(Path file) throws IOException {
        return DliJson.MAPPER.readValue(file.toFile(), PublishResult.class);
    }
}
