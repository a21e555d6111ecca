package dev.dlitools.dli.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Fixed vectors for {@link AkSkSigner}. The expected canonical requests, hashes and signatures were computed once by a
 * python3 script (urllib.parse.quote for encoding, hashlib/hmac for the digests) from the decoded request parts, not
 * from this code's output.
 */
class AkSkSignerTest {

    private static final Credentials PERMANENT =
            Credentials.of("EXAMPLEAK0123456789A", "EXAMPLEsk/0123456789+abcdefghijklmnopqrst");
    private static final Credentials TEMPORARY = new Credentials("EXAMPLEAK0123456789A",
            "EXAMPLEsk/0123456789+abcdefghijklmnopqrst", "exampleSessionToken/AbC+123==", "test");
    private static final Instant SIGNING_TIME = Instant.parse("2024-05-01T08:30:00Z");
    private static final String SDK_DATE = "20240501T083000Z";
    private static final String RESOURCES = "https://dli.cn-north-4.myhuaweicloud.com/v2.0/0a1b2c3d4e5f/resources";
    private static final Map<String, String> PROJECT_HEADER = Map.of("X-Project-Id", "0a1b2c3d4e5f");
    // SHA-256 of zero bytes (FIPS 180-2 test vector)
    private static final String EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final byte[] NO_BODY = new byte[0];

    @Test
    void signsGetWithQuerySortedAndEncoded() {
        URI uri = URI.create(RESOURCES + "?tags=%E5%9B%A2%E9%98%9F%3D%E6%95%B0%E6%8D%AE%20%E6%B9%96&kind=jar");

        // python3: decoded query {"tags": "团队=数据 湖", "kind": "jar"}
        String expectedCanonicalRequest = """
                GET
                /v2.0/0a1b2c3d4e5f/resources/
                kind=jar&tags=%E5%9B%A2%E9%98%9F%3D%E6%95%B0%E6%8D%AE%20%E6%B9%96
                host:dli.cn-north-4.myhuaweicloud.com
                x-project-id:0a1b2c3d4e5f
                x-sdk-date:20240501T083000Z

                host;x-project-id;x-sdk-date
                """ + EMPTY_BODY_SHA256;
        String canonicalRequest = AkSkSigner.canonicalRequest(
                "GET", uri, AkSkSigner.canonicalHeaders(uri, withSdkDate(PROJECT_HEADER)), NO_BODY);
        assertThat(canonicalRequest).isEqualTo(expectedCanonicalRequest);
        // python3: sha256 of the canonical request above
        assertThat(AkSkSigner.stringToSign(SDK_DATE, canonicalRequest)).isEqualTo("SDK-HMAC-SHA256\n" + SDK_DATE
                + "\n5ce0a12ecc730e5daab3cf1030143ad6c48fd319ca646068663519a3a9177ce9");

        Map<String, String> added = AkSkSigner.sign("GET", uri, PROJECT_HEADER, NO_BODY, PERMANENT, SIGNING_TIME);

        // python3: hmac-sha256 keyed with the SK over the string to sign
        assertThat(added).containsExactly(
                Map.entry("X-Sdk-Date", SDK_DATE),
                Map.entry("Authorization", "SDK-HMAC-SHA256 Access=EXAMPLEAK0123456789A, "
                        + "SignedHeaders=host;x-project-id;x-sdk-date, "
                        + "Signature=22c0d6fc973ecc1e938a67c79472e951fc1693fcf0d8dc2252552b11161f3246"));
    }

