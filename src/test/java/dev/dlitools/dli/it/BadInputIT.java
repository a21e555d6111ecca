package dev.dlitools.dli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlitools.dli.emulator.Fault;
import dev.dlitools.dli.it.MavenBuild.BuildResult;
import dev.dlitools.dli.testsupport.FaultyS3Proxy;
import dev.dlitools.dli.testsupport.LocalStandIns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bad-input catalogue of the README ("When the input is wrong"), one real {@code mvn deploy} per case at the
 * default log level: the build fails with one error that names the setting to change, shows no stack trace, and
 * leaves nothing uploaded and no group registered.
 */
class BadInputIT {

    private static final String SECURITY_TOKEN = "temporary-token-for-bad-input-it";

    private LocalStandIns standIns;
    private FaultyS3Proxy faultyObs;

    @AfterEach
    void stop() throws Exception {
        if (faultyObs != null) {
            faultyObs.close();
        }
        standIns.close();
    }

    @Test
    void resultFileThatIsADirectory() throws IOException {
        MavenBuild build = deploy("result-file-directory", Map.of("dli.resultFile", "published"));
        Path directory = Files.createDirectory(build.projectDir().resolve("published"));
        assertRefused(build, "resultFile (-Ddli.resultFile)", "is a directory");
        assertThat(directory).as("the directory given as result file").isEmptyDirectory();
    }

    @Test
    void resultFileThatCannotBeWritten() {
        assertRefused(deploy("result-file-unwritable", Map.of("dli.resultFile", "pom.xml/result.json")),
                "resultFile (-Ddli.resultFile)", "cannot be written", "pom.xml is a file, not a folder");
    }

    @Test
    void blankGroupName() {
        assertRefused(deploy("blank-group", Map.of("dli.group", " ")),
                "group (-Ddli.group)", "no package group name is set");
    }

    @Test
    void tooLongGroupName() {
        assertRefused(deploy("long-group", Map.of("dli.group", "g".repeat(65))),
                "group (-Ddli.group)", "is 65 characters long", "1 to 64 characters");
    }

    @Test
    void groupNameWithIllegalCharacters() {
        assertRefused(deploy("illegal-group", Map.of("dli.group", "orders/job v2")),
                "group (-Ddli.group)", "contains '/', ' '");
    }

    @Test
    void unknownKind() {
        assertRefused(deploy("unknown-kind", Map.of("dli.kind", "zip")), "kind (-Ddli.kind)", "'zip'");
    }

    @Test
    void tagWithoutValue() {
        assertRefused(deploy("malformed-tags", Map.of("dli.tags", "team")), "tags (-Ddli.tags)", "'team'");
    }

    @Test
    void tooManyTags() {
        String elevenTags = IntStream.rangeClosed(1, 11).mapToObj(i -> "t" + i + "=v").collect(Collectors.joining(","));
        assertRefused(deploy("too-many-tags", Map.of("dli.tags", elevenTags)),
                "tags (-Ddli.tags)", "11 tags are set", "At most 10 tags");
    }

    /**
     * The pom's bucket beat the -D property the stand-ins pass: a warning says so before the goal runs, and the error
     * again, not just "check -D".
     */
    @Test
    void missingBucketThePomSetOverTheCommandLine() throws IOException {
        String lost = "The pom's <bucket>no-such-bucket</bucket> set bucket: -Ddli.obs.bucket=" + LocalStandIns.BUCKET
                + " lost to it";
        BuildResult result = assertRefused(deployToBucket("missing-bucket", "no-such-bucket"),
                "bucket (-Ddli.obs.bucket)", "'no-such-bucket' does not exist", lost,
                "Remove <bucket> from the pom, or give it there as <properties>"
                        + "<dli.obs.bucket>no-such-bucket</dli.obs.bucket></properties>, which -D overrides.");
        assertThat(result.log()).contains("[WARNING] " + lost);
    }

    @Test
    void bucketNameOutsideObsRule() throws IOException {
        assertRefused(deployToBucket("bad-bucket-name", "Etl_Jars"), "bucket (-Ddli.obs.bucket)",
                "'Etl_Jars' has upper-case letters", "3 to 63 lowercase letters");
        assertThat(standIns.emulator().requests()).as("requests to DLI or IAM").isEmpty();
    }

