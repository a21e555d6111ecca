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

    /** No proxy: every service is reached directly. */
    public static final ProxySettings NONE = new ProxySettings(null, null);

    /**
     * One proxy.
     *
     * @param id the proxy's name in the user's settings, for messages
     * @param host the proxy's host name or address
     * @param port the proxy's port, 1 to 65535
     * @param username {@code null} when the proxy needs no login
     * @param password {@code null} when the proxy needs no login; never shown by {@link #toString()}
     * @param nonProxyHosts hosts reached directly, with {@code *} as wildcard ({@code localhost}, {@code *.corp})
     */
    public record HttpProxy(String id, String host, int port, String username, String password,
            List<String> nonProxyHosts) {

        /**
         * Checks the port and copies the non-proxy hosts.
         *
         * @param id the proxy's name in the user's settings
         * @param host required
         * @param port 1 to 65535, else a {@link DliException} naming the proxy
         * @param username {@code null} for none
         * @param password {@code null} for none
         * @param nonProxyHosts {@code null} for none
         */
        public HttpProxy {
            Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new DliException("The proxy '" + id + "' has port " + port
                        + "; give a port from 1 to 65535.");
            }
            nonProxyHosts = nonProxyHosts == null ? List.of() : List.copyOf(nonProxyHosts);
        }

        /** {@return whether the proxy needs a login} */
        public boolean hasCredentials() {
            return username != null && !username.isEmpty();
        }

        /** Whether {@code host} is reached directly: it matches a {@code nonProxyHosts} pattern (ignoring case). */
        boolean bypasses(String targetHost) {
            String host = targetHost.toLowerCase(Locale.ROOT);
            return nonProxyHosts.stream().anyMatch(pattern -> host.matches(regex(pattern)));
        }

        /**
         * {@return the {@code nonProxyHosts} patterns as regular expressions (what the AWS SDK's Apache client
         * wants)}
         */
        public List<String> nonProxyHostRegexes() {
            return nonProxyHosts.stream().map(HttpProxy::regex).toList();
        }

        /** {@return the proxy as the JDK's HTTP client takes it, its host left unresolved} */
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

    /**
     * The proxy for an endpoint's scheme, whatever its host.
     *
     * @param scheme {@code http} or {@code https}, in any case
     * @return empty when there is none for the scheme
     */
    public Optional<HttpProxy> forScheme(String scheme) {
        return Optional.ofNullable("https".equalsIgnoreCase(scheme) ? forHttps : "http".equalsIgnoreCase(scheme)
                ? forHttp : null);
    }

    /**
     * The proxy to reach {@code uri} through.
     *
     * @param uri the target
     * @return empty when there is none for the scheme or the host is a non-proxy host
     */
    public Optional<HttpProxy> forUri(URI uri) {
        return forScheme(uri.getScheme()).filter(proxy -> uri.getHost() == null || !proxy.bypasses(uri.getHost()));
    }
}
