package dev.dlitools.dli.core.dli;

/**
 * One package: a single resource of a project, or one package of a group ({@code details[]}).
 *
 * @param createTime epoch milliseconds (0 when the service does not know)
 * @param underlyingName the service's copy of the file, often {@code uuid_name}
 */
public record ResourcePackage(
        Long createTime,
        Long updateTime,
        String resourceType,
        String resourceName,
        String status,
        String underlyingName,
        Boolean isAsync,
        String owner) {

    public PackageStatus packageStatus() {
        return PackageStatus.of(status);
    }
}
