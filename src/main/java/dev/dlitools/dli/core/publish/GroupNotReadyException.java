package dev.dlitools.dli.core.publish;

import dev.dlitools.dli.core.common.DliException;

/**
 * The files were uploaded and the group registered, but DLI did not load it: a package FAILED, or the group was
 * not READY in time. Carries the result as written to the result file, with each package's last status.
 */
public final class GroupNotReadyException extends DliException {

    private final transient PublishResult result;

    GroupNotReadyException(DliException failure, PublishResult result) {
        super(failure.getMessage(), failure);
        this.result = result;
    }

    /** {@return what was published, with the group's and each package's last status} */
    public PublishResult result() {
        return result;
    }
}
