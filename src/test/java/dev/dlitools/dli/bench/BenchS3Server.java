package dev.dlitools.dli.bench;

import dev.dlitools.dli.testsupport.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark's S3 server in a process of its own, so that its CPU and heap are not counted as ours:
 * {@code BenchS3Server <access-key> <secret-key> <store-directory>}. Prints its endpoint, then runs until killed.
 */
public final class BenchS3Server {

    private BenchS3Server() {}

    public static void main(String[] args) throws Exception {
        Path store = Files.createDirectories(Path.of(args[2]));
        S3ProxyServer server = S3ProxyServer.startOnDisk(args[0], args[1], 0, store);
        System.out.println(server.endpoint());
        System.out.flush();
        Thread.currentThread().join();
    }
}
