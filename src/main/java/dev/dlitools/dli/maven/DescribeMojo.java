package dev.dlitools.dli.maven;

import dev.dlitools.dli.core.Dli;
import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.dli.PackageGroup;
import dev.dlitools.dli.core.report.GroupReport;
import java.io.File;
import java.time.ZoneId;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Describes one package group: its status and times, and every package in it with its type, status, underlying
 * name and times, as a table or as JSON. A group that does not exist fails the goal.
 *
 * @since 0.1.0
 */
@Mojo(name = "describe", requiresProject = false, threadSafe = true)
public class DescribeMojo extends AbstractGroupMojo {

    /**
     * {@code table} (readable) or {@code json} (the service's data).
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.format", defaultValue = "table")
    String format;

    /**
     * Also write the description to this file; {@code -} writes it bare to standard output instead of the log, at
     * any log level. With {@code mvn -q} the description goes to standard output anyway, and nothing else does.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.outputFile")
    File outputFile;

    @Inject
    public DescribeMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    void run(MavenListener log) {
        if (skipped("dli:describe", log)) {
            return;
        }
        boolean json = isJson(format);
        String groupName = groupName("dli:describe", log);
        requireOnline("dli:describe");
        PackageGroup found;
        try (Dli dli = dli(log)) {
            found = dli.describe(groupName).orElseThrow(() -> new DliException(
                    "There is no package group '" + groupName + "' in project " + dli.projectId()
                            + " (group, -Ddli.group). dli:list shows the groups there are."));
        }
        GroupReport report = new GroupReport(found, ZoneId.systemDefault());
        List<String> lines = json ? List.of(report.json()) : report.table();
        new ReportOutput(getLog(), System.out).report(lines, outputFile, "description");
    }
}
