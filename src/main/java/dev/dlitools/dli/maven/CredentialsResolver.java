package dev.dlitools.dli.maven;

import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.DliException;
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
 * password = SK, decrypted when encrypted; optional {@code <configuration><securityToken>}), then in the
 * environment variables of Huawei's SDKs.
 */
final class CredentialsResolver {

    static final String ENV_AK = "HUAWEICLOUD_SDK_AK";
    static final String ENV_SK = "HUAWEICLOUD_SDK_SK";
    static final String ENV_SECURITY_TOKEN = "HUAWEICLOUD_SDK_SECURITY_TOKEN";

    private final SettingsDecrypter decrypter;

    CredentialsResolver(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    Credentials resolve(String serverId, Settings settings, Map<String, String> environment) {
        Server server = settings == null || serverId == null ? null : settings.getServer(serverId);
        if (server != null) {
            return fromServer(decrypt(server), serverId);
        }
        String accessKey = environment.get(ENV_AK);
        String secretKey = environment.get(ENV_SK);
        if (present(accessKey) && present(secretKey)) {
            String securityToken = environment.get(ENV_SECURITY_TOKEN);
            return new Credentials(accessKey.trim(), secretKey.trim(), securityToken, "environment variables "
                    + ENV_AK + "/" + ENV_SK + (present(securityToken) ? "/" + ENV_SECURITY_TOKEN : ""));
        }
        throw new DliException("No Huawei Cloud credentials found. Give them either as a <server> with id '"
                + serverId + "' in ~/.m2/settings.xml (username = access key, password = secret key, encrypted "
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
        return new Credentials(server.getUsername().trim(), server.getPassword().trim(), securityToken, source);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
