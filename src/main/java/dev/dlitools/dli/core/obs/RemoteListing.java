package dev.dlitools.dli.core.obs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What the bucket already holds for a set of keys, found with a few ListObjectsV2 listings instead of one HEAD
 * per file.
 */
final class RemoteListing {

    /** Beyond this many separate folders, one listing of their common prefix is cheaper than many listings. */
    static final int MAX_PREFIXES = 8;

    record RemoteObject(long size, String etag) {}

    private RemoteListing() {}

    /**
     * The prefixes to list so every key is covered: the folders of the keys, without folders nested in others
     * (a listing without delimiter covers those), or their common prefix when there are too many.
     */
    static List<String> prefixes(Collection<String> keys) {
        TreeSet<String> candidates = new TreeSet<>();
        List<String> topLevelKeys = new ArrayList<>();
        for (String key : keys) {
            int slash = key.lastIndexOf('/');
            if (slash >= 0) {
                candidates.add(key.substring(0, slash + 1));
            } else {
                topLevelKeys.add(key);
            }
        }
        if (!topLevelKeys.isEmpty()) {
            candidates.add(commonPrefix(topLevelKeys));
        }
        // sorted order puts every string that starts with a prefix right after that prefix
        List<String> prefixes = new ArrayList<>();
        for (String candidate : candidates) {
            if (prefixes.isEmpty() || !candidate.startsWith(prefixes.get(prefixes.size() - 1))) {
                prefixes.add(candidate);
            }
        }
        return prefixes.size() > MAX_PREFIXES ? List.of(commonPrefix(prefixes)) : prefixes;
    }

    /** The objects under {@code prefix} whose keys are in {@code wanted}, paging through the whole listing. */
    static Map<String, RemoteObject> list(S3Client s3, String bucket, String prefix, Set<String> wanted) {
        Map<String, RemoteObject> found = new HashMap<>();
        for (S3Object object : s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix))
                .contents()) {
            if (wanted.contains(object.key())) {
                found.put(object.key(), new RemoteObject(object.size(), normalizeEtag(object.eTag())));
            }
        }
        return found;
    }

    /** ETags arrive quoted and, from some servers, upper case. */
    static String normalizeEtag(String etag) {
        if (etag == null) {
            return "";
        }
        String unquoted = etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1)
                : etag;
        return unquoted.toLowerCase(Locale.ROOT);
    }

    private static String commonPrefix(Collection<String> strings) {
        String prefix = null;
        for (String s : strings) {
            if (prefix == null) {
                prefix = s;
            } else {
                int length = 0;
                int max = Math.min(prefix.length(), s.length());
                while (length < max && prefix.charAt(length) == s.charAt(length)) {
                    length++;
                }
                prefix = prefix.substring(0, length);
            }
        }
        return prefix == null ? "" : prefix;
    }
}
