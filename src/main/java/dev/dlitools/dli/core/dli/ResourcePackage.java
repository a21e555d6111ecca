package dev.dlitools.dli.core.dli;

/**
 * One package: a single resource of a project, or one package of a group ({@code details[]}).
 *
 * @param createTime epoch milliseconds (0 when the service does not know)
 * @param updateTime epoch milliseconds (0 when the service does not know)
 * @param resourceType the package's kind, e.g. {@code jar}
 * @param resourceName the package's name, its file name
 * @param status as the service wrote it; see {@link #packageStatus()}
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

    /** {@return the package's status, {@link PackageStatus#UNKNOWN} for one this plugin does not know} */
    public PackageStatus packageStatus() {
        return PackageStatus.of(status);
    }
}
