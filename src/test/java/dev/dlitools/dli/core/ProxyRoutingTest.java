package dev.dlitools.dli.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dlitools.dli.core.ProxySettings.HttpProxy;
import dev.dlitools.dli.core.dli.DliApiException;
import dev.dlitools.dli.core.obs.ObsClientFactory;
import dev.dlitools.dli.core.obs.ObsClientSettings;
import dev.dlitools.dli.core.retry.RetryPolicy;
import dev.dlitools.dli.testsupport.CountingHttpProxy;
import dev.dlitools.dli.testsupport.LocalStandIns;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** DLI, IAM and OBS requests go through the proxy, with its login, unless the host is a non-proxy host. */
@Timeout(60)
class ProxyRoutingTest {

    private LocalStandIns standIns;
    private CountingHttpProxy proxy;

    @BeforeEach
    void start() {
        standIns = LocalStandIns.start();
        proxy = CountingHttpProxy.start("proxy-user", "proxy-pass");
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        standIns.close();
    }

    @Test
    void dliIamAndObsRequestsGoThroughTheProxyWithItsLogin() {
        ProxySettings settings = new ProxySettings(proxy(List.of()), null);

        new DliConnection(LocalStandIns.REGION, null, endpoints(standIns.dliEndpoint()), standIns.credentials(),
                Duration.ofSeconds(5), Duration.ofSeconds(10), settings, RetryPolicy.of(0))
                .open(BuildLog.SILENT)
                .listResources(null, null);
        try (S3Client s3 = ObsClientFactory.create(standIns.obsSettings().withProxy(settings))) {
            s3.putObject(request -> request.bucket(standIns.bucket()).key("through/proxy.txt"),
                    RequestBody.fromString("hello"));
        }

        assertThat(proxy.forwarded()).extracting(URI::getPath)
                .containsExactly("/v3/projects", "/v2.0/" + standIns.projectId() + "/resources",
                        "/" + standIns.bucket() + "/through/proxy.txt");
        // both clients send the login with every request, so no request is ever refused
        assertThat(proxy.refused()).isEmpty();
        assertThat(standIns.s3Proxy().exists(standIns.bucket(), "through/proxy.txt")).isTrue();
    }

    @Test
    void wrongLoginIsRefusedWithAHintAndNotRetried() {
        ProxySettings wrongLogin = new ProxySettings(
                new HttpProxy("test", "127.0.0.1", proxy.port(), "proxy-user", "wrong", List.of()), null);

        DliApiException failure = catchThrowableOfType(DliApiException.class, () -> new DliConnection(
                LocalStandIns.REGION, standIns.projectId(), endpoints(standIns.dliEndpoint()), standIns.credentials(),
                Duration.ofSeconds(5), Duration.ofSeconds(10), wrongLogin, RetryPolicy.of(3))
                .open(BuildLog.SILENT)
                .listResources(null, null));

        assertThat(failure.httpStatus()).isEqualTo(407);
        assertThat(failure).hasMessageContaining("proxy from settings.xml wants a login").hasMessageNotContaining("wrong");
        assertThat(proxy.refused()).hasSize(1);
    }

    @Test
    void nonProxyHostsAreReachedDirectly() {
        // IAM as "localhost", a non-proxy host; DLI and OBS as 127.0.0.1, proxied
        URI iamAsLocalhost = URI.create("http://localhost:" + standIns.iamEndpoint().getPort());
        ProxySettings settings = new ProxySettings(proxy(List.of("localhost", "*.example.com")), null);

        new DliConnection(LocalStandIns.REGION, null, new Endpoints(standIns.dliEndpoint(), iamAsLocalhost,
                standIns.obsEndpoint()), standIns.credentials(), Duration.ofSeconds(5), Duration.ofSeconds(10),
                settings, RetryPolicy.of(0))
                .open(BuildLog.SILENT)
                .listResources(null, null);
        ObsClientSettings direct = standIns.obsSettings().withEndpoint(
                URI.create("http://localhost:" + standIns.obsEndpoint().getPort()), true).withProxy(settings);
        try (S3Client s3 = ObsClientFactory.create(direct)) {
            s3.putObject(request -> request.bucket(standIns.bucket()).key("direct.txt"), RequestBody.fromString("x"));
        }

        assertThat(proxy.forwarded()).extracting(URI::getPath)
                .containsExactly("/v2.0/" + standIns.projectId() + "/resources");
        assertThat(standIns.s3Proxy().exists(standIns.bucket(), "direct.txt")).isTrue();
    }

    private HttpProxy proxy(List<String> nonProxyHosts) {
        return new HttpProxy("test", "127.0.0.1", proxy.port(), "proxy-user", "proxy-pass", nonProxyHosts);
    }

    private Endpoints endpoints(URI dli) {
        return new Endpoints(dli, standIns.iamEndpoint(), standIns.obsEndpoint());
    }
}
