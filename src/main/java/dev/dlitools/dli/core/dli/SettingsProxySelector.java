package dev.dlitools.dli.core.dli;

import dev.dlitools.dli.core.common.ProxySettings;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Routes the JDK HTTP client through the user's proxy for the target's scheme, unless the host is a non-proxy
 * host. Unlike the JDK's default selector it has no built-in loopback exception: only {@code nonProxyHosts} count.
 *
 * <p>A proxy login cannot use the JDK's {@code Authenticator}: a client with one silently drops the
 * {@code Authorization} header that carries the request signature. So the login is sent as a Basic
 * {@code Proxy-Authorization} header with each request, which works for {@code http://} targets only: the JDK client
 * sends no caller-set header with the CONNECT of an {@code https://} tunnel.
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

    /** The {@code Proxy-Authorization} value for a request to {@code uri}, when it goes to a proxy with a login. */
    Optional<String> loginFor(URI uri) {
        return settings.forUri(uri)
                .filter(proxy -> proxy.hasCredentials() && "http".equalsIgnoreCase(uri.getScheme()))
                .map(proxy -> "Basic " + Base64.getEncoder().encodeToString((proxy.username() + ":"
                        + (proxy.password() == null ? "" : proxy.password())).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress proxy, IOException failure) {
        // there is no other proxy to fall back to; the request fails with the connection error
    }
}
