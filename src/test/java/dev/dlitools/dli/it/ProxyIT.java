package dev.dlitools.dli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlitools.dli.it.MavenBuild.BuildResult;
import dev.dlitools.dli.testsupport.CountingHttpProxy;
import dev.dlitools.dli.testsupport.LocalStandIns;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** settings.xml's proxy in a real Maven build: DLI and OBS requests go through it, non-proxy hosts do not. */
class ProxyIT {

    private static final String PROXY_PASSWORD = "proxy-pass-7Qx";

    @Test
    void dliAndObsGoThroughTheSettingsProxyWithItsLoginAndNonProxyHostsGoDirect() throws IOException {
        try (LocalStandIns standIns = LocalStandIns.builder().asyncReadyDelay(Duration.ofMillis(300)).start();
                CountingHttpProxy proxy = CountingHttpProxy.start("proxy-user", PROXY_PASSWORD)) {
            // IAM is addressed as localhost, a non-proxy host; DLI and OBS as 127.0.0.1
            URI iam = URI.create("http://localhost:" + standIns.iamEndpoint().getPort());
            // no project id: it is looked up through IAM, which must bypass the proxy
            MavenBuild build = MavenBuild.of("spark-job", "proxy")
                    .args("deploy", "-Dmaven.deploy.skip=true", "-Ddli.pollInterval=1")
                    .pointAt(standIns, Map.of("dli.iamEndpoint", iam.toString(), "dli.projectId", ""))
                    .settings("<proxies><proxy><id>corp</id><active>true</active><protocol>http</protocol>"
                            + "<host>127.0.0.1</host><port>" + proxy.port() + "</port><username>proxy-user</username>"
                            + "<password>" + PROXY_PASSWORD + "</password>"
                            + "<nonProxyHosts>localhost|*.example.com</nonProxyHosts></proxy></proxies>");

            BuildResult result = build.run();

            assertThat(result.succeeded()).as(result.toString()).isTrue();
            assertThat(result.log()).contains("http:// endpoints through proxy 'corp' 127.0.0.1:" + proxy.port()
                    + " as proxy-user").doesNotContain(PROXY_PASSWORD);
            assertThat(proxy.forwarded()).extracting(URI::getPath)
                    .contains("/v2.0/" + standIns.projectId() + "/resources",
                            "/" + standIns.bucket() + "/dli/com.example.etl/orders-job/1.0.0/orders-job-1.0.0.jar")
                    .noneMatch(path -> path.startsWith("/v3/projects"));
            assertThat(standIns.emulator().requests()).anyMatch(request -> request.path().equals("/v3/projects"));
            assertThat(proxy.refused()).isEmpty();
            assertThat(standIns.emulator().group("orders-job").orElseThrow().status()).isEqualTo("READY");
        }
    }
}
