package dev.dlitools.dli.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlitools.dli.core.auth.AkSkSigner;
import dev.dlitools.dli.core.auth.Credentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sends requests signed by our {@link AkSkSigner}, as the plugin will, for the emulator's tests. */
final class SignedClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI endpoint;
    private final Credentials credentials;

    SignedClient(URI endpoint, Credentials credentials) {
        this.endpoint = endpoint;
        this.credentials = credentials;
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send("GET", pathAndQuery, "");
    }

    HttpResponse<String> post(String pathAndQuery, String jsonBody) throws IOException, InterruptedException {
        return send("POST", pathAndQuery, jsonBody);
    }

    HttpResponse<String> delete(String pathAndQuery) throws IOException, InterruptedException {
        return send("DELETE", pathAndQuery, "");
    }

    HttpResponse<String> send(String method, String pathAndQuery, String body)
            throws IOException, InterruptedException {
        return http.send(signed(method, pathAndQuery, body, Instant.now()), HttpResponse.BodyHandlers.ofString());
    }

    /** A signed request; its body must be the one signed, or the emulator rejects it. */
    HttpRequest signed(String method, String pathAndQuery, String body, Instant signedAt) {
        return signed(method, pathAndQuery, body, body, signedAt);
    }

    /** A request signed over {@code signedBody} that sends {@code sentBody}, to prove the body is checked. */
    HttpRequest signed(String method, String pathAndQuery, String signedBody, String sentBody, Instant signedAt) {
        URI uri = endpoint.resolve(pathAndQuery);
        Map<String, String> headers = new LinkedHashMap<>();
        if (!signedBody.isEmpty()) {
            headers.put("Content-Type", "application/json");
        }
        headers.putAll(AkSkSigner.sign(method, uri, headers,
                signedBody.getBytes(StandardCharsets.UTF_8), credentials, signedAt));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(method, sentBody.isEmpty()
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(sentBody));
        headers.forEach(request::header);
        return request.build();
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + response.body(), e);
        }
    }
}
