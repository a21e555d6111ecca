package dev.dlitools.dli.core.upload;

import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import dev.dlitools.dli.core.common.Wildcards;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A pattern over artifact coordinates: {@code groupId:artifactId[:type[:classifier]]}.
 *
 * <p>Every part may contain {@code *}, which matches any run of characters (also none), so {@code *} matches any
 * value and {@code org.apache.*} any group under {@code org.apache}. An omitted type or classifier matches any. A
 * classifier part matches an artifact without classifier only when it is all wildcards ({@code *}).
 */
final class ArtifactPattern {

    private static final String FORM = "Write groupId:artifactId[:type[:classifier]], where any part may use * as a"
            + " wildcard, e.g. org.apache.spark:* or com.example:*:jar:tests.";

    private final String text;
    private final List<Pattern> parts;

    private ArtifactPattern(String text, List<Pattern> parts) {
        this.text = text;
        this.parts = parts;
    }

    /**
     * Parses one pattern.
     *
     * @param text the pattern; surrounding whitespace is ignored
     * @param setting the setting the pattern came from ({@link Setting#INCLUDES} or {@link Setting#EXCLUDES}),
     *     named in the error message
     * @throws SettingException when the pattern is empty, has fewer than 2 or more than 4 parts, or an
     *     empty part
     */
    static ArtifactPattern parse(String text, Setting setting) {
        if (text == null || text.isBlank()) {
            throw SettingException.invalid(setting, "an empty pattern. " + FORM);
        }
        String trimmed = text.strip();
        String[] split = trimmed.split(":", -1);
        if (split.length < 2 || split.length > 4) {
            throw SettingException.invalid(setting,
                    "'" + trimmed + "' has " + split.length + " part" + (split.length == 1 ? "" : "s")
                            + " separated by ':', but a pattern has 2 to 4. " + FORM);
        }
        List<Pattern> parts = new ArrayList<>();
        for (String part : split) {
            if (part.isEmpty()) {
                throw SettingException.invalid(setting,
                        "'" + trimmed + "' has an empty part; write * to match anything there. " + FORM);
            }
            parts.add(Wildcards.compile(part));
        }
        return new ArtifactPattern(trimmed, List.copyOf(parts));
    }

    /** Parses each pattern of a list; see {@link #parse(String, Setting)}. */
    static List<ArtifactPattern> parseAll(List<String> texts, Setting setting) {
        return texts.stream().map(text -> parse(text, setting)).toList();
    }

    boolean matches(ArtifactCoordinates artifact) {
        String[] values = {
            artifact.groupId(),
            artifact.artifactId(),
            artifact.type(),
            artifact.classifier() == null ? "" : artifact.classifier()
        };
        for (int i = 0; i < parts.size(); i++) {
            if (!parts.get(i).matcher(values[i]).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The pattern as written (trimmed). */
    @Override
    public String toString() {
        return text;
    }
}
