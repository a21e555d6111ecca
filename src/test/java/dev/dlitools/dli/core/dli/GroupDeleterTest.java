package dev.dlitools.dli.core.dli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.common.ProxySettings;
import dev.dlitools.dli.core.report.GroupReport;
import dev.dlitools.dli.core.retry.RetryPolicy;
import dev.dlitools.dli.emulator.DliEmulator;
import dev.dlitools.dli.emulator.Fault;
import dev.dlitools.dli.emulator.GroupView;
import dev.dlitools.dli.emulator.RecordedRequest;
import dev.dlitools.dli.testsupport.RecordingLog;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link GroupDeleter}, {@link GroupFinder} and {@link GroupReport} against the DLI emulator. */
class GroupDeleterTest {

    private static final String AK = "DELETERTESTAK";
    private static final String SK = "deleter-test-sk";
    private static final String PROJECT = "0a1b2c3d4e5f";

    private final RecordingLog log = RecordingLog.withoutDebug();
    private DliEmulator emulator;
    private DliClient client;

    @BeforeEach
    void startEmulator() {
        emulator = DliEmulator.builder().credentials(AK, SK).projectId(PROJECT).region("cn-north-4").start();
        SignedHttpClient http = new SignedHttpClient(Credentials.of(AK, SK), Duration.ofSeconds(5),
                Duration.ofSeconds(10), ProxySettings.NONE, RetryPolicy.of(0), Clock.systemUTC(), log);
        client = new DliClient(http, emulator.endpoint(), PROJECT);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void deletesEveryPackageSoTheGroupIsGoneAndLeavesOtherGroups() {
        register("etl-orders", "orders-1.0.jar", "alpha-2.1.jar", "beta-0.9.jar");
        register("etl-billing", "billing-1.0.jar");

        List<String> deleted = new GroupDeleter(client, log).deleteGroup("etl-orders");

        assertThat(deleted).containsExactly("orders-1.0.jar", "alpha-2.1.jar", "beta-0.9.jar");
        assertThat(emulator.groups()).extracting(GroupView::name).containsExactly("etl-billing");
        assertThat(deleteRequests()).containsExactly(
                "/v2.0/" + PROJECT + "/resources/orders-1.0.jar?group=etl-orders",
                "/v2.0/" + PROJECT + "/resources/alpha-2.1.jar?group=etl-orders",
                "/v2.0/" + PROJECT + "/resources/beta-0.9.jar?group=etl-orders");
        assertThat(log.lines()).anyMatch(line -> line.contains("Deleted package group 'etl-orders' (3 package(s))"));
    }

    @Test
    void aMissingGroupIsNothingToDelete() {
        register("etl-billing", "billing-1.0.jar");

        List<String> deleted = new GroupDeleter(client, log).deleteGroup("etl-typo");

        assertThat(deleted).isEmpty();
        assertThat(deleteRequests()).isEmpty();
        assertThat(emulator.groups()).extracting(GroupView::name).containsExactly("etl-billing");
        assertThat(log.lines()).anyMatch(line -> line.contains("There is no package group 'etl-typo' in project "
                + PROJECT + ": nothing to delete."));
    }

    @Test
    void aListRefusedInsideA200IsAnErrorNotNothingToDelete() {
        register("etl-orders", "orders-1.0.jar");
        emulator.inject(Fault.respond(200).body("{\"is_success\":false,\"error_code\":\"DLI.0003\","
                + "\"error_msg\":\"Permission denied\"}").on("GET", "/v2\\.0/[^/]+/resources"));

        assertThatThrownBy(() -> new GroupDeleter(client, log).deleteGroup("etl-orders"))
                .isInstanceOf(DliApiException.class)
                .hasMessageContaining("was refused inside an HTTP 200 answer (DLI.0003: Permission denied, request id ");

        assertThat(deleteRequests()).isEmpty();
        assertThat(log.lines()).noneMatch(line -> line.contains("nothing to delete"));
    }

    /** Refusals DLI might word otherwise: is_success in capitals, or an error code with no is_success at all. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"is_success\":\"FALSE\",\"error_code\":\"DLI.0003\",\"error_msg\":\"Permission denied\"}",
        "{\"error_code\":\"DLI.0003\",\"error_msg\":\"Permission denied\"}"})
    void aListRefusedInsideA200InAnotherWordingIsAnErrorNotNothingToDelete(String refusal) {
        register("etl-orders", "orders-1.0.jar");
        emulator.inject(Fault.respond(200).body(refusal).on("GET", "/v2\\.0/[^/]+/resources"));

        assertThatThrownBy(() -> new GroupDeleter(client, log).deleteGroup("etl-orders"))
                .isInstanceOf(DliApiException.class)
                .hasMessageContaining("was refused inside an HTTP 200 answer (DLI.0003: Permission denied, request id ");

        assertThat(log.lines()).noneMatch(line -> line.contains("nothing to delete"));
    }

    @Test
    void aDeleteAnsweredWithAnErrorCodeInsideA200IsNotCountedAsDeleted() {
        register("etl-orders", "orders-1.0.jar");
        emulator.inject(Fault.respond(200).body("{\"error_code\":\"DLI.0999\",\"error_msg\":\"Package is in use\"}")
                .on("DELETE", "/v2\\.0/[^/]+/resources/orders-1\\.0\\.jar"));

        assertThatThrownBy(() -> new GroupDeleter(client, log).deleteGroup("etl-orders"))
                .isInstanceOf(DliException.class)
                .hasMessageContaining("these remain: orders-1.0.jar")
                .hasMessageContaining("DLI.0999: Package is in use");
    }

    @Test
    void aPartialFailureNamesThePackagesThatRemain() {
        register("etl-orders", "orders-1.0.jar", "alpha-2.1.jar", "beta-0.9.jar");
        emulator.inject(Fault.respond(403).on("DELETE", "/v2\\.0/[^/]+/resources/alpha-2\\.1\\.jar").always());

        assertThatThrownBy(() -> new GroupDeleter(client, log).deleteGroup("etl-orders"))
                .isInstanceOf(DliException.class)
                .hasMessageContaining("Deleted 2 of 3 packages of group 'etl-orders'; these remain: alpha-2.1.jar.")
                .hasMessageContaining("HTTP 403");

        assertThat(emulator.group("etl-orders").orElseThrow().packageNames()).containsExactly("alpha-2.1.jar");
    }

    @Test
    void aPackageAlreadyGoneCountsAsDeleted() {
        register("etl-orders", "orders-1.0.jar", "alpha-2.1.jar");
        // the first answer is lost after the service deleted the package; the retry then finds nothing
        emulator.inject(Fault.respond(404).on("DELETE", "/v2\\.0/[^/]+/resources/orders-1\\.0\\.jar"));

        List<String> deleted = new GroupDeleter(client, log).deleteGroup("etl-orders");

        assertThat(deleted).containsExactly("orders-1.0.jar", "alpha-2.1.jar");
        assertThat(log.lines()).anyMatch(line -> line.contains("orders-1.0.jar was already gone"));
    }

    @Test
    void describeShowsEveryPackageWithStatusAndUnderlyingName() throws Exception {
        register("etl-orders", "orders-1.0.jar", "alpha-2.1.jar");
        register("etl-ordersx", "other.jar");

        PackageGroup group = new GroupFinder(client).find("etl-orders").orElseThrow();
        List<String> table = new GroupReport(group, ZoneOffset.UTC).table();

        GroupView emulated = emulator.group("etl-orders").orElseThrow();
        assertThat(table.get(0)).startsWith("Group etl-orders: READY, 2 package(s), created 20");
        assertThat(table.get(1)).matches("PACKAGE +TYPE +STATUS +UNDERLYING NAME +CREATED +UPDATED");
        for (int i = 0; i < 2; i++) {
            GroupView.PackageView pkg = emulated.packages().get(i);
            assertThat(table.get(2 + i)).startsWith(pkg.name()).contains("READY").contains(pkg.underlyingName());
        }
        assertThat(table).hasSize(4);
        assertThat(DliJson.MAPPER.readTree(new GroupReport(group, ZoneOffset.UTC).json()).path("details"))
                .extracting(node -> node.path("underlying_name").asText())
                .containsExactly(emulated.packages().get(0).underlyingName(),
                        emulated.packages().get(1).underlyingName());
        assertThat(new GroupFinder(client).find("etl-order")).isEmpty();
    }

    @Test
    void aPackageQueryAnsweredWithNullIsAnErrorNotAPackage() {
        emulator.inject(Fault.respond(200).body("{\"groups\":[{\"group_name\":\"g\",\"status\":\"READY\","
                + "\"resources\":[\"a.jar\"]}]}").on("GET", "/v2\\.0/[^/]+/resources"));
        emulator.inject(Fault.respond(200).body("null").on("GET", "/v2\\.0/[^/]+/resources/a\\.jar"));

        assertThatThrownBy(() -> new GroupFinder(client).find("g")).isInstanceOf(DliApiException.class)
                .hasMessageStartingWith("The answer to the package query has an unexpected shape (HTTP 200, ")
                .hasMessageContaining("): null. ");
    }

    private List<String> deleteRequests() {
        return emulator.requests().stream()
                .filter(request -> request.method().equals("DELETE"))
                .map(request -> request.path() + "?" + request.query())
                .toList();
    }

    private void register(String group, String... files) {
        List<String> paths = Arrays.stream(files)
                .map(file -> "https://jars.obs.cn-north-4.myhuaweicloud.com/dli/" + file)
                .toList();
        client.uploadGroup(new UploadGroupRequest(paths, "jar", group, false, List.of()));
    }
}
