package dev.dlitools.dli.maven;

import dev.dlitools.dli.core.Dli;
import dev.dlitools.dli.core.DliSettings;
import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.common.ProxySettings;
import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.upload.NotPackagedException;
import java.io.File;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** The settings every goal shares: region, project, endpoints, credentials, time-outs, retries and proxies. */
abstract class AbstractDliMojo extends AbstractMojo {

    /** The oldest Maven the goals run on: the plugin descriptor's {@code requiredMavenVersion} (MavenVersionTest). */
    static final String MINIMUM_MAVEN = "3.9.0";
    /** The Maven a wrapper is made for when the running one is too old, as the README shows it. */
    static final String WRAPPER_MAVEN = "3.9.11";
    static final String ENV_PROJECT_ID = "HUAWEICLOUD_SDK_PROJECT_ID";
    static final String ENV_REGION = "HUAWEICLOUD_SDK_REGION";

    /**
     * Skip the goal: {@code true}, {@code releases} (skip release versions) or {@code snapshots} (skip snapshot
     * versions). Without a project only {@code true} skips. A skipped goal needs neither credentials nor network.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.skip", defaultValue = "false")
    String skip;

    // Without a pom (requiresProject = false) Maven still injects a placeholder project ("standalone-pom") that has
    // no pom file: its artifactId, version and properties are none of the user's.
    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    /**
     * The region, e.g. {@code cn-north-4}, {@code ap-southeast-3} or (Open Telekom Cloud) {@code eu-de}. When
     * absent, the environment variable {@code HUAWEICLOUD_SDK_REGION}. A region id the plugin does not know needs
     * the endpoints it uses given by hand ({@code endpoint}, {@code iamEndpoint}, {@code obsEndpoint}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.region")
    String region;

    /**
     * The project id. When absent, the environment variable {@code HUAWEICLOUD_SDK_PROJECT_ID}, else the id IAM
     * gives for the project named like the region.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.projectId")
    String projectId;

    /**
     * The DLI endpoint, {@code https://host[:port]}. Defaults to the region's, e.g.
     * {@code https://dli.cn-north-4.myhuaweicloud.com}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.endpoint")
    String endpoint;

    /**
     * The IAM endpoint used to look up the project id, {@code https://host[:port]}. Defaults to the region's, e.g.
     * {@code https://iam.cn-north-4.myhuaweicloud.com}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.iamEndpoint")
    String iamEndpoint;

    /**
     * The id of the {@code <server>} in settings.xml that holds the credentials: username = access key (AK),
     * password = secret key (SK, may be encrypted), optional {@code <configuration><securityToken>}. When unset,
     * the server {@code huaweicloud} if settings.xml has it, else the environment variables
     * {@code HUAWEICLOUD_SDK_AK}, {@code HUAWEICLOUD_SDK_SK} and {@code HUAWEICLOUD_SDK_SECURITY_TOKEN}. A server
     * id that is set must exist: it never falls back to the environment.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.serverId")
    String serverId;

    /**
     * Seconds to wait for a connection to a service (DLI, IAM and OBS).
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.connectTimeout", defaultValue = "10")
    int connectTimeout;

    /**
     * Seconds to wait for the answer to one call (DLI, IAM and OBS).
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.readTimeout", defaultValue = "60")
    int readTimeout;

    /**
     * How many times a call that failed for a transient reason (no answer, time-out, HTTP 429 or 5xx, OBS
     * {@code SlowDown}) is tried again, with exponential backoff; 0 to 10. Refused logins and invalid requests are
     * never retried.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.retries", defaultValue = "3")
    int retries;

    /**
     * Allow {@code http://} endpoints on other machines (plain HTTP to this machine is always allowed, for local
     * stand-ins). Off by default: over HTTP the jars and the signed requests cross the network unencrypted.
     * There is no switch to trust any TLS certificate; add a private CA to the JDK's trust store instead.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.allowInsecure", defaultValue = "false")
    boolean allowInsecure;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    MojoExecution mojoExecution;

    @Parameter(defaultValue = "${maven.version}", readonly = true)
    String mavenVersion;

    private final SettingsDecrypter settingsDecrypter;

    /** The process environment; tests replace it. */
    Map<String, String> environment = System.getenv();

