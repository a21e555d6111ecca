package dev.dlitools.dli.core;

import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.ProxySettings;
import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import dev.dlitools.dli.core.common.Sleeper;
import dev.dlitools.dli.core.common.Timeouts;
import dev.dlitools.dli.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where and as whom a {@link Dli} works: region and project, endpoints, credentials, time-outs, retries and
 * proxies. Built with {@link #builder(String)}; {@link Builder#build()} checks every value, so a bad one is
 * reported before anything is sent.
 */
public final class DliSettings {

    private final String region;
    private final String projectId;
    private final Endpoints endpoints;
    private final Supplier<Credentials> credentials;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int retries;
    private final ProxySettings proxies;
    private final Sleeper sleeper;

    private DliSettings(Builder builder) {
        this.region = builder.region.trim();
        this.projectId = builder.projectId == null || builder.projectId.isBlank() ? null : builder.projectId.trim();
        this.endpoints = Endpoints.of(region, builder.dliEndpoint, builder.iamEndpoint, builder.obsEndpoint)
                .requireSecure(builder.allowInsecure);
        this.credentials = builder.credentials;
        this.connectTimeout = builder.connectTimeout;
        this.readTimeout = builder.readTimeout;
        this.retries = RetryPolicy.checkRetries(builder.retries);
        this.proxies = builder.proxies;
        this.sleeper = builder.sleeper;
    }

    /**
     * Settings for a region with the defaults: the region's endpoints, {@link Timeouts}, {@value
     * RetryPolicy#DEFAULT_RETRIES} retries, no proxy, and no credentials yet.
     *
     * @param region the region id, e.g. {@code cn-north-4} or {@code eu-de} ({@link Setting#REGION})
     * @return a builder with the defaults
     */
    public static Builder builder(String region) {
        return new Builder(region);
    }

    /** The region id. */
    String region() {
        return region;
    }

    /** The project id given, or {@code null} to ask IAM for the project named like the region. */
    String projectId() {
        return projectId;
    }

    /** The DLI, IAM and OBS endpoints. */
    Endpoints endpoints() {
        return endpoints;
    }

    /** Whether credentials were given at all, so a dry run can do without them. */
    boolean hasCredentials() {
        return credentials != null;
    }

    /** The credentials, obtained now: a front end may look them up only when a call needs them. */
    Credentials credentials() {
        if (credentials == null) {
            throw new IllegalStateException("no credentials given: DliSettings.Builder.credentials(...)");
        }
        return Objects.requireNonNull(credentials.get(), "credentials");
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    Duration readTimeout() {
        return readTimeout;
    }

    int retries() {
        return retries;
    }

    ProxySettings proxies() {
        return proxies;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    /** Builds {@link DliSettings}; each value not given keeps its default. */
    public static final class Builder {

        private final String region;
        private String projectId;
        private String dliEndpoint;
        private String iamEndpoint;
        private String obsEndpoint;
        private boolean allowInsecure;
        private Supplier<Credentials> credentials;
        private Duration connectTimeout = Timeouts.CONNECT;
        private Duration readTimeout = Timeouts.READ;
        private int retries = RetryPolicy.DEFAULT_RETRIES;
        private ProxySettings proxies = ProxySettings.NONE;
        private Sleeper sleeper = Sleeper.THREAD_SLEEP;

        private Builder(String region) {
            this.region = region;
        }

        /**
         * The project id; {@code null} or blank to ask IAM for the project named like the region.
         *
         * @param projectId the {@link Setting#PROJECT_ID} value
         * @return this builder
         */
        public Builder projectId(String projectId) {
            this.projectId = projectId;
            return this;
        }

        /**
         * The DLI endpoint, {@code https://host[:port]}; {@code null} or blank for the region's.
         *
         * @param dliEndpoint the {@link Setting#DLI_ENDPOINT} value
         * @return this builder
         */
        public Builder dliEndpoint(String dliEndpoint) {
            this.dliEndpoint = dliEndpoint;
            return this;
        }

        /**
         * The IAM endpoint; {@code null} or blank for the region's.
         *
         * @param iamEndpoint the {@link Setting#IAM_ENDPOINT} value
         * @return this builder
         */
        public Builder iamEndpoint(String iamEndpoint) {
            this.iamEndpoint = iamEndpoint;
            return this;
        }

        /**
         * The OBS endpoint; {@code null} or blank for the region's.
         *
         * @param obsEndpoint the {@link Setting#OBS_ENDPOINT} value
         * @return this builder
         */
        public Builder obsEndpoint(String obsEndpoint) {
            this.obsEndpoint = obsEndpoint;
            return this;
        }

        /**
         * Allow {@code http://} endpoints on other machines; off by default.
         *
         * @param allowInsecure the {@link Setting#ALLOW_INSECURE} value
         * @return this builder
         */
        public Builder allowInsecure(boolean allowInsecure) {
            this.allowInsecure = allowInsecure;
            return this;
        }

        /**
         * The credentials of every call.
         *
         * @param credentials required
         * @return this builder
         */
        public Builder credentials(Credentials credentials) {
            Objects.requireNonNull(credentials, "credentials");
            return credentials(() -> credentials);
        }

        /**
         * Where to get the credentials when the first call needs them (once), so that a dry run needs none and a
         * bad setting is reported before the credentials are looked for.
         *
         * @param credentials called at most once, on the thread of the first call that needs them; what it throws
         *     ends that call
         * @return this builder
         */
        public Builder credentials(Supplier<Credentials> credentials) {
            this.credentials = memoized(credentials);
            return this;
        }

        /**
         * How long to wait for a connection; positive.
         *
         * @param connectTimeout the {@link Setting#CONNECT_TIMEOUT} value
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * How long to wait for the answer to one call; positive.
         *
         * @param readTimeout the {@link Setting#READ_TIMEOUT} value
         * @return this builder
         */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /**
         * How many times a call that failed for a transient reason is tried again, 0 to 10.
         *
         * @param retries the {@link Setting#RETRIES} value
         * @return this builder
         */
        public Builder retries(int retries) {
            this.retries = retries;
            return this;
        }

        /**
         * The proxies for DLI, IAM and OBS alike.
         *
         * @param proxies {@link ProxySettings#NONE} for none
         * @return this builder
         */
        public Builder proxies(ProxySettings proxies) {
            this.proxies = Objects.requireNonNull(proxies, "proxies");
            return this;
        }

        /** How to pause between retries and polls; tests pass one that does not sleep. */
        Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * The settings with the values given.
         *
         * @return the settings; the credentials are not looked for yet
         * @throws SettingException naming the setting for a missing region, a time-out that is not positive,
         *     retries out of range, or an endpoint that is not an http(s) URL or is plain HTTP to another machine
         */
        public DliSettings build() {
            if (region == null || region.isBlank()) {
                throw new SettingException(Setting.REGION, "No region given. Set " + Setting.REGION.named() + ".");
            }
            if (!isPositive(connectTimeout) || !isPositive(readTimeout)) {
                throw new SettingException(isPositive(connectTimeout) ? Setting.READ_TIMEOUT : Setting.CONNECT_TIMEOUT,
                        Setting.CONNECT_TIMEOUT.named() + " and " + Setting.READ_TIMEOUT.named()
                                + " are seconds and must be positive.");
            }
            return new DliSettings(this);
        }

        private static boolean isPositive(Duration duration) {
            return duration != null && !duration.isNegative() && !duration.isZero();
        }

        private static <T> Supplier<T> memoized(Supplier<T> supplier) {
            Objects.requireNonNull(supplier, "supplier");
            return new Supplier<>() {
                private T value;

                @Override
                public synchronized T get() {
                    if (value == null) {
                        value = supplier.get();
                    }
                    return value;
                }
            };
        }
    }
}
