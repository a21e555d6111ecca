package dev.dlitools.dli.core.dli;

import java.util.List;

/** A built-in package group of the service ({@code modules[]} in the list call). */
public record BuiltInModule(
        String moduleName,
        String moduleType,
        String status,
        List<String> resources,
        String description,
        Long createTime,
        Long updateTime) {

    public BuiltInModule {
        resources = resources == null ? List.of() : List.copyOf(resources);
    }
}
