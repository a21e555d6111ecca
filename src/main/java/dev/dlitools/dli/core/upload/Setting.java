package dev.dlitools.dli.core.upload;

/**
 * The user-facing settings of {@code dli:upload-group}, as users write them: the mojo's parameter name and its
 * {@code -D} user property.
 *
 * <p>The mojo must declare its parameters with exactly these names and properties, because error messages tell
 * users to change the setting by these names.
 */
public enum Setting {
    GROUP("group", "dli.group"),
    KIND("kind", "dli.kind"),
    TAGS("tags", "dli.tags"),
    PREFIX("prefix", "dli.obs.prefix"),
    INCLUDE_DEPENDENCIES("includeDependencies", "dli.includeDependencies"),
    INCLUDES("includes", "dli.includes"),
    EXCLUDES("excludes", "dli.excludes"),
    CLASSIFIER("classifier", "dli.classifier"),
    FILES("files", "dli.files"),
    BUCKET("bucket", "dli.obs.bucket"),
    RESULT_FILE("resultFile", "dli.resultFile");

    private final String parameter;
    private final String property;

    Setting(String parameter, String property) {
        this.parameter = parameter;
        this.property = property;
    }

    /** How messages name the setting, e.g. {@code group (-Ddli.group)}. */
    @Override
    public String toString() {
        return parameter + " (-D" + property + ")";
    }
}
