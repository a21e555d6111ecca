package dev.dlitools.dli.core;

import dev.dlitools.dli.core.common.BuildLog;
import dev.dlitools.dli.core.job.JobListener;
import dev.dlitools.dli.core.publish.PublishListener;

/**
 * Everything a {@link Dli} call lets its user see: the typed events of a publish (files, totals, the group's
 * status; see {@link PublishListener}) and of a Spark job run (submitted, its states, its end; see
 * {@link JobListener}), how the project was found, and the diagnostics of {@link BuildLog}
 * (retries, warnings, debug exchanges). A front end implements it to print in its own words; every method does
 * nothing by default. Upload events arrive on several threads at once.
 */
public interface DliListener extends PublishListener, JobListener, BuildLog {

    /** A listener that shows nothing. */
    DliListener SILENT = new DliListener() {};

    /**
     * No project id was given, so IAM was asked for the one named like the region.
     *
     * @param region the region, which is the project's name
     * @param projectId the id IAM answered
     */
    default void projectResolved(String region, String projectId) {}
}
