package dev.dlitools.dli.core.obs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ObsClientSettingsTest {

    private static final URI CN_NORTH_4 = URI.create("https://obs.cn-north-4.myhuaweicloud.com");

    @Test
    void objectUrlOnRealObsIsVirtualHosted() {
        assertThat(ObsClientSettings.objectUrl(CN_NORTH_4, false, "jars", "apps/demo/demo-1.0.jar"))
                .isEqualTo("https://jars.obs.cn-north-4.myhuaweicloud.com/apps/demo/demo-1.0.jar");
    }

    @Test
    void objectUrlWithPathStyleKeepsEndpointAndPort() {
        assertThat(ObsClientSettings.objectUrl(URI.create("http://127.0.0.1:8080/"), true, "jars", "demo.jar"))
                .isEqualTo("http://127.0.0.1:8080/jars/demo.jar");
    }

    @Test
    void objectUrlPercentEncodesKeySegmentsButKeepsSlashes() {
        assertThat(ObsClientSettings.objectUrl(CN_NORTH_4, false, "jars", "my apps/demo+1 ü.jar"))
                .isEqualTo("https://jars.obs.cn-north-4.myhuaweicloud.com/my%20apps/demo%2B1%20%C3%BC.jar");
    }
}
