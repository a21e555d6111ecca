package dev.dlitools.dli.core.obs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObsRemoteListingTest {

    @Test
    void typicalPlanWithALibFolderNeedsOneListing() {
        List<String> keys = List.of("apps/demo/1.0/demo-1.0.jar", "apps/demo/1.0/lib/guava-33.jar",
                "apps/demo/1.0/lib/jackson-core-2.22.jar");

        assertThat(RemoteListing.prefixes(keys)).containsExactly("apps/demo/1.0/");
    }

    @Test
    void unrelatedFoldersAreListedSeparately() {
        List<String> keys = List.of("apps/a.jar", "libs/b.jar", "libs/c.jar");

        assertThat(RemoteListing.prefixes(keys)).containsExactly("apps/", "libs/");
    }

    @Test
    void keysWithoutFolderAreListedByTheirCommonPrefix() {
        List<String> keys = List.of("demo-1.0.jar", "demo-lib-2.0.jar");

        assertThat(RemoteListing.prefixes(keys)).containsExactly("demo-");
    }

    @Test
    void manyFoldersCollapseIntoTheirCommonPrefix() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i <= RemoteListing.MAX_PREFIXES; i++) {
            keys.add("repo/group" + i + "/artifact.jar");
        }

        assertThat(RemoteListing.prefixes(keys)).containsExactly("repo/group");
    }

    @Test
    void etagsAreComparedWithoutQuotesAndCase() {
        assertThat(RemoteListing.normalizeEtag("\"9E107D9D372BB6826BD81D3542A419D6-3\""))
                .isEqualTo("9e107d9d372bb6826bd81d3542a419d6-3");
    }
}
