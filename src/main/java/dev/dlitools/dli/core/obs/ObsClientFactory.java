package dev.dlitools.dli.core.obs;

import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.BuildLog;
import java.io.InputStream;
import java.net.URI;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache.ProxyConfiguration;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * The one place that builds the S3 client for OBS: timeouts, retries ({@link ObsRetries}), the user's proxies.
 * Certificates are always verified (the SDK's default TLS setup; there is no switch to turn that off). The caller
 * owns the client and closes it; tests and the benchmark share one client across uploads.
 */
public final class ObsClientFactory {

    private static final ProfileFile NO_AWS_PROFILES = ProfileFile.builder()
            .content(InputStream.nullInputStream())
            .type(ProfileFile.Type.CONFIGURATION)
            .build();

    private ObsClientFactory() {}

    /**
     * A new client; the caller closes it.
     *
     * @param settings where OBS is, the credentials, time-outs, retries and proxies
     * @param log where each retry is reported as "attempt n/N"
     * @return the client, not yet connected
     */
    public static S3Client create(ObsClientSettings settings, BuildLog log) {
        ObsRetries retries = new ObsRetries(settings.retries(), log);
        ApacheHttpClient.Builder http = ApacheHttpClient.builder()
                .connectionTimeout(settings.connectTimeout())
                .socketTimeout(settings.readTimeout())
                .maxConnections(settings.maxConnections())
                // "Expect: 100-continue" costs a round trip per PUT, so a WAN link idles for it at every file; the
                // HTTP client adds the header on its own unless told not to, besides the S3 layer (below)
                .expectContinueEnabled(false)
                // only the user's proxy settings count, as for DLI: not the JVM's proxy properties or the environment
                .proxyConfiguration(proxyConfiguration(settings));
        return S3Client.builder()
                .endpointOverride(settings.endpoint())
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(awsCredentials(settings.credentials())))
                .forcePathStyle(settings.pathStyle())
                // OBS rejects the SDK's default aws-chunked CRC32 trailers (Huawei OBS FAQ obs_faq_0274)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // the S3 layer's own "Expect: 100-continue" (see the HTTP client above)
                .serviceConfiguration(S3Configuration.builder().expectContinueEnabled(false).build())
                // OBS is not AWS: the machine's AWS settings (~/.aws/config, AWS_USE_FIPS_ENDPOINT, ...) must not
                // change its requests, and reading them is start-up work every build paid
                .fipsEnabled(false)
                .dualstackEnabled(false)
                .overrideConfiguration(override -> override
                        .defaultProfileFile(NO_AWS_PROFILES)
                        .defaultProfileName(ProfileFileSystemSetting.AWS_PROFILE.defaultValue())
                        .retryStrategy(retries.strategy())
                        .addExecutionInterceptor(retries))
                // explicit client: the SDK's service-loader discovery is fragile inside a Maven plugin realm
                .httpClientBuilder(http)
                .build();
    }

    private static ProxyConfiguration proxyConfiguration(ObsClientSettings settings) {
        ProxyConfiguration.Builder configuration = ProxyConfiguration.builder()
                .useSystemPropertyValues(false)
                .useEnvironmentVariableValues(false);
        settings.proxy().forScheme(settings.endpoint().getScheme()).ifPresent(proxy -> {
            configuration.endpoint(URI.create("http://" + proxy.host() + ":" + proxy.port()))
                    .nonProxyHosts(Set.copyOf(proxy.nonProxyHostRegexes()));
            if (proxy.hasCredentials()) {
                // preemptive: answering a 407 would mean sending an upload's body twice, which the SDK cannot
                configuration.username(proxy.username()).password(proxy.password())
                        .preemptiveBasicAuthenticationEnabled(true);
            }
        });
        return configuration.build();
    }

    private static AwsCredentials awsCredentials(Credentials credentials) {
        return credentials.isTemporary()
                ? AwsSessionCredentials.create(credentials.accessKey(), credentials.secretKey(),
                        credentials.securityToken())
                : AwsBasicCredentials.create(credentials.accessKey(), credentials.secretKey());
    }
}
