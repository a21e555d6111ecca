package dev.dlitools.dli.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlitools.dli.testsupport.RecordedShutdownHooks;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link ShutdownHook}: its action runs at most once, and never once the step closed it. */
class ShutdownHookTest {

    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void aShutdownRunsTheActionOnceAndTheCloseAfterItTakesTheHookOut() {
        RecordedShutdownHooks hooks = RecordedShutdownHooks.running();
        ShutdownHook hook = ShutdownHook.add(hooks, "test-hook", runs::incrementAndGet);
        assertThat(hooks.open()).singleElement().extracting(Thread::getName).isEqualTo("test-hook");

        hooks.runAll();
        hooks.runAll();
        hook.close();

        assertThat(runs).hasValue(1);
        assertThat(hooks.open()).isEmpty();
    }

    @Test
    void aClosedHookDoesNothingEvenInAShutdownThatHasBegun() {
        RecordedShutdownHooks hooks = RecordedShutdownHooks.shuttingDown();
        ShutdownHook hook = ShutdownHook.add(hooks, "test-hook", runs::incrementAndGet);

        hook.close();
        hooks.runAll();

        assertThat(runs).hasValue(0);
    }
}
