package dev.dlitools.dli.core.dli;

import java.util.Locale;

/** Status of a package or package group. The service answers in either case ("READY", "uploading"). */
public enum PackageStatus {
    /** DLI is still loading the packages. */
    UPLOADING,
    /** Loaded: a job can use the packages. */
    READY,
    /** DLI could not load a package. */
    FAILED,
    /** A status this plugin does not know, or none. */
    UNKNOWN;

    static PackageStatus of(String status) {
        if (status == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    boolean isFinal() {
        return this == READY || this == FAILED;
    }
}
