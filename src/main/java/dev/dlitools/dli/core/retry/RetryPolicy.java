package dev.dlitools.dli.core.retry;

import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import dev.dlitools.dli.core.common.Sleeper;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How often and how long to wait before a failed call is tried again: exponential backoff with full jitter (a random
 * pause between 0 and {@code base * 2^(n-1)}, at most {@link #MAX_BACKOFF}), so many clients failing at once do not
 * come back in step. A {@code Retry-After} the service sends is honoured up to {@link #MAX_RETRY_AFTER}.
 *
 * <p>Which failures are transient is the caller's decision; this class only counts and waits.
 */
public final class RetryPolicy {

    public static final int DEFAULT_RETRIES = 3;
    static final int MAX_RETRIES = 10;
    public static final Duration BASE_BACKOFF = Duration.ofMillis(500);
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(20);
    /** A service asking for longer than this is waited for this long only: a build should not hang for hours. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    private final int retries;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    /**
     * @param retries how many times a failed call is tried again, {@code 0..}{@link #MAX_RETRIES}
     * @param random numbers in {@code [0, 1)} for the jitter
     */
    public RetryPolicy(int retries, Sleeper sleeper, DoubleSupplier random) {
        this.retries = checkRetries(retries);
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** {@code retries} retries with real pauses. */
    public static RetryPolicy of(int retries) {
        return new RetryPolicy(retries, Sleeper.THREAD_SLEEP, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * @throws SettingException naming the setting when {@code retries} is out of range
     */
    public static int checkRetries(int retries) {
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new SettingException(Setting.RETRIES, Setting.RETRIES.named() + " is " + retries + "; it takes 0 to "
                    + MAX_RETRIES
                    + " (how many times a call that failed for a transient reason is tried again).");
        }
        return retries;
    }

    int retries() {
        return retries;
    }

    /** The first attempt and the retries. */
    public int maxAttempts() {
        return retries + 1;
    }

    /** Whether a call whose attempt number {@code attempt} (from 1) failed transiently may be tried again. */
    public boolean mayRetry(int attempt) {
        return attempt < maxAttempts();
    }

    /**
     * The pause after failed attempt {@code attempt} (from 1).
     *
     * @param retryAfter what the service asked for, or {@code null}
     */
    public Duration delay(int attempt, Duration retryAfter) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
        }
        long ceiling = Math.min(MAX_BACKOFF.toMillis(), BASE_BACKOFF.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis((long) (random.getAsDouble() * ceiling));
    }

    public void sleep(Duration duration) throws InterruptedException {
        sleeper.sleep(duration);
    }

    /** "1.2 s", for log lines. */
    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
