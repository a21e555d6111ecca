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
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A checked request to run a Spark job on published files. {@link Builder#build()} checks every setting, so nothing
 * is sent for a request that cannot work.
 */
public final class SubmitRequest {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);
    private static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
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
    private final int logLines;
    private final Path resultFile;

    private SubmitRequest(Builder builder, SparkJobBody body) {
        this.body = body;
        this.waitForEnd = builder.waitForEnd;
        this.timeout = builder.timeout;
        this.pollInterval = builder.pollInterval;
        this.cancelOnTimeout = builder.cancelOnTimeout;
        this.logLines = builder.logLines;
        this.resultFile = builder.resultFile;
    }

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
        private int logLines = DEFAULT_LOG_LINES;
        private Path resultFile;

        private Builder() {}

        public Builder files(JobFiles files) {
            this.files = files;
            return this;
        }

        public Builder className(String className) {
            this.className = className;
            return this;
        }

        public Builder queue(String queue) {
            this.queue = queue;
            return this;
        }

        /** The older name of the queue; never together with {@link #queue}. */
        public Builder clusterName(String clusterName) {
            this.clusterName = clusterName;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The main class's arguments; each must be a string. */
        public Builder args(List<?> args) {
            this.args = args == null ? List.of() : args;
            return this;
        }

        /** Spark configuration, e.g. {@code spark.sql.shuffle.partitions=8}. */
        public Builder conf(Map<String, String> conf) {
            this.conf = conf == null ? Map.of() : conf;
            return this;
        }

        /** The resource specification: {@code A}, {@code B} or {@code C}. */
        public Builder scType(String scType) {
            this.scType = scType;
            return this;
        }

        public Builder sparkVersion(String sparkVersion) {
            this.sparkVersion = sparkVersion;
            return this;
        }

        /** Like {@code 512M} or {@code 4G}. */
        public Builder driverMemory(String driverMemory) {
            this.driverMemory = driverMemory;
            return this;
        }

        public Builder driverCores(Integer driverCores) {
            this.driverCores = driverCores;
            return this;
        }

        /** Like {@code 512M} or {@code 4G}. */
        public Builder executorMemory(String executorMemory) {
            this.executorMemory = executorMemory;
            return this;
        }

        public Builder executorCores(Integer executorCores) {
            this.executorCores = executorCores;
            return this;
        }

        public Builder numExecutors(Integer numExecutors) {
            this.numExecutors = numExecutors;
            return this;
        }

        /** The job's image feature: {@code basic}, {@code ai} or {@code custom}. */
        public Builder feature(String feature) {
            this.feature = feature;
            return this;
        }

        public Builder maxRetryTimes(Integer maxRetryTimes) {
            this.maxRetryTimes = maxRetryTimes;
            return this;
        }

        /** {@code false}: submit, report the id, and return without waiting for the end. */
        public Builder waitForEnd(boolean waitForEnd) {
            this.waitForEnd = waitForEnd;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        public Builder cancelOnTimeout(boolean cancelOnTimeout) {
            this.cancelOnTimeout = cancelOnTimeout;
            return this;
        }

        public Builder logLines(int logLines) {
            this.logLines = logLines;
            return this;
        }

        public Builder resultFile(Path resultFile) {
            this.resultFile = resultFile;
            return this;
        }

        /**
         * @throws SettingException for the first setting that cannot work
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
