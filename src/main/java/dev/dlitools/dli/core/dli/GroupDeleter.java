package dev.dlitools.dli.core.dli;

import dev.dlitools.dli.core.common.BuildLog;
import dev.dlitools.dli.core.common.DliException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Deletes a whole package group. DLI has no call for that, so each package of the group is deleted on its own;
 * the group disappears with its last package.
 */
public final class GroupDeleter {

    private static final int NOT_FOUND = 404;

    private final DliClient client;
    private final BuildLog log;

    /**
     * A deleter that deletes through {@code client}.
     *
     * @param client the project's client
     * @param log where each deleted package is reported
     */
    public GroupDeleter(DliClient client, BuildLog log) {
        this.client = client;
        this.log = log;
    }

    /**
     * Deletes every package of the group. A group that does not exist is not an error: there is nothing to delete,
     * which makes a clean-up step safe to run twice.
     *
     * @param groupName the exact name, no wildcards
     * @return the names of the deleted packages; empty when there was no such group
     * @throws DliException when some packages could not be deleted; its message names those that remain
     */
    public List<String> deleteGroup(String groupName) {
        Optional<PackageGroup> group = new GroupFinder(client).find(groupName);
        if (group.isEmpty()) {
            log.warn("There is no package group '" + groupName + "' in project " + client.projectId()
                    + ": nothing to delete.");
            return List.of();
        }
        List<String> names = GroupFinder.packageNames(group.get());
        log.info("Deleting package group '" + groupName + "' in project " + client.projectId() + ": " + names.size()
                + " package(s)");
        List<String> deleted = new ArrayList<>();
        List<String> remaining = new ArrayList<>();
        DliException firstFailure = null;
        for (String name : names) {
            try {
                deletePackage(name, groupName);
                deleted.add(name);
                log.info("  deleted " + name);
            } catch (DliException e) {
                remaining.add(name);
                log.warn("  could not delete " + name + ": " + e.getMessage());
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        if (!remaining.isEmpty()) {
            throw new DliException("Deleted " + deleted.size() + " of " + names.size() + " packages of group '"
                    + groupName + "'; these remain: " + String.join(", ", remaining)
                    + ". Delete the group again to retry them. First error: " + firstFailure.getMessage(),
                    firstFailure);
        }
        log.info("Deleted package group '" + groupName + "' (" + deleted.size() + " package(s))");
        return deleted;
    }

    /** A package already gone (a retried call whose first answer was lost, or a concurrent delete) counts. */
    private void deletePackage(String name, String groupName) {
        try {
            client.deleteResource(name, groupName);
        } catch (DliApiException e) {
            if (e.httpStatus() != NOT_FOUND) {
                throw e;
            }
            log.info("  " + name + " was already gone");
        }
    }
}
