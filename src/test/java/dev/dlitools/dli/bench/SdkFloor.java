package dev.dlitools.dli.bench;

import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.common.BuildLog;
import dev.dlitools.dli.core.obs.ObsClientFactory;
import dev.dlitools.dli.core.obs.ObsClientSettings;
import java.net.URI;
import java.util.Random;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The least a warm redeploy asks of the AWS SDK, timed by the benchmark as a process of its own on the plugin's
 * classes alone: {@code SdkFloor <endpoint> <region> <path-style> <bucket> <key>} builds the S3 client as the goals
 * do, lists the bucket below the key's folder, PUTs 2 MiB (the redeploy's changed jar) and exits; the AK/SK come from
 * {@code HUAWEICLOUD_SDK_AK} and {@code HUAWEICLOUD_SDK_SK}. Without arguments it exits at once: the cost of a bare
 * JVM on the same class path. The difference is a floor under what the plugin adds to a build, before Maven loads
 * the plugin and before any of the plugin's own work (planning, DLI, the result file).
 */
public final class SdkFloor {

    private static final int CHANGED_JAR_BYTES = 2 << 20;

    private SdkFloor() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            return;
        }
        if (args.length != 5) {
            System.err.println("usage: SdkFloor [<endpoint> <region> <path-style> <bucket> <key>]");
            System.exit(2);
        }
        String bucket = args[3];
        String key = args[4];
        Credentials credentials = Credentials.of(System.getenv("HUAWEICLOUD_SDK_AK"),
                System.getenv("HUAWEICLOUD_SDK_SK"));
        try (S3Client s3 = ObsClientFactory.create(ObsClientSettings.of(URI.create(args[0]), args[1], credentials,
                Boolean.parseBoolean(args[2])), new BuildLog() {})) {
            String folder = key.substring(0, key.lastIndexOf('/') + 1);
            s3.listObjectsV2(request -> request.bucket(bucket).prefix(folder));
            byte[] jar = new byte[CHANGED_JAR_BYTES];
            new Random().nextBytes(jar);
            s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromBytes(jar));
        }
    }
}
