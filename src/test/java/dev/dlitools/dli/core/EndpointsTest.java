package dev.dlitools.dli.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Default endpoints per region, and the endpoint settings' checks. */
class EndpointsTest {

    @Test
    void huaweiCloudRegionGetsMyHuaweiCloudEndpoints() {
        Endpoints endpoints = Endpoints.of("cn-north-4", null, null, null);

        assertThat(endpoints.dli()).isEqualTo(URI.create("https://dli.cn-north-4.myhuaweicloud.com"));
        assertThat(endpoints.iam()).isEqualTo(URI.create("https://iam.cn-north-4.myhuaweicloud.com"));
        assertThat(endpoints.obs()).isEqualTo(URI.create("https://obs.cn-north-4.myhuaweicloud.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eu-de", "eu-nl"})
    void openTelekomCloudRegionsGetTSystemsEndpoints(String region) {
        Endpoints endpoints = Endpoints.of(region, null, null, null);

        assertThat(endpoints.dli()).isEqualTo(URI.create("https://dli." + region + ".otc.t-systems.com"));
        assertThat(endpoints.iam()).isEqualTo(URI.create("https://iam." + region + ".otc.t-systems.com"));
        assertThat(endpoints.obs()).isEqualTo(URI.create("https://obs." + region + ".otc.t-systems.com"));
    }

    @Test
    void huaweiCloudEuropeanRegionIsNotOpenTelekomCloud() {
        assertThat(Endpoints.of("eu-west-101", null, null, null).dli())
                .isEqualTo(URI.create("https://dli.eu-west-101.myhuaweicloud.com"));
    }

    @Test
    void overridesReplaceEachDefaultAlone() {
        Endpoints endpoints = Endpoints.of("cn-north-4", " http://127.0.0.1:8080/ ", "", "HTTPS://obs.example.com:9443");

        assertThat(endpoints.dli()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(endpoints.iam()).isEqualTo(URI.create("https://iam.cn-north-4.myhuaweicloud.com"));
        assertThat(endpoints.obs()).isEqualTo(URI.create("https://obs.example.com:9443"));
    }

    @Test
    void notAUrlNamesTheSetting() {
        assertThatThrownBy(() -> Endpoints.of("cn-north-4", "https://dli host", null, null))
                .isInstanceOf(DliPluginException.class)
                .hasMessage("endpoint (-Ddli.endpoint) is not a URL: 'https://dli host'. Give it as https://host[:port].");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dli.cn-north-4.myhuaweicloud.com", "ftp://dli.example.com", "https:///v2.0"})
    void withoutHttpSchemeOrHostNamesTheSetting(String given) {
        assertThatThrownBy(() -> Endpoints.of("cn-north-4", null, given, null))
                .isInstanceOf(DliPluginException.class)
                .hasMessage("iamEndpoint (-Ddli.iamEndpoint) is not an http(s) URL with a host: '" + given
                        + "'. Give it as https://host[:port].");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://obs.example.com/bucket", "https://obs.example.com?region=x",
            "https://obs.example.com/?x"})
    void pathOrQueryNamesTheSetting(String given) {
        assertThatThrownBy(() -> Endpoints.of("cn-north-4", null, null, given))
                .isInstanceOf(DliPluginException.class)
                .hasMessage("obsEndpoint (-Ddli.obs.endpoint) must not have a path or query: '" + given
                        + "'. Give it as https://host[:port].");
    }
}
