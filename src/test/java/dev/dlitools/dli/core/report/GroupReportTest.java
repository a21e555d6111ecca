package dev.dlitools.dli.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlitools.dli.core.dli.PackageGroup;
import dev.dlitools.dli.core.dli.ResourcePackage;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table that {@code dli:describe} prints. */
class GroupReportTest {

    /** 2023-11-14T22:13:20Z. */
    private static final long UPDATED = 1_700_000_000_000L;

    private static final PackageGroup GROUP = new PackageGroup("orders", "ready", List.of("job.jar"),
            List.of(new ResourcePackage(UPDATED - 60_000, UPDATED, "jar", "job.jar", "READY", "u_job.jar", false,
                    "alice")),
            UPDATED - 120_000, UPDATED, false, "alice");

    @Test
    void timesCarryTheOffsetOfTheZoneTheyAreShownIn() {
        assertThat(new GroupReport(GROUP, ZoneOffset.UTC).table()).containsExactly(
                "Group orders: READY, 1 package(s), created 2023-11-14 22:11:20 +00:00, updated "
                        + "2023-11-14 22:13:20 +00:00, owner alice",
                "PACKAGE  TYPE  STATUS  UNDERLYING NAME  CREATED                     UPDATED",
                "job.jar  jar   READY   u_job.jar        2023-11-14 22:12:20 +00:00  2023-11-14 22:13:20 +00:00");

        assertThat(new GroupReport(GROUP, ZoneId.of("America/New_York")).table().get(2))
                .endsWith("2023-11-14 17:12:20 -05:00  2023-11-14 17:13:20 -05:00");
    }

    @Test
    void timesTheServiceDoesNotKnowAreADash() {
        PackageGroup unknownTimes = new PackageGroup("orders", null, List.of(), List.of(), 0L, null, null, null);

        assertThat(new GroupReport(unknownTimes, ZoneOffset.UTC).table()).containsExactly(
                "Group orders: -, 0 package(s), created -, updated -", "No packages.");
    }
}
