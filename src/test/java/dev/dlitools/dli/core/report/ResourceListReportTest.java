package dev.dlitools.dli.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlitools.dli.core.dli.BuiltInModule;
import dev.dlitools.dli.core.dli.DliJson;
import dev.dlitools.dli.core.dli.PackageGroup;
import dev.dlitools.dli.core.dli.ResourceList;
import dev.dlitools.dli.core.dli.ResourcePackage;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The table and JSON that {@code dli:list} prints. */
class ResourceListReportTest {

    /** 2023-11-14T22:13:20Z. */
    private static final long UPDATED = 1_700_000_000_000L;

    private static final ResourceList LIST = new ResourceList(
            List.of(new ResourcePackage(0L, UPDATED, "pyFile", "udf.py", "READY", "uuid_udf.py", false, "alice"),
                    new ResourcePackage(0L, null, "jar", "single.jar", "uploading", "uuid_single.jar", true, "bob")),
            List.of(new BuiltInModule("gatk", "jar", "READY", List.of("gatk.jar", "tika-core-1.18.jar"),
                    "Genome Analysis Toolkit", 1L, UPDATED)),
            List.of(group("spark-job", "READY", 3, UPDATED), group("a-lib", "uploading", 1, 0L),
                    group("spark-job-test", null, 2, null)),
            6);

    @Test
    void groupsAreAnAlignedTableSortedByName() {
        List<String> table = new ResourceListReport(LIST, null, null, null, false, ZoneOffset.UTC).table("nothing");

        assertThat(table).containsExactly(
                "GROUP           KIND  STATUS     PACKAGES  TAGS  UPDATED",
                "a-lib           -     UPLOADING  1         -     -",
                "spark-job       -     READY      3         -     2023-11-14 22:13:20 +00:00",
                "spark-job-test  -     -          2         -     -");
    }

    @Test
    void updateTimesAreShownInTheGivenZoneWithItsOffset() {
        List<String> table = new ResourceListReport(LIST, "spark-job", null, null, false, ZoneId.of("Asia/Shanghai"))
                .table("nothing");

        assertThat(table).containsExactly(
                "GROUP      KIND  STATUS  PACKAGES  TAGS  UPDATED",
                "spark-job  -     READY   3         -     2023-11-15 06:13:20 +08:00");
    }

    @Test
    void kindIsThePackagesTypesElseTheKindAskedForAndTagsAreTheTagsAskedFor() {
        ResourcePackage jar = new ResourcePackage(1L, UPDATED, "jar", "job.jar", "READY", "u_job.jar", false, null);
        ResourcePackage csv = new ResourcePackage(1L, UPDATED, "file", "in.csv", "READY", "u_in.csv", false, null);
        ResourcePackage lib = new ResourcePackage(1L, UPDATED, "jar", "lib.jar", "READY", "u_lib.jar", false, null);
        ResourceList answer = new ResourceList(List.of(), List.of(), List.of(
                new PackageGroup("mixed", "READY", List.of("job.jar", "in.csv", "lib.jar"), List.of(jar, csv, lib),
                        1L, UPDATED, false, null),
                new PackageGroup("no-details", "READY", List.of("other.jar"), List.of(), 1L, UPDATED, false, null)),
                2);

        List<String> table = new ResourceListReport(answer, null, "jar", " env=prod, team=etl ", false,
                ZoneOffset.UTC).table("nothing");

        assertThat(table).containsExactly(
                "GROUP       KIND      STATUS  PACKAGES  TAGS               UPDATED",
                "mixed       jar,file  READY   3         env=prod,team=etl  2023-11-14 22:13:20 +00:00",
                "no-details  jar       READY   1         env=prod,team=etl  2023-11-14 22:13:20 +00:00");
    }

    @Test
    void groupPatternMatchesWholeNamesWithStarAsWildcard() {
        assertThat(new ResourceListReport(LIST, "spark-*", null, null, false, ZoneOffset.UTC).groups())
                .extracting(PackageGroup::groupName).containsExactly("spark-job", "spark-job-test");
        assertThat(new ResourceListReport(LIST, "*lib", null, null, false, ZoneOffset.UTC).groups())
                .extracting(PackageGroup::groupName).containsExactly("a-lib");
        assertThat(new ResourceListReport(LIST, "spark", null, null, false, ZoneOffset.UTC).groups()).isEmpty();
        // characters that mean something in a regular expression mean themselves
        assertThat(new ResourceListReport(LIST, "a.lib", null, null, false, ZoneOffset.UTC).groups()).isEmpty();
    }

