package dev.dlitools.dli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP forwarder on 127.0.0.1 that puts a {@link LinkProfile} between its clients and one target: transparent to
 * what it carries (TLS included), it only delays and paces bytes.
 *
 * <p>Per direction, each chunk read waits for the connection's rate and then for the rate all connections of that
 * direction share (two token buckets, each {@value #BUCKET_MILLIS} ms of its rate deep but at least two chunks: enough for a
 * thread woken late on a busy machine to catch up, too little to matter over a transfer of a second or more), and is then queued to be written half an RTT later. Reading and writing are separate threads, so a link carries a
 * bandwidth-delay product in flight as a real one does. A new connection passes nothing for one RTT (the TCP
 * handshake); TLS and HTTP round trips then cost what they cost. Not modelled: TCP slow start, loss, window limits.
 */
final class LinkProxy implements AutoCloseable {

    private static final int CHUNK = 32 * 1024;
    /** How far an idle bucket fills: the scheduling delays of a loaded 2-core machine, not a burst a link allows. */
    private static final int BUCKET_MILLIS = 10;
    private static final byte[] END = new byte[0];

    private final LinkProfile profile;
    private final InetSocketAddress target;
    private final ServerSocket server;
    private final Pacer upstreamTotal;
    private final Pacer downstreamTotal;
    /** Chunks a direction may hold in flight: its one-way bandwidth-delay product, four times over. */
    private final int queueChunks;
    private final ExecutorService threads;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();

    LinkProxy(LinkProfile profile, InetSocketAddress target) throws IOException {
        if (profile.isNone()) {
            throw new IllegalArgumentException("a link proxy needs a link profile, not none");
        }
        this.profile = profile;
        this.target = target;
        upstreamTotal = new Pacer(profile.totalBytesPerSecond());
        downstreamTotal = new Pacer(profile.totalBytesPerSecond());
        queueChunks = 16 + (int) (4 * profile.perConnectionBytesPerSecond() * profile.rttSeconds() / 2 / CHUNK);
        AtomicInteger counter = new AtomicInteger();
        threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "link-proxy-" + profile.name() + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    /** {@code endpoint} with its host and port replaced by this proxy's: the same service through the link. */
    URI endpoint(URI endpoint) {
        try {
            return new URI(endpoint.getScheme(), null, "127.0.0.1", server.getLocalPort(), endpoint.getPath(),
                    null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(endpoint.toString(), e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    int connections() {
        return accepted.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(LinkProxy::closeQuietly);
        threads.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                long acceptedAt = System.nanoTime();
                accepted.incrementAndGet();
                threads.execute(() -> connect(client, acceptedAt));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void connect(Socket client, long accepted) {
        Socket upstream = new Socket();
        sockets.add(client);
        sockets.add(upstream);
        try {
            upstream.connect(target);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
        } catch (IOException e) {
            closeBoth(client, upstream);
            return;
        }
        parkUntil(accepted + profile.rtt().toNanos()); // the TCP handshake
        AtomicInteger openDirections = new AtomicInteger(2);
        forward(client, upstream, upstreamTotal, openDirections);
        forward(upstream, client, downstreamTotal, openDirections);
    }

    /** One direction: a reader that paces and queues, a writer that delivers when due. */
    private void forward(Socket from, Socket to, Pacer total, AtomicInteger openDirections) {
        BlockingQueue<Chunk> inFlight = new ArrayBlockingQueue<>(queueChunks);
        Pacer connection = new Pacer(profile.perConnectionBytesPerSecond());
        long delay = profile.rtt().toNanos() / 2;
        threads.execute(() -> {
            try {
                // not closed when done: closing a socket's stream closes the socket, the other direction included
                InputStream in = from.getInputStream();
                byte[] buffer = new byte[CHUNK];
                for (int read; (read = in.read(buffer)) >= 0; buffer = new byte[CHUNK]) {
                    parkUntil(connection.reserve(read));
                    parkUntil(total.reserve(read));
                    inFlight.put(new Chunk(buffer, read, System.nanoTime() + delay));
                }
                inFlight.put(new Chunk(END, 0, System.nanoTime() + delay));
            } catch (IOException | InterruptedException e) {
                closeBoth(from, to);
            }
        });
        threads.execute(() -> {
            try {
                OutputStream out = to.getOutputStream();
                for (Chunk chunk = inFlight.take(); ; chunk = inFlight.take()) {
                    parkUntil(chunk.due());
                    if (chunk.bytes() == END) {
                        to.shutdownOutput();
                        if (openDirections.decrementAndGet() == 0) {
                            closeBoth(from, to);
                        }
                        return;
                    }
                    out.write(chunk.bytes(), 0, chunk.length());
                }
            } catch (IOException | InterruptedException e) {
                closeBoth(from, to);
            }
        });
    }

    private record Chunk(byte[] bytes, int length, long due) {}

    /** A token bucket {@link #BUCKET_MILLIS} ms deep: hands out start times for bytes at {@code rate} bytes per second. */
    private static final class Pacer {

        private final double nanosPerByte;
        private final long depthNanos;
        /** When the bytes handed out so far are through; at most the bucket's depth in the past. */
        private long free = System.nanoTime();

        Pacer(double bytesPerSecond) {
            nanosPerByte = 1e9 / bytesPerSecond;
            depthNanos = Math.max(BUCKET_MILLIS * 1_000_000L, (long) (2 * CHUNK * nanosPerByte));
        }

        /** When {@code bytes} may go: now if the bucket holds tokens, else when the bytes before them are through. */
        synchronized long reserve(int bytes) {
            long now = System.nanoTime();
            long start = Math.max(free, now - depthNanos); // an idle bucket fills up to its depth, no further
            free = start + (long) (bytes * nanosPerByte);
            return Math.max(now, start);
        }
    }

    private static void parkUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    private void closeBoth(Socket one, Socket other) {
        closeQuietly(one);
        closeQuietly(other);
        sockets.remove(one);
        sockets.remove(other);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed or reset: nothing left to release
        }
    }
}
