package dev.dlitools.dli.core.dli;

/** Hears how a package group fares while DLI loads its packages. */
public interface GroupListener {

    /**
     * The group's status changed while DLI loads it.
     *
     * @param progress the packages per status, e.g. {@code 2 READY, 1 UPLOADING}, or the group's own status
     */
    default void groupProgress(String group, String progress) {}

    /** A poll of the group's status failed for a transient reason; the group is polled again. */
    default void pollFailed(String group, DliApiException failure) {}
}
