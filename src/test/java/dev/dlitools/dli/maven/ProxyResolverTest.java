package dev.dlitools.dli.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.common.ProxySettings;
import java.util.List;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsProblem;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.junit.jupiter.api.Test;

class ProxyResolverTest {

    /** "Decrypts" {@code {enc}} to {@code plain}; refuses {@code {broken}}. */
    private static final SettingsDecrypter DECRYPTER = request -> new SettingsDecryptionResult() {
        private final List<Proxy> proxies = request.getProxies().stream().map(proxy -> {
            Proxy copy = proxy.clone();
            copy.setPassword("{enc}".equals(proxy.getPassword()) ? "plain" : proxy.getPassword());
            return copy;
        }).toList();

        @Override
        public Server getServer() {
            return null;
        }

        @Override
        public List<Server> getServers() {
            return List.of();
        }

        @Override
        public Proxy getProxy() {
            return proxies.isEmpty() ? null : proxies.get(0);
        }

        @Override
        public List<Proxy> getProxies() {
            return proxies;
        }

        @Override
        public List<SettingsProblem> getProblems() {
            return request.getProxies().stream()
                    .filter(proxy -> "{broken}".equals(proxy.getPassword()))
                    .<SettingsProblem>map(proxy -> new DefaultSettingsProblem("cannot decrypt",
                            SettingsProblem.Severity.ERROR, null, -1, -1, null))
                    .toList();
        }
    };

    @Test
    void takesTheFirstActiveProxyOfEachProtocolWithItsPasswordDecrypted() {
        Settings settings = new Settings();
        settings.addProxy(proxy("inactive", "https", false, "{enc}", null));
        settings.addProxy(proxy("secure", "https", true, "{enc}", "localhost|*.corp, 10.*"));
        settings.addProxy(proxy("second-secure", "https", true, null, null));
        settings.addProxy(proxy("plain", null, true, null, null));

        ProxySettings resolved = new ProxyResolver(DECRYPTER).resolve(settings);

        assertThat(resolved.forHttps().id()).isEqualTo("secure");
        assertThat(resolved.forHttps().password()).isEqualTo("plain");
        assertThat(resolved.forHttps().nonProxyHosts()).containsExactly("localhost", "*.corp", "10.*");
        // Maven's default protocol is http
        assertThat(resolved.forHttp().id()).isEqualTo("plain");
    }

    @Test
    void noSettingsOrNoProxiesMeanDirectConnections() {
        assertThat(new ProxyResolver(DECRYPTER).resolve(null)).isEqualTo(ProxySettings.NONE);
        assertThat(new ProxyResolver(DECRYPTER).resolve(new Settings())).isEqualTo(ProxySettings.NONE);
    }

    @Test
    void undecryptablePasswordNamesTheProxy() {
        Settings settings = new Settings();
        settings.addProxy(proxy("corp", "https", true, "{broken}", null));

        assertThatThrownBy(() -> new ProxyResolver(DECRYPTER).resolve(settings))
                .isInstanceOf(DliException.class)
                .hasMessageContaining("proxy 'corp'")
                .hasMessageContaining("cannot decrypt");
    }

    private static Proxy proxy(String id, String protocol, boolean active, String password, String nonProxyHosts) {
        Proxy proxy = new Proxy();
        proxy.setId(id);
        if (protocol != null) {
            proxy.setProtocol(protocol);
        }
        proxy.setActive(active);
        proxy.setHost(id + ".example.com");
        proxy.setPort(3128);
        proxy.setUsername(password == null ? null : "user");
        proxy.setPassword(password);
        proxy.setNonProxyHosts(nonProxyHosts);
        return proxy;
    }
}
