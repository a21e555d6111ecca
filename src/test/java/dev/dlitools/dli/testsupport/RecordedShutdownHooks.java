package dev.dlitools.dli.testsupport;

import dev.dlitools.dli.core.common.ShutdownHook;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Shutdown hooks kept for a test to run as the JVM would when the build is stopped, instead of the JVM's own. */
public final class RecordedShutdownHooks implements ShutdownHook.Registry {

    private final List<Thread> open = new CopyOnWriteArrayList<>();
    private final boolean shuttingDown;
    private int everAdded;

    private RecordedShutdownHooks(boolean shuttingDown) {
        this.shuttingDown = shuttingDown;
    }

    /** Hooks that can be added and taken out. */
    public static RecordedShutdownHooks running() {
        return new RecordedShutdownHooks(false);
    }

    /** Hooks that cannot be taken out, as once the JVM's exit has begun. */
    public static RecordedShutdownHooks shuttingDown() {
        return new RecordedShutdownHooks(true);
    }

    @Override
    public void add(Thread hook) {
        everAdded++;
        open.add(hook);
    }

    @Override
    public void remove(Thread hook) {
        if (shuttingDown) {
            throw new IllegalStateException("Shutdown in progress");
        }
        open.remove(hook);
    }

    /** {@return the hooks added and not taken out, oldest first} */
    public List<Thread> open() {
        return List.copyOf(open);
    }

    /** {@return how many hooks were ever added, taken out or not} */
    public int everAdded() {
        return everAdded;
    }

    /** Runs the hooks not taken out, one after the other, as the JVM does when it shuts down. */
    public void runAll() {
        open.forEach(Thread::run);
    }
}
