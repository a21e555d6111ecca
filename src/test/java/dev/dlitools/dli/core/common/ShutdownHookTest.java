package dev.dlitools.dli.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link ShutdownHook}: its action runs at most once, and never once the step closed it. */
class ShutdownHookTest {

    private final List<Thread> added = new ArrayList<>();
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void aShutdownRunsTheActionOnceAndTheCloseAfterItTakesTheHookOut() {
        ShutdownHook hook = ShutdownHook.add(new Hooks(false), "test-hook", runs::incrementAndGet);
        assertThat(added).singleElement().extracting(Thread::getName).isEqualTo("test-hook");

        added.get(0).run();
        added.get(0).run();
        hook.close();

        assertThat(runs).hasValue(1);
        assertThat(added).isEmpty();
    }

    @Test
    void aClosedHookDoesNothingEvenInAShutdownThatHasBegun() {
        ShutdownHook hook = ShutdownHook.add(new Hooks(true), "test-hook", runs::incrementAndGet);
        Thread thread = added.get(0);

        hook.close();
        thread.run();

        assertThat(runs).hasValue(0);
    }

    /** Records the hooks; {@code shuttingDown}: refuses to take one out, as the JVM does once its exit began. */
    private final class Hooks implements ShutdownHook.Registry {
        private final boolean shuttingDown;

        Hooks(boolean shuttingDown) {
            this.shuttingDown = shuttingDown;
        }

        @Override
        public void add(Thread hook) {
            added.add(hook);
        }

        @Override
        public void remove(Thread hook) {
            if (shuttingDown) {
                throw new IllegalStateException("Shutdown in progress");
            }
            added.remove(hook);
        }
    }
}
