package dev.dlitools.dli.core.dli;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /v2.0/{project_id}/batches}. Field names are DLI's, a mix of Apache Livy's camelCase and
 * snake_case, exactly as Huawei's SDK model {@code CreateSparkJobRequestBody} writes them; {@code null} fields are
 * left out. {@link #masked()} is the body as it may be shown, without the secrets its {@code conf} may hold.
 *
 * @param file the main jar (or Python file) as an OBS path {@code obs://bucket/key}
 * @param jars the other jars, as OBS paths; {@code null} for none
 */
public record SparkJobBody(
        @JsonProperty("file") String file,
        @JsonProperty("className") String className,
        @JsonProperty("args") List<String> args,
        @JsonProperty("jars") List<String> jars,
        @JsonProperty("pyFiles") List<String> pyFiles,
        @JsonProperty("files") List<String> files,
        @JsonProperty("conf") Map<String, String> conf,
        @JsonProperty("name") String name,
        @JsonProperty("queue") String queue,
        @JsonProperty("cluster_name") String clusterName,
        @JsonProperty("sc_type") String scType,
        @JsonProperty("spark_version") String sparkVersion,
        @JsonProperty("driverMemory") String driverMemory,
        @JsonProperty("driverCores") Integer driverCores,
        @JsonProperty("executorMemory") String executorMemory,
        @JsonProperty("executorCores") Integer executorCores,
        @JsonProperty("numExecutors") Integer numExecutors,
        @JsonProperty("feature") String feature,
        @JsonProperty("max_retry_times") Integer maxRetryTimes) {

    /** What stands for a secret conf value wherever the body is shown. */
    private static final String MASKED = "****";

    /** Conf keys that name a secret, such as {@code spark.hadoop.fs.obs.secret.key}: their values are never shown. */
    private static final Pattern SECRET_CONF_KEY =
            Pattern.compile("secret|password|token|credential|access[._-]?key", Pattern.CASE_INSENSITIVE);

    /** {@return where the job runs: the queue, or with older settings the cluster} */
    public String target() {
        return queue != null ? queue : clusterName;
    }

    /** Whether a conf key names a secret (a key, password, token or credential), whose value is never shown. */
    private static boolean isSecretConfKey(String key) {
        return SECRET_CONF_KEY.matcher(key).find();
    }

    /** {@return this body as it may be shown (in the result file, in debug lines): each secret conf value masked} */
    public SparkJobBody masked() {
        if (conf == null || conf.keySet().stream().noneMatch(SparkJobBody::isSecretConfKey)) {
            return this;
        }
        Map<String, String> shown = new LinkedHashMap<>();
        conf.forEach((key, value) -> shown.put(key, isSecretConfKey(key) ? MASKED : value));
        return new SparkJobBody(file, className, args, jars, pyFiles, files, shown, name, queue, clusterName, scType,
                sparkVersion, driverMemory, driverCores, executorMemory, executorCores, numExecutors, feature,
                maxRetryTimes);
    }
}
