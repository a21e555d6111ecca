package dev.dlitools.dli.maven;

import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.common.ProxySettings;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Maps settings.xml's {@code <proxies>} to the core's {@link ProxySettings}: per protocol ({@code http},
 * {@code https}) the first active proxy declared for it, with its password decrypted, as Maven itself picks them.
 */
final class ProxyResolver {

    private final SettingsDecrypter decrypter;

    ProxyResolver(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    ProxySettings resolve(Settings settings) {
        if (settings == null || settings.getProxies() == null) {
            return ProxySettings.NONE;
        }
        return new ProxySettings(firstActive(settings.getProxies(), "http"),
                firstActive(settings.getProxies(), "https"));
    }

    private ProxySettings.HttpProxy firstActive(List<Proxy> proxies, String protocol) {
        return proxies.stream()
                .filter(Proxy::isActive)
                .filter(proxy -> protocol.equals(proxy.getProtocol() == null
                        ? "http" : proxy.getProtocol().trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .map(this::decrypt)
                .map(ProxyResolver::toCore)
                .orElse(null);
    }

    private Proxy decrypt(Proxy proxy) {
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
        String problems = result.getProblems().stream()
                .filter(problem -> problem.getSeverity() != SettingsProblem.Severity.WARNING)
                .map(SettingsProblem::getMessage)
                .collect(Collectors.joining("; "));
        if (!problems.isEmpty()) {
            throw new DliException("Could not decrypt the password of proxy '" + proxy.getId()
                    + "' in settings.xml: " + problems + ". Check ~/.m2/settings-security.xml.");
        }
        return result.getProxy();
    }

    private static ProxySettings.HttpProxy toCore(Proxy proxy) {
        if (proxy.getHost() == null || proxy.getHost().isBlank()) {
            throw new DliException("The proxy '" + proxy.getId() + "' in settings.xml has no <host>.");
        }
        List<String> nonProxyHosts = proxy.getNonProxyHosts() == null ? List.of()
                : Arrays.stream(proxy.getNonProxyHosts().split("[|,]"))
                        .map(String::trim)
                        .filter(host -> !host.isEmpty())
                        .toList();
        return new ProxySettings.HttpProxy(proxy.getId(), proxy.getHost().trim(), proxy.getPort(),
                proxy.getUsername(), proxy.getPassword(), nonProxyHosts);
    }
}
