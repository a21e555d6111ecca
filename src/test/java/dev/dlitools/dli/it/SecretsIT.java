package dev.dlitools.dli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlitools.dli.it.MavenBuild.BuildResult;
import dev.dlitools.dli.testsupport.CountingHttpProxy;
import dev.dlitools.dli.testsupport.LocalStandIns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;

/**
 * Builds at {@code -X} with known secrets: neither the output nor any file under the project's {@code target/}
 * holds the secret key, the security token or the whole access key. Credentials come from settings.xml, as the
 * README recommends: an environment variable would be printed at {@code -X} by Maven's resources plugin, which
 * dumps every property it may filter with.
 */
class SecretsIT {

    @Test
    void publishAtDebugLevelLeaksNoCredential() throws IOException {
        try (LocalStandIns standIns = LocalStandIns.start()) {
            String accessKey = standIns.credentials().accessKey();
            String secretKey = standIns.credentials().secretKey();

            BuildResult result = withSettingsServer(MavenBuild.of("spark-job", "secrets-publish")
                    .args("-X", "deploy", "-Dmaven.deploy.skip=true")
                    .pointAt(standIns)
                    .property("dli.pollInterval", 1), accessKey, secretKey, null)
                    .run();

            assertThat(result.succeeded()).as(result.toString()).isTrue();
            assertThat(result.log()).contains("Group orders-job is READY", accessKey.substring(0, 4) + "****");
            assertNothingHolds(result, List.of(secretKey, accessKey));
        }
    }

    /**
     * Every secret a build can hold at once: a security token used for OBS and DLI, an SK encrypted in settings.xml
     * and a proxy login, which OBS requests send as {@code Proxy-Authorization} (so its Base64 form is searched too).
     */
    @Test
    void publishWithTokenEncryptedSecretKeyAndProxyLoginAtDebugLevelLeaksNone() throws Exception {
        String token = "secrets-it-session-token-" + "9f".repeat(20);
        String proxyPassword = "secrets-it-proxy-pass-3Kd";
        try (LocalStandIns standIns = LocalStandIns.builder().securityToken(token).start();
                CountingHttpProxy proxy = CountingHttpProxy.start("proxy-user", proxyPassword)) {
            String accessKey = standIns.credentials().accessKey();
            String secretKey = standIns.credentials().secretKey();
            String master = "secrets-it-master-password";
            DefaultPlexusCipher cipher = new DefaultPlexusCipher();
            MavenBuild build = MavenBuild.of("spark-job", "secrets-all")
                    .args("-X", "deploy", "-Dmaven.deploy.skip=true")
                    .pointAt(standIns);
            Path security = build.projectDir().resolve("settings-security.xml");
            Files.writeString(security, "<settingsSecurity><master>"
                    + cipher.encryptAndDecorate(master, "settings.security") + "</master></settingsSecurity>");

            BuildResult result = withSettings(build, "<servers><server><id>huaweicloud</id><username>" + accessKey
                    + "</username><password>" + cipher.encryptAndDecorate(secretKey, master) + "</password>"
                    + "<configuration><securityToken>" + token + "</securityToken></configuration></server>"
                    + "</servers><proxies><proxy><id>corp</id><active>true</active><protocol>http</protocol>"
                    + "<host>127.0.0.1</host><port>" + proxy.port() + "</port><username>proxy-user</username>"
                    + "<password>" + proxyPassword + "</password></proxy></proxies>")
                    .property("settings.security", security)
                    .property("dli.pollInterval", 1)
                    .run();

            assertThat(result.succeeded()).as(result.toString()).isTrue();
            assertThat(result.log()).contains("Group orders-job is READY", "(temporary, with security token)");
            assertThat(proxy.forwarded()).as("requests through the proxy").isNotEmpty();
            String proxyLogin = Base64.getEncoder().encodeToString(("proxy-user:" + proxyPassword)
                    .getBytes(StandardCharsets.UTF_8));
            assertNothingHolds(result, List.of(secretKey, token, accessKey, proxyPassword, proxyLogin));
        }
    }

