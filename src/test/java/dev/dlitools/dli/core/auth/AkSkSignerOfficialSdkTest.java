package dev.dlitools.dli.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;
import com.huaweicloud.sdk.core.utils.SignUtils;
import dev.dlitools.dli.emulator.OfficialSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signs the same requests with {@link AkSkSigner} and with Huawei's official SDK signer and expects the same
 * {@code Authorization} header.
 *
 * <p>The two take the path differently: the official SDK signs the decoded path (its HTTP client encodes it when
 * sending), ours signs the URI as sent on the wire, so each test gives the official request the decoded path and ours
 * the percent-encoded one java.net.http would send.
 */
class AkSkSignerOfficialSdkTest {

    private static final String ACCESS_KEY = "EXAMPLEAK0123456789A";
    private static final String SECRET_KEY = "EXAMPLEsk/0123456789+abcdefghijklmnopqrst";
    private static final String SECURITY_TOKEN = "exampleSessionToken/AbC+123==";
    private static final Instant SIGNING_TIME = Instant.parse("2024-05-01T08:30:00Z");
    private static final String CLOUD_ENDPOINT = "https://dli.cn-north-4.myhuaweicloud.com";
    private static final String EMULATOR_ENDPOINT = "http://127.0.0.1:18080";
    private static final String PROJECT_ID = "0a1b2c3d4e5f";
    private static final byte[] NO_BODY = new byte[0];

    @Test
    void getWithSpacesAndNonAsciiInTheQuery() {
        HttpRequest official = officialRequest(HttpMethod.GET, CLOUD_ENDPOINT, "/v2.0/" + PROJECT_ID + "/resources")
                .addQueryParam("kind", List.of("jar"))
                .addQueryParam("tags", List.of("团队=数据 湖"))
                .addHeader("X-Project-Id", PROJECT_ID)
                .addHeader("Accept", "application/json")
                .build();
        URI wire = URI.create(CLOUD_ENDPOINT + "/v2.0/" + PROJECT_ID
                + "/resources?kind=jar&tags=%E5%9B%A2%E9%98%9F%3D%E6%95%B0%E6%8D%AE%20%E6%B9%96");

        String ours = ourAuthorization("GET", wire, Map.of("X-Project-Id", PROJECT_ID, "Accept", "application/json"),
                NO_BODY, Credentials.of(ACCESS_KEY, SECRET_KEY));

        assertThat(ours).isEqualTo(officialAuthorization(official));
    }

    @Test
    void postWithJsonBodyContentTypeAndUnderscoredHeader() {
        String json = "{\"paths\":[\"obs://dli-jars/app-1.0.jar\"],\"kind\":\"jar\",\"group\":\"团队 a\"}";
        HttpRequest official = officialRequest(HttpMethod.POST, CLOUD_ENDPOINT, "/v2.0/" + PROJECT_ID + "/resources")
                .withContentType("application/json;charset=UTF-8")
                .withBodyAsString(json)
                .addHeader("X-Project-Id", PROJECT_ID)
                .addHeader("X_Trace_Id", "build-42")
                .build();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json;charset=UTF-8");
        headers.put("X-Project-Id", PROJECT_ID);
        headers.put("X_Trace_Id", "build-42");

        String ours = ourAuthorization("POST", URI.create(CLOUD_ENDPOINT + "/v2.0/" + PROJECT_ID + "/resources"),
                headers, json.getBytes(StandardCharsets.UTF_8), Credentials.of(ACCESS_KEY, SECRET_KEY));

        assertThat(ours)
                .isEqualTo(officialAuthorization(official))
                .contains("SignedHeaders=host;x-project-id;x-sdk-date,");
    }

