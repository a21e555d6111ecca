package dev.dlitools.dli.core.job;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a DLI Spark version tells about how its jobs take packages. */
final class SparkVersions {

    /** The first version whose jobs take packages only as OBS paths, for which Huawei deprecates package groups. */
    static final String OBS_PATHS_ONLY = "3.3.1";

    private static final Pattern VERSION = Pattern.compile("(\\d{1,6})\\.(\\d{1,6})(?:\\.(\\d{1,6}))?\\b.*");

    private SparkVersions() {}

    /**
     * Whether a job on this version takes packages only as OBS paths.
     *
     * @param version as the job names it, e.g. {@code 3.3.1}; {@code null} (the queue's default) is not known
     */
    static boolean takesOnlyObsPaths(String version) {
        Matcher given = version == null ? null : VERSION.matcher(version.trim());
        if (given == null || !given.matches()) {
            return false;
        }
        Matcher first = VERSION.matcher(OBS_PATHS_ONLY);
        first.matches();
        for (int part = 1; part <= 3; part++) {
            int difference = Integer.compare(number(given, part), number(first, part));
            if (difference != 0) {
                return difference > 0;
            }
        }
        return true;
    }

    private static int number(Matcher version, int part) {
        String digits = version.group(part);
        return digits == null ? 0 : Integer.parseInt(digits);
    }
}
