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
    REGION,
    PROJECT_ID,
    DLI_ENDPOINT,
    IAM_ENDPOINT,
    OBS_ENDPOINT,
    SERVER_ID,
    OBS_SERVER_ID,
    CONNECT_TIMEOUT,
    READ_TIMEOUT,
    RETRIES,
    ALLOW_INSECURE,
    // what to publish
    GROUP,
    KIND,
    TAGS,
    PREFIX,
    INCLUDE_DEPENDENCIES,
    INCLUDE_MAIN_ARTIFACT,
    INCLUDES,
    EXCLUDES,
    CLASSIFIER,
    FILES,
    BUCKET,
    PATH_STYLE,
    UPLOAD_THREADS,
    FORCE,
    REGISTER,
    ASYNC,
    POLL_INTERVAL,
    TIMEOUT,
    DRY_RUN,
    RESULT_FILE,
    SKIP,
    PROGRESS,
    // the report and delete goals
    CONFIRM,
    FORMAT,
    OUTPUT_FILE,
    LIST_KIND,
    LIST_TAGS,
    LIST_GROUP,
    LIST_ALL,
    // the Spark job of the submit goal
    JOB_QUEUE,
    JOB_CLUSTER_NAME,
    JOB_CLASS_NAME,
    JOB_NAME,
    JOB_ARGS,
    JOB_CONF,
    JOB_SC_TYPE,
    JOB_SPARK_VERSION,
    JOB_DRIVER_MEMORY,
    JOB_DRIVER_CORES,
    JOB_EXECUTOR_MEMORY,
    JOB_EXECUTOR_CORES,
    JOB_NUM_EXECUTORS,
    JOB_FEATURE,
    JOB_MAX_RETRY_TIMES,
    JOB_TIMEOUT,
    JOB_WAIT,
    JOB_CANCEL_ON_TIMEOUT,
    JOB_LOG_LINES,
    JOB_RESULT_FILE;

    /** {@code {{BUCKET}}}, {@code ({{BUCKET}})} or {@code {{BUCKET=value}}}. */
    private static final Pattern REFERENCE = Pattern.compile("(\\()?\\{\\{([A-Z_]+)(?:=(.*?))?}}(\\))?");
    private static final Map<String, Setting> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toMap(Setting::name, Function.identity()));

    /** How a front end words a setting for its users. */
    public interface Words {

        /** The setting in running text, e.g. a parameter and the property that sets it. */
        String named(Setting setting);

        /** The setting as an aside in parentheses, e.g. parameter and property inside the parentheses. */
        String aside(Setting setting);

        /** The setting given a value, e.g. the property set to the value. */
        String withValue(Setting setting, String value);
    }

    /** A reference to this setting in running text ("set {@code {{BUCKET}}} to ..."). */
    public String named() {
        return "{{" + name() + "}}";
    }

    /** A reference to this setting as an aside ("gave up ({@code ({{RETRIES}})}"). */
    public String aside() {
        return "(" + named() + ")";
    }

    /** A reference to this setting with an example value. */
    public String withValue(String value) {
        return "{{" + name() + "=" + value + "}}";
    }

    /** The text with each reference to a setting replaced by the front end's words for it. */
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
