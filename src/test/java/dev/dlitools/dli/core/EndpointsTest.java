package dev.dlitools.dli.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlitools.dli.core.common.DliException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointsTest {

    @Test
    void huaweiCloudRegionsMapToMyhuaweicloud() {
        Endpoints endpoints = Endpoints.of("ap-southeast-3", null, null, null);

        assertThat(endpoints.dli()).isEqualTo(URI.create("https://dli.ap-southeast-3.myhuaweicloud.com"));
        assertThat(endpoints.iam()).isEqualTo(URI.create("https://iam.ap-southeast-3.myhuaweicloud.com"));
        assertThat(endpoints.obs()).isEqualTo(URI.create("https://obs.ap-southeast-3.myhuaweicloud.com"));
    }

    @Test
    void openTelekomCloudRegionsMapToTSystems() {
        assertThat(Endpoints.of("eu-de", null, null, null).dli())
                .isEqualTo(URI.create("https://dli.eu-de.otc.t-systems.com"));
        assertThat(Endpoints.of("eu-nl", null, null, null).obs())
                .isEqualTo(URI.create("https://obs.eu-nl.otc.t-systems.com"));
    }

    @Test
    void givenEndpointsWinOverTheRegionsOwn() {
        Endpoints endpoints = Endpoints.of("cn-north-4", "http://127.0.0.1:8080/", null, "http://127.0.0.1:9000");

        assertThat(endpoints.dli()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(endpoints.iam()).isEqualTo(URI.create("https://iam.cn-north-4.myhuaweicloud.com"));
        assertThat(endpoints.obs()).isEqualTo(URI.create("http://127.0.0.1:9000"));
    }

    @Test
    void unknownRegionListsTheKnownOnesAndHowToGiveEndpoints() {
        Endpoints endpoints = Endpoints.of("xx-nowhere-1", null, null, null);

        assertThatThrownBy(endpoints::dli)
                .isInstanceOf(DliException.class)
                .hasMessageContaining("Unknown region 'xx-nowhere-1' ({{REGION}})")
                .hasMessageContaining("no default {{DLI_ENDPOINT}}")
                .hasMessageContaining("cn-north-4, cn-north-9")
                .hasMessageContaining("eu-de, eu-nl")
                .hasMessageContaining("{{DLI_ENDPOINT=https://dli.xx-nowhere-1.")
                .hasMessageContaining("{{IAM_ENDPOINT=")
                .hasMessageContaining("{{OBS_ENDPOINT=");
    }

    @Test
    void unknownRegionIsAcceptedForEveryEndpointGivenByHand() {
        Endpoints endpoints = Endpoints.of("my-private-region", "https://dli.example.com", null, null);

        assertThat(endpoints.dli()).isEqualTo(URI.create("https://dli.example.com"));
        // IAM is only asked when no project id is given, OBS only by uploads: missing ones fail when used
        assertThatThrownBy(endpoints::iam).hasMessageContaining("no default {{IAM_ENDPOINT}}");
        assertThatThrownBy(endpoints::obs).hasMessageContaining("no default {{OBS_ENDPOINT}}");
    }

    @Test
    void regionIdsAreCaseSensitiveAsTheServiceNamesThem() {
        assertThatThrownBy(() -> Endpoints.of("CN-NORTH-4", null, null, null).dli())
                .hasMessageContaining("Unknown region 'CN-NORTH-4'");
    }

    @Test
    void anEndpointWithAPathIsRefused() {
        assertThatThrownBy(() -> Endpoints.of("cn-north-4", "https://dli.example.com/v2.0", null, null))
                .isInstanceOf(DliException.class)
                .hasMessageContaining("{{DLI_ENDPOINT}} must not have a path");
    }

    @Test
    void notAUrlNamesTheSetting() {
        assertThatThrownBy(() -> Endpoints.of("cn-north-4", "https://dli host", null, null))
                .isInstanceOf(DliException.class)
                .hasMessage("{{DLI_ENDPOINT}} is not a URL: 'https://dli host'. Give it as https://host[:port].");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dli.cn-north-4.myhuaweicloud.com", "ftp://dli.example.com", "https:///v2.0"})
    void withoutHttpSchemeOrHostNamesTheSetting(String given) {
        assertThatThrownBy(() -> Endpoints.of("cn-north-4", null, given, null))
                .isInstanceOf(DliException.class)
                .hasMessage("{{IAM_ENDPOINT}} is not an http(s) URL with a host: '" + given
                        + "'. Give it as https://host[:port].");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://obs.example.com/bucket", "https://obs.example.com?region=x",
            "https://obs.example.com/?x"})
    void pathOrQueryNamesTheSetting(String given) {
        assertThatThrownBy(() -> Endpoints.of("cn-north-4", null, null, given))
                .isInstanceOf(DliException.class)
                .hasMessage("{{OBS_ENDPOINT}} must not have a path or query: '" + given
                        + "'. Give it as https://host[:port].");
    }

    @Test
    void aLoginInAnyEndpointIsRefusedNamingTheSettingWithoutEchoingIt() {
        assertThatThrownBy(() -> Endpoints.of("cn-north-4", "https://ci:gateway-pass@dli.example.com", null, null))
                .isInstanceOf(DliException.class)
                .hasMessage("{{DLI_ENDPOINT}} must not hold a login (user:password@): give it as "
                        + "'https://dli.example.com'. Requests are signed with the access key; a proxy's login "
                        + "belongs in the proxy settings.");
        assertThatThrownBy(() -> Endpoints.of("cn-north-4", null, "https://ci:gateway-pass@iam.example.com", null))
                .hasMessageStartingWith("{{IAM_ENDPOINT}} must not hold a login")
                .message().doesNotContain("gateway-pass");
        // the login is refused before the path, whose message would show the URL
        assertThatThrownBy(() -> Endpoints.of("cn-north-4", null, null, "https://ci:gateway-pass@obs.example.com/b"))
                .hasMessageStartingWith("{{OBS_ENDPOINT}} must not hold a login")
                .message().doesNotContain("gateway-pass");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://ci:gateway-pass@dli host", "https://ci:gateway@pass@dli.example.com",
            "//ci:gateway-pass@dli.example.com"})
    void aLoginInAnEndpointThatDoesNotParseIsRefusedWithoutEchoingItToo(String given) {
        assertThatThrownBy(() -> Endpoints.of("cn-north-4", given, null, null))
                .isInstanceOf(DliException.class)
                .hasMessageStartingWith("{{DLI_ENDPOINT}} must not hold a login")
                .message().doesNotContain("gateway");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://dli.example.com:84433", "https://dli.example.com:0"})
    void aPortOutOfRangeNamesTheSetting(String given) {
        String port = given.substring(given.lastIndexOf(':') + 1);
        assertThatThrownBy(() -> Endpoints.of("cn-north-4", given, null, null))
                .isInstanceOf(DliException.class)
                .hasMessage("{{DLI_ENDPOINT}} has port " + port + ", which is not 1 to 65535: '" + given
                        + "'. Give it as https://host[:port].");
        assertThatThrownBy(() -> Endpoints.of("cn-north-4", null, null, given))
                .hasMessageStartingWith("{{OBS_ENDPOINT}} has port " + port);
    }

    @Test
    void theHighestPortIsAccepted() {
        assertThat(Endpoints.of("cn-north-4", "https://dli.example.com:65535", null, null).dli().getPort())
                .isEqualTo(65535);
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedNamingTheSettings() {
        Endpoints endpoints = Endpoints.of("cn-north-4", null, null, "http://obs.internal.example.com:8080");

        assertThatThrownBy(() -> endpoints.requireSecure(false))
                .isInstanceOf(DliException.class)
                .hasMessageStartingWith("{{OBS_ENDPOINT}} is plain HTTP to another machine")
                .hasMessageContaining("{{ALLOW_INSECURE=true}}");
        assertThat(endpoints.requireSecure(true).obs()).isEqualTo(URI.create("http://obs.internal.example.com:8080"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9000", "http://localhost:9000", "http://[::1]:9000", "http://127.3.2.1"})
    void plainHttpToThisMachineIsAllowed(String endpoint) {
        assertThat(Endpoints.of("cn-north-4", endpoint, endpoint, endpoint).requireSecure(false).dli())
                .isEqualTo(URI.create(endpoint));
    }

    @Test
    void aNameThatOnlyLooksLikeLoopbackIsNotTrusted() {
        assertThatThrownBy(() -> Endpoints.of("cn-north-4", "http://127.0.0.1.attacker.example", null, null)
                .requireSecure(false))
                .hasMessageStartingWith("{{DLI_ENDPOINT}} is plain HTTP to another machine");
    }
}
