package dev.dlitools.dli.maven;

import dev.dlitools.dli.core.common.Setting;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a Maven user writes each of the core's settings: the goal parameter (in the pom's {@code <configuration>})
 * and its user property ({@code -D} on the command line). The core's messages name settings by reference; this
 * class words them, e.g. {@code bucket (-Ddli.obs.bucket)}. MavenWordsTest checks every entry against the goals'
 * {@code @Parameter}s.
 */
final class MavenWords implements Setting.Words {

    static final MavenWords INSTANCE = new MavenWords();

    /**
     * A setting as Maven users write it.
     *
     * @param parameter the goal's parameter, or {@code parameter.field} for a field of a nested element such as
     *     {@code <job><queue>}
     * @param property the user property; {@code null} for a setting only the pom can give (a map)
     */
    record Written(String parameter, String property) {

        /** Where the pom gives it, e.g. {@code <job><conf>}. */
        String element() {
            return "<" + parameter.replace(".", "><") + ">";
        }

        /** The element with a value, e.g. {@code <job><queue>etl</queue></job>}. */
        String element(String value) {
            List<String> names = Arrays.asList(parameter.split("\\."));
            Collections.reverse(names);
            return element() + value + "</" + String.join("></", names) + ">";
        }
    }

    private static final Map<Setting, Written> WRITTEN = written();

    private MavenWords() {}

    /** The text with every reference to a setting in Maven's words. */
    static String render(String text) {
        return Setting.render(text, INSTANCE);
    }

    static Written written(Setting setting) {
        return WRITTEN.get(setting);
    }

    /** The settings a text refers to. */
    static Set<Setting> referencedIn(String text) {
        Set<Setting> referenced = EnumSet.noneOf(Setting.class);
        Setting.render(text, new Setting.Words() {
            @Override
            public String named(Setting setting) {
                referenced.add(setting);
                return "";
            }

            @Override
            public String aside(Setting setting) {
                return named(setting);
            }

            @Override
            public String withValue(Setting setting, String value) {
                return named(setting);
            }
        });
        return referenced;
    }

    @Override
    public String named(Setting setting) {
        Written written = written(setting);
        if (written.property() == null) {
            return written.parameter() + " (" + written.element() + " in the pom)";
        }
        return written.parameter() + " (-D" + written.property() + ")";
    }

    @Override
    public String aside(Setting setting) {
        Written written = written(setting);
        if (written.property() == null) {
            return "(" + written.element() + " in the pom)";
        }
        return "(" + written.parameter() + ", -D" + written.property() + ")";
    }

    @Override
    public String withValue(Setting setting, String value) {
        Written written = written(setting);
        if (written.property() == null) {
            return named(setting);
        }
        return written.parameter() + " (-D" + written.property() + "=" + value + ")";
    }

