package dev.dlitools.dli.testsupport;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponse;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;

/**
 * Sends a request a test server received on to its real target and copies the answer back, keeping the
 * {@code Host} header as the client sent it (signatures cover it). Apache's client is used because the JDK's
 * refuses to send a {@code Host} header of the caller's choosing.
 */
final class HttpForwarder implements AutoCloseable {

    /** Headers that concern one connection only, and lengths the client sets itself. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authorization",
            "proxy-connection", "transfer-encoding", "te", "upgrade", "content-length", "trailer");

    private final CloseableHttpClient client = HttpClients.custom()
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableContentCompression()
            .disableCookieManagement()
            .setMaxConnTotal(64)
            .setMaxConnPerRoute(64)
            .build();

    /** Forwards the exchange (whose request body is {@code body}) to {@code target} and answers it. */
    void forward(HttpExchange exchange, byte[] body, URI target) throws IOException {
        forward(exchange, body, target, headers -> {});
    }

    /** As {@link #forward(HttpExchange, byte[], URI)}, with the answer's headers changed by {@code alter}. */
    void forward(HttpExchange exchange, byte[] body, URI target, Consumer<Headers> alter) throws IOException {
        RequestBuilder request = RequestBuilder.create(exchange.getRequestMethod()).setUri(target);
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                header.getValue().forEach(value -> request.addHeader(header.getKey(), value));
            }
        }
        // an empty body with a signed "Content-Length: 0" must keep the header
        if (body.length > 0 || exchange.getRequestHeaders().containsKey("Content-Length")) {
            request.setEntity(new ByteArrayEntity(body));
        }
        HttpResponse response = client.execute(request.build());
        HttpEntity entity = response.getEntity();
        byte[] answer;
        try (InputStream in = entity == null ? InputStream.nullInputStream() : entity.getContent()) {
            answer = in.readAllBytes();
        }
        for (Header header : response.getAllHeaders()) {
            if (!HOP_BY_HOP.contains(header.getName().toLowerCase(Locale.ROOT))) {
                exchange.getResponseHeaders().add(header.getName(), header.getValue());
            }
        }
        alter.accept(exchange.getResponseHeaders());
        boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.getStatusLine().getStatusCode(),
                head || answer.length == 0 ? -1 : answer.length);
        if (!head && answer.length > 0) {
            exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
