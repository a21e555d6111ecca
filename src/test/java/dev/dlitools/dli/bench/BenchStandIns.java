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
 * their CPU time is not counted as ours: {@code BenchStandIns <connection-file> <store-directory>}. Writes the
 * endpoints and the random AK/SK to the connection file (read only by the benchmark), then runs until killed.
 */
public final class BenchStandIns {

    private BenchStandIns() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: BenchStandIns <connection-file> <store-directory>");
            System.exit(2);
        }
        Path store = Files.createDirectories(Path.of(args[1]));
        // groups are READY at once: the benchmark measures the plugin, not the emulator's loading delay
        LocalStandIns standIns = LocalStandIns.builder().storeDirectory(store).asyncReadyDelay(Duration.ZERO).start();
        Runtime.getRuntime().addShutdownHook(new Thread(standIns::close));
        Properties connection = new Properties();
        connection.setProperty("accessKey", standIns.credentials().accessKey());
        connection.setProperty("secretKey", standIns.credentials().secretKey());
        connection.setProperty("obsEndpoint", standIns.obsEndpoint().toString());
        connection.setProperty("dliEndpoint", standIns.dliEndpoint().toString());
        connection.setProperty("region", standIns.region());
        connection.setProperty("projectId", standIns.projectId());
        Path written = Path.of(args[0] + ".tmp");
        try (OutputStream out = Files.newOutputStream(written)) {
            connection.store(out, "benchmark stand-ins");
        }
        Files.move(written, Path.of(args[0]));
        Thread.currentThread().join();
    }
}
