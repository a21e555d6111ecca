package dev.dlitools.dli.core.upload;

import dev.dlitools.dli.core.common.DliException;

/**
 * A file to publish has not been built yet: the build's packaging step must run first. The message names the
 * artifact; a front end adds how its users run that step.
 */
public final class NotPackagedException extends DliException {

    NotPackagedException(String message) {
        super(message);
    }
}
