package dev.dlitools.dli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The link model against its figures. Rates are measured over megabytes and checked within 15% below and 7% above
 * (the buckets' depth lets 64 KiB through at once; pacing on a busy machine can only make a link slower, so the
 * best of up to three transfers counts); delays are checked from below exactly and with less than half an RTT of
 * slack above (the least of three), so that a missing or doubled delay fails.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LinkProxyTest {

    private static final int MB = 1_000_000;

    @Test
    void aRoundTripCostsOneRttAndAFreshConnectionOneMoreForItsHandshake() throws Exception {
        LinkProfile link = new LinkProfile("rtt", Duration.ofMillis(200), 1000, 1000);
        // the least of three: a busy machine can only add to a delay
        double fresh = Double.MAX_VALUE;
        double again = Double.MAX_VALUE;
        try (TestServer echo = new TestServer(socket -> socket.getInputStream().transferTo(socket.getOutputStream()));
                LinkProxy proxy = new LinkProxy(link, echo.address())) {
            for (int i = 0; i < 3; i++) {
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                    fresh = Math.min(fresh, roundTripMillis(client));
                    again = Math.min(again, roundTripMillis(client));
                }
            }
        }
        assertTrue(fresh >= 0.95 * 400 && fresh < 400 + 90, "fresh connection: " + fresh + " ms");
        assertTrue(again >= 0.95 * 200 && again < 200 + 90, "open connection: " + again + " ms");
    }

    @Test
    void oneConnectionSendsAtItsOwnRate() throws Exception {
        // 40 Mbit/s is 5 MB/s: 3 MB take 0.6 s
        LinkProfile link = new LinkProfile("per", Duration.ofMillis(20), 40, 400);
        BlockingQueue<Double> received = new LinkedBlockingQueue<>();
        try (TestServer sink = new TestServer(socket -> received.add(readRate(socket.getInputStream())));
                LinkProxy proxy = new LinkProxy(link, sink.address())) {
            assertRate(5 * MB, () -> {
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                    send(client.getOutputStream(), 3 * MB);
                    client.shutdownOutput();
                    return received.poll(5, TimeUnit.SECONDS);
                }
            });
        }
    }

    @Test
    void parallelConnectionsTogetherReachTheTotalRateAndNoMore() throws Exception {
        // four connections of 5 MB/s each, 10 MB/s together, downloading 1.5 MB each: 0.6 s
        LinkProfile link = new LinkProfile("total", Duration.ofMillis(20), 40, 80);
        int connections = 4;
        ExecutorService clients = Executors.newFixedThreadPool(connections);
        try (TestServer source = new TestServer(socket -> send(socket.getOutputStream(), 3 * MB / 2));
                LinkProxy proxy = new LinkProxy(link, source.address())) {
            assertRate(10 * MB, () -> {
                List<Future<long[]>> downloads = new ArrayList<>();
                for (int i = 0; i < connections; i++) {
                    downloads.add(clients.submit(() -> {
                        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                            return download(client.getInputStream());
                        }
                    }));
                }
                long first = Long.MAX_VALUE;
                long last = 0;
                long bytes = 0;
                long firstReads = 0;
                for (Future<long[]> download : downloads) {
                    long[] result = download.get(5, TimeUnit.SECONDS);
                    first = Math.min(first, result[0]);
                    last = Math.max(last, result[1]);
                    bytes += result[2];
                    firstReads += result[3];
                }
                assertEquals(connections * 3L * MB / 2, bytes);
                return (bytes - firstReads) / ((last - first) / 1e9);
            });
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void halfCloseAndEndOfStreamGoThroughInBothDirections() throws Exception {
        LinkProfile link = new LinkProfile("close", Duration.ofMillis(10), 100, 100);
        // the server answers only once it has seen the client's end of stream, then closes
        try (TestServer counter = new TestServer(socket -> {
                    long count = socket.getInputStream().readAllBytes().length;
                    socket.getOutputStream().write(("got " + count).getBytes(StandardCharsets.UTF_8));
                });
                LinkProxy proxy = new LinkProxy(link, counter.address());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            client.getOutputStream().write("hello".getBytes(StandardCharsets.UTF_8));
            client.shutdownOutput();

            assertEquals("got 5", new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void closingTheProxyEndsItsConnectionsAndThreads() throws Exception {
        LinkProfile link = new LinkProfile("closing", Duration.ofMillis(10), 100, 100);
        try (TestServer echo = new TestServer(socket -> socket.getInputStream().transferTo(socket.getOutputStream()));
                Socket client = new Socket()) {
            LinkProxy proxy = new LinkProxy(link, echo.address());
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.port()));
            roundTripMillis(client);
            assertTrue(proxyThreads() > 0, "the proxy runs threads while open");

            proxy.close();

            client.setSoTimeout(2000);
            assertTrue(endsOrFails(client.getInputStream()), "the open connection is closed with the proxy");
            for (int i = 0; i < 50 && proxyThreads() > 0; i++) {
                Thread.sleep(20);
            }
            assertEquals(0, proxyThreads(), "threads left after close");
        }
    }

    @Test
    void profilesParseByNameOrFigures() {
        assertEquals(new LinkProfile("region", Duration.ofMillis(30), 100, 500), LinkProfile.parse("region"));
        assertEquals(new LinkProfile("far", Duration.ofMillis(150), 50, 200), LinkProfile.parse("far"));
        assertTrue(LinkProfile.parse("none").isNone());
        LinkProfile custom = LinkProfile.parse("40,80,300");
        assertEquals(Duration.ofMillis(40), custom.rtt());
        assertEquals(10_000_000, custom.perConnectionBytesPerSecond(), 1e-6);
        assertEquals(37_500_000, custom.totalBytesPerSecond(), 1e-6);

        assertEquals(List.of(LinkProfile.NONE, LinkProfile.REGION, LinkProfile.FAR),
                LinkProfile.parseList("none,region,far"));
        assertEquals(List.of(LinkProfile.FAR, custom), LinkProfile.parseList("far,40,80,300"));

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> LinkProfile.parse("moon"));
        assertTrue(unknown.getMessage().contains("--link"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LinkProfile.parse("40,0,300"));
        assertThrows(IllegalArgumentException.class, () -> LinkProfile.parse("40,x,300"));
    }

    // ---------------------------------------------------------------- helpers

    /** One transfer's rate in bytes per second. */
    private interface RateMeasurement {
        double bytesPerSecond() throws Exception;
    }

    /**
     * Up to three transfers: a busy machine can only slow a link down, so one within 15% below the rate passes;
     * one more than 7% above it fails at once.
     */
    private static void assertRate(double expectedBytesPerSecond, RateMeasurement transfer) throws Exception {
        List<Double> ratios = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            double ratio = transfer.bytesPerSecond() / expectedBytesPerSecond;
            ratios.add(ratio);
            assertTrue(ratio <= 1.07, "faster than " + Math.round(expectedBytesPerSecond) + " B/s: " + ratios);
            if (ratio >= 0.85) {
                return;
            }
        }
        fail("slower than " + Math.round(expectedBytesPerSecond) + " B/s in three transfers: " + ratios);
    }

    private static double roundTripMillis(Socket client) throws IOException {
        long start = System.nanoTime();
        client.getOutputStream().write(42);
        assertEquals(42, client.getInputStream().read());
        return (System.nanoTime() - start) / 1e6;
    }

    private static void send(OutputStream out, int bytes) throws IOException {
        byte[] block = new byte[64 * 1024];
        for (int left = bytes; left > 0; left -= block.length) {
            out.write(block, 0, Math.min(left, block.length));
        }
        out.flush();
    }

    /** Bytes per second from the first read to the end of the stream. */
    private static double readRate(InputStream in) throws IOException {
        long[] result = download(in);
        return (result[2] - result[3]) / ((result[1] - result[0]) / 1e9);
    }

    /**
     * {first read's time, end of stream's time, bytes, bytes of the first read}: the rate leaves out the first
     * read's bytes, which a reader that got the CPU late receives at once.
     */
    private static long[] download(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long first = 0;
        long firstBytes = 0;
        long bytes = 0;
        for (int read; (read = in.read(buffer)) >= 0; ) {
            if (bytes == 0) {
                first = System.nanoTime();
                firstBytes = read;
            }
            bytes += read;
        }
        return new long[] {first, System.nanoTime(), bytes, firstBytes};
    }

    private static boolean endsOrFails(InputStream in) {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return !(e instanceof java.net.SocketTimeoutException);
        }
    }

    private static long proxyThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith("link-proxy-closing-"))
                .count();
    }

    /** A server on 127.0.0.1 that hands each connection to {@code handler} on a thread of its own. */
    private static final class TestServer implements AutoCloseable {

        interface Handler {
            void handle(Socket socket) throws IOException;
        }

        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final ExecutorService threads = Executors.newCachedThreadPool();

        TestServer(Handler handler) throws IOException {
            threads.execute(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        threads.execute(() -> {
                            try (socket) {
                                handler.handle(socket);
                            } catch (IOException e) {
                                // the test sees it as a broken connection
                            }
                        });
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        InetSocketAddress address() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            server.close();
            threads.shutdownNow();
        }
    }
}