    @Test
    void signsPostBodyHashAndLeavesContentTypeUnsigned() {
        URI uri = URI.create(RESOURCES);
        byte[] body = "{\"paths\":[\"obs://dli-jars/app-1.0.jar\"],\"kind\":\"jar\",\"group\":\"team-a\"}"
                .getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>(PROJECT_HEADER);
        headers.put("Content-Type", "application/json;charset=UTF-8");

        String canonicalRequest = AkSkSigner.canonicalRequest(
                "POST", uri, AkSkSigner.canonicalHeaders(uri, withSdkDate(headers)), body);
        Map<String, String> added = AkSkSigner.sign("POST", uri, headers, body, PERMANENT, SIGNING_TIME);

        // python3: sha256 of the body bytes
        assertThat(canonicalRequest)
                .endsWith("\nfb6689c9e8f9428eb5c6bdc17a853ae1274938d1e8825b704821dd905f0ffff0");
        // python3: signed without Content-Type, as the official SDK does
        assertThat(added.get("Authorization")).isEqualTo("SDK-HMAC-SHA256 Access=EXAMPLEAK0123456789A, "
                + "SignedHeaders=host;x-project-id;x-sdk-date, "
                + "Signature=68885d5893a7d8e7d644227634cab60d882d8bae5c71ce3f1ff9c4be49db52f5");
    }

    @Test
    void encodesEachPathSegmentOnceFromTheWireForm() {
        // resource "my app#1+ü.jar" as java.net.http sends it: '+' is legal in a path and stays literal
        URI uri = URI.create(RESOURCES + "/my%20app%231+%C3%BC.jar?group=team-a");

        String canonicalRequest = AkSkSigner.canonicalRequest(
                "GET", uri, AkSkSigner.canonicalHeaders(uri, withSdkDate(PROJECT_HEADER)), NO_BODY);
        Map<String, String> added = AkSkSigner.sign("GET", uri, PROJECT_HEADER, NO_BODY, PERMANENT, SIGNING_TIME);

        // python3: quote("my app#1+ü.jar", safe="")
        assertThat(canonicalRequest).startsWith("GET\n/v2.0/0a1b2c3d4e5f/resources/my%20app%231%2B%C3%BC.jar/\n");
        assertThat(added.get("Authorization")).isEqualTo("SDK-HMAC-SHA256 Access=EXAMPLEAK0123456789A, "
                + "SignedHeaders=host;x-project-id;x-sdk-date, "
                + "Signature=b5a984bd723de08cf5d86e642d2f2eaf62ac763aeb97438ca0435d763a821b35");
    }

    @Test
    void unencodedNonAsciiInTheUriCanonicalisesLikeItsEncodedForm() {
        // java.net.http sends "ü" in a URI as %C3%BC, so both spellings must sign alike
        assertThat(AkSkSigner.canonicalUri(URI.create("http://h/a%20%C3%BC.jar").getRawPath()))
                .isEqualTo(AkSkSigner.canonicalUri(URI.create("http://h/a%20ü.jar").getRawPath()))
                .isEqualTo("/a%20%C3%BC.jar/");
        assertThat(AkSkSigner.canonicalQuery(URI.create("http://h/?t=%20数据").getRawQuery()))
                .isEqualTo("t=%20%E6%95%B0%E6%8D%AE");
    }

    @Test
    void signsSecurityTokenOfTemporaryCredentials() {
        URI uri = URI.create("http://127.0.0.1:18080/v2.0/0a1b2c3d4e5f/resources?kind=jar");

        Map<String, String> added = AkSkSigner.sign("GET", uri, PROJECT_HEADER, NO_BODY, TEMPORARY, SIGNING_TIME);

        assertThat(added).containsEntry("X-Security-Token", "exampleSessionToken/AbC+123==");
        // python3: host with the non-default port, token among the signed headers
        assertThat(added.get("Authorization")).isEqualTo("SDK-HMAC-SHA256 Access=EXAMPLEAK0123456789A, "
                + "SignedHeaders=host;x-project-id;x-sdk-date;x-security-token, "
                + "Signature=cd1eaf33aabebaac840da979f7e0f82a1a16167d365b678fd617532d4724952b");
    }

    @Test
    void permanentCredentialsSendNoSecurityToken() {
        Map<String, String> added =
                AkSkSigner.sign("GET", URI.create(RESOURCES), Map.of(), NO_BODY, PERMANENT, SIGNING_TIME);

        assertThat(added).doesNotContainKey("X-Security-Token");
        assertThat(added.get("Authorization")).contains("SignedHeaders=host;x-sdk-date,");
    }

