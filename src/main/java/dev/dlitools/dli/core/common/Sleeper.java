package dev.dlitools.dli.core.common;

import java.time.Duration;

/** Pauses between attempts and polls; tests replace it so they do not sleep. */
@FunctionalInterface
public interface Sleeper {

    /** Pauses for {@code duration}; an interrupt ends the pause with {@link InterruptedException}. */
    void sleep(Duration duration) throws InterruptedException;

    /** Really pauses the calling thread. */
    Sleeper THREAD_SLEEP = duration -> Thread.sleep(duration.toMillis());
}
