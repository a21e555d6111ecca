package dev.dlitools.dli.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.BuildLog;
import dev.dlitools.dli.core.common.ProxySettings;
import dev.dlitools.dli.core.dli.DliApiException;
import dev.dlitools.dli.core.dli.DliClient;
import dev.dlitools.dli.core.dli.SignedHttpClient;
import dev.dlitools.dli.core.dli.UploadGroupRequest;
import dev.dlitools.dli.core.retry.RetryPolicy;
import dev.dlitools.dli.testsupport.LoopbackCertificate;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emulator over HTTPS, as DLI and IAM are only: the benchmark's builds pay the TLS handshakes they would. */
class DliEmulatorHttpsTest {

    private static final String AK = "EMULATORAK";
    private static final String SK = "emulator-secret";
    private static final String PROJECT = "p-tls";

    @TempDir
    Path directory;

    @Test
    void answersOurSignedCallsOverHttpsWithTheKeyStoresCertificate() throws Exception {
        LoopbackCertificate certificate = LoopbackCertificate.create(directory.resolve("dli.p12"), "changeit", "dli");
        try (DliEmulator emulator = DliEmulator.builder().credentials(AK, SK).projectId(PROJECT)
                        .keyStore(certificate.keyStore(), certificate.password()).start();
                SignedHttpClient trusting = certificate.buildTrusting(DliEmulatorHttpsTest::client);
                SignedHttpClient jdkTrustOnly = client()) {
            assertThat(emulator.endpoint().getScheme()).isEqualTo("https");
            DliClient dli = new DliClient(trusting, emulator.endpoint(), PROJECT);

            dli.uploadGroup(new UploadGroupRequest(List.of("https://jars.obs.cn-north-4.myhuaweicloud.com/a.jar"),
                    "jar", "g", false, List.of()));

            assertThat(dli.listResources(null, null).groups()).extracting("groupName").contains("g");
            // the JDK's authorities do not know the throw-away certificate: it is TLS with that key that answers
            DliApiException refused = catchThrowableOfType(DliApiException.class,
                    () -> new DliClient(jdkTrustOnly, emulator.endpoint(), PROJECT).listResources(null, null));
            assertThat(refused).hasMessageContaining("Could not reach " + emulator.endpoint())
                    .hasCauseInstanceOf(SSLHandshakeException.class);
            assertThat(emulator.requests()).hasSize(2);
        }
    }

    private static SignedHttpClient client() {
        return new SignedHttpClient(Credentials.of(AK, SK), Duration.ofSeconds(5), Duration.ofSeconds(10),
                ProxySettings.NONE, new RetryPolicy(0, pause -> {}, () -> 0.5), Clock.systemUTC(), BuildLog.SILENT);
    }
}
