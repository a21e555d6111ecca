package dev.dlitools.dli.core.dli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.ProxySettings;
import dev.dlitools.dli.core.retry.RetryPolicy;
import dev.dlitools.dli.emulator.DliEmulator;
import dev.dlitools.dli.emulator.Fault;
import dev.dlitools.dli.emulator.RecordedRequest;
import dev.dlitools.dli.testsupport.RecordingLog;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What each DLI call sends, what it reads back, and how refusals become errors a person can act on. */
@Timeout(30)
class DliClientTest {

    private static final String AK = "CLIENTTESTACCESSKEY";
    private static final String SK = "client-test-secret-key-never-shown";
    private static final String TOKEN = "client-test-security-token-never-shown";
    private static final String PROJECT = "p-client";
    private static final String RESOURCES = "/v2\\.0/[^/]+/resources";
    private static final String OBS_JAR = "https://jars.obs.cn-north-4.myhuaweicloud.com/libs/app.jar";

    private final RecordingLog log = RecordingLog.withoutDebug();

    private DliEmulator emulator;
    private HttpServer cannedServer;

    @BeforeEach
    void startEmulator() {
        emulator = DliEmulator.builder().credentials(AK, SK).projectId(PROJECT).region("cn-north-4").start();
    }

    @AfterEach
    void stopServers() {
        emulator.close();
        if (cannedServer != null) {
            cannedServer.stop(0);
        }
    }

    @Test
    void uploadGroupPostsTheRequestAsJsonWithTheProjectHeader() throws Exception {
        PackageGroup group = client().uploadGroup(new UploadGroupRequest(
                List.of(OBS_JAR), "jar", "my-group", false, List.of(new Tag("team", "data"))));

        assertThat(group.groupName()).isEqualTo("my-group");
        assertThat(group.packageCount()).isEqualTo(1);
        RecordedRequest request = emulator.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v2.0/" + PROJECT + "/resources");
        assertThat(request.query()).isNull();
        assertThat(request.header("X-Project-Id")).isEqualTo(PROJECT);
        JsonNode body = DliJson.MAPPER.readTree(request.body());
        assertThat(body.get("paths")).hasSize(1);
        assertThat(body.get("paths").get(0).asText()).isEqualTo(OBS_JAR);
        assertThat(body.get("kind").asText()).isEqualTo("jar");
        assertThat(body.get("group").asText()).isEqualTo("my-group");
        assertThat(body.get("is_async").asBoolean()).isFalse();
        assertThat(body.get("tags").get(0).get("key").asText()).isEqualTo("team");
        assertThat(body.get("tags").get(0).get("value").asText()).isEqualTo("data");
    }

    @Test
    void uploadGroupWithoutTagsLeavesTagsOutOfTheBody() throws Exception {
        client().uploadGroup(new UploadGroupRequest(List.of(OBS_JAR), "jar", "untagged", false, List.of()));

        assertThat(DliJson.MAPPER.readTree(emulator.requests().get(0).body()).has("tags")).isFalse();
    }

    @Test
    void listSendsKindAndTagsAsEncodedQuery() {
        DliClient client = client();
        client.uploadGroup(new UploadGroupRequest(List.of(OBS_JAR), "jar", "tagged", false,
                List.of(new Tag("env", "prod"))));

        ResourceList list = client.listResources("jar", "env=prod");

        RecordedRequest request = emulator.requests().get(1);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/v2.0/" + PROJECT + "/resources");
        assertThat(request.query()).isEqualTo("kind=jar&tags=env%3Dprod");
        assertThat(request.body()).isEmpty();
        assertThat(list.groups()).extracting(PackageGroup::groupName).containsExactly("tagged");
    }

    @Test
    void listWithoutFiltersSendsNoQueryAndReadsModules() {
        ResourceList list = client().listResources(null, " ");

        assertThat(emulator.requests().get(0).query()).isNull();
        assertThat(list.modules()).extracting(BuiltInModule::moduleName).containsExactly("gatk");
        assertThat(list.groups()).isEmpty();
    }

