package dev.dlitools.dli.core.common;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP proxies to reach the services through, one for {@code http://} and one for {@code https://} targets
 * (either may be absent), as the build tool's settings give them (in Maven, settings.xml's proxies).
 *
 * @param forHttp the proxy for {@code http://} endpoints, or {@code null} for none
 * @param forHttps the proxy for {@code https://} endpoints, or {@code null} for none
 */
public record ProxySettings(HttpProxy forHttp, HttpProxy forHttps) {

    public static final ProxySettings NONE = new ProxySettings(null, null);

    /**
     * One proxy.
     *
     * @param id the proxy's name in the user's settings, for messages
     * @param username {@code null} when the proxy needs no login
     * @param password {@code null} when the proxy needs no login; never shown by {@link #toString()}
     * @param nonProxyHosts hosts reached directly, with {@code *} as wildcard ({@code localhost}, {@code *.corp})
     */
    public record HttpProxy(String id, String host, int port, String username, String password,
            List<String> nonProxyHosts) {

        public HttpProxy {
            Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new DliException("The proxy '" + id + "' has port " + port
                        + "; give a port from 1 to 65535.");
            }
            nonProxyHosts = nonProxyHosts == null ? List.of() : List.copyOf(nonProxyHosts);
        }

        /** Whether the proxy needs a login. */
        public boolean hasCredentials() {
            return username != null && !username.isEmpty();
        }

        /** Whether {@code host} is reached directly: it matches a {@code nonProxyHosts} pattern (ignoring case). */
        boolean bypasses(String targetHost) {
            String host = targetHost.toLowerCase(Locale.ROOT);
            return nonProxyHosts.stream().anyMatch(pattern -> host.matches(regex(pattern)));
        }

        /** The {@code nonProxyHosts} patterns as regular expressions (what the AWS SDK's Apache client wants). */
        public List<String> nonProxyHostRegexes() {
            return nonProxyHosts.stream().map(HttpProxy::regex).toList();
        }

        /** The proxy as the JDK's HTTP client takes it. */
        public Proxy asJavaProxy() {
            return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
        }

        private static String regex(String wildcardPattern) {
            return Wildcards.regex(wildcardPattern.trim().toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return "proxy '" + id + "' " + host + ":" + port + (hasCredentials() ? " as " + username : "");
        }
    }

    /** The proxy for the endpoint's scheme, if any. */
    public Optional<HttpProxy> forScheme(String scheme) {
        return Optional.ofNullable("https".equalsIgnoreCase(scheme) ? forHttps : "http".equalsIgnoreCase(scheme)
                ? forHttp : null);
    }

    /** The proxy to reach {@code uri} through, or empty when there is none or the host is a non-proxy host. */
    public Optional<HttpProxy> forUri(URI uri) {
        return forScheme(uri.getScheme()).filter(proxy -> uri.getHost() == null || !proxy.bypasses(uri.getHost()));
    }
}
