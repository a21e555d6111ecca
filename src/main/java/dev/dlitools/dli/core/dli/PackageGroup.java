package dev.dlitools.dli.core.dli;

import java.util.List;

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
        resources = resources == null ? List.of() : List.copyOf(resources);
        details = details == null ? List.of() : List.copyOf(details);
    }

    public PackageStatus groupStatus() {
        return PackageStatus.of(status);
    }

    /** The number of packages, from {@code resources[]} or, when the service leaves that out, {@code details[]}. */
    public int packageCount() {
        return Math.max(resources.size(), details.size());
    }
}
