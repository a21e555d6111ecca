package dev.dlitools.dli.core.obs;

import dev.dlitools.dli.core.auth.AkSkSigner;
import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.ProxySettings;
import dev.dlitools.dli.core.common.Timeouts;
import dev.dlitools.dli.core.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Where OBS is and how to talk to it: everything {@link ObsClientFactory} needs to build a client.
 *
 * @param endpoint the OBS endpoint, e.g. {@code https://obs.cn-north-4.myhuaweicloud.com}
 * @param region the region the requests are signed for
 * @param credentials AK/SK, optionally temporary
 * @param pathStyle {@code true} for {@code endpoint/bucket/key} addressing (local S3 stand-ins), {@code false}
 *     for virtual-hosted {@code bucket.endpoint/key} (real OBS)
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param readTimeout how long a socket read may block, e.g. waiting for the answer to an uploaded part
 * @param maxConnections the HTTP connection pool size; at least the uploader's thread count
 * @param proxy the proxies to reach OBS through
 * @param retries how many times a request that failed transiently is sent again
 */
public record ObsClientSettings(URI endpoint, String region, Credentials credentials, boolean pathStyle,
        Duration connectTimeout, Duration readTimeout, int maxConnections, ProxySettings proxy, int retries) {

    /**
     * Checks the values; a wrong one is a mistake of the calling code, not of the user.
     *
     * @param endpoint an absolute URL
     * @param region required
     * @param credentials required
     * @param pathStyle either addressing
     * @param connectTimeout required
     * @param readTimeout required
     * @param maxConnections at least 1
     * @param proxy {@link ProxySettings#NONE} for none
     * @param retries 0 to 10, else a {@link dev.dlitools.dli.core.common.SettingException}
     */
    public ObsClientSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(proxy, "proxy");
        RetryPolicy.checkRetries(retries);
        if (endpoint.getScheme() == null || endpoint.getHost() == null) {
            throw new IllegalArgumentException("OBS endpoint must be an absolute URL like https://obs."
                    + region + ".myhuaweicloud.com, got: " + endpoint);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
        }
    }

    /**
     * OBS at {@code endpoint} with the default time-outs and retries, a pool for the default upload threads, and
     * no proxy.
     *
     * @param endpoint e.g. {@code https://obs.cn-north-4.myhuaweicloud.com}
     * @param region the region the requests are signed for
     * @param credentials AK/SK, optionally temporary
     * @param pathStyle {@code true} for {@code endpoint/bucket/key} addressing
     * @return the settings
     */
    public static ObsClientSettings of(URI endpoint, String region, Credentials credentials, boolean pathStyle) {
        return new ObsClientSettings(endpoint, region, credentials, pathStyle, Timeouts.CONNECT, Timeouts.READ,
                UploadOptions.DEFAULT_THREADS, ProxySettings.NONE, RetryPolicy.DEFAULT_RETRIES);
    }

    /**
     * The URL DLI is given for an object: {@code endpoint/bucket/key} with path-style addressing, else
     * {@code bucket.endpoint/key} (e.g. {@code https://bucket.obs.cn-north-4.myhuaweicloud.com/key}). Key segments
     * are percent-encoded.
     *
     * @param endpoint the OBS endpoint
     * @param pathStyle {@code true} for {@code endpoint/bucket/key} addressing
     * @param bucket the bucket
     * @param key the object key, segments unencoded
     * @return the object's {@code http(s)} URL
     */
    public static String objectUrl(URI endpoint, boolean pathStyle, String bucket, String key) {
        String encodedKey = encodePath(key);
        if (pathStyle) {
            String base = endpoint.toString();
            if (base.endsWith("/")) {
                base = base.substring(0, base.length() - 1);
            }
            return base + "/" + encodePath(bucket) + "/" + encodedKey;
        }
        String port = endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort();
        return endpoint.getScheme() + "://" + bucket + "." + endpoint.getHost() + port + "/" + encodedKey;
    }

    /** Percent-encodes each segment as the signer does, keeping {@code /} as the segment separator. */
    static String encodePath(String path) {
        return Arrays.stream(path.split("/", -1)).map(AkSkSigner::encode).collect(Collectors.joining("/"));
    }
}
