package dev.dlitools.dli.core.publish;

import dev.dlitools.dli.core.obs.FileDigests;
import dev.dlitools.dli.core.upload.PlannedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One file of a published group, as the result file lists it.
 *
 * @param url what the group registration is given: the object's https URL
 * @param obsPath what a Spark job is given: {@code obs://bucket/key}
 * @param outcome {@code uploaded} or {@code unchanged}; in a dry run {@code would_upload} or {@code unchanged}, or
 *     {@code planned} when OBS was not asked
 * @param sha256 hex SHA-256 of the file; {@code null} in a dry run
 * @param status the package's final status in DLI; {@code null} when the group was not registered
 * @param source the local file it was read from, as an absolute path; {@code null} in a result written before
 *     0.2.0
 */
public record PublishedFile(
        String fileName, String origin, String key, String url, String obsPath, long size, String sha256,
        String outcome, String status, String source) {

    static final String UPLOADED = "uploaded";
    /** The {@code outcome} of a file OBS already held with the same content. */
    public static final String UNCHANGED = "unchanged";
    /** The {@code outcome} of a file a dry run found missing or changed in OBS. */
    public static final String WOULD_UPLOAD = "would_upload";
    /** The {@code outcome} of each file of a dry run that did not ask OBS. */
    public static final String PLANNED = "planned";

    /**
     * Whether this is one of the project's own files (its artifact or an extra file) and its {@link #source} still
     * holds other bytes than were published: built or edited again since.
     *
     * @return {@code false} also for a dependency, a source that is not there or not recorded, or a dry run's plan
     * @throws IOException when the source cannot be read
     */
    public boolean changedSincePublished() throws IOException {
        if (source == null || !(PlannedFile.isProjectArtifact(origin) || PlannedFile.isExtraFile(origin))) {
            return false;
        }
        Path local = Path.of(source);
        return Files.isRegularFile(local) && !hasBytesOf(local);
    }

    /**
     * Whether a local file holds this file's bytes: the same size and SHA-256; {@code true} also when the result does
     * not say (a dry run's plan has no SHA-256), as there is then nothing to compare.
     */
    private boolean hasBytesOf(Path local) throws IOException {
        return sha256 == null || (Files.size(local) == size && FileDigests.sha256(local).equalsIgnoreCase(sha256));
    }

    PublishedFile withStatus(String newStatus) {
        return new PublishedFile(fileName, origin, key, url, obsPath, size, sha256, outcome, newStatus, source);
    }
}
