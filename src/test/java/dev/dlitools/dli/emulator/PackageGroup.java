package dev.dlitools.dli.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One uploaded package group and the state of its packages; all access is synchronized on the group. */
final class PackageGroup {

    enum Status { UPLOADING, READY, FAILED }

    /** How responses render what the seeds show in more than one way. */
    record ResponseStyle(boolean lowerCaseStatuses, boolean zeroDetailTimes) {

        String status(Status status) {
            return lowerCaseStatuses ? status.name().toLowerCase(Locale.ROOT) : status.name();
        }

        long detailTime(long epochMillis) {
            return zeroDetailTimes ? 0 : epochMillis;
        }
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String name;
    private final String kind;
    private final boolean async;
    private final Map<String, String> tags;
    private final String owner;
    private final long createTime;
    private final Instant readyAt;
    private final List<Package> packages = new ArrayList<>();
    private long updateTime;

    /**
     * @param packageNames resource names, distinct, in the order of {@code obsPaths}
     * @param createTime the group's creation time; an overwritten group keeps the one of the group it replaces
     */
    PackageGroup(String name, String kind, boolean async, Map<String, String> tags, String owner,
            List<URI> obsPaths, List<String> packageNames, String uploadId, long createTime, Instant now,
            Instant readyAt) {
        this.name = name;
        this.kind = kind;
        this.async = async;
        this.tags = new LinkedHashMap<>(tags);
        this.owner = owner;
        this.createTime = createTime;
        this.updateTime = now.toEpochMilli();
        this.readyAt = readyAt;
        for (int i = 0; i < obsPaths.size(); i++) {
            String packageName = packageNames.get(i);
            packages.add(new Package(packageName, obsPaths.get(i), uploadId + "_" + packageName, now.toEpochMilli()));
        }
    }

    String name() {
        return name;
    }

    long createTime() {
        return createTime;
    }

    Instant readyAt() {
        return readyAt;
    }

    /** DLI copies the packages from OBS once the upload is due; what it cannot find fails. */
    synchronized void evaluateIfDue(Instant now, ObjectStore objectStore) {
        if (now.isBefore(readyAt)) {
            return;
        }
        for (Package pkg : packages) {
            if (pkg.status == Status.UPLOADING) {
                pkg.status = exists(objectStore, pkg.obsPath) ? Status.READY : Status.FAILED;
                pkg.updateTime = now.toEpochMilli();
                updateTime = pkg.updateTime;
            }
        }
    }

    private static boolean exists(ObjectStore objectStore, URI obsPath) {
        try {
            return objectStore.exists(obsPath);
        } catch (RuntimeException e) {
            // the service could not read the object, which fails the package as a missing object would
            return false;
        }
    }

    synchronized boolean matches(String kindFilter, Map<String, String> tagFilter) {
        if (kindFilter != null && !kindFilter.equals(kind)) {
            return false;
        }
        return tagFilter.entrySet().stream().allMatch(wanted -> tags.containsKey(wanted.getKey())
                && (wanted.getValue() == null || wanted.getValue().equals(tags.get(wanted.getKey()))));
    }

    /** Removes a package; answers whether the group had it. */
    synchronized boolean removePackage(String packageName) {
        return packages.removeIf(pkg -> pkg.name.equals(packageName));
    }

    synchronized boolean isEmpty() {
        return packages.isEmpty();
    }

    private Status status() {
        if (packages.stream().anyMatch(pkg -> pkg.status == Status.UPLOADING)) {
            return Status.UPLOADING;
        }
        return packages.stream().anyMatch(pkg -> pkg.status == Status.FAILED) ? Status.FAILED : Status.READY;
    }

    /** The group as the upload and list calls return it. */
    synchronized ObjectNode toJson(ResponseStyle style) {
        ObjectNode group = JSON.objectNode();
        group.put("group_name", name);
        group.put("status", style.status(status()));
        ArrayNode resources = group.putArray("resources");
        ArrayNode details = group.putArray("details");
        for (Package pkg : packages) {
            resources.add(pkg.name);
            details.add(detailJson(pkg, style));
        }
        group.put("create_time", createTime);
        group.put("update_time", updateTime);
        group.put("is_async", async);
        group.put("owner", owner);
        return group;
    }

    /** One package as the show call returns it, or {@code null} when the group has no such package. */
    synchronized ObjectNode packageJson(String packageName, ResponseStyle style) {
        return packages.stream()
                .filter(pkg -> pkg.name.equals(packageName))
                .findFirst()
                .map(pkg -> detailJson(pkg, style).put("owner", owner))
                .orElse(null);
    }

    private ObjectNode detailJson(Package pkg, ResponseStyle style) {
        ObjectNode detail = JSON.objectNode();
        detail.put("create_time", style.detailTime(pkg.createTime));
        detail.put("update_time", style.detailTime(pkg.updateTime));
        detail.put("resource_type", kind);
        detail.put("resource_name", pkg.name);
        detail.put("status", style.status(pkg.status));
        detail.put("underlying_name", pkg.underlyingName);
        detail.put("is_async", async);
        return detail;
    }

    synchronized GroupView view() {
        List<GroupView.PackageView> packageViews = packages.stream()
                .map(pkg -> new GroupView.PackageView(pkg.name, pkg.obsPath, pkg.underlyingName, pkg.status.name()))
                .toList();
        return new GroupView(name, kind, status().name(), async, Collections.unmodifiableMap(new LinkedHashMap<>(tags)), packageViews);
    }

    private static final class Package {
        final String name;
        final URI obsPath;
        final String underlyingName;
        final long createTime;
        long updateTime;
        Status status = Status.UPLOADING;

        Package(String name, URI obsPath, String underlyingName, long createTime) {
            this.name = name;
            this.obsPath = obsPath;
            this.underlyingName = underlyingName;
            this.createTime = createTime;
            this.updateTime = createTime;
        }
    }
}
