package dev.dlitools.dli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.dlitools.dli.core.dli.DliJson;
import dev.dlitools.dli.core.dli.Tag;
import dev.dlitools.dli.it.MavenBuild.BuildResult;
import dev.dlitools.dli.it.MavenBuild.PipedResult;
import dev.dlitools.dli.testsupport.LocalStandIns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;

/** {@code dli:list} in real Maven builds against the DLI emulator. */
class ListIT {

    private static final String AK = "LISTITACCESSKEY";
    private static final String SK = "list-it-secret-key-0123456789";
    private static final String PROJECT = "p-list-it";
    @RegisterExtension
    static final SharedStandIns dli =
            new SharedStandIns(LocalStandIns.builder().credentials(AK, SK).projectId(PROJECT));

    @Test
    void emptyProjectSaysSoInOneLine() {
        BuildResult result = list("list-empty", "nothing-here-*").run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(result.log()).contains("[INFO] No package groups in project " + PROJECT
                + " matching group=nothing-here-*.");
    }

    @Test
    void groupsAreShownAsAlignedTableAndAsJson() throws Exception {
        register("etl-orders", "prod", "orders-job-1.0.jar", "jackson-databind-2.17.2.jar");
        register("etl-billing", "test", "billing-job-2.0.jar");

        BuildResult table = list("list-table", "etl-*").run();
        assertThat(table.succeeded()).as(table.toString()).isTrue();
        assertThat(table.log()).containsPattern("\\[INFO] GROUP {8}KIND {2}STATUS {2}PACKAGES {2}TAGS {2}UPDATED")
                .containsPattern("\\[INFO] etl-billing {2}jar {3}READY {3}1 {9}- {5}"
                        + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d\\d:\\d\\d")
                .containsPattern("\\[INFO] etl-orders {3}jar {3}READY {3}2 {9}- {5}\\d{4}-");

        BuildResult json = list("list-json", "etl-*")
                .property("dli.tags", "env=prod")
                .property("dli.format", "json")
                .property("dli.outputFile", "target/groups.json")
                .run();
        assertThat(json.succeeded()).as(json.toString()).isTrue();
        JsonNode written = DliJson.MAPPER.readTree(json.projectDir().resolve("target/groups.json").toFile());
        assertThat(written.path("groups")).hasSize(1);
        assertThat(written.path("groups").get(0).path("group_name").asText()).isEqualTo("etl-orders");
        assertThat(written.path("groups").get(0).path("resources")).hasSize(2);
    }

    @Test
    void withMinusQTheJsonIsTheWholeStandardOutputForAPipe() throws Exception {
        register("pipe-orders", "prod", "orders-job-1.0.jar", "jackson-databind-2.17.2.jar");
        register("pipe-billing", "test", "billing-job-2.0.jar");

        PipedResult result = list("list-quiet-json", "pipe-*").args("-q").property("dli.format", "json").runPiped();

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode json = WHOLE_DOCUMENT.readTree(result.stdout());
        assertThat(json.path("groups")).extracting(group -> group.path("group_name").asText())
                .containsExactly("pipe-billing", "pipe-orders");
        assertThat(json.path("groups").get(1).path("resources")).hasSize(2);
    }

    @Test
    void outputFileMinusPrintsTheJsonBareBesideMavensOwnLines() throws Exception {
        register("minus-orders", "prod", "orders-job-1.0.jar");

        MavenBuild build = list("list-output-minus", "minus-*")
                .property("dli.format", "json")
                .property("dli.outputFile", "-");
        PipedResult result = build.runPiped();

        assertThat(result.exitCode()).as(result.toString()).isZero();
        // without -q Maven's [INFO] lines share standard output; the JSON's lines are there bare, not logged
        String bare = result.stdout().lines().filter(line -> !line.startsWith("[INFO]"))
                .collect(Collectors.joining("\n"));
        assertThat(WHOLE_DOCUMENT.readTree(bare).path("groups").get(0).path("group_name").asText())
                .as(result.toString()).isEqualTo("minus-orders");
        assertThat(result.stdout()).doesNotContain("[INFO] {").doesNotContain("Wrote the listing");
        assertThat(build.projectDir().resolve("-")).doesNotExist();
    }

    @Test
    void listsWithoutAProject() {
        register("no-project-group", "dev", "job.jar");

        BuildResult result = MavenBuild.withoutProject("list-no-project")
                .args(MavenBuild.PLUGIN + ":list")
                .pointAt(dli.standIns())
                .property("dli.region", "cn-north-4")
                .property("dli.group", "no-project-group")
                .run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(result.log()).containsPattern("\\[INFO] no-project-group {2}jar {3}READY");
    }

    @Test
    void wrongSecretKeyFailsWithAClearMessageAndNoStackTrace() {
        BuildResult result = list("list-bad-signature", null)
                .env("HUAWEICLOUD_SDK_SK", "not-the-secret-key")
                .run();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.log())
                .contains("failed with HTTP 401 (APIGW.0301: Incorrect IAM authentication information")
                .contains("Check the access key LIST**** and its secret key (from environment variables")
                .doesNotContain("\tat dev.dlitools")
                .doesNotContain("not-the-secret-key");
    }

