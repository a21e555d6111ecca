package dev.dlitools.dli.it;

import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.BuildLog;
import dev.dlitools.dli.core.common.ProxySettings;
import dev.dlitools.dli.core.dli.DliClient;
import dev.dlitools.dli.core.dli.SignedHttpClient;
import dev.dlitools.dli.core.dli.Tag;
import dev.dlitools.dli.core.dli.UploadGroupRequest;
import dev.dlitools.dli.core.retry.RetryPolicy;
import dev.dlitools.dli.emulator.DliEmulator;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The DLI emulator as the ITs that need no OBS use it, one per test class
 * ({@code @RegisterExtension static EmulatorProject dli = ...}): one project and one AK/SK in region cn-north-4.
 * Seeds groups through the same signed call the plugin makes, and points builds at itself.
 */
final class EmulatorProject implements BeforeAllCallback, AfterAllCallback {

    private final Credentials credentials;
    private final String projectId;
    private DliEmulator emulator;

    EmulatorProject(String accessKey, String secretKey, String projectId) {
        this.credentials = Credentials.of(accessKey, secretKey);
        this.projectId = projectId;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = DliEmulator.builder().credentials(credentials.accessKey(), credentials.secretKey())
                .projectId(projectId).region("cn-north-4").start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        emulator.close();
    }

    DliEmulator emulator() {
        return emulator;
    }

    /** The build with the emulator's endpoint, the project id and the AK/SK as environment variables. */
    MavenBuild pointAt(MavenBuild build) {
        return build.property("dli.endpoint", emulator.endpoint())
                .property("dli.projectId", projectId)
                .env("HUAWEICLOUD_SDK_AK", credentials.accessKey())
                .env("HUAWEICLOUD_SDK_SK", credentials.secretKey());
    }

    /** Registers {@code group} with one package per file name, as if uploaded to a bucket {@code jars}. */
    void register(String group, List<Tag> tags, String... files) {
        SignedHttpClient http = new SignedHttpClient(credentials, Duration.ofSeconds(5), Duration.ofSeconds(10),
                ProxySettings.NONE, RetryPolicy.of(0), Clock.systemUTC(), BuildLog.SILENT);
        List<String> paths = Arrays.stream(files)
                .map(file -> "https://jars.obs.cn-north-4.myhuaweicloud.com/dli/" + file)
                .toList();
        new DliClient(http, emulator.endpoint(), projectId)
                .uploadGroup(new UploadGroupRequest(paths, "jar", group, false, tags));
    }
}
