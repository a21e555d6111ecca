package dev.dlitools.dli.core.job;

/**
 * The settings of a Spark job run, as the core names them in its errors. A build tool's adapter says how its users
 * write each one (e.g. a Maven parameter and its {@code -D} property) through {@link Names}.
 */
public enum JobSetting {
    QUEUE("job.queue"),
    CLUSTER_NAME("job.clusterName"),
    CLASS_NAME("job.className"),
    NAME("job.name"),
    ARGS("job.args"),
    CONF("job.conf"),
    SC_TYPE("job.scType"),
    SPARK_VERSION("job.sparkVersion"),
    DRIVER_MEMORY("job.driverMemory"),
    DRIVER_CORES("job.driverCores"),
    EXECUTOR_MEMORY("job.executorMemory"),
    EXECUTOR_CORES("job.executorCores"),
    NUM_EXECUTORS("job.numExecutors"),
    FEATURE("job.feature"),
    MAX_RETRY_TIMES("job.maxRetryTimes"),
    TIMEOUT("job.timeout"),
    POLL_INTERVAL("pollInterval"),
    WAIT("job.wait"),
    CANCEL_ON_TIMEOUT("job.cancelOnTimeout"),
    LOG_LINES("job.logLines"),
    /** What was published: the files the job runs. */
    PUBLISHED_FILES("resultFile");

    private final String key;

    JobSetting(String key) {
        this.key = key;
    }

    /** The neutral name, e.g. {@code job.queue}. */
    public String key() {
        return key;
    }

    /** How messages name a setting for the user; the default is the neutral {@link #key()}. */
    @FunctionalInterface
    public interface Names {
        String of(JobSetting setting);

        Names KEYS = JobSetting::key;
    }
}