    @Test
    void canonicalUriAlwaysEndsWithOneSlash() {
        assertThat(AkSkSigner.canonicalUri("/v2.0/p/resources")).isEqualTo("/v2.0/p/resources/");
        assertThat(AkSkSigner.canonicalUri("/v2.0/p/resources/")).isEqualTo("/v2.0/p/resources/");
        assertThat(AkSkSigner.canonicalUri("")).isEqualTo("/");
        assertThat(AkSkSigner.canonicalUri("/")).isEqualTo("/");
    }

    @Test
    void canonicalUriKeepsEmptySegmentsLikeTheOfficialSigner() {
        assertThat(AkSkSigner.canonicalUri("/v2.0//resources")).isEqualTo("/v2.0//resources/");
    }

    @Test
    void canonicalQuerySortsByEncodedNameAndEncodesSpaceAsPercent20() {
        assertThat(AkSkSigner.canonicalQuery("limit=10&group=team%20a&Kind=jar&offset=&cursor"))
                .isEqualTo("Kind=jar&cursor=&group=team%20a&limit=10&offset=");
        assertThat(AkSkSigner.canonicalQuery(null)).isEmpty();
    }

    @Test
    void emptyBodyHashesToTheSha256OfNothing() {
        URI uri = URI.create(RESOURCES);

        String canonicalRequest = AkSkSigner.canonicalRequest(
                "DELETE", uri, AkSkSigner.canonicalHeaders(uri, withSdkDate(Map.of())), NO_BODY);

        assertThat(canonicalRequest).endsWith("\n" + EMPTY_BODY_SHA256);
    }

    @Test
    void headerNamesAreLowerCasedSortedAndValuesTrimmed() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Project-Id", " 0a1b2c3d4e5f ");
        headers.put("Accept", "application/json");
        headers.put("x-Language", "en-us");

        TreeMap<String, String> canonical = AkSkSigner.canonicalHeaders(URI.create(RESOURCES), withSdkDate(headers));

        assertThat(canonical).containsExactly(
                Map.entry("accept", "application/json"),
                Map.entry("host", "dli.cn-north-4.myhuaweicloud.com"),
                Map.entry("x-language", "en-us"),
                Map.entry("x-project-id", "0a1b2c3d4e5f"),
                Map.entry("x-sdk-date", SDK_DATE));
    }

    @Test
    void leavesContentTypeAndUnderscoredHeadersUnsigned() {
        Map<String, String> headers = Map.of("content-type", "application/json", "X_Trace_Id", "abc");

        assertThat(AkSkSigner.canonicalHeaders(URI.create(RESOURCES), headers)).containsOnlyKeys("host");
    }

    @Test
    void hostIsSignedAsJavaHttpClientSendsIt() {
        assertThat(AkSkSigner.hostHeader(URI.create("http://127.0.0.1:18080/v2.0"))).isEqualTo("127.0.0.1:18080");
        assertThat(AkSkSigner.hostHeader(URI.create("https://dli.example.com:443/v2.0"))).isEqualTo("dli.example.com");
        assertThat(AkSkSigner.hostHeader(URI.create("http://127.0.0.1:80/v2.0"))).isEqualTo("127.0.0.1");
        assertThat(AkSkSigner.hostHeader(URI.create("https://dli.example.com:80/v2.0")))
                .isEqualTo("dli.example.com:80");
        assertThat(AkSkSigner.hostHeader(URI.create("https://user@dli.example.com/v2.0"))).isEqualTo("dli.example.com");
    }

    @Test
    void credentialsNeverPrintSecretKeyOrToken() {
        String printed = TEMPORARY.toString();

        assertThat(printed).contains("EXAM****").contains("temporary")
                .doesNotContain("EXAMPLEAK0123456789A")
                .doesNotContain(TEMPORARY.secretKey())
                .doesNotContain(TEMPORARY.securityToken());
        assertThat(TEMPORARY.maskedAccessKey()).isEqualTo("EXAM****");
        assertThat(Credentials.of("AK1", "SK1").maskedAccessKey()).isEqualTo("****");
    }

    private static Map<String, String> withSdkDate(Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(AkSkSigner.DATE_HEADER, SDK_DATE);
        return all;
    }
}
