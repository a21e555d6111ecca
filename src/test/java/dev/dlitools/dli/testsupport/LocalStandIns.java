package dev.dlitools.dli.testsupport;

import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.BuildLog;
import dev.dlitools.dli.core.common.ProxySettings;
import dev.dlitools.dli.core.dli.DliClient;
import dev.dlitools.dli.core.dli.SignedHttpClient;
import dev.dlitools.dli.core.dli.Tag;
import dev.dlitools.dli.core.dli.UploadGroupRequest;
import dev.dlitools.dli.core.obs.ObsClientFactory;
import dev.dlitools.dli.core.obs.ObsClientSettings;
import dev.dlitools.dli.core.retry.RetryPolicy;
import dev.dlitools.dli.emulator.DliEmulator;
import dev.dlitools.dli.emulator.ObjectStore;
import dev.dlitools.dli.emulator.S3ObjectStore;
import dev.dlitools.dli.emulator.S3ObjectStore.ObjectLocation;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * OBS (S3Proxy) and DLI with IAM (the emulator) on 127.0.0.1, as the plugin sees the cloud: both accept the same
 * AK/SK (random unless given), because the plugin signs OBS and DLI requests with one credential pair, and the
 * emulator looks registered paths up in the S3Proxy, so a package whose object is missing there turns FAILED.
 *
 * <p>The one way tests start the stand-ins; {@link #mavenArguments} and {@link #credentialVariables} point a build at
 * them. Run {@link #main} to try the plugin by hand against them.
 */
public final class LocalStandIns implements AutoCloseable {

    public static final String REGION = "cn-north-4";
    public static final String PROJECT_ID = "local-project-id";
    /**
     * The bucket created unless another is named: that of the example project {@code src/it/spark-job}, so the demo
     * can publish it unchanged.
     */
    public static final String BUCKET = "etl-jars";

    private final Credentials credentials;
    private final S3ProxyServer s3Proxy;
    private final ObsClientSettings obsSettings;
    private final S3Client objectStoreClient;
    private final DliEmulator emulator;
    private final DliClient dliClient;

    private final String projectId;
    private final String bucket;

    private LocalStandIns(Builder builder) {
        String accessKey = builder.accessKey != null
                ? builder.accessKey
                : "LOCAL" + randomHex().substring(0, 15).toUpperCase(Locale.ROOT);
        String secretKey = builder.secretKey != null ? builder.secretKey : randomHex();
        credentials = new Credentials(accessKey, secretKey, builder.securityToken, "local stand-ins");
        projectId = builder.projectId;
        bucket = builder.bucket;
        s3Proxy = builder.storeDirectory == null
                ? S3ProxyServer.start(credentials.accessKey(), credentials.secretKey(), builder.obsPort)
                : S3ProxyServer.startOnDisk(credentials.accessKey(), credentials.secretKey(), builder.obsPort,
                        builder.storeDirectory, builder.keyStore, builder.keyStorePassword);
        s3Proxy.createBucket(bucket);
        obsSettings = ObsClientSettings.of(s3Proxy.endpoint(), REGION, credentials, true);
        objectStoreClient = ObsClientFactory.create(obsSettings, BuildLog.SILENT);
        try {
            DliEmulator.Builder emulatorBuilder = DliEmulator.builder();
            if (builder.securityToken == null) {
                emulatorBuilder.credentials(credentials.accessKey(), credentials.secretKey());
            } else {
                emulatorBuilder.temporaryCredentials(credentials.accessKey(), credentials.secretKey(),
                        builder.securityToken);
            }
            // DLI reads the packages from OBS; the emulator asks the S3Proxy's store itself, since 151 signed HEADs
            // over TLS took the emulator half a second of the benchmark's warm redeploy, time no plugin spends
            ObjectStore bucket = url -> {
                ObjectLocation location = S3ObjectStore.locate(url);
                return s3Proxy.exists(location.bucket(), location.key());
            };
            Predicate<URI> unreadable = builder.unreadablePackages;
            if (builder.keyStore != null) {
                emulatorBuilder.keyStore(builder.keyStore, builder.keyStorePassword);
            }
            emulator = emulatorBuilder
                    .projectId(projectId)
                    .region(REGION)
                    .asyncReadyDelay(builder.asyncReadyDelay)
                    .jobDelays(builder.jobStarting, builder.jobRunning)
                    .objectStore(url -> !unreadable.test(url) && bucket.exists(url))
                    .port(builder.dliPort)
                    .start();
        } catch (RuntimeException e) {
            // e.g. the DLI port is taken: the S3Proxy must not outlive the failed start
            objectStoreClient.close();
            s3Proxy.close();
            throw e;
        }
        dliClient = dliClient(new RetryPolicy(RetryPolicy.DEFAULT_RETRIES, duration -> {}, () -> 0.5));
    }

    /** Both on free ports; asynchronous groups turn READY after the emulator's default delay. */
    public static LocalStandIns start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Credentials credentials() {
        return credentials;
    }

    public URI obsEndpoint() {
        return s3Proxy.endpoint();
    }

    public URI dliEndpoint() {
        return emulator.endpoint();
    }

    /** The emulator answers IAM's project lookup on its own endpoint. */
    public URI iamEndpoint() {
        return emulator.endpoint();
    }

    public String region() {
        return REGION;
    }

    public String projectId() {
        return projectId;
    }

    /** The bucket created at start. */
    public String bucket() {
        return bucket;
    }

    /** Settings for OBS clients of the S3Proxy: path-style addressing, the region, the credentials. */
    public ObsClientSettings obsSettings() {
        return obsSettings;
    }

    /**
     * A client of the emulator's DLI API for the project, logging nothing, retrying without pauses; over HTTPS it
     * trusts what the JVM's default TLS context did at start.
     */
    public DliClient dliClient() {
        return dliClient;
    }

    /** A client of the emulator's DLI API for the project that retries as {@code retryPolicy} says. */
    public DliClient dliClient(RetryPolicy retryPolicy, BuildLog log) {
        return new DliClient(new SignedHttpClient(credentials, Duration.ofSeconds(5), Duration.ofSeconds(30),
                ProxySettings.NONE, retryPolicy, Clock.systemUTC(), log), emulator.endpoint(), projectId);
    }

    private DliClient dliClient(RetryPolicy retryPolicy) {
        return dliClient(retryPolicy, BuildLog.SILENT);
    }

    /** For looking at, or tampering with, what the bucket holds. */
    public S3ProxyServer s3Proxy() {
        return s3Proxy;
    }

    /** For groups, recorded requests and faults. */
    public DliEmulator emulator() {
        return emulator;
    }

    /**
     * Registers {@code group} as the plugin would after uploading: one small object per file name under
     * {@code dli/} in the bucket, then the synchronous group upload of their URLs.
     */
    public void registerGroup(String group, List<Tag> tags, String... files) {
        List<String> paths = new ArrayList<>();
        for (String file : files) {
            String key = "dli/" + file;
            objectStoreClient.putObject(put -> put.bucket(bucket).key(key), RequestBody.fromString(file));
            paths.add(obsEndpoint() + "/" + bucket + "/" + key);
        }
        dliClient.uploadGroup(new UploadGroupRequest(paths, "jar", group, false, tags));
    }

    /**
     * The plugin's settings that point it at the stand-ins, by property name ({@code dli.endpoint}, ...): region,
     * project id, DLI, IAM and OBS endpoints, path-style addressing and the bucket.
     */
    public Map<String, String> mavenProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("dli.region", REGION);
        properties.put("dli.projectId", projectId);
        properties.put("dli.endpoint", dliEndpoint().toString());
        properties.put("dli.iamEndpoint", iamEndpoint().toString());
        properties.put("dli.obs.endpoint", obsEndpoint().toString());
        properties.put("dli.obs.pathStyle", "true");
        properties.put("dli.obs.bucket", bucket);
        return properties;
    }

    /** The {@code -D} arguments that point the plugin at the stand-ins. */
    public List<String> mavenArguments() {
        return mavenArguments(Map.of());
    }

    /**
     * The {@code -D} arguments that point the plugin at the stand-ins, with {@code changed} properties replaced or
     * added; an empty value unsets one (e.g. {@code dli.projectId}, so that IAM is asked).
     */
    public List<String> mavenArguments(Map<String, String> changed) {
        Map<String, String> properties = mavenProperties();
        properties.putAll(changed);
        return asArguments(properties);
    }

    /** {@code -Dname=value} for each property, in order. */
    public static List<String> asArguments(Map<String, String> properties) {
        return properties.entrySet().stream()
                .map(property -> "-D" + property.getKey() + "=" + property.getValue())
                .toList();
    }

    /** The environment variables the plugin reads the credentials from. */
    public Map<String, String> credentialVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("HUAWEICLOUD_SDK_AK", credentials.accessKey());
        variables.put("HUAWEICLOUD_SDK_SK", credentials.secretKey());
        if (credentials.securityToken() != null) {
            variables.put("HUAWEICLOUD_SDK_SECURITY_TOKEN", credentials.securityToken());
        }
        return variables;
    }

    @Override
    public void close() {
        try {
            emulator.close();
            objectStoreClient.close();
        } finally {
            s3Proxy.close();
        }
    }

    /**
     * Runs the stand-ins until killed (demo/stand-ins.sh, demo/run.sh):
     * {@code LocalStandIns <credentials-file> [--bucket NAME] [--ready-delay SECONDS] [--ports OBS DLI]}. Writes
     * {@code NAME=value} credential lines to the file first (a script can {@code set -a; . file}), then prints the
     * Maven arguments on the first line of standard output and how to use them on the next lines.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Builder builder;
        try {
            if (args.length == 0) {
                throw new IllegalArgumentException("no credentials file");
            }
            builder = fromArguments(List.of(args).subList(1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        LocalStandIns standIns = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(standIns::close));
        Path credentialsFile = Path.of(args[0]).toAbsolutePath();
        Files.write(credentialsFile, standIns.credentialVariables().entrySet().stream()
                .map(variable -> variable.getKey() + "=" + variable.getValue())
                .toList());
        System.out.println(String.join(" ", standIns.mavenArguments()));
        System.out.println(standIns.howToUse(credentialsFile));
        // the servers run on their own threads; main only has to stay alive
        Thread.currentThread().join();
    }

    static final String USAGE =
            "usage: LocalStandIns <credentials-file> [--bucket NAME] [--ready-delay SECONDS] [--ports OBS DLI]";

    /** The stand-ins the command-line options after the credentials file ask for. */
    static Builder fromArguments(List<String> options) {
        Builder builder = builder();
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            switch (option) {
                case "--bucket" -> builder.bucket(value(options, ++i, option));
                case "--ready-delay" -> builder.asyncReadyDelay(Duration.ofMillis(
                        Math.round(1000 * number(value(options, ++i, option), option))));
                case "--ports" -> builder.ports((int) number(value(options, ++i, option), option),
                        (int) number(value(options, ++i, option), option));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return builder;
    }

    private static String value(List<String> options, int index, String option) {
        if (index >= options.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return options.get(index);
    }

    private static double number(String value, String option) {
        try {
            double number = Double.parseDouble(value);
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number of 0 or more, not '" + value + "'");
        }
    }

    /** What a user passes to a build of their own project, in words. */
    String howToUse(Path credentialsFile) {
        return String.join("\n",
                "OBS (S3Proxy) on " + obsEndpoint() + " with bucket " + bucket + "; DLI and IAM on " + dliEndpoint(),
                "In another shell, load the stand-ins' credentials and pass the line above to Maven:",
                "  set -a; . " + credentialsFile + "; set +a",
                "  mvn package dli:upload-group " + String.join(" ", mavenArguments()),
                "A <bucket> in the pom's plugin <configuration> beats -Ddli.obs.bucket: start with --bucket set to the"
                        + " pom's bucket, or move it to <properties><dli.obs.bucket>.",
                "Stop with Ctrl-C.");
    }

    private static String randomHex() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Ports, credentials, project, the emulator's loading delay and its unreadable packages; the rest is fixed. */
    public static final class Builder {

        private int obsPort;
        private int dliPort;
        private String accessKey;
        private String secretKey;
        private String projectId = PROJECT_ID;
        private String bucket = BUCKET;
        private Predicate<URI> unreadablePackages = url -> false;
        private Duration asyncReadyDelay = DliEmulator.DEFAULT_ASYNC_READY_DELAY;
        private Duration jobStarting = DliEmulator.DEFAULT_JOB_STARTING;
        private Duration jobRunning = DliEmulator.DEFAULT_JOB_RUNNING;
        private Path storeDirectory;
        private Path keyStore;
        private String keyStorePassword;
        private String securityToken;

        private Builder() {}

        /** The AK/SK both stand-ins accept, instead of random ones. */
        public Builder credentials(String accessKey, String secretKey) {
            this.accessKey = accessKey;
            this.secretKey = secretKey;
            return this;
        }

        /** The project id DLI knows and IAM's lookup answers, instead of {@value LocalStandIns#PROJECT_ID}. */
        public Builder projectId(String projectId) {
            this.projectId = projectId;
            return this;
        }

        /** The bucket to create, instead of {@value LocalStandIns#BUCKET}. */
        public Builder bucket(String bucket) {
            this.bucket = bucket;
            return this;
        }

        /** Packages whose OBS URL matches turn FAILED although their object exists, as when DLI may not read it. */
        public Builder unreadablePackages(Predicate<URI> unreadable) {
            this.unreadablePackages = unreadable;
            return this;
        }

        /** Temporary credentials: DLI and IAM also want this token (the S3Proxy does not check tokens). */
        public Builder securityToken(String token) {
            this.securityToken = token;
            return this;
        }

        /** The ports to listen on; 0 (the default) picks a free one. */
        public Builder ports(int obsPort, int dliPort) {
            this.obsPort = obsPort;
            this.dliPort = dliPort;
            return this;
        }

        /** How long the emulator takes to load the packages of an asynchronous upload. */
        public Builder asyncReadyDelay(Duration delay) {
            this.asyncReadyDelay = delay;
            return this;
        }

        /** How long the emulator's Spark jobs are starting, then running. */
        public Builder jobDelays(Duration starting, Duration running) {
            this.jobStarting = starting;
            this.jobRunning = running;
            return this;
        }

        /**
         * Keep the S3Proxy's buckets as directories under {@code directory} instead of in memory.
         *
         * @param keyStore a PKCS12 key store: the S3Proxy and the emulator serve HTTPS with its key, as OBS, DLI and
         *     IAM are HTTPS only; {@code null}: both serve HTTP
         */
        public Builder storeDirectory(Path directory, Path keyStore, String keyStorePassword) {
            this.storeDirectory = directory;
            this.keyStore = keyStore;
            this.keyStorePassword = keyStorePassword;
            return this;
        }

        public LocalStandIns start() {
            return new LocalStandIns(this);
        }
    }
}
