package dev.dlitools.dli.emulator;

import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpRequest;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;

/** Huawei's own {@code SDK-HMAC-SHA256} signer ({@code huaweicloud-sdk-core}), the oracle our signer is held to. */
public final class OfficialSigner {

    /** Exactly this name: the official signer looks the header up case-sensitively, else stamps the current time. */
    public static final String DATE_HEADER = "X-Sdk-Date";

    private OfficialSigner() {}

    /** The {@code Authorization} header Huawei's signer gives {@code request}; dated by its {@value #DATE_HEADER}. */
    public static String authorization(HttpRequest request, String accessKey, String secretKey) {
        return AKSKSigner.getInstance()
                .sign(request, new BasicCredentials().withAk(accessKey).withSk(secretKey))
                .get("Authorization");
    }

    /**
     * {@code request} with {@code decodedPath} as its whole path. The official request holds a java.net.URL, which
     * takes everything after a {@code #} as a fragment and after a {@code ?} as the query; its signer reads only
     * {@code getUrl()}, so hand it a URL whose path is the whole decoded path.
     */
    public static HttpRequest withPath(HttpRequest request, String decodedPath) {
        URL url = request.getUrl();
        URLStreamHandler keepPathAsGiven = new URLStreamHandler() {
            @Override
            protected URLConnection openConnection(URL u) {
                throw new UnsupportedOperationException("only read by the signer");
            }

            @Override
            protected void parseURL(URL u, String spec, int start, int limit) {
                setURL(u, url.getProtocol(), url.getHost(), url.getPort(), url.getAuthority(), null, decodedPath,
                        request.getQueryParamsString(), null);
            }
        };
        URL withWholePath;
        try {
            withWholePath = new URL(null, url.toString(), keepPathAsGiven);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Not a URL: " + url, e);
        }
        return (HttpRequest) Proxy.newProxyInstance(HttpRequest.class.getClassLoader(),
                new Class<?>[] {HttpRequest.class},
                (proxy, method, args) ->
                        method.getName().equals("getUrl") ? withWholePath : method.invoke(request, args));
    }
}
