package dev.dlitools.dli.core.job;

import dev.dlitools.dli.core.DliPluginException;

/** A job setting that cannot work, found before anything is sent. The message names the setting as the user writes it. */
public final class InvalidJobSettingException extends DliPluginException {

    private final JobSetting setting;

    InvalidJobSettingException(JobSetting setting, JobSetting.Names names, String problem) {
        super("Invalid " + names.of(setting) + ": " + problem);
        this.setting = setting;
    }

    public JobSetting setting() {
        return setting;
    }
}