    private static Map<Setting, Written> written() {
        Map<Setting, Written> written = new EnumMap<>(Setting.class);
        written.put(Setting.REGION, new Written("region", "dli.region"));
        written.put(Setting.PROJECT_ID, new Written("projectId", "dli.projectId"));
        written.put(Setting.DLI_ENDPOINT, new Written("endpoint", "dli.endpoint"));
        written.put(Setting.IAM_ENDPOINT, new Written("iamEndpoint", "dli.iamEndpoint"));
        written.put(Setting.OBS_ENDPOINT, new Written("obsEndpoint", "dli.obs.endpoint"));
        written.put(Setting.SERVER_ID, new Written("serverId", "dli.serverId"));
        written.put(Setting.OBS_SERVER_ID, new Written("obsServerId", "dli.obs.serverId"));
        written.put(Setting.CONNECT_TIMEOUT, new Written("connectTimeout", "dli.connectTimeout"));
        written.put(Setting.READ_TIMEOUT, new Written("readTimeout", "dli.readTimeout"));
        written.put(Setting.RETRIES, new Written("retries", "dli.retries"));
        written.put(Setting.ALLOW_INSECURE, new Written("allowInsecure", "dli.allowInsecure"));
        written.put(Setting.GROUP, new Written("group", "dli.group"));
        written.put(Setting.KIND, new Written("kind", "dli.kind"));
        // the pom's <tags> map; on the command line the tagList parameter takes dli.tags
        written.put(Setting.TAGS, new Written("tags", "dli.tags"));
        written.put(Setting.PREFIX, new Written("prefix", "dli.obs.prefix"));
        written.put(Setting.INCLUDE_DEPENDENCIES, new Written("includeDependencies", "dli.includeDependencies"));
        written.put(Setting.INCLUDE_MAIN_ARTIFACT, new Written("includeMainArtifact", "dli.includeMainArtifact"));
        written.put(Setting.INCLUDES, new Written("includes", "dli.includes"));
        written.put(Setting.EXCLUDES, new Written("excludes", "dli.excludes"));
        written.put(Setting.CLASSIFIER, new Written("classifier", "dli.classifier"));
        written.put(Setting.FILES, new Written("files", "dli.files"));
        written.put(Setting.BUCKET, new Written("bucket", "dli.obs.bucket"));
        written.put(Setting.PATH_STYLE, new Written("pathStyle", "dli.obs.pathStyle"));
        written.put(Setting.UPLOAD_THREADS, new Written("uploadThreads", "dli.uploadThreads"));
        written.put(Setting.FORCE, new Written("force", "dli.force"));
        written.put(Setting.REGISTER, new Written("register", "dli.register"));
        written.put(Setting.ASYNC, new Written("async", "dli.async"));
        written.put(Setting.POLL_INTERVAL, new Written("pollInterval", "dli.pollInterval"));
        written.put(Setting.TIMEOUT, new Written("timeout", "dli.timeout"));
        written.put(Setting.DRY_RUN, new Written("dryRun", "dli.dryRun"));
        written.put(Setting.RESULT_FILE, new Written("resultFile", "dli.resultFile"));
        written.put(Setting.SKIP, new Written("skip", "dli.skip"));
        written.put(Setting.PROGRESS, new Written("progress", "dli.progress"));
        written.put(Setting.CONFIRM, new Written("confirm", "dli.confirm"));
        written.put(Setting.FORMAT, new Written("format", "dli.format"));
        written.put(Setting.OUTPUT_FILE, new Written("outputFile", "dli.outputFile"));
        written.put(Setting.LIST_KIND, new Written("kindFilter", "dli.kind"));
        written.put(Setting.LIST_TAGS, new Written("tagFilter", "dli.tags"));
        written.put(Setting.LIST_GROUP, new Written("groupFilter", "dli.group"));
        written.put(Setting.LIST_ALL, new Written("all", "dli.list.all"));
        // the fields of dli:submit's <job> element; SubmitMojo reads each one's property when the pom leaves it out
        job(written, Setting.JOB_QUEUE, "queue");
        job(written, Setting.JOB_CLUSTER_NAME, "clusterName");
        job(written, Setting.JOB_CLASS_NAME, "className");
        job(written, Setting.JOB_NAME, "name");
        job(written, Setting.JOB_ARGS, "args");
        written.put(Setting.JOB_CONF, new Written("job.conf", null));
        job(written, Setting.JOB_SC_TYPE, "scType");
        job(written, Setting.JOB_SPARK_VERSION, "sparkVersion");
        job(written, Setting.JOB_DRIVER_MEMORY, "driverMemory");
        job(written, Setting.JOB_DRIVER_CORES, "driverCores");
        job(written, Setting.JOB_EXECUTOR_MEMORY, "executorMemory");
        job(written, Setting.JOB_EXECUTOR_CORES, "executorCores");
        job(written, Setting.JOB_NUM_EXECUTORS, "numExecutors");
        job(written, Setting.JOB_FEATURE, "feature");
        job(written, Setting.JOB_MAX_RETRY_TIMES, "maxRetryTimes");
        job(written, Setting.JOB_TIMEOUT, "timeout");
        job(written, Setting.JOB_WAIT, "wait");
        job(written, Setting.JOB_CANCEL_ON_TIMEOUT, "cancelOnTimeout");
        job(written, Setting.JOB_CANCEL_ON_INTERRUPT, "cancelOnInterrupt");
        job(written, Setting.JOB_LOG_LINES, "logLines");
        written.put(Setting.JOB_RESULT_FILE, new Written("jobResultFile", "dli.job.resultFile"));
        return written;
    }

    /** A field of {@code <job>}: {@code job.queue (-Ddli.job.queue)}. */
    private static void job(Map<Setting, Written> written, Setting setting, String field) {
        written.put(setting, new Written("job." + field, "dli.job." + field));
    }
}