    @Test
    void temporaryCredentialsAtDebugLevelLeakNeitherSecretKeyNorToken() throws IOException {
        String accessKey = "TEMPSECRETSITKEY";
        String secretKey = "temporary-secret-key-7e1d0c";
        String token = "security-token-4f2a9b-" + "x".repeat(40);
        try (LocalStandIns standIns = LocalStandIns.builder().credentials(accessKey, secretKey).securityToken(token)
                .projectId("p-secrets").start()) {

            BuildResult listed = listAtDebug(standIns, "secrets-list", accessKey, secretKey, token);
            BuildResult refused = listAtDebug(standIns, "secrets-wrong-sk", accessKey, secretKey + "-wrong", token);

            assertThat(listed.succeeded()).as(listed.toString()).isTrue();
            assertThat(listed.log()).contains("No package groups in project p-secrets");
            assertNothingHolds(listed, List.of(secretKey, token, accessKey));
            assertThat(refused.succeeded()).isFalse();
            assertThat(refused.log()).contains("Check the access key TEMP****");
            assertNothingHolds(refused, List.of(secretKey, token, accessKey));
        }
    }

    /** A CI secret pasted with its line break: the JDK client refuses such a header and quoted it in its error. */
    @Test
    void aSecurityTokenFromTheEnvironmentWithATrailingLineBreakIsTrimmedAndNeverShown() throws IOException {
        String token = "env-security-token-8c3e1a-" + "y".repeat(40);
        try (LocalStandIns standIns = LocalStandIns.builder().securityToken(token).projectId("p-secrets").start()) {
            // no -X: at debug level Maven's own output may show environment variables
            BuildResult listed = MavenBuild.of("list-in-project", "secrets-token-line-break").args("dli:list")
                    .pointAt(standIns)
                    .env("HUAWEICLOUD_SDK_SECURITY_TOKEN", token + "\n")
                    .run();

            assertThat(listed.succeeded()).as(listed.toString()).isTrue();
            assertThat(listed.log()).contains("No package groups in project p-secrets");
            assertNothingHolds(listed, List.of(token, standIns.credentials().secretKey()));
        }
    }

    private static BuildResult listAtDebug(LocalStandIns standIns, String run, String accessKey, String secretKey,
            String token) {
        return withSettingsServer(MavenBuild.of("list-in-project", run).args("-X", "dli:list").pointAt(standIns),
                accessKey, secretKey, token)
                .run();
    }

    /** The credentials from a settings.xml server, none from the environment. */
    private static MavenBuild withSettingsServer(MavenBuild build, String accessKey, String secretKey,
            String token) {
        return withSettings(build, "<servers><server><id>huaweicloud</id><username>" + accessKey + "</username>"
                + "<password>" + secretKey + "</password>"
                + (token == null ? "" : "<configuration><securityToken>" + token + "</securityToken></configuration>")
                + "</server></servers>");
    }

    /** The credentials from settings.xml only: none in the environment. */
    private static MavenBuild withSettings(MavenBuild build, String settingsXml) {
        return build
                .env("HUAWEICLOUD_SDK_AK", null)
                .env("HUAWEICLOUD_SDK_SK", null)
                .env("HUAWEICLOUD_SDK_SECURITY_TOKEN", null)
                .settings(settingsXml);
    }

    /** The build's output and every file the build wrote under target/. */
    private static void assertNothingHolds(BuildResult result, List<String> secrets) throws IOException {
        assertThat(result.log()).doesNotContain(secrets);
        Path target = result.projectDir().resolve("target");
        if (!Files.isDirectory(target)) {
            return;
        }
        try (Stream<Path> files = Files.walk(target)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(content).as(file.toString()).doesNotContain(secrets);
            }
        }
    }
}
