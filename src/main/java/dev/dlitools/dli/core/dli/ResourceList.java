package dev.dlitools.dli.core.dli;

import java.util.List;

/** The answer of the list call: single packages, built-in modules and the user's groups. */
public record ResourceList(
        List<ResourcePackage> resources, List<BuiltInModule> modules, List<PackageGroup> groups, Integer total) {

    public ResourceList {
        resources = resources == null ? List.of() : List.copyOf(resources);
        modules = modules == null ? List.of() : List.copyOf(modules);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
