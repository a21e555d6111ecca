package dev.dlitools.dli.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FaultyS3ProxyTest {

    /**
     * Regression: a request's number and its place in {@link FaultyS3Proxy#requests()} were taken one after the other,
     * so of two requests at once the second could be listed first, and a test that dropped request 1 looked for it at
     * the head of the list and failed now and then (GroupPublisherFaultsTest).
     */
    @Test
    void requestsAreListedInTheOrderOfTheirNumbers() throws Exception {
        int count = 400;
        // no upstream is reached: every request is answered by the proxy itself
        try (FaultyS3Proxy proxy = FaultyS3Proxy.start(URI.create("http://127.0.0.1:9"))) {
            proxy.answer(503, "SlowDown", "GET", "/bucket", count);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<CompletableFuture<HttpResponse<Void>>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                answers.add(client.sendAsync(HttpRequest.newBuilder(proxy.endpoint().resolve("/bucket?n=" + i)).build(),
                        HttpResponse.BodyHandlers.discarding()));
            }
            for (CompletableFuture<HttpResponse<Void>> answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(503);
            }

            assertThat(proxy.requests()).extracting(FaultyS3Proxy.Request::number)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, count).boxed().toList());
        }
    }
}
