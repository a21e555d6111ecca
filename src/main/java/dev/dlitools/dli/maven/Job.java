package dev.dlitools.dli.maven;

import java.util.List;
import java.util.Map;

/**
 * The {@code <job>} element of {@code dli:submit}: the Spark job's settings, named as DLI's API names them. Every
 * field is optional here; {@code dli.job.*} properties fill in the ones left out (see {@link SubmitMojo}).
 */
public class Job {

    /** The DLI queue the job runs on (required, here or as {@code -Ddli.job.queue}). */
    String queue;

    /** The older name of the queue; never together with {@code queue}. */
    String clusterName;

    /** The main class; by default the jar manifest's {@code Main-Class}. */
    String className;

    /** The job's name; by default the group name and the project's version, e.g. {@code orders-job-1.0.0}. */
    String name;

    /** The main class's arguments: {@code <args><arg>--date</arg><arg>2026-01-01</arg></args>}. */
    List<String> args;

    /** Spark configuration: {@code <conf><spark.sql.shuffle.partitions>8</spark.sql.shuffle.partitions></conf>}. */
    Map<String, String> conf;

    /** The resource specification: {@code A}, {@code B} or {@code C}. */
    String scType;

    /** The Spark version, e.g. {@code 3.3.1}. */
    String sparkVersion;

    /** Like {@code 512M} or {@code 4G}. */
    String driverMemory;

    Integer driverCores;

    /** Like {@code 512M} or {@code 4G}. */
    String executorMemory;

    Integer executorCores;

    Integer numExecutors;

    /** {@code basic}, {@code ai} or {@code custom}. */
    String feature;

    /** How often DLI restarts a failed job, 0 to 100. */
    Integer maxRetryTimes;

    /** Seconds to wait for the job's end; default 3600. */
    Integer timeout;

    /** Wait for the job's end; {@code false}: submit, print the id, succeed. Default {@code true}. */
    Boolean wait;

    /** Cancel the job when it does not end in time. Default {@code true}. */
    Boolean cancelOnTimeout;

    /**
     * Cancel the job when the build is stopped (Ctrl-C, a CI runner's SIGTERM) while it waits. Default {@code true}.
     */
    Boolean cancelOnInterrupt;

    /** How many of the driver log's last lines a failed job's error shows. Default 50. */
    Integer logLines;
}
