package dev.dlitools.dli.core.dli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.ProxySettings;
import dev.dlitools.dli.core.retry.RetryPolicy;
import dev.dlitools.dli.testsupport.RecordingLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A body that stops part way, or never ends, fails the call in bounded time and memory. */
@Timeout(30)
class SignedHttpClientBodyTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

    private final CountDownLatch released = new CountDownLatch(1);
    private HttpServer server;

    @AfterEach
    void stop() {
        released.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void answerThatStallsPartWayTimesOutNamingTheReadTimeoutSetting() throws IOException {
        DliClient client = client(exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            OutputStream out = exchange.getResponseBody();
            out.write("{\"groups\":[".getBytes(StandardCharsets.UTF_8));
            out.flush();
            await(released);
        });
        long start = System.nanoTime();

        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> client.listResources(null, null));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(failure).hasMessageContaining("got no answer within 1 s")
                .hasMessageContaining("{{READ_TIMEOUT}}");
        assertThat(failure.isTransient()).isTrue();
    }

    // left alone, the JDK's exchange would hold the connection, and read on, as long as the server sends
    @Test
    void answerGivenUpOnIsHungUp() throws Exception {
        try (ServerSocket stalling = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Integer> readAfterTheStall = CompletableFuture.supplyAsync(() -> {
                try (Socket connection = stalling.accept()) {
                    InputStream in = connection.getInputStream();
                    skipHead(in);
                    connection.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n"
                            + "{\"groups\":[").getBytes(StandardCharsets.ISO_8859_1));
                    connection.setSoTimeout(10_000);
                    return in.read();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            DliClient client = client(stalling.getLocalPort());

            catchThrowableOfType(DliApiException.class, () -> client.listResources(null, null));

            assertThat(readAfterTheStall.get(20, TimeUnit.SECONDS)).as("what the server read: the connection's end")
                    .isEqualTo(-1);
        }
    }

    @Test
    void answerLargerThanAnyServiceSendsIsRefusedWithoutReadingItAll() throws Exception {
        CompletableFuture<Long> sent = new CompletableFuture<>();
        DliClient client = client(exchange -> sent.complete(answer(exchange, 4L * SignedHttpClient.MAX_BODY_BYTES)));

        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> client.listResources(null, null));

        assertThat(sent.get(20, TimeUnit.SECONDS)).as("bytes the server could send before the client hung up")
                .isLessThan(2L * SignedHttpClient.MAX_BODY_BYTES);
        assertThat(failure.httpStatus()).isEqualTo(200);
        assertThat(failure.requestId()).isEqualTo("rid-huge");
        assertThat(failure.isTransient()).isFalse();
        assertThat(failure).hasMessageEndingWith("/v2.0/p-body/resources answered more than 32 MiB (HTTP 200, "
                + "request id rid-huge). Check that {{DLI_ENDPOINT}} is the service's address and that no proxy or "
                + "portal answers in its place.");
    }

    @Test
    void groupUploadAnsweredTooLargeIsNotTakenForARefusal() throws IOException {
        DliClient client = client(SignedHttpClientBodyTest::answerTooLarge);

        DliApiException failure = catchThrowableOfType(DliApiException.class, () -> client.uploadGroup(
                new UploadGroupRequest(List.of("https://b.obs.cn-north-4.myhuaweicloud.com/app.jar"), "jar", "g",
                        false, List.of())));

        assertThat(failure).hasMessageContaining("/v2.0/p-body/resources answered more than 32 MiB")
                .hasMessageNotContaining("refused");
    }

    @Test
    void answerOfExactlyTheMostThatIsReadIsRead() throws IOException {
        DliClient client = client(exchange -> answer(exchange, SignedHttpClient.MAX_BODY_BYTES));

        assertThat(client.listResources(null, null).groups()).isEmpty();
    }

    /** A 200 of a JSON object padded past what the client reads. */
    private static void answerTooLarge(HttpExchange exchange) throws IOException {
        answer(exchange, SignedHttpClient.MAX_BODY_BYTES + 1L);
    }

    /**
     * A 200 of a JSON object of spaces, {@code length} bytes long, or as much of it as the client takes.
     *
     * @return the bytes written before the client hung up, or all of them
     */
    private static long answer(HttpExchange exchange, long length) throws IOException {
        exchange.getResponseHeaders().set("X-Request-Id", "rid-huge");
        exchange.sendResponseHeaders(200, 0);
        byte[] spaces = new byte[1 << 16];
        Arrays.fill(spaces, (byte) ' ');
        long sent = 0;
        try (OutputStream out = exchange.getResponseBody()) {
            out.write('{');
            sent++;
            while (sent < length - 1) {
                int part = (int) Math.min(spaces.length, length - 1 - sent);
                out.write(spaces, 0, part);
                sent += part;
            }
            out.write('}');
            sent++;
        } catch (IOException refused) {
            // the client stops reading: what the tests of too large an answer want
        }
        return sent;
    }

    /** Reads a request's head, up to its blank line. */
    private static void skipHead(InputStream in) throws IOException {
        int lastFour = 0;
        for (int next; lastFour != 0x0D0A0D0A && (next = in.read()) >= 0; ) {
            lastFour = lastFour << 8 | next;
        }
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private DliClient client(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            handler.handle(exchange);
            exchange.close();
        });
        server.start();
        return client(server.getAddress().getPort());
    }

    private static DliClient client(int port) {
        SignedHttpClient http = new SignedHttpClient(Credentials.of("BODYTESTAK", "body-test-sk"),
                Duration.ofSeconds(5), READ_TIMEOUT, ProxySettings.NONE, new RetryPolicy(0, pause -> {
                    throw new AssertionError("no retry expected");
                }, () -> 0.5), Clock.systemUTC(), RecordingLog.withoutDebug());
        return new DliClient(http, URI.create("http://127.0.0.1:" + port), "p-body");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(25, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
