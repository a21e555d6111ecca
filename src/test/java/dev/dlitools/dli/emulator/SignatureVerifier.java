package dev.dlitools.dli.emulator;

import dev.dlitools.dli.core.auth.AkSkSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks {@code SDK-HMAC-SHA256} signatures the way Huawei's API gateway does, with the reasons it gives. */
final class SignatureVerifier {

    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

    private static final Pattern AUTHORIZATION = Pattern.compile(
            Pattern.quote(AkSkSigner.ALGORITHM)
                    + "\\s+Access=([^,\\s]+),\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-fA-F]+)\\s*");

    private final Map<String, AcceptedCredentials> byAccessKey;
    private final Set<String> expiredTokens = ConcurrentHashMap.newKeySet();

    SignatureVerifier(Map<String, AcceptedCredentials> byAccessKey) {
        this.byAccessKey = Map.copyOf(byAccessKey);
    }

    void expireToken(String securityToken) {
        expiredTokens.add(securityToken);
    }

    /**
     * Why a request is not authentic.
     *
     * @param rawUri path and query exactly as received
     * @param headers the received headers, names case-insensitive
     * @return empty when the request is authentic
     */
    Optional<String> rejection(String method, URI rawUri, Map<String, String> headers, byte[] body, Instant now) {
        String authorization = headers.get("Authorization");
        if (authorization == null) {
            return Optional.of("Authorization header is missing");
        }
        Matcher parsed = AUTHORIZATION.matcher(authorization);
        if (!parsed.matches()) {
            return Optional.of("Authorization header is malformed");
        }
        AcceptedCredentials credentials = byAccessKey.get(parsed.group(1));
        if (credentials == null) {
            return Optional.of("ak not exist");
        }
        String sdkDate = headers.get(AkSkSigner.DATE_HEADER);
        if (sdkDate == null) {
            return Optional.of("x-sdk-date is missing");
        }
        Instant signedAt;
        try {
            signedAt = AkSkSigner.DATE_FORMAT.parse(sdkDate, Instant::from);
        } catch (DateTimeParseException e) {
            return Optional.of("x-sdk-date format is invalid: " + sdkDate);
        }
        if (Duration.between(signedAt, now).abs().compareTo(MAX_CLOCK_SKEW) > 0) {
            return Optional.of("x-sdk-date is expired, request time " + sdkDate + ", server time "
                    + AkSkSigner.DATE_FORMAT.format(now));
        }
        Set<String> signedNames = Set.of(parsed.group(2).toLowerCase(Locale.ROOT).split(";"));
        if (credentials.securityToken() != null) {
            String token = headers.get(AkSkSigner.SECURITY_TOKEN_HEADER);
            if (token == null || !signedNames.contains("x-security-token")) {
                return Optional.of("security token is missing or not signed");
            }
            if (!token.equals(credentials.securityToken())) {
                return Optional.of("security token is invalid");
            }
            if (expiredTokens.contains(token)) {
                return Optional.of("token expired");
            }
        }
        if (!signedNames.contains("host") || !signedNames.contains("x-sdk-date")) {
            return Optional.of("verify aksk signature fail: host and x-sdk-date must be signed");
        }
        TreeMap<String, String> canonicalHeaders = new TreeMap<>();
        for (String name : signedNames) {
            String value = headers.get(name);
            if (value == null) {
                return Optional.of("verify aksk signature fail: signed header " + name + " is missing");
            }
            canonicalHeaders.put(name, value.trim());
        }
        String canonicalRequest = AkSkSigner.canonicalRequest(method, rawUri, canonicalHeaders, body);
        String expected = AkSkSigner.signature(
                credentials.secretKey(), AkSkSigner.stringToSign(sdkDate, canonicalRequest));
        byte[] received = parsed.group(3).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), received)) {
            return Optional.of("verify aksk signature fail");
        }
        return Optional.empty();
    }

    /** A secret key and, for temporary credentials, the security token that must come with it. */
    record AcceptedCredentials(String secretKey, String securityToken) {}
}
