package dev.dlitools.dli.core.upload;

import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where each uploaded file goes in the OBS bucket. This layout is stable: changing it would make every user
 * re-upload everything.
 *
 * <ul>
 *   <li>Artifacts (the project's main or attached artifact, and every dependency), under <em>that artifact's own</em>
 *       coordinates: {@code {prefix}/{groupId}/{artifactId}/{version}/{fileName}}, e.g.
 *       {@code dli/org.apache.commons/commons-lang3/3.14.0/commons-lang3-3.14.0.jar}. So a dependency jar has one
 *       key whatever project, version or group uses it, and a redeploy only needs to upload what changed.
 *   <li>Extra files, under the project's coordinates:
 *       {@code {prefix}/{groupId}/{artifactId}/{version}/files/{fileName}}.
 * </ul>
 *
 * <p>The groupId stays dotted (one segment), unlike a Maven repository. The prefix loses leading and trailing
 * {@code /}; an empty prefix means keys start at the groupId.
 *
 * <p>Every key is its own {@code obs://bucket/key} path, which a Spark job is given and reads as a
 * {@link java.net.URI} (Spark's {@code Utils.resolveURI}, Hadoop's {@code Path}): there {@code #} starts a fragment
 * (Spark's {@code file#alias} renaming), {@code ?} a query, {@code %} an escape, and a space, a bracket or a brace
 * make it no URI at all, read as a local file. A key with such a character would upload fine and the job
 * would then look for another object, so the prefix and the coordinates may not hold one. (File names are held to
 * DLI's stricter package-name rule, {@link PackageGroupRules#packageNameProblem}.)
 */
final class ObjectKeyLayout {

    /** OBS's maximum object key length, in UTF-8 bytes (the same as S3's). */
    static final int MAX_KEY_BYTES = 1024;

    private static final String PREFIX_RULE = "A prefix is a folder path in the bucket such as 'dli/packages':"
            + " segments separated by '/', without empty, '.' or '..' segments, backslashes, control characters or"
            + " characters an obs:// path cannot hold as written (spaces, % # ? [ ] { } \" < > ^ ` |); leave it"
            + " empty to put files at the top of the bucket.";
    /** A bucket name, any, to test characters in an {@code obs://} path. */
    private static final String OBS_PATH_START = "obs://bucket/";

    private final String prefix;

    private ObjectKeyLayout(String prefix) {
        this.prefix = prefix;
    }

    /**
     * @param prefix the key prefix; {@code null} or empty for none; leading and trailing {@code /} are dropped
     * @throws SettingException naming {@link Setting#PREFIX} for a prefix with a {@code .} or {@code ..}
     *     segment, an empty segment ({@code a//b}), a backslash, a control character or a character an
     *     {@code obs://} path cannot hold
     */
    static ObjectKeyLayout withPrefix(String prefix) {
        String normalised = prefix == null ? "" : stripSlashes(prefix);
        if (normalised.isEmpty()) {
            return new ObjectKeyLayout("");
        }
        if (normalised.indexOf('\\') >= 0) {
            throw SettingException.invalid(Setting.PREFIX, "'" + prefix + "' contains a backslash. " + PREFIX_RULE);
        }
        if (normalised.codePoints().anyMatch(Character::isISOControl)) {
            throw SettingException.invalid(Setting.PREFIX,
                    "'" + printable(prefix) + "' contains a control character. " + PREFIX_RULE);
        }
        Set<String> lost = lostInObsPath(normalised);
        if (!lost.isEmpty()) {
            throw SettingException.invalid(Setting.PREFIX, "'" + prefix + "' contains " + String.join(", ", lost)
                    + ", which an obs:// path cannot hold as written: a Spark job given the path would read another"
                    + " object. " + PREFIX_RULE);
        }
        for (String segment : normalised.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw SettingException.invalid(Setting.PREFIX, "'" + prefix + "' has "
                        + (segment.isEmpty() ? "an empty segment" : "the segment '" + segment + "'") + ". "
                        + PREFIX_RULE);
            }
        }
        return new ObjectKeyLayout(normalised);
    }

    /** The normalised prefix: no leading or trailing {@code /}, empty for none. */
    String prefix() {
        return prefix;
    }

    /** The key of an artifact's file: {@code {prefix}/{groupId}/{artifactId}/{version}/{fileName}}. */
    String artifactKey(ArtifactCoordinates artifact, String fileName) {
        return key(coordinatesPath(artifact) + "/" + fileName);
    }

    /** The key of an extra file: {@code {prefix}/{groupId}/{artifactId}/{version}/files/{fileName}}. */
    String extraFileKey(ArtifactCoordinates project, String fileName) {
        return key(coordinatesPath(project) + "/files/" + fileName);
    }

    /**
     * {@code {groupId}/{artifactId}/{version}}.
     *
     * @throws DliException when they hold a character an {@code obs://} path cannot: Maven lets a version hold a
     *     space, {@code #} or {@code %}
     */
    private static String coordinatesPath(ArtifactCoordinates artifact) {
        String path = artifact.groupId() + "/" + artifact.artifactId() + "/" + artifact.version();
        Set<String> lost = lostInObsPath(path);
        if (!lost.isEmpty()) {
            throw new DliException("The OBS key of " + artifact.id() + " would hold " + String.join(", ", lost)
                    + " from its coordinates, which an obs:// path cannot hold as written: a Spark job given the"
                    + " path would read another object. Give the artifact a version without them.");
        }
        return path;
    }

    private String key(String path) {
        String key = prefix.isEmpty() ? path : prefix + "/" + path;
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_KEY_BYTES) {
            String tooLong = "object key '" + key + "' would be " + bytes + " bytes long, but OBS allows at most "
                    + MAX_KEY_BYTES + ".";
            // when the coordinates and the file name alone are too long, no prefix would help: no setting to name
            if (path.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
                throw new DliException("The " + tooLong + " Give the file a shorter name or coordinates.");
            }
            throw SettingException.invalid(Setting.PREFIX, "the " + tooLong + " Use a shorter prefix.");
        }
        return key;
    }

    /** The distinct characters of {@code text} that an {@code obs://} path, read as a URI, does not hold as written. */
    private static Set<String> lostInObsPath(String text) {
        // one parse for the usual path that holds every character; character by character only to name the culprits
        if (heldAsItself(text)) {
            return Set.of();
        }
        return text.codePoints()
                .mapToObj(Character::toString)
                .filter(character -> !heldAsItself(character))
                .map(PackageGroupRules::quoted)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Whether {@code obs://bucket/{text}}, read as a URI, has {@code /{text}} for its path, and nothing else. */
    private static boolean heldAsItself(String text) {
        try {
            URI path = new URI(OBS_PATH_START + text);
            return path.getRawQuery() == null && path.getRawFragment() == null
                    && path.getPath().equals("/" + text);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String stripSlashes(String prefix) {
        int start = 0;
        int end = prefix.length();
        while (start < end && prefix.charAt(start) == '/') {
            start++;
        }
        while (end > start && prefix.charAt(end - 1) == '/') {
            end--;
        }
        return prefix.substring(start, end);
    }

    private static String printable(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().forEach(codePoint -> shown.append(Character.isISOControl(codePoint)
                ? String.format("\\u%04X", codePoint)
                : Character.toString(codePoint)));
        return shown.toString();
    }
}
