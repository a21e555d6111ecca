package dev.dlitools.dli.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.dli.v1.model.CreateSparkJobRequestBody;
import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import dev.dlitools.dli.core.dli.DliJson;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks made before anything is sent, and the body they lead to, read back by Huawei's own SDK model. */
class SubmitRequestTest {

    private static final ObjectMapper SDK_MODEL = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void everySettingLandsInTheFieldHuaweisSdkModelReads() throws Exception {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.sql.shuffle.partitions", "8");
        SubmitRequest request = JobFixtures.request()
                .args(List.of("--date", "2026-01-01"))
                .conf(conf)
                .scType("B")
                .sparkVersion("3.3.1")
                .driverMemory("512m")
                .driverCores(1)
                .executorMemory("4G")
                .executorCores(2)
                .numExecutors(3)
                .feature("basic")
                .maxRetryTimes(5)
                .build();

        CreateSparkJobRequestBody sdk =
                SDK_MODEL.readValue(DliJson.write(request.body()), CreateSparkJobRequestBody.class);

        assertThat(sdk.getFile()).isEqualTo("obs://etl-jars/" + JobFixtures.MAIN_KEY);
        assertThat(sdk.getJars()).containsExactly("obs://etl-jars/" + JobFixtures.GSON_KEY,
                "obs://etl-jars/" + JobFixtures.CONFIG_KEY);
        assertThat(sdk.getPyFiles()).isNull();
        assertThat(sdk.getClassName()).isEqualTo("com.example.Orders");
        assertThat(sdk.getArgs()).containsExactly("--date", "2026-01-01");
        assertThat(sdk.getConf()).containsEntry("spark.sql.shuffle.partitions", "8");
        assertThat(sdk.getName()).isEqualTo("orders-1.0");
        assertThat(sdk.getQueue()).isEqualTo("etl");
        assertThat(sdk.getClusterName()).isNull();
        assertThat(sdk.getScType()).isEqualTo("B");
        assertThat(sdk.getSparkVersion()).isEqualTo("3.3.1");
        assertThat(sdk.getDriverMemory()).isEqualTo("512M");
        assertThat(sdk.getDriverCores()).isEqualTo(1);
        assertThat(sdk.getExecutorMemory()).isEqualTo("4G");
        assertThat(sdk.getExecutorCores()).isEqualTo(2);
        assertThat(sdk.getNumExecutors()).isEqualTo(3);
        assertThat(sdk.getFeature()).hasToString("basic");
        assertThat(sdk.getMaxRetryTimes()).isEqualTo(5);
    }

    @Test
    void theOlderClusterNameIsSentUnderItsOwnName() throws Exception {
        SubmitRequest request = JobFixtures.request().queue(null).clusterName("old-cluster").build();

        CreateSparkJobRequestBody sdk =
                SDK_MODEL.readValue(DliJson.write(request.body()), CreateSparkJobRequestBody.class);

        assertThat(sdk.getClusterName()).isEqualTo("old-cluster");
        assertThat(sdk.getQueue()).isNull();
    }

    @Test
    void aGroupRegisteredForAJobOnSpark331OrLaterIsSaidToBeUnused() {
        SubmitRequest request = JobFixtures.request().files(JobFiles.of(JobFixtures.registered()))
                .sparkVersion("3.3.1").build();

        assertThat(request.unusedGroupAdvice()).hasValue("Spark 3.3.1 takes packages only as OBS paths, as this job"
                + " is given them: the package group 'orders' registered for it is not used, and Huawei deprecates"
                + " groups for Spark 3.3.1 and later. Set " + Setting.REGISTER.withValue("false") + " to only"
                + " upload, and skip the registration and its wait.");
    }

    @Test
    void noAdviceForAnOlderOrUnknownSparkOrFilesOnlyUploaded() {
        JobFiles registered = JobFiles.of(JobFixtures.registered());

        assertThat(JobFixtures.request().files(registered).sparkVersion("3.1.1").build().unusedGroupAdvice())
                .as("an older Spark takes the group").isEmpty();
        assertThat(JobFixtures.request().files(registered).build().unusedGroupAdvice())
                .as("the queue's version, unknown here").isEmpty();
        assertThat(JobFixtures.request().sparkVersion("3.5.1").build().unusedGroupAdvice())
                .as("no group registered").isEmpty();
    }

    @Test
    void aPyFileGroupSendsTheOtherFilesAsPyFiles() throws Exception {
        SubmitRequest request = JobFixtures.request()
                .files(JobFiles.of(JobFixtures.published("pyFile", false))).build();

        CreateSparkJobRequestBody sdk =
                SDK_MODEL.readValue(DliJson.write(request.body()), CreateSparkJobRequestBody.class);

        assertThat(sdk.getPyFiles()).hasSize(2);
        assertThat(sdk.getJars()).isNull();
    }

