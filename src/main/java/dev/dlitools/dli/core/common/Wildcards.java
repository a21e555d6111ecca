package dev.dlitools.dli.core.common;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Patterns where {@code *} matches any run of characters (also none) and every other character itself. */
public final class Wildcards {

    private Wildcards() {}

    /** The pattern as a regular expression, e.g. {@code *.corp} as {@code .*\Q.corp\E}. */
    static String regex(String wildcardPattern) {
        return Arrays.stream(wildcardPattern.split("\\*", -1))
                .map(literal -> literal.isEmpty() ? "" : Pattern.quote(literal))
                .collect(Collectors.joining(".*"));
    }

    /**
     * The pattern compiled as a regular expression.
     *
     * @param wildcardPattern e.g. {@code *.corp}
     * @return a pattern that {@link java.util.regex.Matcher#matches() matches} the whole text only
     */
    public static Pattern compile(String wildcardPattern) {
        return Pattern.compile(regex(wildcardPattern));
    }
}
