package dev.dlitools.dli.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import java.util.Map;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;

/** Which credentials are used when no settings.xml server matches: the environment's only without a server id. */
class CredentialsResolverTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            CredentialsResolver.ENV_AK, "ENVACCESSKEY0000", CredentialsResolver.ENV_SK, "env-secret-key");

    private final CredentialsResolver resolver = new CredentialsResolver(null);

    @Test
    void withoutServerIdTheEnvironmentIsUsedWhenSettingsHaveNoDefaultServer() {
        assertThat(resolver.resolve(null, Setting.SERVER_ID, new Settings(), "settings.xml", ENVIRONMENT)
                .source()).startsWith("environment variables");
    }

    @Test
    void keysAndSecurityTokenPastedWithALineBreakAreTrimmedAlike() {
        Map<String, String> pasted = Map.of(CredentialsResolver.ENV_AK, "ENVACCESSKEY0000\n",
                CredentialsResolver.ENV_SK, " env-secret-key\n", CredentialsResolver.ENV_SECURITY_TOKEN,
                "env-session-token\r\n");

        Credentials credentials = resolver.resolve(null, Setting.SERVER_ID, new Settings(), "settings.xml", pasted);

        assertThat(credentials.accessKey()).isEqualTo("ENVACCESSKEY0000");
        assertThat(credentials.secretKey()).isEqualTo("env-secret-key");
        assertThat(credentials.securityToken()).isEqualTo("env-session-token");
    }

    @Test
    void aNamedServerThatDoesNotExistIsAnErrorNamingItAndTheSettingsFile() {
        assertThatThrownBy(() -> resolver.resolve("nope", Setting.SERVER_ID, new Settings(),
                        "settings.xml (/home/ci/.m2/settings.xml)", ENVIRONMENT))
                .isInstanceOf(SettingException.class)
                .hasFieldOrPropertyWithValue("setting", Setting.SERVER_ID)
                .extracting(failure -> MavenWords.render(failure.getMessage()))
                .isEqualTo("serverId (-Ddli.serverId) is 'nope', but settings.xml (/home/ci/.m2/settings.xml) has "
                        + "no <server> with that id. Add it there, or leave serverId (-Ddli.serverId) unset to use "
                        + "the environment variables HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK.");
    }

    @Test
    void theDefaultIdNamedExplicitlyMustExistToo() {
        assertThatThrownBy(() -> resolver.resolve("huaweicloud", Setting.SERVER_ID, null, "settings.xml",
                        ENVIRONMENT))
                .extracting(failure -> MavenWords.render(failure.getMessage())).asString()
                .startsWith("serverId (-Ddli.serverId) is 'huaweicloud', but settings.xml has no");
    }
}