    /** A deploy to another bucket: the example's pom names the bucket, and a pom setting wins over -D. */
    private MavenBuild deployToBucket(String run, String bucket) throws IOException {
        MavenBuild build = deploy(run, Map.of());
        Path pom = build.projectDir().resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("<bucket>etl-jars</bucket>",
                "<bucket>" + bucket + "</bucket>"));
        return build;
    }

    @Test
    void bucketNotAllowed() {
        standIns = LocalStandIns.start();
        faultyObs = FaultyS3Proxy.start(standIns.obsEndpoint())
                .answer(403, "AccessDenied", null, "/" + LocalStandIns.BUCKET, Integer.MAX_VALUE);
        assertRefused(build("forbidden-bucket", Map.of("dli.obs.endpoint", faultyObs.endpoint().toString())),
                "bucket (-Ddli.obs.bucket)", "AccessDenied");
    }

    @Test
    void wrongAccessKey() {
        standIns = LocalStandIns.start();
        MavenBuild build = build("wrong-ak", Map.of()).env("HUAWEICLOUD_SDK_AK", "WRONGACCESSKEY000000");
        assertRefused(build, "HUAWEICLOUD_SDK_AK", "WRON****");
    }

    @Test
    void serverIdThatSettingsDoNotHave() {
        standIns = LocalStandIns.start();
        // the environment holds working credentials: a missing server must not fall back to them
        BuildResult result = assertRefused(build("unknown-server-id", Map.of("dli.serverId", "nope")),
                "serverId (-Ddli.serverId) is 'nope', but settings.xml", "has no <server> with that id");
        assertThat(result.log()).doesNotContain("Using access key");
    }

    @Test
    void wrongSecretKey() {
        standIns = LocalStandIns.start();
        MavenBuild build = build("wrong-sk", Map.of()).env("HUAWEICLOUD_SDK_SK", "a-wrong-secret-key-0000");
        BuildResult result = assertRefused(build, "HUAWEICLOUD_SDK_SK");
        assertThat(result.log()).doesNotContain("a-wrong-secret-key-0000");
    }

    @Test
    void expiredSecurityToken() {
        standIns = LocalStandIns.builder().securityToken(SECURITY_TOKEN).start();
        standIns.emulator().expireSecurityToken(SECURITY_TOKEN);
        // without a project id, IAM is asked first, as it would be for any build that does not set one
        BuildResult result = assertRefused(build("expired-token", Map.of("dli.projectId", "")),
                "HUAWEICLOUD_SDK_SECURITY_TOKEN", "expired");
        assertThat(result.log()).doesNotContain(SECURITY_TOKEN);
    }

    @Test
    void projectIdThatDliDoesNotKnow() {
        // DLI is asked for the group before the first upload, so a wrong project id costs no upload
        assertRefused(deploy("unknown-project", Map.of("dli.projectId", "no-such-project")),
                "HTTP 404 (DLI.0002: The project no-such-project does not exist",
                "Check the project id no-such-project (projectId, -Ddli.projectId)");
    }

    @Test
    void missingProjectIdWithIamUnreachable() {
        assertRefused(deploy("iam-unreachable", Map.of("dli.projectId", "", "dli.iamEndpoint", "http://127.0.0.1:1")),
                "iamEndpoint (-Ddli.iamEndpoint)", "set the project id yourself (projectId, -Ddli.projectId)");
    }

    @Test
    void identityServiceAnswersTwoProjectsForTheRegion() {
        standIns = LocalStandIns.start();
        standIns.emulator().inject(Fault.respond(200).body("{\"projects\":[{\"id\":\"p-one\",\"name\":\""
                + LocalStandIns.REGION + "\"},{\"id\":\"p-two\",\"name\":\"" + LocalStandIns.REGION + "\"}]}")
                .always().on("GET", "/v3/projects"));
        assertRefused(build("iam-two-projects", Map.of("dli.projectId", "")),
                "IAM lists 2 projects named " + LocalStandIns.REGION + ": p-one, p-two",
                "(projectId, -Ddli.projectId)");
    }

    @Test
    void endpointThatIsNotAUrl() {
        assertRefused(deploy("not-a-url", Map.of("dli.endpoint", "dli at cn-north-4")),
                "endpoint (-Ddli.endpoint)", "'dli at cn-north-4'");
    }

    @Test
    void plainHttpEndpointOnAnotherMachine() {
        assertRefused(deploy("insecure-endpoint", Map.of("dli.endpoint", "http://dli.example.com")),
                "endpoint (-Ddli.endpoint)", "dli.allowInsecure");
    }

    @Test
    void mainArtifactMissing() {
        standIns = LocalStandIns.start();
        MavenBuild build = MavenBuild.of("spark-job", "main-artifact-missing").args("dli:upload-group")
                .pointAt(standIns);
        assertRefused(build, "orders-job:jar:1.0.0 has not been packaged", "mvn package dli:upload-group");
    }

    @Test
    void identityServiceAnswersWithoutJson() {
        standIns = LocalStandIns.start();
        standIns.emulator().inject(Fault.respond(200).body("<html><body>Welcome to nginx!</body></html>")
                .always().on("GET", "/v3/projects"));
        assertRefused(build("iam-not-json", Map.of("dli.projectId", "")),
                "The answer to the IAM project query is not JSON", "iamEndpoint (-Ddli.iamEndpoint)");
    }

    @Test
    void truncatedAnswerToTheGroupUpload() {
        standIns = LocalStandIns.start();
        standIns.emulator().inject(Fault.respond(200).body("{\"group_name\":\"orders-job\",\"sta")
                .always().on("POST", "/v2\\.0/[^/]+/resources"));
        BuildResult result = build("truncated-upload-answer", Map.of("dli.retries", "1")).run();

        assertFailedCleanly(result, "The answer to the group upload was cut short", "endpoint (-Ddli.endpoint)");
        // the files went up before DLI was asked; the group was never registered
        assertThat(standIns.emulator().groups()).isEmpty();
    }

    @Test
    void groupUploadRefusedWithSuccessStatus() {
        standIns = LocalStandIns.start();
        standIns.emulator().inject(Fault.respond(200)
                .body("{\"is_success\":false,\"error_code\":\"DLI.0001\",\"error_msg\":\"bad paths\"}")
                .always().on("POST", "/v2\\.0/[^/]+/resources"));
        BuildResult result = build("refused-upload-answer", Map.of()).run();

        assertFailedCleanly(result, "DLI refused the group upload of group orders-job", "DLI.0001: bad paths",
                "The files are uploaded to OBS, but no group is registered.");
        assertThat(standIns.emulator().groups()).isEmpty();
    }

    /** A {@code mvn deploy} of the example project against fresh stand-ins, with these settings changed. */
    private MavenBuild deploy(String run, Map<String, String> changed) {
        standIns = LocalStandIns.start();
        return build(run, changed);
    }

    private MavenBuild build(String run, Map<String, String> changed) {
        return MavenBuild.of("spark-job", run)
                .args("deploy", "-Dmaven.deploy.skip=true", "-Ddli.pollInterval=1")
                .pointAt(standIns, changed);
    }

    private BuildResult assertRefused(MavenBuild build, String... expected) {
        BuildResult result = build.run();
        assertFailedCleanly(result, expected);
        assertThat(standIns.s3Proxy().blobStore().list(LocalStandIns.BUCKET).contents()).as("objects uploaded").isEmpty();
        assertThat(standIns.emulator().uploadPostCount()).as("group uploads").isZero();
        assertThat(standIns.emulator().groups()).isEmpty();
        return result;
    }

    private void assertFailedCleanly(BuildResult result, String... expected) {
        assertThat(result.succeeded()).as(result.toString()).isFalse();
        String log = result.log();
        int start = log.indexOf("[ERROR] Failed to execute goal");
        assertThat(start).as("goal failure in " + result).isNotNegative();
        // the message runs from Maven's "Failed to execute goal" line to its help link
        String failure = log.substring(start, log.indexOf("-> [Help 1]", start));
        assertThat(failure).as(result.toString()).contains(expected);
        assertThat(result.log()).as("stack trace").doesNotContain("\tat ").doesNotContain("Caused by:");
        // Maven names the exception class only in its help link; our message never does
        assertThat(failure).doesNotContainPattern("[A-Z]\\w*(Exception|Error)\\b");
        assertThat(result.log()).doesNotContain(standIns.credentials().secretKey());
    }
}
