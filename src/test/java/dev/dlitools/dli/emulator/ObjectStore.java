package dev.dlitools.dli.emulator;

import java.net.URI;

/** Where the emulator looks when it decides whether a registered OBS path can be copied into DLI. */
@FunctionalInterface
public interface ObjectStore {

    /**
     * Whether the object behind an OBS object URL exists.
     *
     * @param obsUrl an object URL as given in an upload's {@code paths}
     * @return {@code false} when the object is absent
     */
    boolean exists(URI obsUrl);

    /** A store in which every object exists, for tests that do not involve OBS. */
    static ObjectStore everythingExists() {
        return obsUrl -> true;
    }
}
