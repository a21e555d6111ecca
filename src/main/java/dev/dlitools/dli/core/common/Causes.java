package dev.dlitools.dli.core.common;

/** Walks the chain of an exception's causes. */
public final class Causes {

    private Causes() {}

    /** The first of {@code failure} and its causes that is a {@code type}, or {@code null}. */
    public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The last cause in the chain: the lowest-level reason. */
    public static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
