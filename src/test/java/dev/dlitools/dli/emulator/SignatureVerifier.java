package dev.dlitools.dli.emulator;

import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks {@code SDK-HMAC-SHA256} signatures the way Huawei's API gateway does, with the reasons it gives. The
 * signature itself is recomputed by Huawei's own signer, never by ours, so a canonicalisation bug in the plugin's
 * signer fails every emulator-based test instead of passing them.
 */
final class SignatureVerifier {

    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

    private static final String SECURITY_TOKEN_HEADER = "X-Security-Token";
    private static final DateTimeFormatter SDK_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "SDK-HMAC-SHA256\\s+Access=([^,\\s]+),\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-fA-F]+)\\s*");

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
        String sdkDate = headers.get(OfficialSigner.DATE_HEADER);
        if (sdkDate == null) {
            return Optional.of("x-sdk-date is missing");
        }
        Instant signedAt;
        try {
            signedAt = SDK_DATE.parse(sdkDate, Instant::from);
        } catch (DateTimeParseException e) {
            return Optional.of("x-sdk-date format is invalid: " + sdkDate);
        }
        if (Duration.between(signedAt, now).abs().compareTo(MAX_CLOCK_SKEW) > 0) {
            return Optional.of("x-sdk-date is expired, request time " + sdkDate + ", server time "
                    + SDK_DATE.format(now));
        }
        Set<String> signedNames = Set.of(parsed.group(2).toLowerCase(Locale.ROOT).split(";"));
        if (credentials.securityToken() != null) {
            String token = headers.get(SECURITY_TOKEN_HEADER);
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
        for (String name : signedNames) {
            if (headers.get(name) == null) {
                return Optional.of("verify aksk signature fail: signed header " + name + " is missing");
            }
        }
        String expected = officialSignature(method, rawUri, headers, signedNames, body, parsed.group(1),
                credentials.secretKey());
        byte[] received = parsed.group(3).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (expected == null
                || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), received)) {
            return Optional.of("verify aksk signature fail");
        }
        return Optional.empty();
    }

    /**
     * The signature Huawei's own signer gives the request as it arrived: the method, the decoded path and query
     * (the official SDK encodes them itself), the headers the client says it signed with their received values, the
     * body. {@code null} when the request cannot be rebuilt, e.g. an HTTP method the SDK does not know.
     *
     * <p>A signed header the official signer never signs ({@code Content-Type}, names with {@code _}) makes the
     * signatures differ: stricter than the gateway on purpose, as the plugin must sign what the SDK signs.
     */
    private static String officialSignature(String method, URI rawUri, Map<String, String> headers,
            Set<String> signedNames, byte[] body, String accessKey, String secretKey) {
        HttpMethod httpMethod;
        try {
            httpMethod = HttpMethod.valueOf(method);
        } catch (IllegalArgumentException e) {
            return null;
        }
        // the emulator serves plain HTTP; its authority is what the client signed as host
        HttpRequest.HttpRequestBuilder request = HttpRequest.newBuilder()
                .withMethod(httpMethod)
                .withEndpoint("http://" + headers.get("host"))
                .withPath(rawUri.getPath());
        for (String name : signedNames) {
            if (!name.equals("host")) {
                request.addHeader(name.equals("x-sdk-date") ? OfficialSigner.DATE_HEADER : name, headers.get(name));
            }
        }
        RecordedRequest.parseQuery(rawUri.getRawQuery()).forEach(request::addQueryParam);
        if (body.length > 0) {
            // our bodies are UTF-8 JSON; the official request holds the body as a string
            request.withBodyAsString(new String(body, StandardCharsets.UTF_8));
        }
        String authorization = OfficialSigner.authorization(
                OfficialSigner.withPath(request.build(), rawUri.getPath()), accessKey, secretKey);
        Matcher signature = AUTHORIZATION.matcher(authorization);
        return signature.matches() ? signature.group(3) : null;
    }

    /** A secret key and, for temporary credentials, the security token that must come with it. */
    record AcceptedCredentials(String secretKey, String securityToken) {}
}
