package dev.dlitools.dli.core.dli;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /v2.0/{project_id}/batches}. Field names are DLI's, a mix of Apache Livy's camelCase and
 * snake_case, exactly as Huawei's SDK model {@code CreateSparkJobRequestBody} writes them; {@code null} fields are
 * left out.
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

    /** Where the job runs: the queue, or with older settings the cluster. */
    public String target() {
        return queue != null ? queue : clusterName;
    }
}
