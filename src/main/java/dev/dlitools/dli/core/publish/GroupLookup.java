package dev.dlitools.dli.core.publish;

import dev.dlitools.dli.core.dli.DliClient;
import dev.dlitools.dli.core.dli.PackageGroup;
import dev.dlitools.dli.core.upload.UploadPlan;
import java.util.Optional;

/**
 * DLI's side of a publish, asked while the OBS client is built and the bucket listed, and awaited before anything
 * is written to OBS: the client, and the group when registering the plan again would change nothing
 * ({@link SameReadyGroup}). Asking first proves that DLI answers these credentials for this project, so a wrong
 * project id, a refused key or an unreachable endpoint fails the build before anything is sent (as Jib checks
 * that it may push before it pushes), and the registration later finds its connection made.
 *
 * @param client the opened client
 * @param sameReadyGroup the group as DLI had it before the upload, when it was READY exactly as planned
 */
public record GroupLookup(DliClient client, Optional<PackageGroup> sameReadyGroup) {

    /**
     * Asks DLI for the plan's group.
     *
     * @param client the opened client of the project
     * @param plan the upload plan, whose group, kind, tags and files are compared
     * @return the client and the group, when DLI has it READY as planned
     * @throws dev.dlitools.dli.core.dli.DliApiException when DLI refuses the call or answers with an error
     */
    public static GroupLookup of(DliClient client, UploadPlan plan) {
        return new GroupLookup(client, SameReadyGroup.find(client, plan));
    }
}
