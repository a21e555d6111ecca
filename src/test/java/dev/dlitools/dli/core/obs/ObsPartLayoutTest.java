package dev.dlitools.dli.core.obs;

import static dev.dlitools.dli.core.obs.UploadOptions.GIB;
import static dev.dlitools.dli.core.obs.UploadOptions.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ObsPartLayoutTest {

    private static final UploadOptions DEFAULTS = UploadOptions.defaults();

    @Test
    void fileUpToTheThresholdIsOnePut() {
        PartLayout layout = PartLayout.plan(16 * MIB, DEFAULTS);

        assertThat(layout.multipart()).isFalse();
        assertThat(layout.partCount()).isOne();
        assertThat(layout.length(0)).isEqualTo(16 * MIB);
    }

    @Test
    void emptyFileIsOneEmptyPut() {
        PartLayout layout = PartLayout.plan(0, DEFAULTS);

        assertThat(layout.multipart()).isFalse();
        assertThat(layout.length(0)).isZero();
    }

    @Test
    void fileOverTheThresholdIsCutIntoPartsWithAShortLastPart() {
        PartLayout layout = PartLayout.plan(16 * MIB + 1, DEFAULTS);

        assertThat(layout.multipart()).isTrue();
        assertThat(layout.partCount()).isEqualTo(3);
        assertThat(layout.length(0)).isEqualTo(8 * MIB);
        assertThat(layout.offset(2)).isEqualTo(16 * MIB);
        assertThat(layout.length(2)).isEqualTo(1);
    }

    @Test
    void partsOfAFileBeyondTwoGibibytesDoNotOverflow() {
        long size = 2 * GIB + 3 * MIB + 7;

        PartLayout layout = PartLayout.plan(size, DEFAULTS);

        assertThat(layout.partCount()).isEqualTo(257);
        int last = layout.partCount() - 1;
        assertThat(layout.offset(last)).isEqualTo(2 * GIB).isGreaterThan(Integer.MAX_VALUE);
        assertThat(layout.length(last)).isEqualTo(3 * MIB + 7);
        long total = 0;
        for (int i = 0; i < layout.partCount(); i++) {
            assertThat(layout.offset(i)).isEqualTo(total);
            total += layout.length(i);
        }
        assertThat(total).isEqualTo(size);
    }

    @Test
    void fileBeyondTheSinglePutLimitGoesMultipartEvenWithTheHighestThreshold() {
        UploadOptions highestThreshold = DEFAULTS.withMultipart(UploadOptions.MAX_SINGLE_PUT_SIZE, 64 * MIB);

        PartLayout layout = PartLayout.plan(5 * GIB + 1, highestThreshold);

        assertThat(layout.multipart()).isTrue();
        assertThat(layout.partCount()).isEqualTo(81);
    }

    @Test
    void thresholdAboveTheSinglePutLimitIsRefused() {
        assertThatThrownBy(() -> DEFAULTS.withMultipart(UploadOptions.MAX_SINGLE_PUT_SIZE + 1, 8 * MIB))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 GiB");
    }

    @Test
    void partsSmallerThanFiveMebibytesAreRefused() {
        assertThatThrownBy(() -> DEFAULTS.withMultipart(16 * MIB, 5 * MIB - 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 MiB");
    }

    @Test
    void partSizeGrowsToWholeMebibytesWhenTenThousandPartsWouldNotSuffice() {
        long size = 100 * GIB;

        PartLayout layout = PartLayout.plan(size, DEFAULTS);

        assertThat(layout.partSize()).isEqualTo(11 * MIB);
        assertThat(layout.partCount()).isLessThanOrEqualTo(PartLayout.MAX_PARTS);
        assertThat(layout.offset(layout.partCount() - 1) + layout.length(layout.partCount() - 1)).isEqualTo(size);
    }
}