    @Test
    void credentialsComeFromAnEncryptedSettingsServer() throws Exception {
        String master = "it-master-password";
        DefaultPlexusCipher cipher = new DefaultPlexusCipher();
        MavenBuild build = list("list-encrypted-settings", null);
        Path security = build.projectDir().resolve("settings-security.xml");
        Files.writeString(security, "<settingsSecurity><master>"
                + cipher.encryptAndDecorate(master, "settings.security") + "</master></settingsSecurity>");

        BuildResult result = build
                .env("HUAWEICLOUD_SDK_AK", null)
                .env("HUAWEICLOUD_SDK_SK", null)
                .property("settings.security", security)
                .property("dli.serverId", "dli-it")
                .settings("<servers><server><id>dli-it</id><username>" + AK + "</username><password>"
                        + cipher.encryptAndDecorate(SK, master) + "</password></server></servers>")
                .run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(result.log()).contains("Using access key LIST**** from settings.xml server 'dli-it'")
                .doesNotContain(SK);
    }

    @Test
    void projectIdIsResolvedThroughIam() {
        BuildResult result = MavenBuild.of("list-in-project", "list-iam")
                .args("dli:list")
                .pointAt(dli.standIns(), Map.of("dli.projectId", ""))
                .run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(result.log()).contains("Project id of region cn-north-4 from IAM: " + PROJECT);
    }

    /** Regression: the plugin-level {@code <tags>} map of upload-group made dli:list fail to configure. */
    @Test
    void listsInAProjectWhosePluginConfigurationIsForUploadGroup() {
        register("etl-untagged-by-pom", "prod", "untagged-1.0.jar");

        BuildResult result =
                MavenBuild.of("spark-job", "list-in-spark-job").args("dli:list").pointAt(dli.standIns()).run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        // the pom's <group>, <kind> and <tags> describe what to publish; they do not filter the listing
        assertThat(result.log()).contains("etl-untagged-by-pom");
    }

    /**
     * Regression: Maven resolved the AWS SDK's 35 artifacts for every goal of the plugin, 0.3-0.45 s of each run, and
     * then Jackson's, with their parents and BOMs; bundled in the plugin jar under a pom without dependencies, the class
     * realm holds our jar alone, and the listing still works.
     */
    @Test
    void pluginRealmHoldsOurJarAlone() {
        register("realm-check", "dev", "job.jar");

        BuildResult result = list("list-plugin-realm", "realm-check").args("-X").run();

        assertThat(result.succeeded()).as(result.toString()).isTrue();
        assertThat(result.log()).containsPattern("\\[INFO] realm-check {2}jar {3}READY");
        List<String> included = result.log().lines()
                .dropWhile(line -> !line.contains("Populating class realm plugin>dev.dlitools:dli-maven-plugin"))
                .skip(1)
                .takeWhile(line -> line.contains("Included: "))
                .map(line -> line.substring(line.indexOf("Included: ") + "Included: ".length()))
                .toList();
        assertThat(included).as(result.toString()).singleElement(STRING)
                .startsWith("dev.dlitools:dli-maven-plugin:");
    }

    /** A parser that fails on anything after the JSON, as a pipe's reader would. */
    static final ObjectMapper WHOLE_DOCUMENT =
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /** A list build in the example project, with the emulator's endpoint and project and env credentials. */
    private static MavenBuild list(String run, String groupPattern) {
        MavenBuild build = MavenBuild.of("list-in-project", run).args("dli:list").pointAt(dli.standIns());
        return groupPattern == null ? build : build.property("dli.group", groupPattern);
    }

    private static void register(String group, String env, String... files) {
        dli.standIns().registerGroup(group, List.of(new Tag("env", env)), files);
    }
}