    @Test
    void emptyResultIsTheOneLineGiven() {
        ResourceListReport report = new ResourceListReport(LIST, "no-such-*", null, null, false, ZoneOffset.UTC);

        assertThat(report.isEmpty()).isTrue();
        assertThat(report.table("No package groups in project p1 named no-such-*."))
                .containsExactly("No package groups in project p1 named no-such-*.");
    }

    @Test
    void withoutAllSingleResourcesAndModulesAreLeftOut() {
        ResourceListReport report = new ResourceListReport(LIST, null, null, null, false, ZoneOffset.UTC);

        assertThat(report.resources()).isEmpty();
        assertThat(report.modules()).isEmpty();
        assertThat(String.join("\n", report.table("nothing"))).doesNotContain("udf.py").doesNotContain("gatk");
    }

    @Test
    void allAddsSingleResourcesAndBuiltInModules() {
        List<String> table = new ResourceListReport(LIST, "spark-job", null, null, true, ZoneOffset.UTC).table("nothing");

        assertThat(table).containsExactly(
                "GROUP      KIND  STATUS  PACKAGES  TAGS  UPDATED",
                "spark-job  -     READY   3         -     2023-11-14 22:13:20 +00:00",
                "",
                "RESOURCE    TYPE    STATUS     UPDATED",
                "single.jar  jar     UPLOADING  -",
                "udf.py      pyFile  READY      2023-11-14 22:13:20 +00:00",
                "",
                "MODULE  STATUS  PACKAGES  UPDATED",
                "gatk    READY   2         2023-11-14 22:13:20 +00:00");
    }

    @Test
    void allWithNoGroupsStillShowsResourcesAndModules() {
        ResourceList onlyModules = new ResourceList(List.of(), LIST.modules(), List.of(), 1);

        List<String> table = new ResourceListReport(onlyModules, null, null, null, true, ZoneOffset.UTC).table("nothing");

        assertThat(table).containsExactly(
                "No package groups.",
                "",
                "No single resources.",
                "",
                "MODULE  STATUS  PACKAGES  UPDATED",
                "gatk    READY   2         2023-11-14 22:13:20 +00:00");
    }

    @Test
    void jsonUsesTheServiceFieldNamesAndOnlyWhatIsShown() throws Exception {
        JsonNode json = DliJson.MAPPER.readTree(new ResourceListReport(LIST, "spark-*", null, null, false, ZoneOffset.UTC).json());

        assertThat(json.get("resources")).isEmpty();
        assertThat(json.get("modules")).isEmpty();
        assertThat(json.has("total")).isFalse();
        assertThat(json.get("groups")).hasSize(2);
        JsonNode first = json.get("groups").get(0);
        assertThat(first.get("group_name").asText()).isEqualTo("spark-job");
        assertThat(first.get("status").asText()).isEqualTo("READY");
        assertThat(first.get("update_time").asLong()).isEqualTo(UPDATED);
        assertThat(first.get("resources")).hasSize(3);
        // the status missing from the answer stays missing, and no computed fields appear
        assertThat(json.get("groups").get(1).has("status")).isFalse();
        assertThat(first.has("group_status")).isFalse();
        assertThat(first.has("package_count")).isFalse();
    }

    @Test
    void jsonWithAllKeepsResourcesModulesAndTotal() throws Exception {
        JsonNode json = DliJson.MAPPER.readTree(new ResourceListReport(LIST, null, null, null, true, ZoneOffset.UTC).json());

        assertThat(json.get("resources")).hasSize(2);
        assertThat(json.get("resources").get(0).get("resource_name").asText()).isEqualTo("udf.py");
        assertThat(json.get("modules").get(0).get("module_name").asText()).isEqualTo("gatk");
        assertThat(json.get("groups")).hasSize(3);
        assertThat(json.get("total").asInt()).isEqualTo(6);
    }

    private static PackageGroup group(String name, String status, int packages, Long updateTime) {
        List<String> resources = IntStream.rangeClosed(1, packages)
                .mapToObj(i -> name + "-" + i + ".jar").toList();
        return new PackageGroup(name, status, resources, List.of(), 1L, updateTime, false, "alice");
    }
}
