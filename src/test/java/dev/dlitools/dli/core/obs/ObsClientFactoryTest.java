package dev.dlitools.dli.core.obs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.BuildLog;
import dev.dlitools.dli.testsupport.S3ProxyServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The OBS client: the same whatever AWS settings the machine has (OBS is not AWS), and sparing with round trips. */
class ObsClientFactoryTest {

    @TempDir
    Path dir;

    @Test
    void awsFipsAndDualStackSettingsOfTheMachineDoNotTouchObsRequests() throws IOException {
        // with a custom endpoint, the SDK refuses any request when FIPS or dual-stack endpoints are asked for
        Path awsConfig = Files.writeString(dir.resolve("aws-config"), """
                [default]
                use_dualstack_endpoint = true
                """);
        Map<String, String> machineSettings = Map.of("aws.configFile", awsConfig.toString(),
                "aws.useFipsEndpoint", "true");
        machineSettings.forEach(System::setProperty);
        try (S3ProxyServer server = S3ProxyServer.start();
                S3Client s3 = ObsClientFactory.create(ObsClientSettings.of(server.endpoint(), "cn-north-4",
                        Credentials.of(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY), true), BuildLog.SILENT)) {
            server.createBucket("jars");

            s3.putObject(put -> put.bucket("jars").key("a.jar"), RequestBody.fromString("a"));

            assertThat(server.exists("jars", "a.jar")).isTrue();
        } finally {
            machineSettings.keySet().forEach(System::clearProperty);
        }
    }

    @Test
    void aPutSendsItsBodyWithoutWaitingForAContinue() throws Exception {
        // "Expect: 100-continue" makes every PUT wait one round trip before its body: over a WAN, per file
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                S3Client s3 = ObsClientFactory.create(ObsClientSettings.of(
                        URI.create("http://127.0.0.1:" + server.getLocalPort()), "cn-north-4",
                        Credentials.of(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY), true), BuildLog.SILENT)) {
            CompletableFuture<String> head = CompletableFuture.supplyAsync(() -> {
                try (Socket socket = server.accept()) {
                    String requestHead = readHead(socket.getInputStream());
                    socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nETag: \"0cc175b9c0f1b6a831c399e269772661\"\r\n"
                            + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    return requestHead;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });

            s3.putObject(put -> put.bucket("jars").key("a.jar"), RequestBody.fromString("a"));

            assertThat(head.get(10, TimeUnit.SECONDS)).startsWith("PUT /jars/a.jar HTTP/1.1")
                    .doesNotContainIgnoringCase("expect:");
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
