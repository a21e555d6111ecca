package dev.dlitools.dli.core.dli;

import java.time.Duration;

/** Hears how a package group fares while DLI loads its packages. */
public interface GroupListener {

    /**
     * The group's status changed while DLI loads it.
     *
     * @param group the group's name
     * @param progress the packages per status, e.g. {@code 2 READY, 1 UPLOADING}, or the group's own status
     */
    default void groupProgress(String group, String progress) {}

    /**
     * The group is not loaded yet and is polled again: called every round, for a front end that shows the wait.
     *
     * @param group the group's name
     * @param progress as for {@link #groupProgress}, or {@code no answer} when no poll answered yet
     * @param elapsed since the wait began
     * @param limit when the wait gives up
     */
    default void groupWaiting(String group, String progress, Duration elapsed, Duration limit) {}

    /**
     * A poll of the group's status failed for a transient reason; the group is polled again.
     *
     * @param group the group's name
     * @param failure what the poll got, {@link DliApiException#isTransient() transient}
     */
    default void pollFailed(String group, DliApiException failure) {}
}
