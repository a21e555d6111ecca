package dev.dlitools.dli.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A forwarding HTTP proxy on 127.0.0.1 for {@code http://} targets (no CONNECT tunnels) that records every request
 * it forwards and, when given a login, answers 407 to requests without the right Basic {@code Proxy-Authorization}.
 */
public final class CountingHttpProxy implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "counting-http-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpForwarder forwarder = new HttpForwarder();
    private final String expectedAuthorization;
    private final List<URI> forwarded = new CopyOnWriteArrayList<>();
    private final List<URI> refused = new CopyOnWriteArrayList<>();

    private CountingHttpProxy(String username, String password) throws IOException {
        expectedAuthorization = username == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A proxy that wants this Basic login, or none when {@code username} is {@code null}. */
    public static CountingHttpProxy start(String username, String password) {
        try {
            return new CountingHttpProxy(username, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The target URLs of the requests forwarded, in order. */
    public List<URI> forwarded() {
        return List.copyOf(forwarded);
    }

    /** The requests answered with 407 (missing or wrong login). */
    public List<URI> refused() {
        return List.copyOf(refused);
    }

    private void handle(HttpExchange exchange) {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            URI target = exchange.getRequestURI();
            if (!target.isAbsolute()) {
                // a client that talks to us as a server, not as a proxy
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            if (expectedAuthorization != null
                    && !expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Proxy-Authorization"))) {
                refused.add(target);
                exchange.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"test proxy\"");
                exchange.sendResponseHeaders(407, -1);
                return;
            }
            forwarded.add(target);
            forwarder.forward(exchange, body, target);
        } catch (IOException e) {
            // the client or the target went away
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
        threads.shutdownNow();
        forwarder.close();
    }
}
