package dev.dlitools.dli.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlitools.dli.core.common.ProxySettings.HttpProxy;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProxySettingsTest {

    private static final HttpProxy CORPORATE = new HttpProxy("corp", "proxy.corp", 3128, "alice", "s3cret-pw",
            List.of("localhost", "*.internal.corp", "10.0.*"));

    @Test
    void picksTheProxyOfTheTargetsScheme() {
        HttpProxy plain = new HttpProxy("plain", "plain.corp", 8080, null, null, List.of());
        ProxySettings settings = new ProxySettings(plain, CORPORATE);

        assertThat(settings.forUri(URI.create("https://dli.cn-north-4.myhuaweicloud.com/v2.0"))).containsSame(CORPORATE);
        assertThat(settings.forUri(URI.create("http://127.0.0.1:9000/bucket"))).containsSame(plain);
        assertThat(new ProxySettings(null, CORPORATE).forUri(URI.create("http://127.0.0.1:9000"))).isEmpty();
    }

    @Test
    void nonProxyHostsMatchWholeNamesWithWildcardsIgnoringCase() {
        assertThat(CORPORATE.bypasses("localhost")).isTrue();
        assertThat(CORPORATE.bypasses("obs.INTERNAL.corp")).isTrue();
        assertThat(CORPORATE.bypasses("10.0.3.4")).isTrue();
        assertThat(CORPORATE.bypasses("localhost.example.com")).isFalse();
        assertThat(CORPORATE.bypasses("internal.corp")).isFalse();
        assertThat(CORPORATE.bypasses("110.0.3.4")).isFalse();
        assertThat(new ProxySettings(null, CORPORATE).forUri(URI.create("https://localhost:8443/x"))).isEmpty();
    }

    @Test
    void nonProxyHostRegexesAreWhatTheSdkMatchesHostsWith() {
        assertThat("a.internal.corp".matches(CORPORATE.nonProxyHostRegexes().get(1))).isTrue();
        assertThat("a-internal.corp".matches(CORPORATE.nonProxyHostRegexes().get(1))).isFalse();
    }

    @Test
    void passwordIsNeverShown() {
        assertThat(CORPORATE.toString()).contains("proxy.corp:3128", "alice").doesNotContain("s3cret-pw");
        assertThat(new ProxySettings(CORPORATE, CORPORATE).toString()).doesNotContain("s3cret-pw");
    }

    @Test
    void portOutOfRangeNamesTheProxy() {
        assertThatThrownBy(() -> new HttpProxy("corp", "proxy.corp", 0, null, null, null))
                .isInstanceOf(DliException.class)
                .hasMessageContaining("proxy 'corp'");
    }
}