    @Test
    void showResourceAsksForOnePackageOfTheGroup() {
        DliClient client = client();
        client.uploadGroup(new UploadGroupRequest(List.of(OBS_JAR), "jar", "g 1", false, List.of()));

        ResourcePackage pkg = client.showResource("app.jar", "g 1");

        RecordedRequest request = emulator.requests().get(1);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/v2.0/" + PROJECT + "/resources/app.jar");
        assertThat(request.query()).isEqualTo("group=g%201");
        assertThat(pkg.resourceName()).isEqualTo("app.jar");
        assertThat(pkg.packageStatus()).isEqualTo(PackageStatus.READY);
    }

    @Test
    void deleteResourceRemovesOnePackageOfTheGroup() {
        DliClient client = client();
        client.uploadGroup(new UploadGroupRequest(
                List.of(OBS_JAR, "https://jars.obs.cn-north-4.myhuaweicloud.com/libs/dep.jar"), "jar", "g", false,
                List.of()));

        client.deleteResource("dep.jar", "g");

        RecordedRequest request = emulator.requests().get(1);
        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.path()).isEqualTo("/v2.0/" + PROJECT + "/resources/dep.jar");
        assertThat(request.query()).isEqualTo("group=g");
        assertThat(emulator.group("g").orElseThrow().packageNames()).containsExactly("app.jar");
    }

    // the words a refusal uses may stand in an answer's values, here a group's name: only its own fields refuse
    @Test
    void groupNamedErrorCodeIsUploadedAndListed() {
        DliClient client = client();

        PackageGroup uploaded = client.uploadGroup(
                new UploadGroupRequest(List.of(OBS_JAR), "jar", "error_code", false, List.of()));

        assertThat(uploaded.groupName()).isEqualTo("error_code");
        assertThat(client.listResources(null, null).groups()).extracting(PackageGroup::groupName)
                .containsExactly("error_code");
    }

    /** Only a code that says something is a refusal, and an answer that says it succeeded is believed. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"is_success\":true,\"error_code\":\"DLI.0000\",\"message\":\"\"}",
        "{\"error_code\":\"\",\"error_msg\":null}"})
    void deleteAnsweredWithSuccessOrABlankErrorCodeSucceeds(String answer) {
        DliClient client = client();
        client.uploadGroup(new UploadGroupRequest(List.of(OBS_JAR), "jar", "g", false, List.of()));
        emulator.inject(Fault.respond(200).body(answer).on("DELETE", RESOURCES + "/app\\.jar"));

        client.deleteResource("app.jar", "g");

        assertThat(emulator.requests()).extracting(RecordedRequest::method).containsExactly("POST", "DELETE");
    }

    @Test
    void refusedLoginNamesTheMaskedAccessKeyAndItsSourceButNeverTheSecretKey() {
        Credentials wrongSecret = new Credentials(AK, "wrong-" + SK, null, "settings.xml server 'dli'");

        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> client(wrongSecret, Clock.systemUTC()).listResources(null, null));

        assertThat(failure.httpStatus()).isEqualTo(401);
        assertThat(failure.errorCode()).isEqualTo("APIGW.0301");
        assertThat(failure.errorMessage()).contains("verify aksk signature fail");
        assertThat(failure.requestId()).isNotBlank();
        assertThat(failure).hasMessageContaining("failed with HTTP 401")
                .hasMessageContaining("request id " + failure.requestId())
                .hasMessageContaining("Check the access key CLIE**** and its secret key (from settings.xml server 'dli')")
                .hasMessageNotContaining(AK)
                .hasMessageNotContaining(SK);
    }

    @Test
    void forbiddenSaysToCheckThePermissions() {
        emulator.inject(Fault.respond(403).body(
                "{\"error_code\":\"DLI.0003\",\"error_msg\":\"Permission denied for resources\"}"));

        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> client().listResources(null, null));

        assertThat(failure.httpStatus()).isEqualTo(403);
        assertThat(failure.errorCode()).isEqualTo("DLI.0003");
        assertThat(failure.errorMessage()).isEqualTo("Permission denied for resources");
        assertThat(failure).hasMessageContaining("Check the permissions of the access key CLIE****")
                .hasMessageNotContaining(SK);
    }

    @Test
    void unknownProjectHintsAtTheProjectIdSetting() {
        DliClient wrongProject = new DliClient(http(Credentials.of(AK, SK), Clock.systemUTC()),
                emulator.endpoint(), "no-such-project");

        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> wrongProject.listResources(null, null));

        assertThat(failure.httpStatus()).isEqualTo(404);
        assertThat(failure.errorCode()).isEqualTo("DLI.0002");
        assertThat(failure).hasMessageContaining("The project no-such-project does not exist")
                .hasMessageContaining("Check the project id no-such-project ({{PROJECT_ID}})")
                .hasMessageContaining("the endpoint " + emulator.endpoint());
    }

    @Test
    void missingPackageHintsAtPackageAndGroup() {
        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> client().showResource("gone.jar", "g"));

        assertThat(failure.httpStatus()).isEqualTo(404);
        assertThat(failure).hasMessageContaining("Check that package 'gone.jar' exists in group 'g'");
    }

    @Test
    void signatureFromASkewedClockGetsTheClockHint() {
        Clock twentyMinutesAhead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20));

        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> client(Credentials.of(AK, SK), twentyMinutesAhead).listResources(null, null));

        assertThat(failure.httpStatus()).isEqualTo(401);
        assertThat(failure.errorMessage()).contains("x-sdk-date is expired");
        assertThat(failure).hasMessageContaining("Check this machine's clock")
                .hasMessageNotContaining("Check the access key");
    }

    @Test
    void expiredSecurityTokenSaysToGetNewTemporaryCredentials() {
        try (DliEmulator temporary = DliEmulator.builder().temporaryCredentials(AK, SK, TOKEN).projectId(PROJECT)
                .region("cn-north-4").start()) {
            temporary.expireSecurityToken(TOKEN);
            Credentials credentials = new Credentials(AK, SK, TOKEN, "environment variables");
            DliClient client = new DliClient(http(credentials, Clock.systemUTC()), temporary.endpoint(), PROJECT);

            DliApiException failure = catchThrowableOfType(DliApiException.class,
                    () -> client.listResources(null, null));

            assertThat(failure.httpStatus()).isEqualTo(401);
            assertThat(failure).hasMessageContaining(
                            "The security token from environment variables has expired: get new temporary credentials.")
                    .hasMessageNotContaining(TOKEN)
                    .hasMessageNotContaining(SK);
        }
    }

    @Test
    void errorBodyThatIsNotJsonIsShownAsItIs() {
        emulator.inject(Fault.respond(400).body("<html><body>Bad request from the gateway</body></html>"));

        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> client().listResources(null, null));

        assertThat(failure.httpStatus()).isEqualTo(400);
        assertThat(failure.errorCode()).isNull();
        assertThat(failure.errorMessage()).isNull();
        assertThat(failure).hasMessageContaining(
                "failed with HTTP 400 (body: <html><body>Bad request from the gateway</body></html>");
    }

    @Test
    void errorWithoutBodySaysSo() {
        emulator.inject(Fault.respond(400).body(""));

        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> client().listResources(null, null));

        assertThat(failure).hasMessageContaining("failed with HTTP 400 (no body");
    }

    @Test
    void successWhoseBodyIsNotJsonIsAClearError() {
        emulator.inject(Fault.respond(200).body("<html>maintenance</html>").on("GET", RESOURCES));

        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> client().listResources(null, null));

        assertThat(failure.httpStatus()).isEqualTo(200);
        assertThat(failure.requestId()).isNotBlank();
        assertThat(failure).hasMessageStartingWith("The answer to the resource list is not JSON (HTTP 200,"
                        + " request id " + failure.requestId() + "): <html>maintenance</html>. ")
                .hasMessageContaining("Check that {{DLI_ENDPOINT}} is the service's address");
    }

    @Test
    void successWhoseBodyIsCutShortIsAClearError() {
        emulator.inject(Fault.respond(201).body("{\"group_name\":\"g\",\"status\":\"REA").on("POST", RESOURCES));

        DliApiException failure = failedUploadOfGroupG();

        assertThat(failure.httpStatus()).isEqualTo(201);
        assertThat(failure).hasMessageStartingWith("The answer to the group upload was cut short")
                .hasMessageContaining("{\"group_name\":\"g\",\"status\":\"REA. ")
                .hasMessageContaining("{{DLI_ENDPOINT}}");
    }

    @Test
    void successWithoutContentIsAnEmptyAnswerNotOneCutShort() {
        emulator.inject(Fault.respond(204).body("").on("GET", RESOURCES));

        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> client().listResources(null, null));

        assertThat(failure.httpStatus()).isEqualTo(204);
        assertThat(failure).hasMessage("The answer to the resource list is empty (HTTP 204, request id "
                + failure.requestId() + "). Check that {{DLI_ENDPOINT}} is the service's address and that no proxy or "
                + "portal answers in its place.");
    }

    @Test
    void emptyAnswerToAJobCallSaysSoAsEveryCallDoes() {
        emulator.inject(Fault.respond(200).body("").on("GET", "/v2\\.0/[^/]+/batches/[^/]+/state"));

        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> client().batches().state("job-1"));

        assertThat(failure).hasMessageStartingWith("The answer to the job state query is empty (HTTP 200, request id "
                + failure.requestId() + "). ");
    }

    // a proxy's bare line break is no more an answer than nothing: before, the job calls showed 'body: .' and the
    // list calls said the connection had cut it short
    @ParameterizedTest
    @ValueSource(strings = {"\n", " \r\n"})
    void answerOfOnlyWhiteSpaceIsEmptyForEveryCall(String blank) {
        emulator.inject(Fault.respond(200).body(blank).always().on("GET", ".*"));

        DliApiException jobState = catchThrowableOfType(DliApiException.class,
                () -> client().batches().state("job-1"));
        DliApiException list = catchThrowableOfType(DliApiException.class,
                () -> client().listResources(null, null));

        assertThat(jobState).hasMessageStartingWith("The answer to the job state query is empty (HTTP 200, ");
        assertThat(list).hasMessageStartingWith("The answer to the resource list is empty (HTTP 200, ");
    }

    @Test
    void successWhoseJsonIsOfAnotherShapeSaysSoRatherThanNotJson() {
        emulator.inject(Fault.respond(200).body("{\"groups\":{\"g\":1}}").on("GET", RESOURCES));

        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> client().listResources(null, null));

        assertThat(failure.httpStatus()).isEqualTo(200);
        assertThat(failure).hasMessageStartingWith("The answer to the resource list has an unexpected shape (HTTP "
                        + "200, request id " + failure.requestId() + "): {\"groups\":{\"g\":1}}. ")
                .hasMessageContaining("Check that {{DLI_ENDPOINT}} is the service's address");
    }

    @Test
    void groupUploadAnswerWithNullElementsInItsListsLeavesThemOut() {
        emulator.inject(Fault.respond(201).body("{\"group_name\":\"g\",\"status\":\"UPLOADING\","
                + "\"resources\":[\"app.jar\",null],\"details\":[null]}").on("POST", RESOURCES));

        PackageGroup group = client().uploadGroup(
                new UploadGroupRequest(List.of(OBS_JAR), "jar", "g", false, List.of()));

        assertThat(group.resources()).containsExactly("app.jar");
        assertThat(group.details()).isEmpty();
    }

    @Test
    void groupUploadRefusedWithA2xxNamesDliReasonAndThatNoGroupIsRegistered() {
        emulator.inject(Fault.respond(200)
                .body("{\"is_success\":false,\"error_code\":\"DLI.0001\",\"error_msg\":\"bad paths\"}")
                .on("POST", RESOURCES));

        DliApiException failure = failedUploadOfGroupG();

        assertThat(failure.httpStatus()).isEqualTo(200);
        assertThat(failure.errorCode()).isEqualTo("DLI.0001");
        assertThat(failure.errorMessage()).isEqualTo("bad paths");
        assertThat(failure).hasMessageStartingWith("DLI refused the group upload of group g: it answered HTTP 200 "
                        + "with DLI.0001: bad paths (request id ")
                .hasMessageEndingWith("The files are uploaded to OBS, but no group is registered.");
    }

    @Test
    void refusalInsideA2xxWithDlisMessageFieldKeepsThatMessage() {
        emulator.inject(Fault.respond(200).body("{\"is_success\":false,\"message\":\"Queue etl is frozen\"}")
                .on("GET", RESOURCES));

        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> client().listResources(null, null));

        assertThat(failure.errorCode()).isNull();
        assertThat(failure.errorMessage()).isEqualTo("Queue etl is frozen");
        assertThat(failure).hasMessage("GET " + emulator.endpoint() + "/v2.0/" + PROJECT + "/resources was refused "
                + "inside an HTTP 200 answer (Queue etl is frozen, request id " + failure.requestId() + ").");
    }

    @Test
    void groupUploadRefusedWithOnlyDlisMessageFieldSaysThatMessage() {
        emulator.inject(Fault.respond(200).body("{\"is_success\":false,\"message\":\"Group name is invalid\"}")
                .on("POST", RESOURCES));

        DliApiException failure = failedUploadOfGroupG();

        assertThat(failure).hasMessageStartingWith("DLI refused the group upload of group g: it answered HTTP 200 "
                + "with Group name is invalid (request id ");
    }

    @Test
    void groupUploadRefusedWithoutAReasonSaysItWasRefusedNotThatTheGroupWasMissing() {
        emulator.inject(Fault.respond(200).body("{\"is_success\":false}").on("POST", RESOURCES));

        DliApiException failure = failedUploadOfGroupG();

        assertThat(failure).hasMessageStartingWith("DLI refused the group upload of group g: it answered HTTP 200 "
                + "with \"is_success\": false and no reason (request id ");
    }

    @Test
    void groupUploadAnsweredWithoutAGroupIsAnErrorNotANullPointer() {
        emulator.inject(Fault.respond(201).body("{\"message\":\"accepted\"}").on("POST", RESOURCES));

        DliApiException failure = failedUploadOfGroupG();

        assertThat(failure).hasMessageContaining("the group upload of group g: it answered HTTP 201 without the "
                + "group's name and status").hasMessageContaining("no group is registered");
    }

    @Test
    void groupUploadAnsweredAboutAnotherGroupIsAnError() {
        emulator.inject(Fault.respond(200).body("{\"group_name\":\"other\",\"status\":\"READY\","
                + "\"resources\":[\"app.jar\"]}").on("POST", RESOURCES));

        DliApiException failure = failedUploadOfGroupG();

        assertThat(failure).hasMessageStartingWith("DLI answered the group upload of group g about group other "
                        + "(HTTP 200, request id ")
                .hasMessageEndingWith("The files are uploaded to OBS; check in the DLI console whether group g is "
                        + "registered.");
        assertThat(failure.requestId()).isNotBlank();
    }

    @Test
    void redirectIsNotFollowedAndSaysWhereToAndWhichSettingToCheck() {
        emulator.inject(Fault.respond(307).body("{\"error_msg\":\"moved\"}")
                .location("https://elsewhere.example.com/v2.0/p/resources").on("GET", RESOURCES));

        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> client().listResources(null, null));

        assertThat(failure.httpStatus()).isEqualTo(307);
        assertThat(failure).hasMessageContaining("failed with HTTP 307 (moved, request id ")
                .hasMessageContaining("The service redirects to https://elsewhere.example.com/v2.0/p/resources, "
                        + "which is not followed because the signature must not travel; check {{DLI_ENDPOINT}}.")
                .hasMessageNotContaining("null");
    }

    @Test
    void requestIdComesFromTheBodyWhenTheHeaderIsMissing() throws IOException {
        URI endpoint = canned(409, "{\"error_code\":\"APIGW.0308\",\"error_msg\":\"The request is throttled\","
                + "\"request_id\":\"rid-from-body\"}");
        DliClient client = new DliClient(http(Credentials.of(AK, SK), Clock.systemUTC()), endpoint, PROJECT);

        DliApiException failure = catchThrowableOfType(DliApiException.class,
                () -> client.listResources(null, null));

        assertThat(failure.httpStatus()).isEqualTo(409);
        assertThat(failure.errorCode()).isEqualTo("APIGW.0308");
        assertThat(failure.errorMessage()).isEqualTo("The request is throttled");
        assertThat(failure.requestId()).isEqualTo("rid-from-body");
        assertThat(failure).hasMessage("GET " + endpoint + "/v2.0/" + PROJECT + "/resources failed with HTTP 409 "
                + "(APIGW.0308: The request is throttled, request id rid-from-body).");
    }

    @Test
    void debugLinesNeverShowTheSecretKeySignatureOrSecurityToken() {
        try (DliEmulator temporary = DliEmulator.builder().temporaryCredentials(AK, SK, TOKEN).projectId(PROJECT)
                .region("cn-north-4").start()) {
            RecordingLog debugLog = RecordingLog.withDebug();
            Credentials credentials = new Credentials(AK, SK, TOKEN, "environment variables");
            SignedHttpClient http = new SignedHttpClient(credentials, Duration.ofSeconds(5), Duration.ofSeconds(10),
                    ProxySettings.NONE, noRetries(), Clock.systemUTC(), debugLog);
            DliClient client = new DliClient(http, temporary.endpoint(), PROJECT);

            client.uploadGroup(new UploadGroupRequest(List.of(OBS_JAR), "jar", "g", false, List.of()));
            client.listResources("jar", null);

            String signature = temporary.requests().get(0).header("Authorization")
                    .replaceAll(".*Signature=", "");
            assertThat(signature).isNotBlank();
            String debug = String.join("\n", debugLog.lines());
            assertThat(debugLog.lines()).anyMatch(line -> line.startsWith("> POST "))
                    .anyMatch(line -> line.startsWith("< 200"));
            assertThat(debug).contains("Signature=****").contains(OBS_JAR)
                    .doesNotContain(SK).doesNotContain(TOKEN).doesNotContain(signature).doesNotContain(AK);
        }
    }

    private DliClient client() {
        return client(Credentials.of(AK, SK), Clock.systemUTC());
    }

    private DliClient client(Credentials credentials, Clock clock) {
        return new DliClient(http(credentials, clock), emulator.endpoint(), PROJECT);
    }

    private SignedHttpClient http(Credentials credentials, Clock clock) {
        return new SignedHttpClient(credentials, Duration.ofSeconds(5), Duration.ofSeconds(10), ProxySettings.NONE,
                noRetries(), clock, log);
    }

    private static RetryPolicy noRetries() {
        return new RetryPolicy(0, pause -> {
            throw new AssertionError("no pause expected");
        }, () -> 0.5);
    }

    /** A server that answers every request with this status and body, and no request id header. */
    private URI canned(int status, String body) throws IOException {
        cannedServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cannedServer.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        cannedServer.start();
        return URI.create("http://127.0.0.1:" + cannedServer.getAddress().getPort());
    }

    /** Registers group {@code g} of one jar, expecting DLI's answer to fail it. */
    private DliApiException failedUploadOfGroupG() {
        return catchThrowableOfType(DliApiException.class, () -> client().uploadGroup(
                new UploadGroupRequest(List.of(OBS_JAR), "jar", "g", false, List.of())));
    }
}
