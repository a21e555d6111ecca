package dev.dlitools.dli.core.obs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlitools.dli.core.auth.Credentials;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ObsClientSettingsTest {

    private static final Credentials CREDENTIALS = Credentials.of("AKIDEXAMPLE", "secret");

    @Test
    void defaultEndpointIsTheRegionsObsEndpoint() {
        assertThat(ObsClientSettings.forRegion("cn-north-4", CREDENTIALS).endpoint())
                .isEqualTo(URI.create("https://obs.cn-north-4.myhuaweicloud.com"));
    }

    @Test
    void objectUrlOnRealObsIsVirtualHosted() {
        ObsClientSettings settings = ObsClientSettings.forRegion("cn-north-4", CREDENTIALS);

        assertThat(settings.objectUrl("jars", "apps/demo/demo-1.0.jar"))
                .isEqualTo("https://jars.obs.cn-north-4.myhuaweicloud.com/apps/demo/demo-1.0.jar");
    }

    @Test
    void objectUrlWithPathStyleKeepsEndpointAndPort() {
        ObsClientSettings settings = ObsClientSettings.forRegion("cn-north-4", CREDENTIALS)
                .withEndpoint(URI.create("http://127.0.0.1:8080/"), true);

        assertThat(settings.objectUrl("jars", "demo.jar")).isEqualTo("http://127.0.0.1:8080/jars/demo.jar");
    }

    @Test
    void objectUrlPercentEncodesKeySegmentsButKeepsSlashes() {
        ObsClientSettings settings = ObsClientSettings.forRegion("eu-de", CREDENTIALS);

        assertThat(settings.objectUrl("jars", "my apps/demo+1 ü.jar"))
                .isEqualTo("https://jars.obs.eu-de.myhuaweicloud.com/my%20apps/demo%2B1%20%C3%BC.jar");
    }
}
