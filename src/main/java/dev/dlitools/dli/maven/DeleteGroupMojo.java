package dev.dlitools.dli.maven;

import dev.dlitools.dli.core.Dli;
import dev.dlitools.dli.core.common.DliException;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Deletes a package group: every package in it, one by one (DLI has no call that deletes a whole group). Refuses
 * to run without {@code -Ddli.confirm=true}. A group that does not exist is nothing to delete and not an error; when
 * some packages cannot be deleted, the goal fails and names those that remain.
 *
 * @since 0.1.0
 */
@Mojo(name = "delete-group", requiresProject = false, threadSafe = true)
public class DeleteGroupMojo extends AbstractGroupMojo {

    /**
     * Must be {@code true}: deleting a group cannot be undone.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.confirm", defaultValue = "false")
    boolean confirm;

    @Inject
    public DeleteGroupMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    void run(MavenListener log) {
        if (skipped("dli:delete-group", log)) {
            return;
        }
        String groupName = groupName("dli:delete-group", log);
        if (!confirm) {
            throw new DliException("dli:delete-group deletes every package of group '" + groupName
                    + "' and cannot be undone. Confirm with -Ddli.confirm=true (confirm).");
        }
        requireOnline("dli:delete-group");
        try (Dli dli = dli(log)) {
            dli.deleteGroup(groupName);
        }
    }
}
