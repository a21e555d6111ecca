package dev.dlitools.dli.core.dli;

import java.util.List;

/**
 * The answer of the list call: single packages, built-in modules and the user's groups.
 *
 * @param resources the single packages
 * @param modules the service's built-in modules
 * @param groups the user's package groups
 * @param total how many resources the service counted, or {@code null}
 */
public record ResourceList(
        List<ResourcePackage> resources, List<BuiltInModule> modules, List<PackageGroup> groups, Integer total) {

    /**
     * Copies the lists; a {@code null} list becomes empty.
     *
     * @param resources as answered
     * @param modules as answered
     * @param groups as answered
     * @param total as answered
     */
    public ResourceList {
        resources = resources == null ? List.of() : List.copyOf(resources);
        modules = modules == null ? List.of() : List.copyOf(modules);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
