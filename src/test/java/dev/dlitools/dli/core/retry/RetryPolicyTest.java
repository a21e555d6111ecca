package dev.dlitools.dli.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.common.Sleeper;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Sleeper NO_SLEEP = duration -> {};

    @Test
    void backoffDoublesFromTheBaseWithFullJitterUpToTheMaximum() {
        RetryPolicy highest = new RetryPolicy(10, NO_SLEEP, () -> 0.999_999);
        RetryPolicy lowest = new RetryPolicy(10, NO_SLEEP, () -> 0.0);

        assertThat(highest.delay(1, null)).isBetween(Duration.ofMillis(499), Duration.ofMillis(500));
        assertThat(highest.delay(2, null)).isBetween(Duration.ofMillis(999), Duration.ofMillis(1000));
        assertThat(highest.delay(3, null)).isBetween(Duration.ofMillis(1999), Duration.ofMillis(2000));
        assertThat(highest.delay(10, null)).isBetween(Duration.ofMillis(19_999), RetryPolicy.MAX_BACKOFF);
        assertThat(lowest.delay(3, null)).isZero();
    }

    @Test
    void retryAfterIsTakenAsGivenButCapped() {
        RetryPolicy policy = new RetryPolicy(3, NO_SLEEP, () -> 0.5);

        assertThat(policy.delay(1, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        assertThat(policy.delay(1, Duration.ofHours(1))).isEqualTo(RetryPolicy.MAX_RETRY_AFTER);
    }

    @Test
    void countsTheFirstAttemptAndTheRetries() {
        RetryPolicy policy = new RetryPolicy(3, NO_SLEEP, () -> 0.5);

        assertThat(policy.maxAttempts()).isEqualTo(4);
        assertThat(policy.mayRetry(3)).isTrue();
        assertThat(policy.mayRetry(4)).isFalse();
        assertThat(new RetryPolicy(0, NO_SLEEP, () -> 0.5).mayRetry(1)).isFalse();
    }

    @Test
    void retriesOutsideZeroToTenNameTheSetting() {
        assertThatThrownBy(() -> RetryPolicy.of(11))
                .isInstanceOf(DliException.class)
                .hasMessageContaining("{{RETRIES}} is 11; it takes 0 to 10");
        assertThatThrownBy(() -> RetryPolicy.of(-1)).hasMessageContaining("{{RETRIES}} is -1");
        assertThat(RetryPolicy.of(10).retries()).isEqualTo(10);
    }
}
