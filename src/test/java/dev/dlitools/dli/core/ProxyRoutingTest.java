package dev.dlitools.dli.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dlitools.dli.core.common.BuildLog;
import dev.dlitools.dli.core.common.ProxySettings.HttpProxy;
import dev.dlitools.dli.core.common.ProxySettings;
import dev.dlitools.dli.core.dli.DliApiException;
import dev.dlitools.dli.core.obs.ObsClientFactory;
import dev.dlitools.dli.core.obs.ObsClientSettings;
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

        dli(null, standIns.iamEndpoint(), settings, 0).list(ListRequest.builder().build());
        try (S3Client s3 = ObsClientFactory.create(obs(standIns.obsEndpoint(), settings), BuildLog.SILENT)) {
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

        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> dli(standIns.projectId(), standIns.iamEndpoint(), wrongLogin, 3).list(ListRequest.builder().build()));

        assertThat(failure.httpStatus()).isEqualTo(407);
        assertThat(failure).hasMessageContaining("proxy wants a login").hasMessageNotContaining("wrong");
        assertThat(proxy.refused()).hasSize(1);
    }

    @Test
    void nonProxyHostsAreReachedDirectly() {
        // IAM as "localhost", a non-proxy host; DLI and OBS as 127.0.0.1, proxied
        URI iamAsLocalhost = URI.create("http://localhost:" + standIns.iamEndpoint().getPort());
        ProxySettings settings = new ProxySettings(proxy(List.of("localhost", "*.example.com")), null);

        dli(null, iamAsLocalhost, settings, 0).list(ListRequest.builder().build());
        ObsClientSettings direct = obs(URI.create("http://localhost:" + standIns.obsEndpoint().getPort()), settings);
        try (S3Client s3 = ObsClientFactory.create(direct, BuildLog.SILENT)) {
            s3.putObject(request -> request.bucket(standIns.bucket()).key("direct.txt"), RequestBody.fromString("x"));
        }

        assertThat(proxy.forwarded()).extracting(URI::getPath)
                .containsExactly("/v2.0/" + standIns.projectId() + "/resources");
        assertThat(standIns.s3Proxy().exists(standIns.bucket(), "direct.txt")).isTrue();
    }

    private HttpProxy proxy(List<String> nonProxyHosts) {
        return new HttpProxy("test", "127.0.0.1", proxy.port(), "proxy-user", "proxy-pass", nonProxyHosts);
    }

    /** The stand-ins' DLI through the facade, with IAM at {@code iam} (asked when {@code projectId} is null). */
    private Dli dli(String projectId, URI iam, ProxySettings proxies, int retries) {
        return new Dli(DliSettings.builder(LocalStandIns.REGION)
                .projectId(projectId)
                .dliEndpoint(standIns.dliEndpoint().toString())
                .iamEndpoint(iam.toString())
                .obsEndpoint(standIns.obsEndpoint().toString())
                .credentials(standIns.credentials())
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10))
                .retries(retries)
                .proxies(proxies)
                .build(), DliListener.SILENT);
    }

    private ObsClientSettings obs(URI endpoint, ProxySettings proxies) {
        ObsClientSettings standIn = standIns.obsSettings();
        return new ObsClientSettings(endpoint, standIn.region(), standIn.credentials(), true,
                standIn.connectTimeout(), standIn.readTimeout(), standIn.maxConnections(), proxies,
                standIn.retries());
    }
}
