package dev.dlitools.dli.core.common;

import java.time.Duration;

/** The default time-outs of every call to DLI, IAM and OBS, unless the user sets others. */
public final class Timeouts {

    /** How long to wait for a connection. */
    public static final Duration CONNECT = Duration.ofSeconds(10);
    /** How long to wait for the answer to one call (for OBS: for each read of it). */
    public static final Duration READ = Duration.ofSeconds(60);

    private Timeouts() {}
}