    AbstractDliMojo(SettingsDecrypter settingsDecrypter) {
        this.settingsDecrypter = settingsDecrypter;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        requireMaven(mavenVersion);
        SdkLogging.quiet();
        try {
            MavenListener listener = listener();
            overriddenProperties().everyNote().forEach(listener::warn);
            try {
                run(listener);
            } finally {
                listener.endProgress();
            }
        } catch (NotPackagedException e) {
            // Maven knows the packaged file only within the command that packaged it, whatever target/ holds
            throw new MojoExecutionException(e.getMessage() + " Run the package phase first, in the same command: "
                    + "`mvn package dli:upload-group` (a jar left in target/ by an earlier `mvn package` does not"
                    + " count).", debugCause(e));
        } catch (DliException e) {
            throw new MojoExecutionException(words(e), debugCause(e));
        }
    }

    /**
     * Maven older than {@link #MINIMUM_MAVEN} runs the goals all the same, as the plugin's pom declares no
     * prerequisite (Maven 3.8 and older take that, not the descriptor's {@code requiredMavenVersion}, and would
     * stop with a bare "requires Maven version"); this says what to do instead.
     */
    static void requireMaven(String running) throws MojoExecutionException {
        if (running != null && !running.isBlank()
                && new ComparableVersion(running).compareTo(new ComparableVersion(MINIMUM_MAVEN)) < 0) {
            throw new MojoExecutionException("The dli-maven-plugin needs Maven " + MINIMUM_MAVEN + " or newer, and this"
                    + " build runs Maven " + running + ": build the project with Maven 3.9+. With an older mvn"
                    + " (Debian's and Ubuntu's is 3.8), add a Maven wrapper to the project once, `mvn wrapper:wrapper"
                    + " -Dmaven=" + WRAPPER_MAVEN + "`, then build with `./mvnw` instead of `mvn`.");
        }
    }

    /** How this goal shows the core's events; goals that upload or wait also show progress. */
    MavenListener listener() {
        return new MavenListener(getLog());
    }

    /**
     * The message of a core error, with the settings it names in Maven's words, and for each of them whose
     * {@code -D} property lost to a value in the pom, a note saying so.
     */
    String words(DliException e) {
        return MavenWords.render(e.getMessage()) + overriddenProperties().note(e.getMessage());
    }

    OverriddenProperties overriddenProperties() {
        return new OverriddenProperties(mojoExecution == null ? null : mojoExecution.getConfiguration(),
                session == null ? null : session.getUserProperties(),
                session == null ? null : session.getSystemProperties());
    }

    /**
     * Maven prints the message of every cause after ours (an SDK's or a parser's text, a bare class name), which
     * only repeats what our message says better; the causes are kept for {@code -X}, where they help.
     */
    Throwable debugCause(Exception e) {
        return getLog().isDebugEnabled() ? e : null;
    }

    /** The goal's work; a {@link DliException} becomes a build error showing its message. */
    abstract void run(MavenListener listener) throws MojoExecutionException, MojoFailureException;

    /** Whether the goal runs in a project of the user's, not in Maven's placeholder for a build without a pom. */
    boolean inAProject() {
        return project != null && project.getFile() != null;
    }

    /** The version that {@code releases} and {@code snapshots} judge; {@code null} without a project. */
    String projectVersion() {
        return inAProject() ? project.getVersion() : null;
    }

