package dev.dlitools.dli.core.obs;

import dev.dlitools.dli.core.auth.Credentials;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * The one place that builds the S3 client for OBS. The caller owns the client and closes it; tests and the
 * benchmark share one client across uploads.
 */
public final class ObsClientFactory {

    private ObsClientFactory() {}

    public static S3Client create(ObsClientSettings settings) {
        return S3Client.builder()
                .endpointOverride(settings.endpoint())
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(awsCredentials(settings.credentials())))
                .forcePathStyle(settings.pathStyle())
                // OBS rejects the SDK's default aws-chunked CRC32 trailers (Huawei OBS FAQ obs_faq_0274)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // "Expect: 100-continue" costs a round trip per PUT; with many small jars that dominates
                .serviceConfiguration(S3Configuration.builder().expectContinueEnabled(false).build())
                // explicit client: the SDK's service-loader discovery is fragile inside a Maven plugin realm
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.readTimeout())
                        .maxConnections(settings.maxConnections()))
                .build();
    }

    private static AwsCredentials awsCredentials(Credentials credentials) {
        return credentials.isTemporary()
                ? AwsSessionCredentials.create(credentials.accessKey(), credentials.secretKey(),
                        credentials.securityToken())
                : AwsBasicCredentials.create(credentials.accessKey(), credentials.secretKey());
    }
}
