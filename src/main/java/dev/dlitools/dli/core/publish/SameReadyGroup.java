package dev.dlitools.dli.core.publish;

import dev.dlitools.dli.core.dli.DliClient;
import dev.dlitools.dli.core.dli.GroupFinder;
import dev.dlitools.dli.core.dli.PackageGroup;
import dev.dlitools.dli.core.dli.PackageStatus;
import dev.dlitools.dli.core.upload.PlannedFile;
import dev.dlitools.dli.core.upload.TagSettings;
import dev.dlitools.dli.core.upload.UploadPlan;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether registering a plan again would change nothing: the group exists READY with exactly the plan's packages
 * (names), each READY and of the plan's kind, and with the plan's tags. Registering anyway would make DLI copy and
 * reload every package (a new underlying name each time) and leave the group UPLOADING meanwhile.
 *
 * <p>DLI answers a group's packages and kinds but never its tags; it only filters the list by them. So the group is
 * looked up with the plan's kind and tags as the list's filter: a group that lacks one of the tags, or has another
 * value, is not found. A tag the group has beyond the plan's cannot be seen, which is why the answer only counts
 * when every file was unchanged, and why {@code force} (which uploads every file) registers anyway.
 */
final class SameReadyGroup {

    private SameReadyGroup() {}

    /** The group as DLI has it, when registering {@code plan} again would change nothing. */
    static Optional<PackageGroup> find(DliClient dli, UploadPlan plan) {
        String tagFilter = TagSettings.listFilter(plan.tags());
        String kind = plan.kind().apiName();
        if (tagFilter == null) {
            // asked all the same: the answer is what proves that DLI takes the credentials for the project
            dli.listResources(kind, null);
            return Optional.empty();
        }
        Set<String> planned = plan.files().stream().map(PlannedFile::fileName).collect(Collectors.toSet());
        return new GroupFinder(dli).find(plan.group(), kind, tagFilter)
                .filter(group -> group.groupStatus() == PackageStatus.READY)
                .filter(group -> new HashSet<>(GroupFinder.packageNames(group)).equals(planned))
                .filter(group -> group.details().size() == planned.size() && group.details().stream()
                        .allMatch(detail -> detail.packageStatus() == PackageStatus.READY
                                && kind.equalsIgnoreCase(detail.resourceType())));
    }
}
