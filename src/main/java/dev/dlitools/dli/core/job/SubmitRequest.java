package dev.dlitools.dli.core.job;

import static dev.dlitools.dli.core.common.SettingException.invalid;

import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import dev.dlitools.dli.core.dli.SparkJobBody;
import dev.dlitools.dli.core.publish.JobPaths;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A checked request to run a Spark job on published files. {@link Builder#build()} checks every setting, so nothing
 * is sent for a request that cannot work.
 */
public final class SubmitRequest {

    /** How long a run waits for the job to end when no {@link Setting#JOB_TIMEOUT} is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);
    private static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
    /** How many driver log lines a failed job's error shows when no {@link Setting#JOB_LOG_LINES} is given. */
    public static final int DEFAULT_LOG_LINES = 50;

    /** DLI's own limits on a job's name and retries. */
    private static final int MAX_NAME_LENGTH = 128;
    private static final int MAX_RETRY_TIMES = 100;
    private static final Pattern MEMORY = Pattern.compile("[1-9][0-9]*[MmGg]");
    private static final Set<String> SC_TYPES = Set.of("A", "B", "C");
    private static final Set<String> FEATURES = Set.of("basic", "ai", "custom");

    private final SparkJobBody body;
    private final boolean waitForEnd;
    private final Duration timeout;
    private final Duration pollInterval;
    private final boolean cancelOnTimeout;
    private final boolean cancelOnInterrupt;
    private final int logLines;
    private final Path resultFile;
    private final String unusedGroup;

    private SubmitRequest(Builder builder, SparkJobBody body) {
        this.body = body;
        this.waitForEnd = builder.waitForEnd;
        this.timeout = builder.timeout;
        this.pollInterval = builder.pollInterval;
        this.cancelOnTimeout = builder.cancelOnTimeout;
        this.cancelOnInterrupt = builder.cancelOnInterrupt;
        this.logLines = builder.logLines;
        this.resultFile = builder.resultFile;
        this.unusedGroup = SparkVersions.takesOnlyObsPaths(body.sparkVersion())
                ? builder.files.registeredGroup() : null;
    }

    /**
     * {@return the advice to stop registering a package group that this job does not use: its Spark version takes
     * packages only as the OBS paths it is given; empty for a group it may use, or none}
     */
    public Optional<String> unusedGroupAdvice() {
        return Optional.ofNullable(unusedGroup).map(group -> "Spark " + body.sparkVersion() + " takes packages"
                + " only as OBS paths, as this job is given them: the package group '" + group + "' registered for"
                + " it is not used, and Huawei deprecates groups for Spark " + SparkVersions.OBS_PATHS_ONLY
                + " and later. Set " + Setting.REGISTER.withValue("false") + " to only upload, and skip the"
                + " registration and its wait.");
    }

    /**
     * A request to build, with the defaults: wait for the job's end at most {@link #DEFAULT_TIMEOUT}, polling every
     * 5 s, cancel it at the time-out or when the JVM shuts down while waiting, and show
     * {@value #DEFAULT_LOG_LINES} driver log lines of a failed job.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The body sent to DLI. */
    SparkJobBody body() {
        return body;
    }

    boolean waitForEnd() {
        return waitForEnd;
    }

    Duration timeout() {
        return timeout;
    }

    Duration pollInterval() {
        return pollInterval;
    }

    boolean cancelOnTimeout() {
        return cancelOnTimeout;
    }

    boolean cancelOnInterrupt() {
        return cancelOnInterrupt;
    }

    /** How many of the driver log's last lines a failed job's error shows; 0 for none. */
    int logLines() {
        return logLines;
    }

    /** Where the outcome is written as JSON; {@code null} for nowhere. */
    Path resultFile() {
        return resultFile;
    }

    /** Collects the settings; {@link #build()} checks them. */
    public static final class Builder {
        private JobFiles files;
        private String className;
        private String queue;
        private String clusterName;
        private String name;
        private List<?> args = List.of();
        private Map<String, String> conf = Map.of();
        private String scType;
        private String sparkVersion;
        private String driverMemory;
        private Integer driverCores;
        private String executorMemory;
        private Integer executorCores;
        private Integer numExecutors;
        private String feature;
        private Integer maxRetryTimes;
        private boolean waitForEnd = true;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private boolean cancelOnTimeout = true;
        private boolean cancelOnInterrupt = true;
        private int logLines = DEFAULT_LOG_LINES;
        private Path resultFile;

        private Builder() {}

        /**
         * The published files the job runs; required.
         *
         * @param files what the {@link Setting#RESULT_FILE} holds, as {@link JobFiles#of} reads it
         * @return this builder
         */
        public Builder files(JobFiles files) {
            this.files = files;
            return this;
        }

        /**
         * The job's main class; required when the main file is a jar.
         *
         * @param className the {@link Setting#JOB_CLASS_NAME} value; {@code null} or blank for none
         * @return this builder
         */
        public Builder className(String className) {
            this.className = className;
            return this;
        }

        /**
         * The DLI queue the job runs on; this or {@link #clusterName} is required.
         *
         * @param queue the {@link Setting#JOB_QUEUE} value; {@code null} or blank for none
         * @return this builder
         */
        public Builder queue(String queue) {
            this.queue = queue;
            return this;
        }

        /**
         * The older name of the queue; never together with {@link #queue}.
         *
         * @param clusterName the {@link Setting#JOB_CLUSTER_NAME} value; {@code null} or blank for none
         * @return this builder
         */
        public Builder clusterName(String clusterName) {
            this.clusterName = clusterName;
            return this;
        }

        /**
         * The job's name, 1 to 128 characters; required.
         *
         * @param name the {@link Setting#JOB_NAME} value
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * The arguments of the job's main class (or script), in order; each must be a string.
         *
         * @param args the {@link Setting#JOB_ARGS} value; {@code null} for none
         * @return this builder
         */
        public Builder args(List<?> args) {
            this.args = args == null ? List.of() : args;
            return this;
        }

        /**
         * Spark configuration, e.g. {@code spark.sql.shuffle.partitions=8}; each entry needs a name and a value.
         *
         * @param conf the {@link Setting#JOB_CONF} value; {@code null} for none
         * @return this builder
         */
        public Builder conf(Map<String, String> conf) {
            this.conf = conf == null ? Map.of() : conf;
            return this;
        }

        /**
         * The resource specification: {@code A}, {@code B} or {@code C}.
         *
         * @param scType the {@link Setting#JOB_SC_TYPE} value; {@code null} or blank for DLI's default
         * @return this builder
         */
        public Builder scType(String scType) {
            this.scType = scType;
            return this;
        }

        /**
         * The Spark version the job runs on, e.g. {@code 3.3.1}.
         *
         * @param sparkVersion the {@link Setting#JOB_SPARK_VERSION} value; {@code null} or blank for DLI's default
         * @return this builder
         */
        public Builder sparkVersion(String sparkVersion) {
            this.sparkVersion = sparkVersion;
            return this;
        }

        /**
         * The driver's memory, like {@code 512M} or {@code 4G}.
         *
         * @param driverMemory the {@link Setting#JOB_DRIVER_MEMORY} value; {@code null} or blank for DLI's default
         * @return this builder
         */
        public Builder driverMemory(String driverMemory) {
            this.driverMemory = driverMemory;
            return this;
        }

        /**
         * The driver's cores; at least 1.
         *
         * @param driverCores the {@link Setting#JOB_DRIVER_CORES} value; {@code null} for DLI's default
         * @return this builder
         */
        public Builder driverCores(Integer driverCores) {
            this.driverCores = driverCores;
            return this;
        }

        /**
         * Each executor's memory, like {@code 512M} or {@code 4G}.
         *
         * @param executorMemory the {@link Setting#JOB_EXECUTOR_MEMORY} value; {@code null} or blank for DLI's default
         * @return this builder
         */
        public Builder executorMemory(String executorMemory) {
            this.executorMemory = executorMemory;
            return this;
        }

        /**
         * Each executor's cores; at least 1.
         *
         * @param executorCores the {@link Setting#JOB_EXECUTOR_CORES} value; {@code null} for DLI's default
         * @return this builder
         */
        public Builder executorCores(Integer executorCores) {
            this.executorCores = executorCores;
            return this;
        }

        /**
         * How many executors the job has; at least 1.
         *
         * @param numExecutors the {@link Setting#JOB_NUM_EXECUTORS} value; {@code null} for DLI's default
         * @return this builder
         */
        public Builder numExecutors(Integer numExecutors) {
            this.numExecutors = numExecutors;
            return this;
        }

        /**
         * The job's image feature: {@code basic}, {@code ai} or {@code custom}.
         *
         * @param feature the {@link Setting#JOB_FEATURE} value; {@code null} or blank for DLI's default
         * @return this builder
         */
        public Builder feature(String feature) {
            this.feature = feature;
            return this;
        }

        /**
         * How often DLI restarts the job when it fails, 0 to 100.
         *
         * @param maxRetryTimes the {@link Setting#JOB_MAX_RETRY_TIMES} value; {@code null} for DLI's default
         * @return this builder
         */
        public Builder maxRetryTimes(Integer maxRetryTimes) {
            this.maxRetryTimes = maxRetryTimes;
            return this;
        }

        /**
         * Wait for the job to end (the default), or only submit it and return with its id.
         *
         * @param waitForEnd the {@link Setting#JOB_WAIT} value
         * @return this builder
         */
        public Builder waitForEnd(boolean waitForEnd) {
            this.waitForEnd = waitForEnd;
            return this;
        }

        /**
         * How long to wait for the job to end, counted from DLI's answer to the submission; positive.
         *
         * @param timeout the {@link Setting#JOB_TIMEOUT} value
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * The pause between two polls of the job's state; positive, 5 s by default.
         *
         * @param pollInterval the {@link Setting#POLL_INTERVAL} value
         * @return this builder
         */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        /**
         * Cancel a job that did not end in time (the default), or leave it running.
         *
         * @param cancelOnTimeout the {@link Setting#JOB_CANCEL_ON_TIMEOUT} value
         * @return this builder
         */
        public Builder cancelOnTimeout(boolean cancelOnTimeout) {
            this.cancelOnTimeout = cancelOnTimeout;
            return this;
        }

        /**
         * Cancel the job when the JVM shuts down while waiting for it (the default): the build was stopped, with
         * Ctrl-C or by a CI runner cancelling it. {@code false} leaves the job running, saying so with its id.
         *
         * @param cancelOnInterrupt the {@link Setting#JOB_CANCEL_ON_INTERRUPT} value
         * @return this builder
         */
        public Builder cancelOnInterrupt(boolean cancelOnInterrupt) {
            this.cancelOnInterrupt = cancelOnInterrupt;
            return this;
        }

        /**
         * How many of the driver log's last lines a failed job's error shows; 0 for none.
         *
         * @param logLines the {@link Setting#JOB_LOG_LINES} value, at least 0
         * @return this builder
         */
        public Builder logLines(int logLines) {
            this.logLines = logLines;
            return this;
        }

        /**
         * Where the outcome is written as JSON, e.g. {@code target/dli-spark-job.json}.
         *
         * @param resultFile the {@link Setting#JOB_RESULT_FILE} value; {@code null} for nowhere
         * @return this builder
         */
        public Builder resultFile(Path resultFile) {
            this.resultFile = resultFile;
            return this;
        }

        /**
         * The request with the values given, each checked, so nothing is sent for a request that cannot work.
         *
         * @return the request
         * @throws SettingException naming the first setting that cannot work
         */
        public SubmitRequest build() {
            if (files == null) {
                throw invalid(Setting.RESULT_FILE, "nothing was published to run.");
            }
            String target = target();
            boolean byQueue = blankToNull(queue) != null;
            String mainClass = blankToNull(className);
            if (mainClass == null && files.mainIsJar()) {
                throw invalid(Setting.JOB_CLASS_NAME, "no main class for " + files.main().fileName() + ". Set it, "
                        + "or build the jar with a Main-Class entry in its manifest.");
            }
            String jobName = blankToNull(name);
            if (jobName == null || jobName.length() > MAX_NAME_LENGTH) {
                throw invalid(Setting.JOB_NAME, "'" + name + "' must be 1 to " + MAX_NAME_LENGTH + " characters.");
            }
            JobPaths paths = files.paths();
            SparkJobBody body = new SparkJobBody(files.mainPath(), mainClass, strings(args),
                    emptyToNull(paths.jars()), emptyToNull(paths.pyFiles()), emptyToNull(paths.files()), conf(), jobName,
                    byQueue ? target : null, byQueue ? null : target,
                    oneOf(Setting.JOB_SC_TYPE, scType, SC_TYPES), blankToNull(sparkVersion),
                    memory(Setting.JOB_DRIVER_MEMORY, driverMemory), positive(Setting.JOB_DRIVER_CORES, driverCores),
                    memory(Setting.JOB_EXECUTOR_MEMORY, executorMemory),
                    positive(Setting.JOB_EXECUTOR_CORES, executorCores),
                    positive(Setting.JOB_NUM_EXECUTORS, numExecutors), oneOf(Setting.JOB_FEATURE, feature, FEATURES),
                    retryTimes());
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw invalid(Setting.JOB_TIMEOUT, "it is seconds and must be positive.");
            }
            if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
                throw invalid(Setting.POLL_INTERVAL, "it is seconds and must be positive.");
            }
            if (logLines < 0) {
                throw invalid(Setting.JOB_LOG_LINES, logLines + " is negative; 0 shows no log lines.");
            }
            return new SubmitRequest(this, body);
        }

        /** The queue, or the older cluster name; exactly one of them must be given. */
        private String target() {
            String queueName = blankToNull(queue);
            String cluster = blankToNull(clusterName);
            if (queueName != null && cluster != null) {
                throw invalid(Setting.JOB_CLUSTER_NAME, "it is the older name of the queue, and DLI takes only one "
                        + "of them. Remove it and keep " + Setting.JOB_QUEUE.named() + ".");
            }
            if (queueName == null && cluster == null) {
                throw invalid(Setting.JOB_QUEUE, "no queue given. Set it to the DLI queue the job runs on.");
            }
            return queueName != null ? queueName : cluster;
        }

        private List<String> strings(List<?> values) {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                if (!(values.get(i) instanceof String text)) {
                    Object value = values.get(i);
                    throw invalid(Setting.JOB_ARGS, "argument " + (i + 1) + " is " + value + " ("
                            + (value == null ? "null" : value.getClass().getSimpleName()) + "); every argument must "
                            + "be a string.");
                }
                texts.add(text);
            }
            return texts.isEmpty() ? null : List.copyOf(texts);
        }

        private Map<String, String> conf() {
            Map<String, String> checked = new LinkedHashMap<>();
            conf.forEach((key, value) -> {
                if (key == null || key.isBlank() || value == null) {
                    throw invalid(Setting.JOB_CONF, "entry " + key + "=" + value + " needs a name and a value.");
                }
                checked.put(key, value);
            });
            return checked.isEmpty() ? null : checked;
        }

        private String memory(Setting setting, String value) {
            String memory = blankToNull(value);
            if (memory != null && !MEMORY.matcher(memory).matches()) {
                throw invalid(setting, "'" + value + "' is not a size like 512M or 4G.");
            }
            return memory == null ? null : memory.toUpperCase(Locale.ROOT);
        }

        private Integer positive(Setting setting, Integer value) {
            if (value != null && value < 1) {
                throw invalid(setting, value + " must be at least 1.");
            }
            return value;
        }

        private String oneOf(Setting setting, String value, Set<String> allowed) {
            String given = blankToNull(value);
            if (given != null && !allowed.contains(given)) {
                throw invalid(setting, "'" + value + "' is not one of " + String.join(", ", allowed.stream()
                        .sorted().toList()) + ".");
            }
            return given;
        }

        private Integer retryTimes() {
            if (maxRetryTimes != null && (maxRetryTimes < 0 || maxRetryTimes > MAX_RETRY_TIMES)) {
                throw invalid(Setting.JOB_MAX_RETRY_TIMES, maxRetryTimes + " is not 0 to " + MAX_RETRY_TIMES + ".");
            }
            return maxRetryTimes;
        }

        /** DLI's body leaves out an array with nothing in it. */
        private static List<String> emptyToNull(List<String> paths) {
            return paths == null || paths.isEmpty() ? null : paths;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }
}
