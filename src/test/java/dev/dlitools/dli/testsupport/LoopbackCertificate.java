package dev.dlitools.dli.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away key pair and self-signed certificate for 127.0.0.1 in a PKCS12 key store, made with the JDK's
 * {@code keytool}: what the stand-ins serve HTTPS with, as OBS, DLI and IAM do.
 *
 * @param keyStore the PKCS12 file
 * @param password the key store's and the key's password
 * @param alias the key's name in the key store
 */
public record LoopbackCertificate(Path keyStore, String password, String alias) {

    /** Creates the key store; it must not exist yet. */
    public static LoopbackCertificate create(Path keyStore, String password, String alias)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("keytool", ".log");
        try {
            Process keytool = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
                    "-ext", "SAN=ip:127.0.0.1", "-validity", "7", "-storetype", "PKCS12",
                    "-keystore", keyStore.toString(), "-storepass", password))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool -genkeypair failed:\n" + Files.readString(log));
            }
        } finally {
            Files.delete(log);
        }
        return new LoopbackCertificate(keyStore, password, alias);
    }

    /**
     * What {@code build} returns, built while the JVM's default TLS context trusts this certificate only: the JDK's
     * HTTP client (DLI's and IAM's) takes the default context when it is built, as the benchmark sets it with
     * {@code javax.net.ssl.trustStore}.
     */
    public <T> T buildTrusting(Supplier<T> build) {
        try {
            SSLContext previous = SSLContext.getDefault();
            SSLContext.setDefault(trustingContext());
            try {
                return build.get();
            } finally {
                SSLContext.setDefault(previous);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No default TLS context", e);
        }
    }

    /** A client's TLS context that trusts this certificate and nothing else. */
    public SSLContext trustingContext() {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, password.toCharArray());
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry(alias, keys.getCertificate(alias));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot trust the certificate in " + keyStore, e);
        }
    }
}
