package dev.dlitools.dli.core.obs;

import dev.dlitools.dli.core.common.BuildLog;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * Aborts the incomplete multipart uploads that an earlier run left (killed before it could abort them) for the
 * keys this run writes: OBS bills for their parts and keeps them without a lifecycle rule. Only uploads older than
 * {@link #MIN_AGE} go, so that a build uploading the same keys at this moment keeps its own.
 */
final class StaleMultipartUploads {

    /** Longer than any one upload of a build's files takes. */
    static final Duration MIN_AGE = Duration.ofHours(1);

    private StaleMultipartUploads() {}

    /**
     * @param prefix the listing prefix the keys are under
     * @param startedBefore uploads started before this are aborted
     */
    static void abort(S3Client s3, String bucket, String prefix, Set<String> keys, Instant startedBefore,
            BuildLog log) {
        try {
            for (MultipartUpload upload : s3.listMultipartUploadsPaginator(request -> request.bucket(bucket)
                    .prefix(prefix)).uploads()) {
                if (keys.contains(upload.key()) && upload.initiated() != null
                        && upload.initiated().isBefore(startedBefore)) {
                    s3.abortMultipartUpload(request -> request.bucket(bucket).key(upload.key())
                            .uploadId(upload.uploadId()));
                    log.info("Aborted an incomplete multipart upload of '" + upload.key() + "' (upload id "
                            + upload.uploadId() + ", started " + upload.initiated() + ") that an earlier run left "
                            + "in bucket '" + bucket + "'.");
                }
            }
        } catch (SdkException e) {
            // a cleanup that cannot run (no permission to list uploads, say) must not fail the upload
            log.warn("Could not look for incomplete multipart uploads under '" + prefix + "' in bucket '" + bucket
                    + "': " + e.getMessage());
        }
    }
}
