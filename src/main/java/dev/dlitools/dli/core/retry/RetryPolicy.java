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

    /** The retries when the user gives none. */
    public static final int DEFAULT_RETRIES = 3;
    static final int MAX_RETRIES = 10;
    /** The longest pause after the first failed attempt; it doubles with each further one. */
    public static final Duration BASE_BACKOFF = Duration.ofMillis(500);
    /** The longest pause between two attempts when the service asks for none. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(20);
    /** A service asking for longer than this is waited for this long only: a build should not hang for hours. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    private final int retries;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    /**
     * A policy with the pauses and jitter given; tests pass their own.
     *
     * @param retries how many times a failed call is tried again, {@code 0..}{@link #MAX_RETRIES}
     * @param sleeper what pauses between attempts
     * @param random numbers in {@code [0, 1)} for the jitter
     * @throws SettingException naming {@link Setting#RETRIES} when {@code retries} is out of range
     */
    public RetryPolicy(int retries, Sleeper sleeper, DoubleSupplier random) {
        this.retries = checkRetries(retries);
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * A policy that really pauses, with random jitter.
     *
     * @param retries how many times a failed call is tried again, 0 to 10
     * @return the policy
     * @throws SettingException naming {@link Setting#RETRIES} when {@code retries} is out of range
     */
    public static RetryPolicy of(int retries) {
        return new RetryPolicy(retries, Sleeper.THREAD_SLEEP, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Checks the retries a user gave.
     *
     * @param retries how many times a failed call is tried again
     * @return {@code retries}, when it is 0 to 10
     * @throws SettingException naming {@link Setting#RETRIES} when {@code retries} is out of range
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

    /** {@return how many attempts a call gets: the first and the retries} */
    public int maxAttempts() {
        return retries + 1;
    }

    /**
     * Whether a call that failed transiently may be tried again.
     *
     * @param attempt the number of the attempt that failed, from 1
     * @return {@code false} once the retries are used up
     */
    public boolean mayRetry(int attempt) {
        return attempt < maxAttempts();
    }

    /**
     * The pause after a failed attempt.
     *
     * @param attempt the number of the attempt that failed, from 1
     * @param retryAfter what the service asked for, or {@code null}
     * @return {@code retryAfter} up to {@link #MAX_RETRY_AFTER}, else a random pause up to the backoff ceiling
     */
    public Duration delay(int attempt, Duration retryAfter) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
        }
        long ceiling = Math.min(MAX_BACKOFF.toMillis(), BASE_BACKOFF.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis((long) (random.getAsDouble() * ceiling));
    }

    /**
     * Pauses with this policy's sleeper.
     *
     * @param duration usually a {@link #delay}
     * @throws InterruptedException when the thread is interrupted, which ends the pause
     */
    public void sleep(Duration duration) throws InterruptedException {
        sleeper.sleep(duration);
    }

    /**
     * A pause for log lines.
     *
     * @param duration the pause
     * @return e.g. {@code 1.2 s}
     */
    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
