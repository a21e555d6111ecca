package dev.dlitools.dli.testsupport;

import java.net.URI;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/** A real S3 server (S3Proxy) on 127.0.0.1 and a random or given port, storing blobs in memory or on disk. */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "test-ak";
    public static final String SECRET_KEY = "test-sk";

    private final S3Proxy proxy;
    private final BlobStore blobStore;
    private final boolean secure;

    private S3ProxyServer(S3Proxy proxy, BlobStore blobStore, boolean secure) {
        this.proxy = proxy;
        this.blobStore = blobStore;
        this.secure = secure;
    }

    public static S3ProxyServer start() {
        return start(ACCESS_KEY, SECRET_KEY);
    }

    public static S3ProxyServer start(String accessKey, String secretKey) {
        return start(accessKey, secretKey, 0);
    }

    /** @param port the port to listen on; 0 picks a free one */
    public static S3ProxyServer start(String accessKey, String secretKey, int port) {
        return start(accessKey, secretKey, port, new TransientNio2BlobStore(), null, null);
    }

    /**
     * Stores each bucket as a directory under {@code directory}, as the benchmark needs for realistic figures.
     *
     * @param keyStore a PKCS12 key store with the server's key: serve HTTPS, as OBS does; {@code null}: HTTP
     */
    public static S3ProxyServer startOnDisk(
            String accessKey, String secretKey, int port, Path directory, Path keyStore, String keyStorePassword) {
        return start(accessKey, secretKey, port, new FilesystemNio2BlobStore(directory.toString()), keyStore,
                keyStorePassword);
    }

    private static S3ProxyServer start(String accessKey, String secretKey, int port, BlobStore store,
            Path keyStore, String keyStorePassword) {
        S3Proxy.Builder builder = S3Proxy.builder()
                .blobStore(store)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .ignoreUnknownHeaders(true);
        if (keyStore == null) {
            builder.endpoint(URI.create("http://127.0.0.1:" + port));
        } else {
            builder.secureEndpoint(URI.create("https://127.0.0.1:" + port))
                    .keyStore(keyStore.toString(), keyStorePassword);
        }
        S3Proxy proxy = builder.build();
        try {
            proxy.start();
            while (!proxy.getState().equals("STARTED")) {
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        return new S3ProxyServer(proxy, store, keyStore != null);
    }

    /** The endpoint to give an S3 client (path-style addressing). */
    public URI endpoint() {
        return secure
                ? URI.create("https://127.0.0.1:" + proxy.getSecurePort())
                : URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public void createBucket(String bucket) {
        blobStore.createContainer(bucket);
    }

    public boolean exists(String bucket, String key) {
        return blobStore.blobExists(bucket, key);
    }

    public BlobStore blobStore() {
        return blobStore;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop", e);
        }
    }
}
