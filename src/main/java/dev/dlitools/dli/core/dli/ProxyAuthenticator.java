package dev.dlitools.dli.core.dli;

import dev.dlitools.dli.core.ProxySettings;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.util.Optional;

/**
 * Answers a proxy's login request (HTTP 407) with the settings.xml proxy's username and password, and nothing
 * else: the services themselves are authenticated by the request signature, never by this.
 *
 * <p>The JDK disables Basic authentication for tunnelled (https) connections by default
 * ({@code jdk.http.auth.tunneling.disabledSchemes=Basic}); a proxy that wants Basic for https targets needs that
 * property emptied, e.g. in {@code .mvn/jvm.config}.
 */
final class ProxyAuthenticator extends Authenticator {

    private final ProxySettings settings;

    ProxyAuthenticator(ProxySettings settings) {
        this.settings = settings;
    }

    @Override
    protected PasswordAuthentication getPasswordAuthentication() {
        if (getRequestorType() != RequestorType.PROXY) {
            return null;
        }
        return Optional.ofNullable(getRequestingURL())
                .flatMap(url -> settings.forScheme(url.getProtocol()))
                .filter(proxy -> proxy.hasCredentials() && proxy.host().equalsIgnoreCase(getRequestingHost())
                        && proxy.port() == getRequestingPort())
                .map(proxy -> new PasswordAuthentication(proxy.username(),
                        proxy.password() == null ? new char[0] : proxy.password().toCharArray()))
                .orElse(null);
    }
}
