package dev.dlitools.dli.maven;

import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Finds the AK/SK credentials, first in the settings.xml {@code <server>} named by {@code serverId} (username = AK,
 * password = SK, decrypted when encrypted; optional {@code <configuration><securityToken>}), then, only when no
 * server id was set, in the environment variables of Huawei's SDKs.
 */
final class CredentialsResolver {

    /** The server looked up when no server id is set; unlike a named one it may be absent. */
    static final String DEFAULT_SERVER_ID = "huaweicloud";

    static final String ENV_AK = "HUAWEICLOUD_SDK_AK";
    static final String ENV_SK = "HUAWEICLOUD_SDK_SK";
    static final String ENV_SECURITY_TOKEN = "HUAWEICLOUD_SDK_SECURITY_TOKEN";

    private final SettingsDecrypter decrypter;

    CredentialsResolver(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    /**
     * @param serverId the server id the user set, or {@code null} for the default id, whose server may be absent
     * @param setting the setting that gave {@code serverId}, named in the error when its server is missing
     * @param settingsFile the settings.xml Maven read, for messages
     */
    Credentials resolve(String serverId, Setting setting, Settings settings, String settingsFile,
            Map<String, String> environment) {
        boolean named = serverId != null && !serverId.isBlank();
        String id = named ? serverId.trim() : DEFAULT_SERVER_ID;
        Server server = settings == null ? null : settings.getServer(id);
        if (server != null) {
            return fromServer(decrypt(server), id);
        }
        if (named) {
            // falling back to the environment here would publish with credentials the user did not choose
            throw new SettingException(setting, setting.named() + " is '" + id + "', but " + settingsFile
                    + " has no <server> with that id. Add it there, or leave " + setting.named()
                    + " unset to use the environment variables " + ENV_AK + " and " + ENV_SK + ".");
        }
        String accessKey = environment.get(ENV_AK);
        String secretKey = environment.get(ENV_SK);
        if (present(accessKey) && present(secretKey)) {
            String securityToken = environment.get(ENV_SECURITY_TOKEN);
            return new Credentials(accessKey, secretKey, securityToken, "environment variables "
                    + ENV_AK + "/" + ENV_SK + (present(securityToken) ? "/" + ENV_SECURITY_TOKEN : ""));
        }
        throw new DliException("No Huawei Cloud credentials found. Give them either as a <server> with id '"
                + id + "' in ~/.m2/settings.xml (username = access key, password = secret key, encrypted "
                + "with 'mvn --encrypt-password' if you like; another id with -Ddli.serverId=...), or as the "
                + "environment variables " + ENV_AK + " and " + ENV_SK + " (and " + ENV_SECURITY_TOKEN
                + " for temporary credentials).");
    }

    private Server decrypt(Server server) {
        // only this server is decrypted: other servers' passwords are none of our business
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        String problems = result.getProblems().stream()
                .filter(problem -> problem.getSeverity() != SettingsProblem.Severity.WARNING)
                .map(SettingsProblem::getMessage)
                .collect(Collectors.joining("; "));
        if (!problems.isEmpty()) {
            throw new DliException("Could not decrypt the password of server '" + server.getId()
                    + "' in settings.xml: " + problems + ". Check ~/.m2/settings-security.xml.");
        }
        return result.getServer();
    }

    private static Credentials fromServer(Server server, String serverId) {
        String source = "settings.xml server '" + serverId + "'";
        if (!present(server.getUsername()) || !present(server.getPassword())) {
            throw new DliException("The " + source + " needs a <username> (the access key) and a <password> "
                    + "(the secret key).");
        }
        String securityToken = null;
        if (server.getConfiguration() instanceof Xpp3Dom configuration
                && configuration.getChild("securityToken") != null) {
            securityToken = configuration.getChild("securityToken").getValue();
        }
        return new Credentials(server.getUsername(), server.getPassword(), securityToken, source);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
