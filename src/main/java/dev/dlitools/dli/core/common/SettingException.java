package dev.dlitools.dli.core.common;

import java.util.Objects;

/**
 * A setting the user must change: out of range, malformed, or in conflict with the build. Thrown before anything
 * is sent. The message names the setting by reference (see {@link Setting}), says what is wrong and what is
 * allowed; {@link #setting()} tells a front end which setting it is about.
 */
public final class SettingException extends DliException {

    /** The setting to change. */
    private final Setting setting;

    /**
     * A problem with one setting, said in a message of one's own.
     *
     * @param setting the setting to change
     * @param message the whole message, naming the setting with {@link Setting#named()} or the like
     */
    public SettingException(Setting setting, String message) {
        super(message);
        this.setting = Objects.requireNonNull(setting, "setting");
    }

    /**
     * A problem with one setting; the message starts with {@code Invalid {{GROUP}}: }.
     *
     * @param setting the setting to change
     * @param problem what is wrong and what is allowed, one or more sentences
     * @return the exception to throw
     */
    public static SettingException invalid(Setting setting, String problem) {
        return new SettingException(setting, "Invalid " + setting.named() + ": " + problem);
    }

    /** {@return the setting to change} */
    public Setting setting() {
        return setting;
    }
}
