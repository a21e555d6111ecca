package dev.dlitools.dli.core.auth;

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
 * <p>Signs every header the request sends plus {@code host} and {@code x-sdk-date}; the canonical URI always ends
 * with {@code /}, even though the request is sent without it.
 */
public final class AkSkSigner {

    public static final String ALGORITHM = "SDK-HMAC-SHA256";
    public static final String DATE_HEADER = "X-Sdk-Date";
    public static final String SECURITY_TOKEN_HEADER = "X-Security-Token";
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

    /** Lower-cased header names with trimmed values, sorted, including {@code host} from the URI's authority. */
    public static TreeMap<String, String> canonicalHeaders(URI uri, Map<String, String> headers) {
        TreeMap<String, String> canonical = new TreeMap<>();
        canonical.put("host", uri.getRawAuthority());
        headers.forEach((name, value) -> canonical.put(name.toLowerCase(Locale.ROOT), value.trim()));
        return canonical;
    }

    public static String canonicalRequest(
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

    public static String stringToSign(String sdkDate, String canonicalRequest) {
        return ALGORITHM + '\n' + sdkDate + '\n'
                + HEX.formatHex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    }

    public static String signature(String secretKey, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** Each path segment decoded, then percent-encoded, and each followed by {@code /}. */
    static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return "/";
        }
        StringBuilder canonical = new StringBuilder("/");
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                canonical.append(encode(decode(segment))).append('/');
            }
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

    /** RFC 3986 percent-encoding of UTF-8 bytes: only unreserved characters stay as they are. */
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

    /** Percent-decoding; {@code +} stays a plus, as in a URI path. */
    static String decode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        byte[] out = new byte[value.length()];
        int length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length()) {
                out[length++] = (byte) Integer.parseInt(value.substring(i + 1, i + 3), 16);
                i += 2;
            } else {
                out[length++] = (byte) c;
            }
        }
        return new String(out, 0, length, StandardCharsets.UTF_8);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
