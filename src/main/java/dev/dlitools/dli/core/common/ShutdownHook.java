package dev.dlitools.dli.core.common;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An action for the JVM to run should it shut down (Ctrl-C, or SIGTERM from a CI runner cancelling the build) while
 * a step is under way, to stop what the step started elsewhere. The action runs at most once, and not once the step
 * has {@link #close() closed} the hook: a step that is over has nothing left to stop.
 */
public final class ShutdownHook implements AutoCloseable {

    /** Where hooks are added: the JVM's runtime, or a test's stand-in that runs them when the test says. */
    public interface Registry {

        /**
         * Runs the hook when the JVM shuts down.
         *
         * @param hook a thread not started yet
         */
        void add(Thread hook);

        /**
         * Takes a hook out again.
         *
         * @param hook a thread given to {@link #add}
         * @throws IllegalStateException when the JVM is shutting down already
         */
        void remove(Thread hook);

        /** The JVM's own hooks. */
        Registry JVM = new Registry() {
            @Override
            public void add(Thread hook) {
                Runtime.getRuntime().addShutdownHook(hook);
            }

            @Override
            public void remove(Thread hook) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        };
    }

    private final Registry registry;
    private final Thread thread;
    /** Set by the first of the action and {@link #close()}: the other then does nothing. */
    private final AtomicBoolean over = new AtomicBoolean();

    private ShutdownHook(Registry registry, String name, Runnable action) {
        this.registry = registry;
        this.thread = new Thread(() -> {
            if (over.compareAndSet(false, true)) {
                action.run();
            }
        }, name);
    }

    /**
     * Adds a hook, to be closed when the step is over.
     *
     * @param registry where it goes; {@link Registry#JVM} but in tests
     * @param name the hook thread's name
     * @param action what stops the step's work; it should bound its own wait, as the JVM's exit waits for it
     * @return the hook, added
     */
    public static ShutdownHook add(Registry registry, String name, Runnable action) {
        ShutdownHook hook = new ShutdownHook(registry, name, action);
        registry.add(hook.thread);
        return hook;
    }

    /** Takes the hook out: from now on its action does not run, even in a shutdown that has begun. */
    @Override
    public void close() {
        over.set(true);
        try {
            registry.remove(thread);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs, but finds its step over
        }
    }
}
