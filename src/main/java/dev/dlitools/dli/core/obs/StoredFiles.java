package dev.dlitools.dli.core.obs;

import dev.dlitools.dli.core.common.BuildLog;
import dev.dlitools.dli.core.obs.RemoteListing.RemoteObject;
import dev.dlitools.dli.core.upload.PlannedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Which planned files the bucket already holds unchanged, decided as {@link ObsUploader} decides it (the same
 * listing, the same ETag of the same part layout, the same digest cache) but sending nothing: what a dry run
 * reports as {@code unchanged}. Only a file with an object of its size in the bucket is read.
 */
public final class StoredFiles {

    private StoredFiles() {}

    /**
     * The planned files an upload would leave alone.
     *
     * @param s3 a client from {@link ObsClientFactory} for {@code settings}; not closed here
     * @param settings the client's settings, for error hints
     * @param bucket the OBS bucket
     * @param files the files with their object keys
     * @param options the part layout, the digest cache and force, as the upload would take them
     * @param log where retries are reported
     * @return the object keys of the files that an upload would leave alone; none with {@link UploadOptions#force()}
     * @throws ObsUploadException when the bucket cannot be listed or a file cannot be read
     */
    public static Set<String> unchangedKeys(S3Client s3, ObsClientSettings settings, String bucket,
            List<PlannedFile> files, UploadOptions options, BuildLog log) {
        if (options.force()) {
            return Set.of();
        }
        ObsErrors errors = new ObsErrors(settings);
        Set<String> keys = new HashSet<>();
        files.forEach(file -> keys.add(file.objectKey()));
        Map<String, RemoteObject> remote;
        try {
            remote = RemoteListing.index(s3, bucket, keys, errors, log, Runnable::run).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof ObsUploadException failure ? failure : e;
        }
        DigestCache digests = options.digestCache() == null ? DigestCache.none()
                : DigestCache.load(options.digestCache());
        Set<String> unchanged = new HashSet<>();
        try {
            for (PlannedFile file : files) {
                RemoteObject stored = remote.get(file.objectKey());
                if (stored != null && stored.size() == file.size()) {
                    try {
                        if (stored.holds(file.size(), etag(file, options, digests))) {
                            unchanged.add(file.objectKey());
                        }
                    } catch (IOException e) {
                        throw errors.forFile(file.source(), bucket, file.objectKey(), e);
                    }
                }
            }
        } finally {
            digests.save();
        }
        return unchanged;
    }

    /** The ETag OBS reports for the file uploaded with these options, from the cache or read now. */
    private static String etag(PlannedFile file, UploadOptions options, DigestCache digests) throws IOException {
        PartLayout layout = PartLayout.plan(file.size(), options);
        FileTime modified = Files.getLastModifiedTime(file.source());
        DigestCache.KnownDigest known = digests.find(file.source(), file.size(), modified, layout);
        return known != null ? known.etag()
                : digests.hash(file.source(), file.size(), modified, layout, () -> false).etag();
    }
}
