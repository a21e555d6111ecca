package dev.dlitools.dli.core;

import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where the DLI, IAM and OBS services of a region answer, unless the user gives an endpoint by hand.
 *
 * <p>A known region id maps to its cloud's domain: Open Telekom Cloud runs the same APIs under
 * {@code otc.t-systems.com}, the others are Huawei Cloud's {@code myhuaweicloud.com}. An unknown region id is
 * accepted as long as every endpoint a goal actually uses was given by hand; asking for one that was not is the
 * error, so a goal that needs no IAM (project id given) or no OBS (no upload) does not ask for them.
 */
final class Endpoints {

    /** Region ids from Huawei Cloud's DLI endpoint pages and Open Telekom Cloud's, with their domain. */
    static final Map<String, String> KNOWN_REGIONS = knownRegions();

    private final String region;
    private final URI dli;
    private final URI iam;
    private final URI obs;

    private Endpoints(String region, URI dli, URI iam, URI obs) {
        this.region = region;
        this.dli = dli;
        this.iam = iam;
        this.obs = obs;
    }

    /**
     * The region's endpoints, each replaced by the one given by hand, if any.
     *
     * @param region the region id, e.g. {@code cn-north-4} or {@code eu-de}
     * @param dliOverride the DLI endpoint given by hand, {@code null} or blank for the region's
     * @param iamOverride the IAM endpoint given by hand, {@code null} or blank for the region's
     * @param obsOverride the OBS endpoint given by hand, {@code null} or blank for the region's
     * @throws SettingException naming the endpoint setting when a given endpoint is not an http(s) URL
     */
    static Endpoints of(String region, String dliOverride, String iamOverride, String obsOverride) {
        String domain = KNOWN_REGIONS.get(region);
        return new Endpoints(region,
                endpoint(dliOverride, regional("dli", region, domain), Setting.DLI_ENDPOINT),
                endpoint(iamOverride, regional("iam", region, domain), Setting.IAM_ENDPOINT),
                endpoint(obsOverride, regional("obs", region, domain), Setting.OBS_ENDPOINT));
    }

    /** The one rule for a service's address in a known region: {@code https://obs.eu-de.otc.t-systems.com}. */
    private static String regional(String service, String region, String domain) {
        return domain == null ? null : "https://" + service + "." + region + "." + domain;
    }

    /**
     * Refuses plain-HTTP endpoints except on this machine: over HTTP the jars and the signed requests cross the
     * network unencrypted, and the request signature does not protect the bytes OBS stores.
     *
     * @param allowInsecure the user's explicit choice to allow it anyway
     */
    Endpoints requireSecure(boolean allowInsecure) {
        if (!allowInsecure) {
            refusePlainHttp(dli, Setting.DLI_ENDPOINT);
            refusePlainHttp(iam, Setting.IAM_ENDPOINT);
            refusePlainHttp(obs, Setting.OBS_ENDPOINT);
        }
        return this;
    }

    private static void refusePlainHttp(URI uri, Setting setting) {
        if (uri != null && uri.getScheme().equals("http") && !isLoopback(uri.getHost())) {
            throw new SettingException(setting, setting.named() + " is plain HTTP to another machine (" + uri
                    + "): jars and signed requests would cross the network unencrypted. Use https, or, on a network "
                    + "you trust, set " + Setting.ALLOW_INSECURE.withValue("true") + ".");
        }
    }

