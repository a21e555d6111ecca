package dev.dlitools.dli.core.auth;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Huawei Cloud API gateway signing, {@code SDK-HMAC-SHA256}.
 *
 * <p>Signs the headers the request sends plus {@code host} and {@code x-sdk-date}, except those Huawei's official SDK
 * signer ({@code com.huaweicloud.sdk.core.auth.AKSKSigner}) leaves out: {@code Content-Type} and names containing
 * {@code _}. The canonical URI always ends with {@code /}, even though the request is sent without it.
 */
public final class AkSkSigner {

    static final String ALGORITHM = "SDK-HMAC-SHA256";
    static final String DATE_HEADER = "X-Sdk-Date";
    /** The header that carries the security token of temporary credentials. */
    public static final String SECURITY_TOKEN_HEADER = "X-Security-Token";
    /** The form of the {@code X-Sdk-Date} header: UTC, to the second, e.g. {@code 20260101T120000Z}. */
    public static final DateTimeFormatter DATE_FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final HexFormat HEX = HexFormat.of();

    private AkSkSigner() {}

    /**
     * Signs a request.
     *
     * @param method the HTTP method
     * @param uri the full request URI, path and query percent-encoded as sent
     * @param headers the headers the request sends (besides {@code Host}), as sent
     * @param body the request body, empty for none
     * @param credentials who signs
     * @param now the signing time
     * @return the headers to add to the request: {@code X-Sdk-Date}, {@code X-Security-Token} when the credentials
     *     are temporary, and {@code Authorization}
     */
    public static Map<String, String> sign(
            String method, URI uri, Map<String, String> headers, byte[] body, Credentials credentials, Instant now) {
        Map<String, String> added = new LinkedHashMap<>();
        added.put(DATE_HEADER, DATE_FORMAT.format(now));
        if (credentials.isTemporary()) {
            added.put(SECURITY_TOKEN_HEADER, credentials.securityToken());
        }
        Map<String, String> signed = new LinkedHashMap<>(headers);
        signed.putAll(added);
        TreeMap<String, String> canonicalHeaders = canonicalHeaders(uri, signed);
        String signedHeaderNames = String.join(";", canonicalHeaders.keySet());
        String canonicalRequest = canonicalRequest(method, uri, canonicalHeaders, body);
        String signature = signature(credentials.secretKey(), stringToSign(added.get(DATE_HEADER), canonicalRequest));
        added.put("Authorization", ALGORITHM + " Access=" + credentials.accessKey() + ", SignedHeaders="
                + signedHeaderNames + ", Signature=" + signature);
        return added;
    }

    /**
     * Lower-cased header names with trimmed values, sorted, including {@code host} as the HTTP client sends it.
     *
     * <p>Leaves out what the official SDK leaves out, so the signature is one the gateway is known to accept:
     * {@code Content-Type}, and names with {@code _} (proxies commonly drop such headers, which then fail to verify).
     */
    static TreeMap<String, String> canonicalHeaders(URI uri, Map<String, String> headers) {
        TreeMap<String, String> canonical = new TreeMap<>();
        canonical.put("host", hostHeader(uri));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Type") && name.indexOf('_') < 0) {
                canonical.put(name.toLowerCase(Locale.ROOT), value.trim());
            }
        });
        return canonical;
    }

    /** The {@code Host} header java.net.http sends: no user info, and the port only when it is not the default. */
    static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1
                || (port == 443 && "https".equalsIgnoreCase(uri.getScheme()))
                || (port == 80 && "http".equalsIgnoreCase(uri.getScheme()));
        return defaultPort ? uri.getHost() : uri.getHost() + ':' + port;
    }

    static String canonicalRequest(
            String method, URI uri, TreeMap<String, String> canonicalHeaders, byte[] body) {
        StringBuilder headerLines = new StringBuilder();
        canonicalHeaders.forEach((name, value) -> headerLines.append(name).append(':').append(value).append('\n'));
        return method.toUpperCase(Locale.ROOT) + '\n'
                + canonicalUri(uri.getRawPath()) + '\n'
                + canonicalQuery(uri.getRawQuery()) + '\n'
                + headerLines + '\n'
                + String.join(";", canonicalHeaders.keySet()) + '\n'
                + HEX.formatHex(sha256(body));
    }

    static String stringToSign(String sdkDate, String canonicalRequest) {
        return ALGORITHM + '\n' + sdkDate + '\n'
                + HEX.formatHex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    }

    static String signature(String secretKey, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /**
     * Each path segment decoded, then percent-encoded, and each followed by {@code /}. Empty segments inside the path
     * ({@code //}) are kept, as the official SDK does; a trailing {@code /} does not add one.
     */
    static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return "/";
        }
        String relative = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        StringBuilder canonical = new StringBuilder("/");
        for (String segment : relative.split("/")) {
            canonical.append(encode(decode(segment))).append('/');
        }
        return canonical.toString();
    }

    /** Parameters sorted by name (then value), names and values percent-encoded, joined by {@code &}. */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            String value = equals < 0 ? "" : parameter.substring(equals + 1);
            pairs.add(new String[] {encode(decode(name)), encode(decode(value))});
        }
        return pairs.stream()
                .sorted((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]))
                .map(pair -> pair[0] + '=' + pair[1])
                .collect(Collectors.joining("&"));
    }

    /**
     * RFC 3986 percent-encoding of UTF-8 bytes: only unreserved characters stay as they are.
     *
     * @param value a path segment, query name or query value
     * @return the value encoded as the signature counts it
     */
    public static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    /**
     * Percent-decoding; {@code +} stays a plus, as in a URI path. Characters a {@link URI} may hold unencoded (such as
     * {@code ü}) stand for their UTF-8 bytes, which is how java.net.http sends them.
     */
    static String decode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
        int literalStart = 0;
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '%' && i + 2 < value.length()) {
                out.writeBytes(value.substring(literalStart, i).getBytes(StandardCharsets.UTF_8));
                out.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
                literalStart = i + 1;
            }
        }
        out.writeBytes(value.substring(literalStart).getBytes(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
