package dev.dlitools.dli.core.obs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.BuildLog;
import dev.dlitools.dli.testsupport.S3ProxyServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The OBS client is the same whatever AWS settings the machine has: OBS is not AWS. */
class ObsClientFactoryTest {

    @TempDir
    Path dir;

    @Test
    void awsFipsAndDualStackSettingsOfTheMachineDoNotTouchObsRequests() throws IOException {
        // with a custom endpoint, the SDK refuses any request when FIPS or dual-stack endpoints are asked for
        Path awsConfig = Files.writeString(dir.resolve("aws-config"), """
                [default]
                use_dualstack_endpoint = true
                """);
        Map<String, String> machineSettings = Map.of("aws.configFile", awsConfig.toString(),
                "aws.useFipsEndpoint", "true");
        machineSettings.forEach(System::setProperty);
        try (S3ProxyServer server = S3ProxyServer.start();
                S3Client s3 = ObsClientFactory.create(ObsClientSettings.of(server.endpoint(), "cn-north-4",
                        Credentials.of(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY), true), BuildLog.SILENT)) {
            server.createBucket("jars");

            s3.putObject(put -> put.bucket("jars").key("a.jar"), RequestBody.fromString("a"));

            assertThat(server.exists("jars", "a.jar")).isTrue();
        } finally {
            machineSettings.keySet().forEach(System::clearProperty);
        }
    }
}
