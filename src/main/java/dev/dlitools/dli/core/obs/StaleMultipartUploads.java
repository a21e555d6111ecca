package dev.dlitools.dli.core.obs;

import dev.dlitools.dli.core.common.BuildLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
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
            for (MultipartUpload upload : list(s3, bucket, prefix, log)) {
                if (keys.contains(upload.key()) && upload.uploadId() != null && upload.initiated() != null
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

    /**
     * The open uploads under the prefix, page by page. The SDK's paginator asks again for as long as a page says
     * it is truncated, so a page without later markers (as OBS answers listings at times) would be asked for
     * forever, after every file was uploaded: the listing stops there instead.
     */
    private static List<MultipartUpload> list(S3Client s3, String bucket, String prefix, BuildLog log) {
        List<MultipartUpload> uploads = new ArrayList<>();
        String keyMarker = null;
        String uploadIdMarker = null;
        while (true) {
            String key = keyMarker;
            String uploadId = uploadIdMarker;
            ListMultipartUploadsResponse page = s3.listMultipartUploads(request -> request.bucket(bucket)
                    .prefix(prefix).keyMarker(key).uploadIdMarker(uploadId));
            uploads.addAll(page.uploads());
            if (!Boolean.TRUE.equals(page.isTruncated())) {
                return uploads;
            }
            String nextKey = page.nextKeyMarker();
            String nextUploadId = page.nextUploadIdMarker();
            if (nextKey == null || nextKey.isEmpty()
                    || (nextKey.equals(keyMarker) && Objects.equals(nextUploadId, uploadIdMarker))) {
                log.warn("The OBS listing of incomplete multipart uploads under '" + prefix + "' in bucket '"
                        + bucket + "' answered 'truncated' without a later marker; uploads beyond it are left.");
                return uploads;
            }
            keyMarker = nextKey;
            uploadIdMarker = nextUploadId;
        }
    }
}
