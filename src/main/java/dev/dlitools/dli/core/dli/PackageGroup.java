package dev.dlitools.dli.core.dli;

import java.util.List;
import java.util.Objects;

/**
 * A user's package group, as the upload call and the list call answer it. Any value but the lists may be
 * {@code null} when the service leaves it out.
 *
 * @param groupName the group's name
 * @param status the group's status as the service wrote it; see {@link #groupStatus()}
 * @param resources the names of its packages
 * @param details its packages, with their statuses; may name fewer than {@code resources}
 * @param createTime epoch milliseconds
 * @param updateTime epoch milliseconds
 * @param isAsync whether DLI loads the packages asynchronously
 * @param owner the user who registered the group
 */
public record PackageGroup(
        String groupName,
        String status,
        List<String> resources,
        List<ResourcePackage> details,
        Long createTime,
        Long updateTime,
        Boolean isAsync,
        String owner) {

    /**
     * Leaves out {@code null} elements of the lists; a {@code null} list becomes empty.
     *
     * @param groupName as answered
     * @param status as answered
     * @param resources as answered
     * @param details as answered
     * @param createTime as answered
     * @param updateTime as answered
     * @param isAsync as answered
     * @param owner as answered
     */
    public PackageGroup {
        resources = withoutNulls(resources);
        details = withoutNulls(details);
    }

    /** {@return the group's status, {@link PackageStatus#UNKNOWN} for one this plugin does not know} */
    public PackageStatus groupStatus() {
        return PackageStatus.of(status);
    }

    /**
     * {@return the number of packages, from {@code resources[]} or, when the service leaves that out,
     * {@code details[]}}
     */
    public int packageCount() {
        return Math.max(resources.size(), details.size());
    }

    /** A null element of the service's lists names nothing: it is left out, as the list call's reader does. */
    private static <T> List<T> withoutNulls(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
