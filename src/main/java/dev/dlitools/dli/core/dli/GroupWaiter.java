package dev.dlitools.dli.core.dli;

import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Polls a freshly uploaded group until every package is READY, the group or some package FAILED, or the time is up.
 *
 * <p>One list call a round (filtered by kind) rather than one call per package. A failed poll that got no answer,
 * a 429 or a 5xx is logged and polled again: the group goes on uploading whatever our connection does.
 */
public final class GroupWaiter {

    private final DliClient client;
    private final Duration interval;
    private final Duration timeout;
    private final Clock clock;
    private final Sleeper sleeper;
    private final GroupListener listener;

    /**
     * A waiter that polls through {@code client}.
     *
     * @param client the project's client
     * @param interval the pause between two polls
     * @param timeout how long to wait for READY in all
     * @param clock what the time-out is measured by
     * @param sleeper what pauses between polls
     * @param listener hears the progress and each failed poll
     */
    public GroupWaiter(
            DliClient client, Duration interval, Duration timeout, Clock clock, Sleeper sleeper,
            GroupListener listener) {
        this.client = client;
        this.interval = interval;
        this.timeout = timeout;
        this.clock = clock;
        this.sleeper = sleeper;
        this.listener = listener;
    }

    /** A group that FAILED, as a whole or in some of its packages. */
    public static final class GroupFailedException extends DliException {
        /** The group as last seen. */
        private final PackageGroup group;

        GroupFailedException(String message, PackageGroup group) {
            super(message);
            this.group = group;
        }

        /** {@return the group as last seen, with the FAILED packages} */
        public PackageGroup group() {
            return group;
        }
    }

    /** The group did not become READY in time. */
    public static final class GroupTimeoutException extends DliException {
        /** The group as last seen, or {@code null}. */
        private final PackageGroup lastSeen;

        GroupTimeoutException(String message, PackageGroup lastSeen) {
            super(message);
            this.lastSeen = lastSeen;
        }

        /** {@return the group as last seen, or {@code null} when no poll answered} */
        public PackageGroup lastSeen() {
            return lastSeen;
        }
    }

    /**
     * Waits for the group.
     *
     * @param uploaded the upload call's answer; when it is already final no poll is made
     * @param kind the group's kind, which each poll's list call is filtered by
     * @return the group with every package READY
     * @throws GroupFailedException when the group or a package FAILED
     * @throws GroupTimeoutException when the time is up first
     */
    public PackageGroup await(PackageGroup uploaded, String kind) {
        Instant start = clock.instant();
        Instant deadline = start.plus(timeout);
        PackageGroup group = uploaded;
        String lastProgress = "";
        while (true) {
            if (group != null && isFinal(group)) {
                return readyOrFail(group);
            }
            if (group != null) {
                String progress = progress(group);
                if (!progress.equals(lastProgress)) {
                    listener.groupProgress(group.groupName(), progress);
                    lastProgress = progress;
                }
            }
            Duration remaining = Duration.between(clock.instant(), deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                throw new GroupTimeoutException("Group " + uploaded.groupName() + " was not READY within "
                        + timeout.toSeconds() + " s " + Setting.TIMEOUT.aside() + ". Last seen: "
                        + (group == null ? "no answer" : describe(group)) + ".", group);
            }
            listener.groupWaiting(uploaded.groupName(), group == null ? "no answer" : progress(group),
                    Duration.between(start, clock.instant()), timeout);
            try {
                sleeper.sleep(remaining.compareTo(interval) < 0 ? remaining : interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DliException("Interrupted while waiting for group " + uploaded.groupName(), e);
            }
            group = poll(uploaded.groupName(), kind, group);
        }
    }

    private PackageGroup poll(String name, String kind, PackageGroup previous) {
        try {
            return client.listResources(kind, null).groups().stream()
                    .filter(candidate -> name.equals(candidate.groupName()))
                    .findFirst()
                    .orElse(previous);
        } catch (DliApiException e) {
            if (e.isTransient()) {
                listener.pollFailed(name, e);
                return previous;
            }
            throw e;
        }
    }

    static boolean isFinal(PackageGroup group) {
        // a group FAILED as a whole is so whatever its packages say
        return group.groupStatus() == PackageStatus.FAILED
                || packageStatuses(group).stream().allMatch(PackageStatus::isFinal);
    }

    private static PackageGroup readyOrFail(PackageGroup group) {
        if (group.groupStatus() != PackageStatus.FAILED
                && packageStatuses(group).stream().allMatch(status -> status == PackageStatus.READY)) {
            return group;
        }
        List<ResourcePackage> failed = group.details().stream()
                .filter(detail -> detail.packageStatus() != PackageStatus.READY)
                .toList();
        String packages = failed.isEmpty()
                ? "the group itself is " + group.status()
                : failed.stream()
                        .map(detail -> detail.resourceName() + " (" + detail.status() + ")")
                        .collect(Collectors.joining(", "));
        throw new GroupFailedException("DLI could not load group " + group.groupName() + ": " + packages
                + ". Check that each OBS object exists and DLI may read the bucket.", group);
    }

    /**
     * The status of each package: its own from {@code details[]}, and the group's for a package that
     * {@code resources[]} names but no detail covers; the group's status alone when there are no details.
     */
    private static List<PackageStatus> packageStatuses(PackageGroup group) {
        if (group.details().isEmpty()) {
            return List.of(group.groupStatus());
        }
        Set<String> detailed = group.details().stream()
                .map(ResourcePackage::resourceName)
                .collect(Collectors.toSet());
        Stream<PackageStatus> undetailed = group.resources().stream()
                .filter(name -> !detailed.contains(name))
                .map(name -> group.groupStatus());
        return Stream.concat(group.details().stream().map(ResourcePackage::packageStatus), undetailed).toList();
    }

    private static String progress(PackageGroup group) {
        if (group.details().isEmpty()) {
            return shownStatus(group);
        }
        Map<PackageStatus, Long> counts = packageStatuses(group).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getValue() + " " + entry.getKey())
                .collect(Collectors.joining(", "));
    }

    private static String describe(PackageGroup group) {
        return shownStatus(group) + " (" + progress(group) + ")" + (group.details().isEmpty() ? "" : ": "
                + group.details().stream()
                        .map(detail -> detail.resourceName() + " " + detail.status())
                        .collect(Collectors.joining(", ")));
    }

    /** The group's status as the service wrote it; an answer without one is shown, and waited on, as UNKNOWN. */
    private static String shownStatus(PackageGroup group) {
        return group.status() == null ? PackageStatus.UNKNOWN.name() : group.status();
    }
}
