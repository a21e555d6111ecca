package dev.dlitools.dli.core.common;

/** Walks the chain of an exception's causes, and keeps a failure from hiding another. */
public final class Causes {

    private Causes() {}

    /**
     * The first of {@code failure} and its causes that is a {@code type}.
     *
     * @param <T> the type looked for
     * @param failure where the chain starts; may be {@code null}
     * @param type the type looked for, subtypes included
     * @return {@code null} when none is
     */
    public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /**
     * The last cause in the chain: the lowest-level reason.
     *
     * @param failure where the chain starts
     * @return {@code failure} itself when it has no cause
     */
    public static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /**
     * Runs {@code step} (e.g. writing what later steps need) on the way out of {@code failure}, and returns
     * {@code failure} to be thrown: a failure of the step is added to it as suppressed, so it never hides the first.
     *
     * @param failure the failure being thrown
     * @param step what must still run
     * @return {@code failure}, for {@code throw Causes.after(failure, step)}
     */
    public static RuntimeException after(RuntimeException failure, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException stepFailed) {
            failure.addSuppressed(stepFailed);
        }
        return failure;
    }
}
