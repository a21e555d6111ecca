package dev.dlitools.dli.core.report;

import dev.dlitools.dli.core.dli.DliJson;
import dev.dlitools.dli.core.dli.PackageGroup;
import dev.dlitools.dli.core.dli.ResourcePackage;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** What describing a group shows: one package group and every package in it. */
public final class GroupReport {

    private final PackageGroup group;
    private final ZoneId zone;

    /**
     * @param group a group whose {@code details} hold every package
     * @param zone the time zone of the times shown
     */
    public GroupReport(PackageGroup group, ZoneId zone) {
        this.group = group;
        this.zone = zone;
    }

    /** {@return a summary line, then one row per package, aligned} */
    public List<String> table() {
        List<String> lines = new ArrayList<>();
        lines.add("Group " + group.groupName() + ": " + Cells.status(group.status()) + ", " + group.packageCount()
                + " package(s), created " + Cells.time(group.createTime(), zone) + ", updated "
                + Cells.time(group.updateTime(), zone)
                + (group.owner() == null ? "" : ", owner " + group.owner()));
        if (group.details().isEmpty()) {
            lines.add("No packages.");
            return lines;
        }
        TextTable packages = new TextTable("PACKAGE", "TYPE", "STATUS", "UNDERLYING NAME", "CREATED", "UPDATED");
        for (ResourcePackage pkg : group.details()) {
            packages.row(orDash(pkg.resourceName()), orDash(pkg.resourceType()), Cells.status(pkg.status()),
                    orDash(pkg.underlyingName()), Cells.time(pkg.createTime(), zone), Cells.time(pkg.updateTime(), zone));
        }
        lines.addAll(packages.lines());
        return lines;
    }

    /** {@return the group as indented JSON in the service's own field names} */
    public String json() {
        return DliJson.write(group);
    }

    private static String orDash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }
}
