package dev.dlitools.dli.core.job;

import dev.dlitools.dli.core.publish.PublishResult;
import dev.dlitools.dli.core.publish.PublishedFile;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A published group of a jar and two dependencies, and a request to run it with settings from the tests. */
final class JobFixtures {

    static final String BUCKET = "etl-jars";
    static final String MAIN_KEY = "dli/com.example/orders/1.0/orders-1.0.jar";
    static final String GSON_KEY = "dli/com.google.code.gson/gson/2.11.0/gson-2.11.0.jar";
    static final String CONFIG_KEY = "dli/com.typesafe/config/1.4.3/config-1.4.3.jar";

    private JobFixtures() {}

    static PublishResult published(String kind, boolean dryRun) {
        return new PublishResult("orders", kind, Map.of(), BUCKET, null, dryRun, false, false, null, jobFiles(), null);
    }

    /** The files of {@link #published} registered as package group {@code orders}, READY. */
    static PublishResult registered() {
        return new PublishResult("orders", "jar", Map.of(), BUCKET, "p", false, true, false, "READY", jobFiles(), null);
    }

    private static List<PublishedFile> jobFiles() {
        return List.of(
                file("gson-2.11.0.jar", "com.google.code.gson:gson:jar:2.11.0 (compile)", GSON_KEY),
                file("orders-1.0.jar", "main artifact com.example:orders:jar:1.0", MAIN_KEY),
                file("config-1.4.3.jar", "com.typesafe:config:jar:1.4.3 (runtime)", CONFIG_KEY));
    }

    /** A PySpark group of extra files, in the order {@code files} listed them. */
    static PublishResult extraFiles(String... names) {
        return new PublishResult("cleaner", "pyFile", Map.of(), BUCKET, null, false, false, false, null,
                Arrays.stream(names).map(name -> file(name, "extra file", "dli/files/" + name)).toList(),
                null);
    }

    static JobFiles files() {
        return JobFiles.of(published("jar", false));
    }

    /** Queue, class and name set: the least a request needs. */
    static SubmitRequest.Builder request() {
        return SubmitRequest.builder().files(files()).queue("etl").className("com.example.Orders").name("orders-1.0");
    }

    private static PublishedFile file(String name, String origin, String key) {
        return new PublishedFile(name, origin, key, "https://" + BUCKET + ".obs.cn-north-4.myhuaweicloud.com/" + key,
                "obs://" + BUCKET + "/" + key, 1000, "00", "uploaded", null, null);
    }
}
