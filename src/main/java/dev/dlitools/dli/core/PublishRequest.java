package dev.dlitools.dli.core;

import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import dev.dlitools.dli.core.obs.UploadOptions;
import dev.dlitools.dli.core.upload.ProjectArtifacts;
import dev.dlitools.dli.core.upload.UploadSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What {@link Dli#publish} uploads and registers: the build's artifacts, which of them, where in OBS, and how to
 * register the group. Built with {@link #builder}; {@link Builder#build()} checks the ranges, the publish itself
 * checks the rest (group name, tags, patterns, files) before anything is sent.
 */
public final class PublishRequest {

    /** The most upload threads a publish takes. */
    public static final int MAX_UPLOAD_THREADS = 64;

    private final ProjectArtifacts artifacts;
    private final UploadSettings upload;
    private final String bucket;
    private final boolean pathStyle;
    private final Supplier<Credentials> obsCredentials;
    private final UploadOptions uploadOptions;
    private final boolean register;
    private final boolean async;
    private final Duration pollInterval;
    private final Duration timeout;
    private final boolean dryRun;
    private final boolean offline;
    private final Path resultFile;

    private PublishRequest(Builder builder) {
        this.artifacts = builder.artifacts;
        this.upload = builder.upload.build();
        this.bucket = builder.bucket == null || builder.bucket.isBlank() ? null : builder.bucket.trim();
        this.pathStyle = builder.pathStyle;
        this.obsCredentials = builder.obsCredentials;
        this.uploadOptions = UploadOptions.defaults()
                .withThreads(builder.uploadThreads)
                .withMultipart(builder.multipartThreshold, UploadOptions.DEFAULT_PART_SIZE)
                .withForce(builder.force)
                .withDigestCache(builder.digestCache);
        this.register = builder.register;
        this.async = builder.async;
        this.pollInterval = builder.pollInterval;
        this.timeout = builder.timeout;
        this.dryRun = builder.dryRun;
        this.offline = builder.offline;
        this.resultFile = builder.resultFile;
    }

    /**
     * A request to publish {@code artifacts} as package group {@code group}, with the defaults: kind jar, the
     * main artifact and its compile and runtime dependencies, 8 upload threads, registered asynchronously and
     * polled every 5 s for at most 10 minutes.
     *
     * @param artifacts what the build produced and resolved
     * @param group the package group's name ({@link Setting#GROUP})
     * @return a builder with the defaults
     */
    public static Builder builder(ProjectArtifacts artifacts, String group) {
        return new Builder(artifacts, group);
    }

    ProjectArtifacts artifacts() {
        return artifacts;
    }

    UploadSettings upload() {
        return upload;
    }

    /** The bucket, or {@code null} when none was given. */
    String bucket() {
        return bucket;
    }

    boolean pathStyle() {
        return pathStyle;
    }

    /** The OBS credentials when they differ from the settings', else {@code null}. */
    Supplier<Credentials> obsCredentials() {
        return obsCredentials;
    }

    UploadOptions uploadOptions() {
        return uploadOptions;
    }

    boolean register() {
        return register;
    }

    boolean async() {
        return async;
    }

    Duration pollInterval() {
        return pollInterval;
    }

    Duration timeout() {
        return timeout;
    }

    boolean dryRun() {
        return dryRun;
    }

    boolean offline() {
        return offline;
    }

    Path resultFile() {
        return resultFile;
    }

    /** Builds a {@link PublishRequest}; each value not given keeps its default. */
    public static final class Builder {

        private final ProjectArtifacts artifacts;
        private final UploadSettings.Builder upload;
        private String bucket;
        private boolean pathStyle;
        private Supplier<Credentials> obsCredentials;
        private int uploadThreads = UploadOptions.DEFAULT_THREADS;
        private long multipartThreshold = UploadOptions.DEFAULT_MULTIPART_THRESHOLD;
        private boolean force;
        private Path digestCache;
        private boolean register = true;
        private boolean async = true;
        private Duration pollInterval = Duration.ofSeconds(5);
        private Duration timeout = Duration.ofMinutes(10);
        private boolean dryRun;
        private boolean offline;
        private Path resultFile;

        private Builder(ProjectArtifacts artifacts, String group) {
            this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
            this.upload = UploadSettings.builder(group);
        }

        /**
         * The package kind as written: {@code jar} (the default), {@code pyFile}, {@code file}, {@code modelFile}.
         *
         * @param kind the {@link Setting#KIND} value
         * @return this builder
         */
        public Builder kind(String kind) {
            upload.kind(kind);
            return this;
        }

        /**
         * The group's tags, in order.
         *
         * @param tags the {@link Setting#TAGS} value; {@code null} for none
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) {
            upload.tags(tags);
            return this;
        }

        /**
         * The key prefix in the bucket, e.g. {@code dli}; none by default.
         *
         * @param prefix the {@link Setting#PREFIX} value; {@code null} or blank for none
         * @return this builder
         */
        public Builder prefix(String prefix) {
            upload.prefix(prefix);
            return this;
        }

        /**
         * Whether the compile and runtime dependencies are uploaded too; {@code null}: unless a classifier is set.
         *
         * @param includeDependencies the {@link Setting#INCLUDE_DEPENDENCIES} value
         * @return this builder
         */
        public Builder includeDependencies(Boolean includeDependencies) {
            upload.includeDependencies(includeDependencies);
            return this;
        }

        /**
         * Whether the project's own artifact is uploaded; {@code null}: for kind jar only.
         *
         * @param includeMainArtifact the {@link Setting#INCLUDE_MAIN_ARTIFACT} value
         * @return this builder
         */
        public Builder includeMainArtifact(Boolean includeMainArtifact) {
            upload.includeMainArtifact(includeMainArtifact);
            return this;
        }

        /**
         * Upload only the dependencies matching one of these {@code groupId:artifactId[:type[:classifier]]}.
         *
         * @param includes the {@link Setting#INCLUDES} value; {@code null} or empty for all
         * @return this builder
         */
        public Builder includes(List<String> includes) {
            upload.includes(includes);
            return this;
        }

        /**
         * Leave out the dependencies matching one of these patterns.
         *
         * @param excludes the {@link Setting#EXCLUDES} value; {@code null} for none
         * @return this builder
         */
        public Builder excludes(List<String> excludes) {
            upload.excludes(excludes);
            return this;
        }

        /**
         * Upload the attached artifact with this classifier instead of the main artifact.
         *
         * @param classifier the {@link Setting#CLASSIFIER} value; {@code null} or blank for none
         * @return this builder
         */
        public Builder classifier(String classifier) {
            upload.classifier(classifier);
            return this;
        }

        /**
         * Extra files to upload besides the artifacts, in order.
         *
         * @param files the {@link Setting#FILES} value; {@code null} for none
         * @return this builder
         */
        public Builder files(List<Path> files) {
            upload.files(files);
            return this;
        }

        /**
         * The OBS bucket the files go to; required.
         *
         * @param bucket the {@link Setting#BUCKET} value
         * @return this builder
         */
        public Builder bucket(String bucket) {
            this.bucket = bucket;
            return this;
        }

        /**
         * Address objects as {@code endpoint/bucket/key} (for S3 stand-ins) instead of {@code bucket.endpoint/key}.
         *
         * @param pathStyle the {@link Setting#PATH_STYLE} value
         * @return this builder
         */
        public Builder pathStyle(boolean pathStyle) {
            this.pathStyle = pathStyle;
            return this;
        }

        /**
         * OBS credentials that differ from the settings', obtained when the upload starts.
         *
         * @param obsCredentials called once per publish, before anything is uploaded; {@code null} for the settings'
         *     credentials
         * @return this builder
         */
        public Builder obsCredentials(Supplier<Credentials> obsCredentials) {
            this.obsCredentials = obsCredentials;
            return this;
        }

        /**
         * How many files (or parts of large files) are uploaded at once, 1 to {@value #MAX_UPLOAD_THREADS}.
         *
         * @param uploadThreads the {@link Setting#UPLOAD_THREADS} value
         * @return this builder
         */
        public Builder uploadThreads(int uploadThreads) {
            this.uploadThreads = uploadThreads;
            return this;
        }

        /**
         * Files larger than this many bytes are uploaded in parts.
         *
         * @param multipartThreshold bytes, 1 to 5 GiB
         * @return this builder
         */
        public Builder multipartThreshold(long multipartThreshold) {
            this.multipartThreshold = multipartThreshold;
            return this;
        }

        /**
         * Upload every file, even those OBS already holds with the same content.
         *
         * @param force the {@link Setting#FORCE} value
         * @return this builder
         */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        /**
         * Where to keep the digests of hashed files between runs; {@code null} (the default) for nowhere.
         *
         * @param digestCache the cache file; it and its folder are created when written
         * @return this builder
         */
        public Builder digestCache(Path digestCache) {
            this.digestCache = digestCache;
            return this;
        }

        /**
         * Register the files as a package group (the default), or only upload them.
         *
         * @param register the {@link Setting#REGISTER} value
         * @return this builder
         */
        public Builder register(boolean register) {
            this.register = register;
            return this;
        }

        /**
         * Let DLI load the packages asynchronously (the default) and poll until the group is READY.
         *
         * @param async the {@link Setting#ASYNC} value
         * @return this builder
         */
        public Builder async(boolean async) {
            this.async = async;
            return this;
        }

        /**
         * The pause between two polls of the group's status; positive.
         *
         * @param pollInterval the {@link Setting#POLL_INTERVAL} value
         * @return this builder
         */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        /**
         * How long to wait for the group to be READY; positive.
         *
         * @param timeout the {@link Setting#TIMEOUT} value
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * Only plan: tell the listener and write the result file, writing to no service. With credentials (and not
         * {@link #offline}), the bucket is listed to tell which files would be uploaded and which are unchanged.
         *
         * @param dryRun the {@link Setting#DRY_RUN} value
         * @return this builder
         */
        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        /**
         * No service may be called (Maven's {@code -o}): a dry run does not compare with OBS.
         *
         * @param offline {@code true} when the front end runs offline
         * @return this builder
         */
        public Builder offline(boolean offline) {
            this.offline = offline;
            return this;
        }

        /**
         * Where the result is written as JSON, e.g. {@code target/dli-package-group.json}; required.
         *
         * @param resultFile the {@link Setting#RESULT_FILE} value
         * @return this builder
         */
        public Builder resultFile(Path resultFile) {
            this.resultFile = resultFile;
            return this;
        }

        /**
         * The request with the values given.
         *
         * @return the request; the rest is checked by {@link Dli#publish}
         * @throws SettingException naming the setting when the upload threads, poll interval or time-out are out
         *     of range
         */
        public PublishRequest build() {
            if (uploadThreads < 1 || uploadThreads > MAX_UPLOAD_THREADS) {
                throw new SettingException(Setting.UPLOAD_THREADS, Setting.UPLOAD_THREADS.named() + " is "
                        + uploadThreads + "; it takes 1 to " + MAX_UPLOAD_THREADS + ".");
            }
            if (!isPositive(pollInterval) || !isPositive(timeout)) {
                throw new SettingException(isPositive(pollInterval) ? Setting.TIMEOUT : Setting.POLL_INTERVAL,
                        Setting.POLL_INTERVAL.named() + " and " + Setting.TIMEOUT.named()
                                + " are seconds and must be positive.");
            }
            Objects.requireNonNull(resultFile, "resultFile");
            return new PublishRequest(this);
        }

        private static boolean isPositive(Duration duration) {
            return duration != null && !duration.isNegative() && !duration.isZero();
        }
    }
}