    @Test
    void theSdkModelRefusesAMisspelledField() {
        assertThatThrownBy(() -> SDK_MODEL.readValue("{\"file\":\"obs://b/k\",\"class_name\":\"x\"}",
                CreateSparkJobRequestBody.class)).hasMessageContaining("class_name");
    }

    @Test
    void confValuesUnderSecretLookingKeysAreMaskedInTheShownBodyOnly() {
        Map<String, String> conf = new LinkedHashMap<>();
        for (String key : List.of("spark.hadoop.fs.obs.secret.key", "spark.hadoop.fs.obs.access.key",
                "spark.hadoop.fs.s3a.accessKey", "spark.jdbc.PASSWORD", "spark.hadoop.fs.obs.session.token",
                "spark.dli.credentials.file")) {
            conf.put(key, "value-of-" + key);
        }
        conf.put("spark.sql.shuffle.partitions", "8");

        SubmitRequest request = JobFixtures.request().conf(conf).build();

        assertThat(request.body().conf()).as("sent").isEqualTo(conf);
        assertThat(request.body().masked().conf()).as("shown").containsEntry("spark.sql.shuffle.partitions", "8")
                .allSatisfy((key, value) -> assertThat(value).isIn("****", "8"))
                .containsOnlyKeys(conf.keySet());
        assertThat(request.body().masked().file()).isEqualTo(request.body().file());
    }

    @Test
    void noQueue() {
        assertThat(invalid(JobFixtures.request().queue(" ")))
                .hasMessage("Invalid {{JOB_QUEUE}}: no queue given. Set it to the DLI queue the job runs on.");
    }

    @Test
    void queueAndClusterNameTogether() {
        assertThat(invalid(JobFixtures.request().clusterName("old"))).hasMessageStartingWith(
                "Invalid {{JOB_CLUSTER_NAME}}: it is the older name of the queue");
    }

    @Test
    void noMainClassForAJar() {
        assertThat(invalid(JobFixtures.request().className(null))).hasMessageStartingWith(
                "Invalid {{JOB_CLASS_NAME}}: no main class for orders-1.0.jar.");
    }

    @Test
    void memoryNotLikeASize() {
        assertThat(invalid(JobFixtures.request().executorMemory("4GB")))
                .hasMessage("Invalid {{JOB_EXECUTOR_MEMORY}}: '4GB' is not a size like 512M or 4G.");
        assertThat(invalid(JobFixtures.request().driverMemory("0M"))).hasMessageStartingWith("Invalid {{JOB_DRIVER_MEMORY}}");
    }

    @Test
    void unknownScTypeAndFeature() {
        assertThat(invalid(JobFixtures.request().scType("D"))).hasMessage("Invalid {{JOB_SC_TYPE}}: 'D' is not one of A, B, C.");
        assertThat(invalid(JobFixtures.request().feature("gpu")))
                .hasMessage("Invalid {{JOB_FEATURE}}: 'gpu' is not one of ai, basic, custom.");
    }

    @Test
    void argumentsThatAreNotStrings() {
        assertThat(invalid(JobFixtures.request().args(Arrays.asList("--date", 7))))
                .hasMessage("Invalid {{JOB_ARGS}}: argument 2 is 7 (Integer); every argument must be a string.");
    }

    // before, the zip was sent as the job's file, and the job died in DLI after its wait in the queue
    @Test
    void aPySparkGroupWhoseFirstFileIsNoDriverScriptIsRefusedNamingFiles() {
        SettingException e = catchThrowableOfType(SettingException.class,
                () -> JobFiles.of(JobFixtures.extraFiles("geo.zip", "clean.py")));

        assertThat(e.setting()).isEqualTo(Setting.FILES);
        assertThat(e).hasMessage("Invalid {{FILES}}: the job's main file is geo.zip, the first of them, but a Spark "
                + "job runs a .py driver script or a .jar. List the driver script first.");
    }

    @Test
    void aPySparkGroupWhoseFirstFileIsTheDriverScriptRunsIt() {
        JobFiles files = JobFiles.of(JobFixtures.extraFiles("clean.py", "geo.zip"));

        assertThat(files.mainPath()).isEqualTo("obs://etl-jars/dli/files/clean.py");
        assertThat(files.mainIsJar()).isFalse();
    }

    @Test
    void aDryRunIsNothingToRun() {
        assertThatThrownBy(() -> JobFiles.of(JobFixtures.published("jar", true)))
                .hasMessageStartingWith("Invalid {{RESULT_FILE}}: it is the plan of a dry run");
    }

    @Test
    void anErrorSaysWhichSettingToChange() {
        SettingException e = invalid(JobFixtures.request().queue(null));

        assertThat(e.setting()).isEqualTo(Setting.JOB_QUEUE);
    }

    private static SettingException invalid(SubmitRequest.Builder builder) {
        return catchThrowableOfType(SettingException.class, builder::build);
    }
}
