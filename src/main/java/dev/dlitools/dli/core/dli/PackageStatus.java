package dev.dlitools.dli.core.dli;

import java.util.Locale;

/** Status of a package or package group. The service answers in either case ("READY", "uploading"). */
public enum PackageStatus {
    UPLOADING,
    READY,
    FAILED,
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
