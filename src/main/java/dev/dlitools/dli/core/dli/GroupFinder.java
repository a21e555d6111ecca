package dev.dlitools.dli.core.dli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds one package group by its exact name, with every package the service knows in it. */
public final class GroupFinder {

    private final DliClient client;

    /**
     * A finder that asks through {@code client}.
     *
     * @param client the project's client
     */
    public GroupFinder(DliClient client) {
        this.client = client;
    }

    /**
     * The group with every package in {@code details}: the list call's details, and for a package that the list
     * names in {@code resources[]} only, the package query's answer.
     *
     * @param groupName the exact name, no wildcards
     * @return empty when the project has no group of that name
     */
    public Optional<PackageGroup> find(String groupName) {
        return find(groupName, null, null);
    }

    /**
     * The group, when it is of {@code kind} and carries {@code tags}, with every package in {@code details}.
     *
     * @param groupName the exact name, no wildcards
     * @param kind jar, pyFile, file or modelFile; {@code null} for any
     * @param tags the list's tag filter, {@code key=value} items separated by commas; {@code null} or empty for any
     * @return empty when the project has no such group
     */
    public Optional<PackageGroup> find(String groupName, String kind, String tags) {
        Optional<PackageGroup> listed = client.listResources(kind, tags).groups().stream()
                .filter(group -> groupName.equals(group.groupName()))
                .findFirst();
        return listed.map(group -> withAllDetails(group));
    }

    /**
     * The names of a group's packages, from {@code resources[]} and {@code details[]}.
     *
     * @param group as the service answered it
     * @return the names in the service's order, each once
     */
    public static List<String> packageNames(PackageGroup group) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        group.resources().forEach(name -> names.put(name, true));
        group.details().forEach(detail -> {
            if (detail.resourceName() != null) {
                names.put(detail.resourceName(), true);
            }
        });
        return List.copyOf(names.keySet());
    }

    private PackageGroup withAllDetails(PackageGroup group) {
        Map<String, ResourcePackage> details = new LinkedHashMap<>();
        group.details().forEach(detail -> details.put(detail.resourceName(), detail));
        List<ResourcePackage> all = new ArrayList<>();
        for (String name : packageNames(group)) {
            all.add(details.containsKey(name) ? details.get(name) : client.showResource(name, group.groupName()));
        }
        return new PackageGroup(group.groupName(), group.status(), packageNames(group), all, group.createTime(),
                group.updateTime(), group.isAsync(), group.owner());
    }
}
