package dev.dlitools.dli.core.upload;

import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * OBS's bucket-naming rule, checked before anything is sent: a name OBS cannot have would otherwise fail only at
 * the first request, or be taken by a lenient S3 stand-in.
 */
public final class BucketName {

    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9.-]+");
    private static final Pattern ENDS = Pattern.compile("[a-z0-9](.*[a-z0-9])?");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private BucketName() {}

    /**
     * @param bucket the bucket as given, {@code null} when none was
     * @throws SettingException naming {@link Setting#BUCKET} when none is given or the name breaks the rule
     */
    public static void check(String bucket) {
        if (bucket == null) {
            throw new SettingException(Setting.BUCKET, "No OBS bucket given. Set " + Setting.BUCKET.named()
                    + " to the bucket the files are uploaded to.");
        }
        String problem = problem(bucket);
        if (problem != null) {
            throw SettingException.invalid(Setting.BUCKET, "'" + bucket + "' " + problem + ". OBS bucket names are "
                    + "3 to 63 lowercase letters, digits, '-' and '.', start and end with a letter or digit, have no "
                    + "'..', '.-' or '-.', and are not an IP address.");
        }
    }

    private static String problem(String bucket) {
        if (bucket.length() < 3 || bucket.length() > 63) {
            return "is " + bucket.length() + " characters long";
        }
        if (!bucket.equals(bucket.toLowerCase(Locale.ROOT))) {
            return "has upper-case letters";
        }
        if (!ALLOWED.matcher(bucket).matches()) {
            return "has a character OBS does not allow";
        }
        if (!ENDS.matcher(bucket).matches()) {
            return "does not start and end with a letter or digit";
        }
        if (bucket.contains("..") || bucket.contains(".-") || bucket.contains("-.")) {
            return "has '..', '.-' or '-.'";
        }
        if (IP_ADDRESS.matcher(bucket).matches()) {
            return "is an IP address";
        }
        return null;
    }
}
