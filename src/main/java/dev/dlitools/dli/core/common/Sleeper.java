package dev.dlitools.dli.core.common;

import java.time.Duration;

/** Pauses between attempts and polls; tests replace it so they do not sleep. */
@FunctionalInterface
public interface Sleeper {

    /**
     * Pauses the calling thread.
     *
     * @param duration how long
     * @throws InterruptedException when the thread is interrupted, which ends the pause
     */
    void sleep(Duration duration) throws InterruptedException;

    /** Really pauses the calling thread. */
    Sleeper THREAD_SLEEP = duration -> Thread.sleep(duration.toMillis());
}
