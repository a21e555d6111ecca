package dev.dlitools.dli.core.auth;

import java.util.Objects;

/**
 * AK/SK credentials, optionally temporary (with a security token).
 *
 * <p>{@link #toString()} shows only the masked access key, so a credentials object can be logged or put
 * in an exception message without leaking a secret.
 *
 * <p>All three values are trimmed, wherever they come from: a secret pasted into a CI variable or a settings.xml
 * element often carries a line break, which no header may hold.
 *
 * @param accessKey the access key id (AK)
 * @param secretKey the secret access key (SK); never printed
 * @param securityToken the security token of temporary credentials, or {@code null}; never printed
 * @param source where the credentials came from, for log lines ("settings.xml server 'dli'", ...)
 */
public record Credentials(String accessKey, String secretKey, String securityToken, String source) {

    public Credentials {
        accessKey = Objects.requireNonNull(accessKey, "accessKey").trim();
        secretKey = Objects.requireNonNull(secretKey, "secretKey").trim();
        securityToken = securityToken == null || securityToken.isBlank() ? null : securityToken.trim();
    }

    public static Credentials of(String accessKey, String secretKey) {
        return new Credentials(accessKey, secretKey, null, "given");
    }

    /** The access key as it may be shown: its first four characters and {@code ****}. */
    public String maskedAccessKey() {
        return mask(accessKey);
    }

    public boolean isTemporary() {
        return securityToken != null;
    }

    /** The first four characters of a key and {@code ****}; the whole value when it is too short to hide. */
    static String mask(String key) {
        return key.length() <= 4 ? "****" : key.substring(0, 4) + "****";
    }

    @Override
    public String toString() {
        return "Credentials[accessKey=" + maskedAccessKey() + (isTemporary() ? ", temporary" : "")
                + ", source=" + source + "]";
    }
}
