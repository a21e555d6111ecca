package dev.dlitools.dli.testsupport;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Stands between an S3 client and a real S3 server ({@link S3ProxyServer}) on 127.0.0.1 and misbehaves on demand:
 * answers an S3 error (500, 503 {@code SlowDown}, ...), drops the connection after reading the request, answers
 * late, or forwards the request and changes the answer's headers (another ETag than the server's), for the requests
 * a rule matches (by method and path, or by their number), a given number of times. Everything else is
 * forwarded unchanged, so signatures still check out.
 */
public final class FaultyS3Proxy implements AutoCloseable {

    /** One request as it arrived: method, raw path and raw query ({@code null} when none). */
    public record Request(int number, String method, String path, String query) {

        /** The request line's target, e.g. {@code /bucket/key?partNumber=2&uploadId=...}. */
        public String target() {
            return query == null ? path : path + "?" + query;
        }
    }

    /** The MD5 of no bytes: a well-formed ETag that no file of the tests has. */
    private static final String WRONG_ETAG = "\"d41d8cd98f00b204e9800998ecf8427e\"";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "faulty-s3-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final URI upstream;
    private final HttpForwarder forwarder = new HttpForwarder();
    private final List<Rule> rules = new ArrayList<>();
    private final List<Request> requests = new ArrayList<>();

    private FaultyS3Proxy(URI upstream) throws IOException {
        this.upstream = upstream;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Forwards to {@code upstream}, e.g. {@link S3ProxyServer#endpoint()}. */
    public static FaultyS3Proxy start(URI upstream) {
        try {
            return new FaultyS3Proxy(upstream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The endpoint to give the S3 client instead of the real server's (path-style addressing). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Answer the next {@code times} requests with this method whose target (path and query) contains
     * {@code targetPart} with an S3 error.
     *
     * @param method e.g. {@code PUT}, or {@code null} for any
     */
    public FaultyS3Proxy answer(int status, String errorCode, String method, String targetPart, int times) {
        return add(new Rule(method, Pattern.compile(Pattern.quote(targetPart)), 0, status, errorCode, times, null,
                null));
    }

    /** Drop the connection, without an answer, of the next {@code times} matching requests. */
    public FaultyS3Proxy drop(String method, String targetPart, int times) {
        return add(new Rule(method, Pattern.compile(Pattern.quote(targetPart)), 0, 0, null, times, null, null));
    }

    /** Answer the next {@code times} matching requests only after {@code delay} (then forward them as usual). */
    public FaultyS3Proxy delay(String method, String targetPart, Duration delay, int times) {
        return add(new Rule(method, Pattern.compile(Pattern.quote(targetPart)), 0, 0, null, times, delay, null));
    }

    /**
     * Forward the next {@code times} matching requests, but answer an ETag that is not the server's (as if the bytes
     * had been altered on the way).
     */
    public FaultyS3Proxy wrongEtag(String method, String targetPart, int times) {
        return add(new Rule(method, Pattern.compile(Pattern.quote(targetPart)), 0, 0, null, times, null,
                headers -> headers.set("ETag", WRONG_ETAG)));
    }

    /**
     * Forward the next {@code times} matching requests and answer as a bucket that encrypts with KMS: an ETag that
     * is not the MD5 of the object, and the {@code x-amz-server-side-encryption: aws:kms} header.
     */
    public FaultyS3Proxy kmsEtag(String method, String targetPart, int times) {
        return add(new Rule(method, Pattern.compile(Pattern.quote(targetPart)), 0, 0, null, times, null, headers -> {
            headers.set("ETag", WRONG_ETAG);
            headers.set("x-amz-server-side-encryption", "aws:kms");
        }));
    }

    /** Drop the connection of request number {@code number} (counting from 1 since the start). */
    public FaultyS3Proxy dropRequestNumber(int number) {
        return add(new Rule(null, null, number, 0, null, 1, null, null));
    }

    /** Every request that arrived, in order, faulted ones included. */
    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private synchronized FaultyS3Proxy add(Rule rule) {
        rules.add(rule);
        return this;
    }

    private synchronized Rule takeRule(Request request) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (rule.matches(request)) {
                if (--rule.remaining == 0) {
                    it.remove();
                }
                return rule;
            }
        }
        return null;
    }

    /** Numbers the request and lists it in one step, so that the list is in the order of the numbers. */
    private synchronized Request record(String method, String path, String query) {
        Request request = new Request(requests.size() + 1, method, path, query);
        requests.add(request);
        return request;
    }

    private void handle(HttpExchange exchange) {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            URI uri = exchange.getRequestURI();
            Request request = record(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery());
            Rule rule = takeRule(request);
            if (rule != null && rule.delay != null) {
                Thread.sleep(rule.delay.toMillis());
                rule = null;
            }
            Consumer<Headers> alterAnswer = headers -> {};
            if (rule != null && rule.alterAnswer != null) {
                alterAnswer = rule.alterAnswer;
                rule = null;
            }
            if (rule != null && rule.status == 0) {
                return; // closing the exchange without an answer closes the connection
            }
            if (rule != null) {
                byte[] error = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + rule.errorCode
                        + "</Code><Message>Injected fault</Message><RequestId>fault-" + request.number()
                        + "</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/xml");
                exchange.sendResponseHeaders(rule.status, error.length);
                exchange.getResponseBody().write(error);
                return;
            }
            forwarder.forward(exchange, body, URI.create(upstream.toString().replaceAll("/+$", "")
                    + request.target()), alterAnswer);
        } catch (IOException e) {
            // the client went away, or S3Proxy did: the exchange is closed below either way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    private static final class Rule {
        private final String method;
        private final Pattern target;
        private final int requestNumber;
        private final int status;
        private final String errorCode;
        private final Duration delay;
        /** For a rule that forwards the request: how it changes the answer's headers. */
        private final Consumer<Headers> alterAnswer;
        private int remaining;

        Rule(String method, Pattern target, int requestNumber, int status, String errorCode, int times,
                Duration delay, Consumer<Headers> alterAnswer) {
            this.method = method;
            this.target = target;
            this.requestNumber = requestNumber;
            this.status = status;
            this.errorCode = errorCode;
            this.remaining = times;
            this.delay = delay;
            this.alterAnswer = alterAnswer;
        }

        boolean matches(Request request) {
            if (requestNumber > 0) {
                return request.number() == requestNumber;
            }
            return (method == null || method.equalsIgnoreCase(request.method()))
                    && target.matcher(request.target()).find();
        }
    }
}
