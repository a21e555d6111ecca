package dev.dlitools.dli.core.upload;

import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * DLI's rules for package group names and tags, checked before anything is uploaded so that a bad name fails the
 * build at once instead of after minutes of uploading.
 *
 * <p><b>Group name.</b> DLI's docs give no rule: neither the API page "Uploading a Package Group"
 * (https://support.huaweicloud.com/intl/en-us/api-dli/dli_02_0130.html) nor the console page "Creating a DLI
 * Package" (https://support.huaweicloud.com/intl/en-us/usermanual-dli/dli_01_0367.html) says which characters or
 * how many. This plugin is conservative: 1 to {@value #MAX_GROUP_NAME_LENGTH} characters of ASCII letters, digits,
 * {@code _}, {@code -} and {@code .}, starting with a letter or digit. Such names are also safe in the
 * {@code ?group=} query of DLI's package calls and in OBS keys.
 *
 * <p><b>Tags.</b> DLI's API reference describes its {@code tags} parameters (Chinese edition, e.g. on
 * https://support.huaweicloud.com/api-dli/): a key has at most 128 characters, a value at most 255; both may
 * contain letters of any language, digits, spaces and {@code _ . : = + - @}, but may not start or end with a
 * space; a key may not start with {@code _sys_}; a value may be empty. The upload API page itself only says key
 * and value are strings. For the number of tags the tightest documented limit is Huawei's Tag Management
 * Service's 10 key-value pairs per resource ("Constraints and Limitations",
 * https://support.huaweicloud.com/intl/en-us/tr-central-201-usermanual-tms/en-us_topic_0142168380.html; DLI
 * tags are TMS tags), so this plugin allows at most {@value #MAX_TAGS}. Keys are unique by construction (a map).
 *
 * <p><b>Package names.</b> DLI names each package after the last segment of its OBS path, i.e. the uploaded file's
 * name, and accepts only letters, digits, {@code _ ! - .}, not starting with {@code .}, at most
 * {@value #MAX_PACKAGE_NAME_LENGTH} characters with the extension (see {@code dli-api.md}). A file such as
 * {@code foo-1.0+build.jar} would upload fine and then fail the group registration, so the planner checks this
 * first. Files are never renamed on the way: a job names its packages by file name, and a silent rename would make
 * those names differ from the build's.
 */
final class PackageGroupRules {

    static final int MAX_GROUP_NAME_LENGTH = 64;
    static final int MAX_TAGS = 10;
    static final int MAX_TAG_KEY_LENGTH = 128;
    static final int MAX_TAG_VALUE_LENGTH = 255;
    static final int MAX_PACKAGE_NAME_LENGTH = 128;

    private static final Pattern GROUP_NAME_CHARACTER = Pattern.compile("[A-Za-z0-9_.-]");
    private static final Pattern TAG_CHARACTER = Pattern.compile("[\\p{L}\\p{Nd} _.:=+\\-@]");
    private static final Pattern PACKAGE_NAME_CHARACTER = Pattern.compile("[A-Za-z0-9_!.-]");
    private static final String RESERVED_TAG_KEY_PREFIX = "_sys_";

    private static final String GROUP_NAME_RULE = "A DLI package group name has 1 to " + MAX_GROUP_NAME_LENGTH
            + " characters: letters A-Z and a-z, digits, '_', '-' and '.', starting with a letter or digit.";
    private static final String TAG_RULE = "A tag key has 1 to " + MAX_TAG_KEY_LENGTH + " characters and a value 0 to "
            + MAX_TAG_VALUE_LENGTH + "; both may use letters, digits, spaces and _ . : = + - @ but not start or end"
            + " with a space; a key may not start with " + RESERVED_TAG_KEY_PREFIX + ". At most " + MAX_TAGS
            + " tags.";

    /** DLI's rule for a package name, for messages. */
    static final String PACKAGE_NAME_RULE = "DLI names each package after its file and accepts at most "
            + MAX_PACKAGE_NAME_LENGTH + " characters: letters A-Z and a-z, digits, '_', '!', '-' and '.', not"
            + " starting with '.'.";

    private PackageGroupRules() {}

    /**
     * What is wrong with a file name as a DLI package name.
     *
     * @return e.g. {@code contains '+'}, or {@code null} when DLI accepts the name
     */
    static String packageNameProblem(String fileName) {
        if (fileName.length() > MAX_PACKAGE_NAME_LENGTH) {
            return "is " + fileName.length() + " characters long";
        }
        Set<String> illegal = illegalCharacters(fileName, PACKAGE_NAME_CHARACTER);
        if (!illegal.isEmpty()) {
            return "contains " + String.join(", ", illegal);
        }
        return fileName.startsWith(".") ? "starts with '.'" : null;
    }

    /** @throws SettingException naming {@link Setting#GROUP} when the name breaks the rule above */
    static void validateGroupName(String group) {
        if (group == null || group.isBlank()) {
            throw SettingException.invalid(Setting.GROUP,
                    "no package group name is set. Set the name of the DLI package group to create or replace. "
                            + GROUP_NAME_RULE);
        }
        if (group.length() > MAX_GROUP_NAME_LENGTH) {
            throw SettingException.invalid(Setting.GROUP, "'" + group + "' is " + group.length()
                    + " characters long. " + GROUP_NAME_RULE);
        }
        Set<String> illegal = illegalCharacters(group, GROUP_NAME_CHARACTER);
        if (!illegal.isEmpty()) {
            throw SettingException.invalid(Setting.GROUP, "'" + group + "' contains " + String.join(", ", illegal)
                    + ". " + GROUP_NAME_RULE);
        }
        if (!Character.isLetterOrDigit(group.charAt(0))) {
            throw SettingException.invalid(Setting.GROUP, "'" + group + "' starts with '" + group.charAt(0) + "'. "
                    + GROUP_NAME_RULE);
        }
    }

    /**
     * @param tags the tags, keys in order; a {@code null} value counts as empty
     * @throws SettingException naming {@link Setting#TAGS} when a tag or their number breaks the rules above
     */
    static void validateTags(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw SettingException.invalid(Setting.TAGS, tags.size() + " tags are set: " + String.join(", ",
                    tags.keySet()) + ". " + TAG_RULE);
        }
        tags.forEach((key, value) -> {
            if (key == null || key.isEmpty()) {
                throw SettingException.invalid(Setting.TAGS, "a tag has an empty key (value '" + value + "'). "
                        + TAG_RULE);
            }
            if (key.startsWith(RESERVED_TAG_KEY_PREFIX)) {
                throw SettingException.invalid(Setting.TAGS, "tag key '" + key + "' starts with "
                        + RESERVED_TAG_KEY_PREFIX + ", which Huawei Cloud reserves. " + TAG_RULE);
            }
            checkTagText("tag key '" + key + "'", key, MAX_TAG_KEY_LENGTH);
            String text = value == null ? "" : value;
            checkTagText("value '" + text + "' of tag '" + key + "'", text, MAX_TAG_VALUE_LENGTH);
        });
    }

    /** @param described how the message names the text, e.g. {@code tag key 'env'} */
    private static void checkTagText(String described, String text, int maxLength) {
        if (text.length() > maxLength) {
            throw SettingException.invalid(Setting.TAGS, described + " is " + text.length()
                    + " characters long. " + TAG_RULE);
        }
        Set<String> illegal = illegalCharacters(text, TAG_CHARACTER);
        if (!illegal.isEmpty()) {
            throw SettingException.invalid(Setting.TAGS, described + " contains " + String.join(", ", illegal)
                    + ". " + TAG_RULE);
        }
        if (!text.equals(text.strip())) {
            throw SettingException.invalid(Setting.TAGS, described + " starts or ends with a space. " + TAG_RULE);
        }
    }

    /** The distinct characters of {@code text} that {@code allowed} does not match, quoted for a message. */
    private static Set<String> illegalCharacters(String text, Pattern allowed) {
        return text.codePoints()
                .mapToObj(Character::toString)
                .filter(character -> !allowed.matcher(character).matches())
                .map(PackageGroupRules::quoted)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** {@code '!'}, or {@code U+0009} for characters a message cannot show. */
    static String quoted(String character) {
        int codePoint = character.codePointAt(0);
        return Character.isISOControl(codePoint) || Character.isWhitespace(codePoint) && codePoint != ' '
                ? String.format("U+%04X", codePoint)
                : "'" + character + "'";
    }
}
