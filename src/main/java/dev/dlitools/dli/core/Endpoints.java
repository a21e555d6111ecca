package dev.dlitools.dli.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the DLI, IAM and OBS services of a region answer, unless the user gives an endpoint by hand.
 *
 * <p>Open Telekom Cloud runs the same APIs under {@code otc.t-systems.com}; every other region is Huawei Cloud's.
 */
public record Endpoints(URI dli, URI iam, URI obs) {

    public static Endpoints of(String region, String dliOverride, String iamOverride, String obsOverride) {
        String domain = isOpenTelekomCloud(region) ? "otc.t-systems.com" : "myhuaweicloud.com";
        return new Endpoints(
                endpoint(dliOverride, "https://dli." + region + "." + domain, "endpoint (-Ddli.endpoint)"),
                endpoint(iamOverride, "https://iam." + region + "." + domain, "iamEndpoint (-Ddli.iamEndpoint)"),
                endpoint(obsOverride, "https://obs." + region + "." + domain, "obsEndpoint (-Ddli.obs.endpoint)"));
    }

    static boolean isOpenTelekomCloud(String region) {
        return region.equals("eu-de") || region.equals("eu-nl");
    }

    /** Parses an endpoint setting: an http(s) URL with a host and nothing after the authority but a {@code /}. */
    public static URI endpoint(String given, String fallback, String setting) {
        String value = given == null || given.isBlank() ? fallback : given.trim();
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new DliPluginException(setting + " is not a URL: '" + value + "'. Give it as https://host[:port].");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new DliPluginException(setting + " is not an http(s) URL with a host: '" + value
                    + "'. Give it as https://host[:port].");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")
                || uri.getRawQuery() != null) {
            throw new DliPluginException(setting + " must not have a path or query: '" + value
                    + "'. Give it as https://host[:port].");
        }
        return URI.create(scheme + "://" + uri.getRawAuthority());
    }
}