    @Test
    void pathSegmentThatNeedsEncoding() {
        String decodedPath = "/v2.0/" + PROJECT_ID + "/resources/my app#1+ü.jar";
        HttpRequest official = OfficialSigner.withPath(officialRequest(HttpMethod.GET, CLOUD_ENDPOINT, decodedPath)
                .addQueryParam("group", List.of("team a"))
                .build(), decodedPath);
        // '+' is legal in a path, so java.net.http sends it as it is
        URI wire = URI.create(
                CLOUD_ENDPOINT + "/v2.0/" + PROJECT_ID + "/resources/my%20app%231+%C3%BC.jar?group=team%20a");

        String ours = ourAuthorization("GET", wire, Map.of(), NO_BODY, Credentials.of(ACCESS_KEY, SECRET_KEY));

        assertThat(ours).isEqualTo(officialAuthorization(official));
    }

    @Test
    void emulatorOnLoopbackWithNonDefaultPort() {
        String decodedPath = "/v2.0/" + PROJECT_ID + "/resources/app 1.0.jar";
        HttpRequest official = officialRequest(HttpMethod.DELETE, EMULATOR_ENDPOINT, decodedPath)
                .addQueryParam("group", List.of("team-a"))
                .build();
        URI wire = URI.create(EMULATOR_ENDPOINT + "/v2.0/" + PROJECT_ID + "/resources/app%201.0.jar?group=team-a");

        String ours = ourAuthorization("DELETE", wire, Map.of(), NO_BODY, Credentials.of(ACCESS_KEY, SECRET_KEY));

        assertThat(ours).isEqualTo(officialAuthorization(official)).contains("SignedHeaders=host;x-sdk-date,");
    }

    @Test
    void temporaryCredentialsSignTheSecurityToken() {
        HttpRequest request = officialRequest(HttpMethod.GET, EMULATOR_ENDPOINT, "/v2.0/" + PROJECT_ID + "/resources")
                .addQueryParam("kind", List.of("jar"))
                .build();
        // the official SDK adds X-Security-Token (and X-Project-Id) to the request before it signs
        HttpRequest officiallySigned = new BasicCredentials()
                .withAk(ACCESS_KEY).withSk(SECRET_KEY).withSecurityToken(SECURITY_TOKEN).withProjectId(PROJECT_ID)
                .syncProcessAuthRequest(request, null);

        Map<String, String> ours = AkSkSigner.sign("GET",
                URI.create(EMULATOR_ENDPOINT + "/v2.0/" + PROJECT_ID + "/resources?kind=jar"),
                Map.of("X-Project-Id", PROJECT_ID), NO_BODY,
                new Credentials(ACCESS_KEY, SECRET_KEY, SECURITY_TOKEN, "test"), SIGNING_TIME);

        assertThat(officiallySigned.getHeader("X-Security-Token")).isEqualTo(SECURITY_TOKEN);
        assertThat(ours).containsEntry("X-Security-Token", SECURITY_TOKEN);
        assertThat(ours.get("Authorization"))
                .isEqualTo(officiallySigned.getHeader("Authorization"))
                .contains("SignedHeaders=host;x-project-id;x-sdk-date;x-security-token,");
    }

    /** The official signer encodes path segments and query names and values with {@link SignUtils#urlEncode}. */
    @ParameterizedTest
    @ValueSource(
            strings = {"my app#1+ü.jar", "a*b~c", "50%/100%", "?&=;:@,$!'()[]", "团队 数据\t湖", "-_.AZaz09"})
    void percentEncodingMatchesTheOfficialSdk(String text) {
        assertThat(AkSkSigner.encode(text)).isEqualTo(SignUtils.urlEncode(text, false));
    }

    private static HttpRequest.HttpRequestBuilder officialRequest(HttpMethod method, String endpoint, String path) {
        return HttpRequest.newBuilder()
                .withMethod(method)
                .withEndpoint(endpoint)
                .withPath(path)
                .addHeader(OfficialSigner.DATE_HEADER, AkSkSigner.DATE_FORMAT.format(SIGNING_TIME));
    }

    private static String officialAuthorization(HttpRequest request) {
        return OfficialSigner.authorization(request, ACCESS_KEY, SECRET_KEY);
    }

    private static String ourAuthorization(
            String method, URI uri, Map<String, String> headers, byte[] body, Credentials credentials) {
        return AkSkSigner.sign(method, uri, headers, body, credentials, SIGNING_TIME).get("Authorization");
    }
}
