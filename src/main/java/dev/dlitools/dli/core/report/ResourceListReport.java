package dev.dlitools.dli.core.report;

import dev.dlitools.dli.core.common.Wildcards;
import dev.dlitools.dli.core.dli.BuiltInModule;
import dev.dlitools.dli.core.dli.DliJson;
import dev.dlitools.dli.core.dli.PackageGroup;
import dev.dlitools.dli.core.dli.ResourceList;
import dev.dlitools.dli.core.dli.ResourcePackage;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a listing shows: the package groups of a project (optionally only those whose name matches a
 * pattern with {@code *}), and with {@code all} also the single resources and built-in modules.
 *
 * <p>DLI's list answer gives a group neither its kind nor its tags (API "Querying Package Group List", and the
 * official SDK's model): the table's KIND is the types of the group's packages, else the kind the listing was
 * filtered by; its TAGS are the tags the listing was filtered by, which the service matched on every group shown.
 */
public final class ResourceListReport {

    private final ResourceList shown;
    private final String kindFilter;
    private final String tagFilter;
    private final boolean all;
    private final ZoneId zone;

    /**
     * A report of what the filters let through; without {@code all}, of the groups only.
     *
     * @param list the service's answer, already filtered by kind and tags
     * @param groupPattern a group name, {@code *} matching any characters; {@code null} for every group
     * @param kindFilter the kind the service was asked for, in its spelling; {@code null} for any
     * @param tagFilter the tags the service was asked for ({@code key=value,key2=value2}); {@code null} for any
     * @param all also show single resources and built-in modules
     * @param zone the time zone of the update times shown
     */
    public ResourceListReport(ResourceList list, String groupPattern, String kindFilter, String tagFilter,
            boolean all, ZoneId zone) {
        Pattern groupName = groupPattern == null || groupPattern.isBlank() ? null
                : Wildcards.compile(groupPattern.trim());
        List<PackageGroup> groups = list.groups().stream()
                .filter(group -> groupName == null || groupName.matcher(nullToEmpty(group.groupName())).matches())
                .sorted(Comparator.comparing(group -> nullToEmpty(group.groupName())))
                .toList();
        this.shown = all
                ? new ResourceList(list.resources(), list.modules(), groups, list.total())
                : new ResourceList(List.of(), List.of(), groups, null);
        this.kindFilter = kindFilter == null || kindFilter.isBlank() ? "-" : kindFilter.strip();
        this.tagFilter = tagFilter == null || tagFilter.isBlank() ? "-"
                : Arrays.stream(tagFilter.split(",")).map(String::strip).collect(Collectors.joining(","));
        this.all = all;
        this.zone = zone;
    }

    boolean isEmpty() {
        return shown.groups().isEmpty() && shown.resources().isEmpty() && shown.modules().isEmpty();
    }

    /**
     * The aligned tables: the groups, and with {@code all} the single resources and the built-in modules.
     *
     * @param emptyMessage the one line when nothing is shown, in the front end's words
     * @return the lines, without line breaks
     */
    public List<String> table(String emptyMessage) {
        if (isEmpty()) {
            return List.of(emptyMessage);
        }
        List<String> lines = new ArrayList<>();
        if (!shown.groups().isEmpty()) {
            TextTable groups = new TextTable("GROUP", "KIND", "STATUS", "PACKAGES", "TAGS", "UPDATED");
            shown.groups().forEach(group -> groups.row(nullToEmpty(group.groupName()), kind(group),
                    Cells.status(group.status()), String.valueOf(group.packageCount()), tagFilter,
                    Cells.time(group.updateTime(), zone)));
            lines.addAll(groups.lines());
        } else {
            lines.add("No package groups.");
        }
        if (all) {
            lines.add("");
            if (shown.resources().isEmpty()) {
                lines.add("No single resources.");
            } else {
                TextTable resources = new TextTable("RESOURCE", "TYPE", "STATUS", "UPDATED");
                shown.resources().stream()
                        .sorted(Comparator.comparing(resource -> nullToEmpty(resource.resourceName())))
                        .forEach(resource -> resources.row(nullToEmpty(resource.resourceName()),
                                nullToEmpty(resource.resourceType()), Cells.status(resource.status()),
                                Cells.time(resource.updateTime(), zone)));
                lines.addAll(resources.lines());
            }
            lines.add("");
            if (shown.modules().isEmpty()) {
                lines.add("No built-in modules.");
            } else {
                TextTable modules = new TextTable("MODULE", "STATUS", "PACKAGES", "UPDATED");
                shown.modules().stream()
                        .sorted(Comparator.comparing(module -> nullToEmpty(module.moduleName())))
                        .forEach(module -> modules.row(nullToEmpty(module.moduleName()), Cells.status(module.status()),
                                String.valueOf(module.resources().size()), Cells.time(module.updateTime(), zone)));
                lines.addAll(modules.lines());
            }
        }
        return lines;
    }

    /** {@return the shown part of the service's answer, as indented JSON in the service's own field names} */
    public String json() {
        return DliJson.write(shown);
    }

    List<PackageGroup> groups() {
        return shown.groups();
    }

    List<ResourcePackage> resources() {
        return shown.resources();
    }

    List<BuiltInModule> modules() {
        return shown.modules();
    }

    /** The types of the group's packages ({@code jar}, or {@code jar,file} for a mix), else the kind asked for. */
    private String kind(PackageGroup group) {
        String types = group.details().stream()
                .map(ResourcePackage::resourceType)
                .filter(type -> type != null && !type.isBlank())
                .distinct()
                .collect(Collectors.joining(","));
        return types.isEmpty() ? kindFilter : types;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
