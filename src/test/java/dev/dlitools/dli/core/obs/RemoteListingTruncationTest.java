package dev.dlitools.dli.core.obs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlitools.dli.testsupport.RecordingLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Listings against a service that says a page is truncated but gives no continuation token, as OBS has been seen
 * doing: the listing goes on after the last key, says so, and ends.
 */
@Timeout(10)
class RemoteListingTruncationTest {

    private static final List<String> KEYS = List.of("dli/a.jar", "dli/b.jar", "dli/c.jar", "dli/d.jar", "dli/e.jar");

    @Test
    void truncatedPagesWithoutTokenAreFollowedAfterTheLastKey() {
        TokenlessS3 s3 = new TokenlessS3(KEYS, false);
        RecordingLog log = RecordingLog.withoutDebug();

        var found = RemoteListing.list(s3, "etl-jars", "dli/", Set.copyOf(KEYS), log);

        assertThat(found).containsOnlyKeys(KEYS);
        assertThat(s3.startAfters).containsExactly(null, "dli/b.jar", "dli/d.jar");
        assertThat(log.lines()).containsExactly("The OBS listing of 'dli/' in bucket 'etl-jars' answered 'truncated' "
                + "without a continuation token; listing on after the last key it named.");
    }

    @Test
    void aServiceThatRepeatsThePageCannotKeepTheListingGoing() {
        TokenlessS3 s3 = new TokenlessS3(KEYS, true);
        RecordingLog log = RecordingLog.withoutDebug();

        var found = RemoteListing.list(s3, "etl-jars", "dli/", Set.copyOf(KEYS), log);

        assertThat(found).containsOnlyKeys("dli/a.jar", "dli/b.jar");
        assertThat(s3.startAfters).hasSize(2);
        assertThat(log.lines()).last().asString().contains("no later key");
    }

    /** Pages of two keys, each marked truncated but never with a token; honours start-after unless it repeats. */
    private static final class TokenlessS3 implements S3Client {
        private final TreeSet<String> keys;
        private final boolean repeatFirstPage;
        final List<String> startAfters = new ArrayList<>();

        TokenlessS3(List<String> keys, boolean repeatFirstPage) {
            this.keys = new TreeSet<>(keys);
            this.repeatFirstPage = repeatFirstPage;
        }

        @Override
        public ListObjectsV2Response listObjectsV2(Consumer<ListObjectsV2Request.Builder> consumer) {
            ListObjectsV2Request.Builder builder = ListObjectsV2Request.builder();
            consumer.accept(builder);
            ListObjectsV2Request request = builder.build();
            startAfters.add(request.startAfter());
            TreeSet<String> rest = request.startAfter() == null || repeatFirstPage
                    ? keys
                    : new TreeSet<>(keys.tailSet(request.startAfter(), false));
            List<S3Object> page = rest.stream().limit(2)
                    .map(key -> S3Object.builder().key(key).size(1L).eTag("\"e\"").build())
                    .toList();
            return ListObjectsV2Response.builder().contents(page).isTruncated(rest.size() > 2).build();
        }

        @Override
        public String serviceName() {
            return "s3";
        }

        @Override
        public void close() {}
    }
}
