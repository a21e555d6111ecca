package dev.dlitools.dli.core.dli;

import java.util.List;
import java.util.Objects;

/** A user's package group, as the upload call and the list call answer it. */
public record PackageGroup(
        String groupName,
        String status,
        List<String> resources,
        List<ResourcePackage> details,
        Long createTime,
        Long updateTime,
        Boolean isAsync,
        String owner) {

    public PackageGroup {
        resources = withoutNulls(resources);
        details = withoutNulls(details);
    }

    public PackageStatus groupStatus() {
        return PackageStatus.of(status);
    }

    /** The number of packages, from {@code resources[]} or, when the service leaves that out, {@code details[]}. */
    public int packageCount() {
        return Math.max(resources.size(), details.size());
    }

    /** A null element of the service's lists names nothing: it is left out, as the list call's reader does. */
    private static <T> List<T> withoutNulls(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
