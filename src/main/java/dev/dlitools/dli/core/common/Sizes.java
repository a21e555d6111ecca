package dev.dlitools.dli.core.common;

import java.util.Locale;

/** File sizes as people read them. */
public final class Sizes {

    private Sizes() {}

    /**
     * A size in decimal units, like an MB/s figure.
     *
     * @param bytes the size
     * @return e.g. {@code 999 B}, {@code 1.5 kB}, {@code 12.3 MB}, {@code 1.20 GB}
     */
    public static String decimal(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        if (bytes < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
}
