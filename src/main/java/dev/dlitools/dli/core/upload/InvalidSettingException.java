package dev.dlitools.dli.core.upload;

import dev.dlitools.dli.core.DliPluginException;

/**
 * A mistake in the user's build or settings that stops the upload before anything is sent.
 *
 * <p>The message is complete on its own: the mojo shows it at the default log level without a stack trace. It
 * names the setting to change, says what is wrong and what is allowed. Unchecked so that validating constructors
 * and parsers can throw it; the mojo catches this one type and fails the build with its message.
 */
public final class InvalidSettingException extends DliPluginException {

    /** A problem with one setting; the message starts with {@code Invalid group (-Ddli.group): }. */
    public InvalidSettingException(Setting setting, String problem) {
        super("Invalid " + setting + ": " + problem);
    }

    /** A problem that no single setting fixes, such as a main artifact that was not built. */
    public InvalidSettingException(String message) {
        super(message);
    }
}
