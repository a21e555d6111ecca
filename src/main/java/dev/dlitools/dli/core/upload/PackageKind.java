package dev.dlitools.dli.core.upload;

import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The {@code kind} of a DLI package group, and which files each kind takes.
 *
 * <p>DLI wants {@code file} when one upload mixes file types (API "Uploading a Package Group",
 * https://support.huaweicloud.com/intl/en-us/api-dli/dli_02_0130.html). The docs do not say which file names each
 * kind takes, so this plugin decides, by file name extension, ignoring case:
 * <ul>
 *   <li>{@code jar}: {@code .jar} only;
 *   <li>{@code pyFile}: {@code .py}, {@code .zip} and {@code .egg}, the files Spark's {@code --py-files} takes;
 *   <li>{@code file} and {@code modelFile}: any file (a model may be any format; {@code file} is DLI's kind for
 *       a mix).
 * </ul>
 */
public enum PackageKind {
    /** Jars for the class path of a Spark job. */
    JAR("jar", List.of(".jar")),
    /** Python files and archives for a PySpark job. */
    PY_FILE("pyFile", List.of(".py", ".zip", ".egg")),
    /** Any files, also a mix of types. */
    FILE("file", List.of()),
    /** Model files, of any format. */
    MODEL_FILE("modelFile", List.of());

    private final String apiName;
    private final List<String> extensions;

    PackageKind(String apiName, List<String> extensions) {
        this.apiName = apiName;
        this.extensions = extensions;
    }

    /**
     * The kind a user named; case does not matter, so {@code pyfile} is {@link #PY_FILE}.
     *
     * @param value the setting's value; {@code null} or blank means the default, {@link #JAR}
     * @return the kind
     * @throws SettingException for any other value, listing the kinds
     */
    public static PackageKind parse(String value) {
        if (value == null || value.isBlank()) {
            return JAR;
        }
        return named(Setting.KIND, value);
    }

    /**
     * The kind a setting names, case ignored ({@code pyfile} is {@link #PY_FILE}): the one rule for every setting
     * that takes a kind, checked before anything is sent.
     *
     * @param setting the setting that gave the value, named in the error
     * @param value the value as written, surrounding blanks ignored
     * @return the kind
     * @throws SettingException for a value that is no kind, listing the kinds
     */
    public static PackageKind named(Setting setting, String value) {
        for (PackageKind kind : values()) {
            if (kind.apiName.equalsIgnoreCase(value.strip())) {
                return kind;
            }
        }
        throw SettingException.invalid(setting, "'" + value + "' is not a DLI package kind. Use one of: "
                + Arrays.stream(values()).map(PackageKind::apiName).collect(Collectors.joining(", "))
                + " (file takes a mix of file types).");
    }

    /** {@return the name DLI's API uses: {@code jar}, {@code pyFile}, {@code file} or {@code modelFile}} */
    public String apiName() {
        return apiName;
    }

    /**
     * Whether a package of this kind may be this file, by its extension, case ignored.
     *
     * @param fileName the file's name; a path works as well
     * @return always {@code true} for {@link #FILE} and {@link #MODEL_FILE}
     */
    public boolean accepts(String fileName) {
        String lowerCase = fileName.toLowerCase(Locale.ROOT);
        return extensions.isEmpty() || extensions.stream().anyMatch(lowerCase::endsWith);
    }

    /** What this kind takes, for messages: {@code ".jar files"}, {@code "any file"}. */
    String acceptedFiles() {
        return extensions.isEmpty() ? "any file" : String.join(", ", extensions) + " files";
    }
}