    /** Whether {@code skip (-Ddli.skip)} skips this goal; says so when it does. Every goal asks first. */
    boolean skipped(String goal, MavenListener listener) {
        String version = projectVersion();
        boolean snapshot = version != null && version.endsWith("-SNAPSHOT");
        boolean skipping = switch (skip == null ? "false" : skip.trim().toLowerCase(Locale.ROOT)) {
            case "false", "" -> false;
            case "true" -> true;
            case "releases" -> version != null && !snapshot;
            case "snapshots" -> snapshot;
            default -> throw new DliException("skip (-Ddli.skip) is '" + skip
                    + "'; it takes true, false, releases or snapshots.");
        };
        if (skipping) {
            listener.info("Skipping " + goal + " (dli.skip=" + skip + ")");
        }
        return skipping;
    }

    /** Fails fast in offline mode, where a goal that needs the service cannot work. */
    void requireOnline(String goal) {
        if (session != null && session.isOffline()) {
            throw new DliException(goal + " talks to Huawei Cloud and cannot run with Maven offline (-o). "
                    + "Run it without -o, or skip it with -Ddli.skip.");
        }
    }

    /** The region setting, or the environment's. */
    String region() {
        String regionName = firstPresent(region, environment.get(ENV_REGION));
        if (regionName == null) {
            throw new DliException("No region given. Set region (-Ddli.region=cn-north-4, say) or the "
                    + "environment variable " + ENV_REGION + ".");
        }
        return regionName;
    }

    /** The OBS endpoint setting of goals that upload; {@code null} for the region's. */
    String obsEndpointSetting() {
        return null;
    }

    /**
     * @param server the server id the user set, or {@code null} for the default
     * @param setting the setting that gave it, named when settings.xml has no such server
     */
    Credentials credentials(String server, Setting setting) {
        return new CredentialsResolver(settingsDecrypter).resolve(server, setting,
                session == null ? null : session.getSettings(), settingsFile(), environment);
    }

    /** The user settings.xml Maven read, as messages name it. */
    private String settingsFile() {
        File file = session == null || session.getRequest() == null ? null
                : session.getRequest().getUserSettingsFile();
        return file == null ? "settings.xml" : "settings.xml (" + file + ")";
    }

    /**
     * The core's entry point with this goal's settings. The credentials are looked up when the first call needs
     * them, so a dry run needs none.
     */
    Dli dli(MavenListener listener) {
        DliSettings settings = DliSettings.builder(region())
                .projectId(firstPresent(projectId, environment.get(ENV_PROJECT_ID)))
                .dliEndpoint(endpoint)
                .iamEndpoint(iamEndpoint)
                .obsEndpoint(obsEndpointSetting())
                .allowInsecure(allowInsecure)
                .connectTimeout(Duration.ofSeconds(connectTimeout))
                .readTimeout(Duration.ofSeconds(readTimeout))
                .retries(retries)
                .proxies(proxies(listener))
                .credentials(() -> {
                    Credentials credentials = credentials(serverId, Setting.SERVER_ID);
                    listener.info("Using access key " + credentials.maskedAccessKey() + " from "
                            + credentials.source()
                            + (credentials.isTemporary() ? " (temporary, with security token)" : ""));
                    return credentials;
                })
                .build();
        return new Dli(settings, listener);
    }

    /** settings.xml's active proxies, for DLI, IAM and OBS alike. */
    private ProxySettings proxies(MavenListener log) {
        ProxySettings proxies = new ProxyResolver(settingsDecrypter)
                .resolve(session == null ? null : session.getSettings());
        if (proxies.forHttps() != null) {
            log.info("https:// endpoints through " + proxies.forHttps());
        }
        if (proxies.forHttp() != null) {
            log.info("http:// endpoints through " + proxies.forHttp());
        }
        return proxies;
    }

    /** Whether a report goal's {@code format (-Ddli.format)} asks for JSON rather than a table. */
    static boolean isJson(String format) {
        return switch (format == null ? "table" : format.trim().toLowerCase(Locale.ROOT)) {
            case "table" -> false;
            case "json" -> true;
            default -> throw new DliException(Setting.FORMAT.named() + " is '" + format
                    + "'; it takes table or json.");
        };
    }

    static String firstPresent(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }
}
