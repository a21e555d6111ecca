package dev.dlitools.dli.core.common;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every setting a user can give, by a name of the core's own. The core never spells out how a user writes a
 * setting (a Maven parameter and {@code -D} property, a Gradle property, a command-line flag): its messages refer
 * to a setting with {@link #named()}, {@link #aside()} or {@link #withValue(String)}, and each front end turns
 * those references into its own words with {@link #render(String, Words)} before the user sees the text.
 */
public enum Setting {
    // where and as whom
    /** The region id, e.g. {@code cn-north-4}; it picks the endpoints and the project. */
    REGION,
    /** The DLI project id; looked up through IAM when not given. */
    PROJECT_ID,
    /** The DLI endpoint URL, when not the region's. */
    DLI_ENDPOINT,
    /** The IAM endpoint URL, when not the region's. */
    IAM_ENDPOINT,
    /** The OBS endpoint URL, when not the region's. */
    OBS_ENDPOINT,
    /** Where the front end keeps the credentials for DLI, IAM and OBS (in Maven a settings.xml server). */
    SERVER_ID,
    /** Where the front end keeps other credentials for OBS only. */
    OBS_SERVER_ID,
    /** Seconds to wait for a connection to DLI, IAM or OBS. */
    CONNECT_TIMEOUT,
    /** Seconds to wait for an answer from DLI, IAM or OBS. */
    READ_TIMEOUT,
    /** How often a call that failed transiently is tried again, 0 to 10. */
    RETRIES,
    /** Whether an {@code http://} endpoint on another machine is allowed. */
    ALLOW_INSECURE,
    // what to publish
    /** The package group's name. */
    GROUP,
    /** The package kind: {@code jar}, {@code pyFile}, {@code file} or {@code modelFile}. */
    KIND,
    /** The group's tags, {@code key=value} pairs. */
    TAGS,
    /** The key prefix in the bucket. */
    PREFIX,
    /** Whether the compile and runtime dependencies are uploaded too. */
    INCLUDE_DEPENDENCIES,
    /** Whether the project's own artifact is uploaded. */
    INCLUDE_MAIN_ARTIFACT,
    /** The dependency patterns to upload, {@code groupId:artifactId[:type[:classifier]]}. */
    INCLUDES,
    /** The dependency patterns to leave out. */
    EXCLUDES,
    /** The attached artifact uploaded instead of the main one. */
    CLASSIFIER,
    /** Extra files, directories or glob patterns to upload. */
    FILES,
    /** The OBS bucket the files go to. */
    BUCKET,
    /** Whether OBS objects are addressed as {@code endpoint/bucket/key}. */
    PATH_STYLE,
    /** How many uploads run at once. */
    UPLOAD_THREADS,
    /** Whether to upload and register even what is unchanged. */
    FORCE,
    /** Whether the uploaded files are registered as a package group. */
    REGISTER,
    /** Whether DLI loads the packages asynchronously. */
    ASYNC,
    /** Seconds between two polls of a group's or a job's state. */
    POLL_INTERVAL,
    /** Seconds to wait for the group to be READY. */
    TIMEOUT,
    /** Whether to only plan, writing to no service. */
    DRY_RUN,
    /** The JSON file that holds what was published. */
    RESULT_FILE,
    /** Whether, or for which versions, a goal does nothing. */
    SKIP,
    /** How progress is shown: {@code auto}, {@code plain} or {@code none}. */
    PROGRESS,
    // the report and delete goals
    /** The confirmation that a group may be deleted. */
    CONFIRM,
    /** The report's format: {@code table} or {@code json}. */
    FORMAT,
    /** The file a report is written to as well. */
    OUTPUT_FILE,
    /** The kind a listing is limited to. */
    LIST_KIND,
    /** The tags a listing is limited to. */
    LIST_TAGS,
    /** The group name, with {@code *} wildcards, a listing is limited to. */
    LIST_GROUP,
    /** Whether a listing shows single resources and built-in modules too. */
    LIST_ALL,
    // the Spark job of the submit goal
    /** The DLI queue a Spark job runs on. */
    JOB_QUEUE,
    /** The older name of the queue; never together with {@link #JOB_QUEUE}. */
    JOB_CLUSTER_NAME,
    /** The Spark job's main class. */
    JOB_CLASS_NAME,
    /** The Spark job's name. */
    JOB_NAME,
    /** The arguments of the Spark job's main class. */
    JOB_ARGS,
    /** The Spark configuration of the job. */
    JOB_CONF,
    /** The job's resource specification: {@code A}, {@code B} or {@code C}. */
    JOB_SC_TYPE,
    /** The Spark version the job runs on. */
    JOB_SPARK_VERSION,
    /** The driver's memory, like {@code 512M} or {@code 4G}. */
    JOB_DRIVER_MEMORY,
    /** The driver's cores. */
    JOB_DRIVER_CORES,
    /** Each executor's memory, like {@code 512M} or {@code 4G}. */
    JOB_EXECUTOR_MEMORY,
    /** Each executor's cores. */
    JOB_EXECUTOR_CORES,
    /** How many executors the job has. */
    JOB_NUM_EXECUTORS,
    /** The job's image feature: {@code basic}, {@code ai} or {@code custom}. */
    JOB_FEATURE,
    /** How often DLI restarts the failed job, 0 to 100. */
    JOB_MAX_RETRY_TIMES,
    /** Seconds to wait for the job to end. */
    JOB_TIMEOUT,
    /** Whether to wait for the job to end. */
    JOB_WAIT,
    /** Whether a job that timed out is cancelled. */
    JOB_CANCEL_ON_TIMEOUT,
    /** Whether a job waited for is cancelled when the JVM shuts down (Ctrl-C, a CI runner's SIGTERM). */
    JOB_CANCEL_ON_INTERRUPT,
    /** How many driver log lines a failed job's error shows. */
    JOB_LOG_LINES,
    /** The JSON file that holds the job's outcome. */
    JOB_RESULT_FILE;

    /** {@code {{BUCKET}}}, {@code ({{BUCKET}})} or {@code {{BUCKET=value}}}. */
    private static final Pattern REFERENCE = Pattern.compile("(\\()?\\{\\{([A-Z_]+)(?:=(.*?))?}}(\\))?");
    private static final Map<String, Setting> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toMap(Setting::name, Function.identity()));

    /** How a front end words a setting for its users. */
    public interface Words {

        /**
         * The setting in running text, e.g. a parameter and the property that sets it.
         *
         * @param setting the setting referred to
         * @return the front end's words
         */
        String named(Setting setting);

        /**
         * The setting as an aside in parentheses, e.g. parameter and property inside the parentheses.
         *
         * @param setting the setting referred to
         * @return the words with their parentheses
         */
        String aside(Setting setting);

        /**
         * The setting given a value, e.g. the property set to the value.
         *
         * @param setting the setting referred to
         * @param value as the user would write it
         * @return the front end's words
         */
        String withValue(Setting setting, String value);
    }

    /** {@return a reference to this setting in running text ("set {@code {{BUCKET}}} to ...")} */
    public String named() {
        return "{{" + name() + "}}";
    }

    /** {@return a reference to this setting as an aside ("gave up ({@code ({{RETRIES}})}")} */
    public String aside() {
        return "(" + named() + ")";
    }

    /**
     * A reference to this setting with an example value.
     *
     * @param value as the user would write it
     * @return the reference, for {@link #render}
     */
    public String withValue(String value) {
        return "{{" + name() + "=" + value + "}}";
    }

    /**
     * The text with each reference to a setting replaced by the front end's words for it.
     *
     * @param text a core message; {@code null} stays {@code null}
     * @param words the front end's wording
     * @return the text as the user reads it; references to no known setting are left as they are
     */
    public static String render(String text, Words words) {
        if (text == null || !text.contains("{{")) {
            return text;
        }
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            Setting setting = BY_NAME.get(matcher.group(2));
            String replacement;
            if (setting == null) {
                replacement = matcher.group();
            } else if (matcher.group(3) != null) {
                replacement = parenthesis(matcher.group(1)) + words.withValue(setting, matcher.group(3))
                        + parenthesis(matcher.group(4));
            } else if (matcher.group(1) != null && matcher.group(4) != null) {
                replacement = words.aside(setting);
            } else {
                replacement = parenthesis(matcher.group(1)) + words.named(setting) + parenthesis(matcher.group(4));
            }
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(rendered);
        return rendered.toString();
    }

    private static String parenthesis(String matched) {
        return matched == null ? "" : matched;
    }
}
