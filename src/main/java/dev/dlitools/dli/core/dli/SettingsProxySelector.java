package dev.dlitools.dli.core.dli;

import dev.dlitools.dli.core.ProxySettings;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;

/**
 * Routes the JDK HTTP client through the settings.xml proxy for the target's scheme, unless the host is a non-proxy
 * host. Unlike the JDK's default selector it has no built-in loopback exception: only {@code nonProxyHosts} count.
 */
final class SettingsProxySelector extends ProxySelector {

    private final ProxySettings settings;

    SettingsProxySelector(ProxySettings settings) {
        this.settings = settings;
    }

    @Override
    public List<Proxy> select(URI uri) {
        return List.of(settings.forUri(uri).map(ProxySettings.HttpProxy::asJavaProxy).orElse(Proxy.NO_PROXY));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress proxy, IOException failure) {
        // there is no other proxy to fall back to; the request fails with the connection error
    }
}
