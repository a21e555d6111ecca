package dev.dlitools.dli.emulator;

import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An {@link ObjectStore} that asks an S3-compatible server (OBS, S3Proxy) with a HEAD request.
 *
 * <p>The caller owns the client and closes it.
 */
public final class S3ObjectStore implements ObjectStore {

    /** The part of a virtual-hosted OBS host name that follows the bucket. */
    private static final String OBS_HOST_MARKER = ".obs.";

    private final S3Client s3;

    public S3ObjectStore(S3Client s3) {
        this.s3 = Objects.requireNonNull(s3, "s3");
    }

    @Override
    public boolean exists(URI obsUrl) {
        ObjectLocation location = locate(obsUrl);
        try {
            s3.headObject(head -> head.bucket(location.bucket()).key(location.key()));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            // HEAD has no body, so a missing bucket or key often arrives as a bare 404
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Bucket and key of an object URL, virtual-hosted ({@code https://{bucket}.obs.{region}.myhuaweicloud.com/{key}}),
     * path-style ({@code http://127.0.0.1:{port}/{bucket}/{key}}) or an OBS path ({@code obs://{bucket}/{key}}).
     *
     * @throws IllegalArgumentException when the URL names no bucket and key
     */
    public static ObjectLocation locate(URI obsUrl) {
        String host = obsUrl.getHost();
        String path = obsUrl.getPath() == null ? "" : obsUrl.getPath();
        if (host == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("Not an OBS object URL: " + obsUrl);
        }
        if ("obs".equals(obsUrl.getScheme())) {
            return ObjectLocation.of(obsUrl.getAuthority(), path.substring(1), obsUrl);
        }
        int marker = host.indexOf(OBS_HOST_MARKER);
        if (marker > 0) {
            return ObjectLocation.of(host.substring(0, marker), path.substring(1), obsUrl);
        }
        int slash = path.indexOf('/', 1);
        if (slash < 0) {
            throw new IllegalArgumentException("Not an OBS object URL: " + obsUrl);
        }
        return ObjectLocation.of(path.substring(1, slash), path.substring(slash + 1), obsUrl);
    }

    /** Where an object lives: bucket and key, the key without a leading {@code /}. */
    public record ObjectLocation(String bucket, String key) {

        static ObjectLocation of(String bucket, String key, URI obsUrl) {
            if (bucket.isEmpty() || key.isEmpty()) {
                throw new IllegalArgumentException("Not an OBS object URL: " + obsUrl);
            }
            return new ObjectLocation(bucket, key);
        }
    }
}
