package dev.dlitools.dli.core.upload;

import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the package group's tags come from: a map (in Maven, the pom's), or a text of {@code key=value} pairs such
 * as {@code env=prod,team=etl} (in Maven, given on the command line).
 *
 * <p>Merge rule: command-line tags replace the pom's map entirely, they are not added to it, so that the command
 * line says exactly which tags the group gets. An empty text therefore uploads without tags.
 */
public final class TagSettings {

    private TagSettings() {}

    /**
     * The tags to use.
     *
     * @param pomTags the map, or {@code null}
     * @param commandLineTags the {@code key=value} text, or {@code null} when not given
     * @return the tags in order: the command line's when given, else the pom's
     * @throws SettingException when the command-line text is malformed (see {@link #parseCommandLine})
     */
    public static Map<String, String> effective(Map<String, String> pomTags, String commandLineTags) {
        if (commandLineTags != null) {
            return parseCommandLine(commandLineTags);
        }
        return pomTags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(pomTags));
    }

    /**
     * Parses {@code env=prod,team=etl} into an ordered map. Each pair splits at its first {@code =}, so a value may
     * contain {@code =}; whitespace around keys and values is dropped; blank text gives no tags. This only parses:
     * {@link PackageGroupRules#validateTags} checks the keys and values against DLI's rules.
     *
     * @throws SettingException naming {@link Setting#TAGS} for an entry without {@code =}, an empty entry or
     *     key, or a key given twice
     */
    static Map<String, String> parseCommandLine(String text) {
        return parse(text, Setting.TAGS);
    }

    /**
     * The list's {@code tags} filter, parsed as {@link #parseCommandLine} parses tags, so that a malformed one fails
     * before any call, naming {@link Setting#LIST_TAGS}.
     *
     * @param text {@code key=value} pairs separated by commas; {@code null} or blank for none
     * @return the filter as the list call takes it ({@code env=prod,team=etl}), or {@code null} for none
     */
    public static String listFilter(String text) {
        return text == null || text.isBlank() ? null : listFilter(parse(text, Setting.LIST_TAGS));
    }

    /**
     * The list's {@code tags} query that only groups with all these tags match.
     *
     * @param tags the tags; a {@code null} value counts as empty
     * @return {@code key=value} items separated by commas; {@code null} when a key holds {@code =} and so cannot be
     *     said in it
     */
    public static String listFilter(Map<String, String> tags) {
        if (tags.keySet().stream().anyMatch(key -> key.contains("="))) {
            return null;
        }
        return tags.entrySet().stream()
                .map(tag -> tag.getKey() + "=" + (tag.getValue() == null ? "" : tag.getValue()))
                .collect(Collectors.joining(","));
    }

    private static Map<String, String> parse(String text, Setting setting) {
        String form = "Write tags as key=value pairs separated by commas, e.g. "
                + setting.withValue("env=prod,team=etl") + ".";
        Map<String, String> tags = new LinkedHashMap<>();
        if (text.isBlank()) {
            return Collections.unmodifiableMap(tags);
        }
        for (String entry : text.split(",", -1)) {
            if (entry.isBlank()) {
                throw SettingException.invalid(setting, "'" + text + "' has an empty entry. " + form);
            }
            int equals = entry.indexOf('=');
            if (equals < 0) {
                throw SettingException.invalid(setting, "'" + entry.strip() + "' in '" + text
                        + "' is not key=value. " + form);
            }
            String key = entry.substring(0, equals).strip();
            String value = entry.substring(equals + 1).strip();
            if (key.isEmpty()) {
                throw SettingException.invalid(setting, "'" + entry.strip() + "' in '" + text
                        + "' has an empty key. " + form);
            }
            if (tags.putIfAbsent(key, value) != null) {
                throw SettingException.invalid(setting, "'" + text + "' sets tag '" + key
                        + "' twice; a key may appear once. " + form);
            }
        }
        return Collections.unmodifiableMap(tags);
    }
}