    /** By name or address literal only: no lookup, so a name cannot be made to resolve to loopback. */
    static boolean isLoopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return bare.equalsIgnoreCase("localhost") || bare.startsWith("127.") && bare.matches("[0-9.]+")
                || bare.equals("::1") || bare.equals("0:0:0:0:0:0:0:1");
    }

    /** The DLI endpoint. */
    URI dli() {
        return require(dli, Setting.DLI_ENDPOINT);
    }

    /** The IAM endpoint; needed only to look up the project id. */
    URI iam() {
        return require(iam, Setting.IAM_ENDPOINT);
    }

    /** The OBS endpoint, e.g. {@code https://obs.eu-de.otc.t-systems.com}; needed only by goals that upload. */
    public URI obs() {
        return require(obs, Setting.OBS_ENDPOINT);
    }

    private URI require(URI uri, Setting setting) {
        if (uri != null) {
            return uri;
        }
        throw new SettingException(Setting.REGION, "Unknown region '" + region + "' " + Setting.REGION.aside()
                + ", so there is no default " + setting.named() + ". Known regions: "
                + String.join(", ", KNOWN_REGIONS.keySet()) + ". For another region or cloud, give the endpoints by "
                + "hand: " + Setting.DLI_ENDPOINT.withValue("https://dli." + region + ".example.com") + ", "
                + Setting.IAM_ENDPOINT.withValue("https://iam." + region + ".example.com") + " (unless "
                + Setting.PROJECT_ID.named() + " is given) and "
                + Setting.OBS_ENDPOINT.withValue("https://obs." + region + ".example.com") + " (for uploads).");
    }

    /**
     * Parses an endpoint setting: an http(s) URL with a host, no login, a port (if any) of 1 to 65535, and nothing
     * after the authority but a {@code /}.
     *
     * @param fallback used when nothing is given; {@code null} when there is none
     * @param setting the setting that gave it, for messages
     * @return {@code null} when neither is there
     * @throws SettingException when the value is not such a URL
     */
    static URI endpoint(String given, String fallback, Setting setting) {
        String value = given == null || given.isBlank() ? fallback : given.trim();
        if (value == null) {
            return null;
        }
        // a login is a password: refused before anything else is said about the URL, which is shown without it
        String shown = withoutLogin(value);
        if (!shown.equals(value)) {
            throw new SettingException(setting, setting.named() + " must not hold a login (user:password@): give it"
                    + " as '" + shown + "'. Requests are signed with the access key; a proxy's login belongs in the"
                    + " proxy settings.");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new SettingException(setting, setting.named() + " is not a URL: '" + value
                    + "'. Give it as https://host[:port].");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new SettingException(setting, setting.named() + " is not an http(s) URL with a host: '" + value
                    + "'. Give it as https://host[:port].");
        }
        // URI takes any number as the port; the HTTP clients refuse one out of range only when sending
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new SettingException(setting, setting.named() + " has port " + uri.getPort() + ", which is not 1 to"
                    + " 65535: '" + value + "'. Give it as https://host[:port].");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")
                || uri.getRawQuery() != null) {
            throw new SettingException(setting, setting.named() + " must not have a path or query: '" + value
                    + "'. Give it as https://host[:port].");
        }
        return URI.create(scheme + "://" + uri.getRawAuthority());
    }

    /** The URL without the {@code user:password@} of its authority, found even in a URL that does not parse. */
    private static String withoutLogin(String url) {
        return url.replaceFirst("^([^:/?#]*:)?//[^/?#]*@", "$1//");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Endpoints that && region.equals(that.region) && Objects.equals(dli, that.dli)
                && Objects.equals(iam, that.iam) && Objects.equals(obs, that.obs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(region, dli, iam, obs);
    }

    @Override
    public String toString() {
        return "Endpoints[region=" + region + ", dli=" + dli + ", iam=" + iam + ", obs=" + obs + "]";
    }

    private static Map<String, String> knownRegions() {
        Map<String, String> regions = new LinkedHashMap<>();
        for (String huaweiCloud : new String[] {
                "cn-north-1", "cn-north-4", "cn-north-9", "cn-east-2", "cn-east-3", "cn-south-1", "cn-southwest-2",
                "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "af-south-1", "la-north-2",
                "la-south-2", "sa-brazil-1", "tr-west-1", "me-east-1"}) {
            regions.put(huaweiCloud, "myhuaweicloud.com");
        }
        regions.put("eu-de", "otc.t-systems.com");
        regions.put("eu-nl", "otc.t-systems.com");
        return Collections.unmodifiableMap(regions);
    }
}
