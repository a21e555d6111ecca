package dev.dlitools.dli.core.publish;

import dev.dlitools.dli.core.dli.GroupListener;
import dev.dlitools.dli.core.obs.UploadListener;

/**
 * Hears what a publish does, for the user to see: each file and the totals ({@link UploadListener}), the group's
 * registration and status ({@link GroupListener}), and how the run ended. A front end turns these into its own
 * output; every method does nothing by default.
 */
public interface PublishListener extends UploadListener, GroupListener {

    /**
     * A dry run planned this result; nothing was uploaded or registered.
     *
     * @param planned the result, as written to the result file
     */
    default void dryRun(PublishResult planned) {}

    /**
     * The files are in OBS and, as asked, no group was registered.
     *
     * @param result the result, as written to the result file
     */
    default void uploadedWithoutRegistering(PublishResult result) {}

    /**
     * The files are in OBS; the group is registered now.
     *
     * @param group the group's name
     * @param packages how many packages it has
     * @param kind as DLI names it, e.g. {@code jar}
     * @param projectId the DLI project
     */
    default void registering(String group, int packages, String kind, String projectId) {}

    /**
     * The group is already READY with these packages and tags, and every file was unchanged: not registered.
     *
     * @param group the group's name
     * @param packages how many packages it has
     */
    default void groupAlreadyReady(String group, int packages) {}

    /**
     * Every package of the group is READY.
     *
     * @param group the group's name
     * @param packages how many packages it has
     */
    default void groupReady(String group, int packages) {}
}
