package dev.dlitools.dli.emulator;

import java.util.List;

/**
 * How the emulator's next Spark jobs end (after starting and running for the configured delays), unless a file they
 * reference is missing from the object store, which makes them die whatever the script says.
 *
 * @param logLines driver log lines a dying job writes last
 */
public record JobScript(Outcome outcome, List<String> logLines) {

    public enum Outcome { SUCCEED, DIE, HANG }

    public static JobScript succeed() {
        return new JobScript(Outcome.SUCCEED, List.of());
    }

    /** The job ends {@code dead} with these last lines in its driver log. */
    public static JobScript die(String... logLines) {
        return new JobScript(Outcome.DIE, List.of(logLines));
    }

    /** The job stays {@code running} until cancelled. */
    public static JobScript hang() {
        return new JobScript(Outcome.HANG, List.of());
    }
}
