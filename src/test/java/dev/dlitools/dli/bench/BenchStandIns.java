package dev.dlitools.dli.bench;

import dev.dlitools.dli.testsupport.LocalStandIns;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * The benchmark's S3Proxy (buckets as directories on disk) and DLI emulator, in a process of their own so that
 * their CPU time is not counted as ours: {@code BenchStandIns <connection-file> <store-directory> [<key-store>
 * <password>]} (with a PKCS12 key store the S3Proxy and the DLI emulator serve HTTPS, as OBS, DLI and IAM do; run
 * the JVM with a trust store that holds its certificate). Writes the plugin's settings that point at them and the random AK/SK as credential
 * variables to the connection file (read only by the benchmark), then runs until killed.
 */
public final class BenchStandIns {

    private BenchStandIns() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2 && args.length != 4) {
            System.err.println("usage: BenchStandIns <connection-file> <store-directory> [<key-store> <password>]");
            System.exit(2);
        }
        Path store = Files.createDirectories(Path.of(args[1]));
        // groups are READY at once: the benchmark measures the plugin, not the emulator's loading delay
        Path keyStore = args.length == 4 ? Path.of(args[2]) : null;
        LocalStandIns standIns = LocalStandIns.builder()
                .storeDirectory(store, keyStore, args.length == 4 ? args[3] : null)
                .asyncReadyDelay(Duration.ZERO)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(standIns::close));
        Properties connection = new Properties();
        // the plugin's settings (dli.region, dli.endpoint, ...) and credential variables (HUAWEICLOUD_SDK_AK, ...)
        standIns.mavenProperties().forEach(connection::setProperty);
        standIns.credentialVariables().forEach(connection::setProperty);
        Path written = Path.of(args[0] + ".tmp");
        try (OutputStream out = Files.newOutputStream(written)) {
            connection.store(out, "benchmark stand-ins");
        }
        Files.move(written, Path.of(args[0]));
        Thread.currentThread().join();
    }
}
