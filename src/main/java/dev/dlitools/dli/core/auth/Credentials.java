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

    /**
     * Trims the three values.
     *
     * @param accessKey required
     * @param secretKey required
     * @param securityToken {@code null} or blank for permanent credentials
     * @param source for log lines
     */
    public Credentials {
        accessKey = Objects.requireNonNull(accessKey, "accessKey").trim();
        secretKey = Objects.requireNonNull(secretKey, "secretKey").trim();
        securityToken = securityToken == null || securityToken.isBlank() ? null : securityToken.trim();
    }

    /**
     * Permanent credentials given by the caller, whose source reads {@code given}.
     *
     * @param accessKey the access key id (AK)
     * @param secretKey the secret access key (SK)
     * @return credentials without a security token
     */
    public static Credentials of(String accessKey, String secretKey) {
        return new Credentials(accessKey, secretKey, null, "given");
    }

    /** {@return the access key as it may be shown: its first four characters and {@code ****}} */
    public String maskedAccessKey() {
        return mask(accessKey);
    }

    /** {@return whether these are temporary credentials, with a security token} */
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
