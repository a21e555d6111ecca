package dev.dlitools.dli.core.obs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.BuildLog;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;

/** OBS errors whose body is not S3's XML, as a proxy or portal answers them: they have no error code. */
@Timeout(30)
class ObsRetriesTest {

    @Test
    void anErrorWithoutCodeIsJudgedByItsStatusInsteadOfFailingTheRetryDecision() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<html><body>Bad request</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        ObsClientSettings settings = ObsClientSettings.of(URI.create("http://127.0.0.1:"
                + server.getAddress().getPort()), "cn-north-4", Credentials.of("ak", "sk"), true);
        try (S3Client s3 = ObsClientFactory.create(settings, BuildLog.SILENT)) {
            Throwable failure = catchThrowable(() -> s3.listObjectsV2(request -> request.bucket("jars")));

            assertThat(failure).isInstanceOf(AwsServiceException.class);
            assertThat(((AwsServiceException) failure).statusCode()).isEqualTo(400);
            assertThat(requests).as("a 400 is not retried").hasValue(1);
        } finally {
            server.stop(0);
        }
    }
}
