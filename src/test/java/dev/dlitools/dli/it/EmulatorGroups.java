package dev.dlitools.dli.it;

import dev.dlitools.dli.core.BuildLog;
import dev.dlitools.dli.core.ProxySettings;
import dev.dlitools.dli.core.auth.Credentials;
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

/** Puts groups into the emulator before a build, through the same signed DLI call the plugin makes. */
final class EmulatorGroups {

    private EmulatorGroups() {}

    /** Registers {@code group} with one package per file name, as if uploaded to a bucket {@code jars}. */
    static void register(DliEmulator emulator, Credentials credentials, String projectId, String group,
            List<Tag> tags, String... files) {
        SignedHttpClient http = new SignedHttpClient(credentials, Duration.ofSeconds(5), Duration.ofSeconds(10),
                ProxySettings.NONE, RetryPolicy.of(0), Clock.systemUTC(), BuildLog.SILENT);
        List<String> paths = Arrays.stream(files)
                .map(file -> "https://jars.obs.cn-north-4.myhuaweicloud.com/dli/" + file)
                .toList();
        new DliClient(http, emulator.endpoint(), projectId)
                .uploadGroup(new UploadGroupRequest(paths, "jar", group, false, tags));
    }
}
