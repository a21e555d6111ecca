package dev.dlitools.dli.core.obs;

import dev.dlitools.dli.core.common.BuildLog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What the bucket already holds for a set of keys, found with a few ListObjectsV2 listings instead of one HEAD
 * per file.
 */
final class RemoteListing {

    /** Beyond this many separate folders, one listing of their common prefix is cheaper than many listings. */
    static final int MAX_PREFIXES = 8;

    record RemoteObject(long size, String etag) {

        /**
         * Whether this object is the file: same size and same ETag (the one OBS reports for the file's part
         * layout), so uploading it again would change nothing.
         */
        boolean holds(long fileSize, String fileEtag) {
            return size == fileSize && etag.equals(fileEtag);
        }
    }

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

    /**
     * What the bucket holds of these keys, by key: each of their {@link #prefixes} listed as a task of
     * {@code executor}, so an upload's pool lists them side by side. A listing that fails completes the result
     * exceptionally with an {@link ObsUploadException} from {@link ObsErrors#forListing}.
     */
    static CompletableFuture<Map<String, RemoteObject>> index(S3Client s3, String bucket, Set<String> keys,
            ObsErrors errors, BuildLog log, Executor executor) {
        List<CompletableFuture<Map<String, RemoteObject>>> listings = new ArrayList<>();
        for (String prefix : prefixes(keys)) {
            listings.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return list(s3, bucket, prefix, keys, log);
                } catch (RuntimeException e) {
                    throw errors.forListing(bucket, prefix, e);
                }
            }, executor));
        }
        return CompletableFuture.allOf(listings.toArray(CompletableFuture[]::new))
                .thenApply(done -> {
                    Map<String, RemoteObject> merged = new HashMap<>();
                    listings.forEach(listing -> merged.putAll(listing.join()));
                    return merged;
                });
    }

    /**
     * The objects under {@code prefix} whose keys are in {@code wanted}, paging through the whole listing.
     *
     * <p>OBS has been seen answering {@code IsTruncated=true} without a {@code NextContinuationToken} (the SDK's
     * paginator takes that as the end, and every later file would be uploaded again): the listing then goes on
     * after the page's last key, with a warning. Each such page must end on a later key than the one before, so a
     * service that keeps answering the same page cannot keep the listing going forever.
     */
    static Map<String, RemoteObject> list(S3Client s3, String bucket, String prefix, Set<String> wanted,
            BuildLog log) {
        Map<String, RemoteObject> found = new HashMap<>();
        String continuationToken = null;
        String startAfter = null;
        boolean warned = false;
        while (true) {
            String token = continuationToken;
            String after = startAfter;
            ListObjectsV2Response page = s3.listObjectsV2(request -> request.bucket(bucket).prefix(prefix)
                    .continuationToken(token).startAfter(after));
            String lastKey = null;
            for (S3Object object : page.contents()) {
                lastKey = object.key();
                // an entry without a size cannot show the file is stored: the file is sent
                if (wanted.contains(object.key()) && object.size() != null) {
                    found.put(object.key(), new RemoteObject(object.size(), normalizeEtag(object.eTag())));
                }
            }
            if (!Boolean.TRUE.equals(page.isTruncated())) {
                return found;
            }
            if (page.nextContinuationToken() != null && !page.nextContinuationToken().isEmpty()) {
                continuationToken = page.nextContinuationToken();
                startAfter = null;
                continue;
            }
            String listing = "The OBS listing of '" + prefix + "' in bucket '" + bucket + "' answered 'truncated' "
                    + "without a continuation token";
            if (lastKey == null || (startAfter != null && lastKey.compareTo(startAfter) <= 0)) {
                log.warn(listing + " and no later key; files not seen in it are uploaded even if OBS holds them.");
                return found;
            }
            if (!warned) {
                log.warn(listing + "; listing on after the last key it named.");
                warned = true;
            }
            continuationToken = null;
            startAfter = lastKey;
        }
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
