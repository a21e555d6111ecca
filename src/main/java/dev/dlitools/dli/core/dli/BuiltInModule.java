package dev.dlitools.dli.core.dli;

import java.util.List;

/**
 * A built-in package group of the service ({@code modules[]} in the list call). Any value but the list may be
 * {@code null} when the service leaves it out.
 *
 * @param moduleName the module's name
 * @param moduleType its kind, e.g. {@code jar}
 * @param status as the service wrote it
 * @param resources the names of its packages
 * @param description the service's description
 * @param createTime epoch milliseconds
 * @param updateTime epoch milliseconds
 */
public record BuiltInModule(
        String moduleName,
        String moduleType,
        String status,
        List<String> resources,
        String description,
        Long createTime,
        Long updateTime) {

    /**
     * Copies the list; {@code null} becomes empty.
     *
     * @param moduleName as answered
     * @param moduleType as answered
     * @param status as answered
     * @param resources as answered
     * @param description as answered
     * @param createTime as answered
     * @param updateTime as answered
     */
    public BuiltInModule {
        resources = resources == null ? List.of() : List.copyOf(resources);
    }
}
