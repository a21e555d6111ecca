package dev.dlitools.dli.core.obs;

import dev.dlitools.dli.core.ProxySettings;
import dev.dlitools.dli.core.auth.AkSkSigner;
import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Where OBS is and how to talk to it: everything {@link ObsClientFactory} needs to build a client, and what
 * {@link #objectUrl} needs to name an object.
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

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

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
     * Real OBS in {@code region}, virtual-hosted addressing, default timeouts and retries, a pool for the default
     * threads, no proxy.
     */
    public static ObsClientSettings forRegion(String region, Credentials credentials) {
        return new ObsClientSettings(defaultEndpoint(region), region, credentials, false,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, UploadOptions.DEFAULT_THREADS, ProxySettings.NONE,
                RetryPolicy.DEFAULT_RETRIES);
    }

    public static URI defaultEndpoint(String region) {
        return URI.create("https://obs." + region + ".myhuaweicloud.com");
    }

    public ObsClientSettings withEndpoint(URI newEndpoint, boolean newPathStyle) {
        return new ObsClientSettings(newEndpoint, region, credentials, newPathStyle, connectTimeout, readTimeout,
                maxConnections, proxy, retries);
    }

    public ObsClientSettings withTimeouts(Duration newConnectTimeout, Duration newReadTimeout) {
        return new ObsClientSettings(endpoint, region, credentials, pathStyle, newConnectTimeout, newReadTimeout,
                maxConnections, proxy, retries);
    }

    public ObsClientSettings withMaxConnections(int newMaxConnections) {
        return new ObsClientSettings(endpoint, region, credentials, pathStyle, connectTimeout, readTimeout,
                newMaxConnections, proxy, retries);
    }

    public ObsClientSettings withProxy(ProxySettings newProxy) {
        return new ObsClientSettings(endpoint, region, credentials, pathStyle, connectTimeout, readTimeout,
                maxConnections, newProxy, retries);
    }

    public ObsClientSettings withRetries(int newRetries) {
        return new ObsClientSettings(endpoint, region, credentials, pathStyle, connectTimeout, readTimeout,
                maxConnections, proxy, newRetries);
    }

    /**
     * The https URL of an object as DLI wants it: {@code https://bucket.obs.region.myhuaweicloud.com/key}, or
     * {@code endpoint/bucket/key} with path-style addressing. Key segments are percent-encoded.
     */
    public String objectUrl(String bucket, String key) {
        return objectUrl(endpoint, pathStyle, bucket, key);
    }

    /** The URL of an object: {@code endpoint/bucket/key} with path-style addressing, else {@code bucket.endpoint/key}. */
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
