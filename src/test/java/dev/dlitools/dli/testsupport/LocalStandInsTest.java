package dev.dlitools.dli.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stand-ins as demo/stand-ins.sh starts them for a user's own project. */
class LocalStandInsTest {

    @Test
    void theNamedBucketIsCreatedAndPassedAndTheWordsSayHowToUseIt() {
        try (LocalStandIns standIns = LocalStandIns.fromArguments(List.of("--bucket", "acme-dli-artifacts",
                "--ready-delay", "0.5")).start()) {
            assertThat(standIns.s3Proxy().blobStore().containerExists("acme-dli-artifacts")).isTrue();
            assertThat(standIns.s3Proxy().blobStore().containerExists(LocalStandIns.BUCKET)).isFalse();
            assertThat(standIns.mavenArguments()).contains("-Ddli.obs.bucket=acme-dli-artifacts")
                    .contains("-Ddli.obs.endpoint=" + standIns.obsEndpoint());
            assertThat(standIns.howToUse(Path.of("/tmp/credentials.env")))
                    .contains("with bucket acme-dli-artifacts", "set -a; . /tmp/credentials.env; set +a",
                            "<properties><dli.obs.bucket>", "Ctrl-C")
                    .doesNotContain(standIns.credentials().secretKey());
        }
    }

    @Test
    void withAKeyStoreObsDliAndIamAreServedOverHttpsAndTheirEndpointsSaySo(@TempDir Path directory)
            throws Exception {
        LoopbackCertificate certificate =
                LoopbackCertificate.create(directory.resolve("stand-ins.p12"), "changeit", "stand-ins");
        Path store = Files.createDirectories(directory.resolve("store"));
        try (LocalStandIns standIns = certificate.buildTrusting(() -> LocalStandIns.builder()
                .storeDirectory(store, certificate.keyStore(), certificate.password())
                .start())) {
            Map<String, String> properties = standIns.mavenProperties();
            assertThat(List.of("dli.endpoint", "dli.iamEndpoint", "dli.obs.endpoint"))
                    .extracting(properties::get)
                    .allSatisfy(endpoint -> assertThat(endpoint).startsWith("https://127.0.0.1:"));
            // its DLI client was built trusting the certificate, as the benchmark's stand-ins trust theirs
            assertThat(standIns.dliClient().listResources(null, null).groups()).isEmpty();
            assertThat(standIns.emulator().requests()).hasSize(1);
        }
    }

    @Test
    void badOptionsAreRefusedByName() {
        assertThatThrownBy(() -> LocalStandIns.fromArguments(List.of("--bucket")))
                .hasMessage("--bucket needs a value");
        assertThatThrownBy(() -> LocalStandIns.fromArguments(List.of("--ready-delay", "soon")))
                .hasMessage("--ready-delay takes a number of 0 or more, not 'soon'");
        assertThatThrownBy(() -> LocalStandIns.fromArguments(List.of("--colour")))
                .hasMessage("unknown option --colour");
    }
}
