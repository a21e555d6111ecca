package dev.dlitools.dli.maven;

import dev.dlitools.dli.core.Dli;
import dev.dlitools.dli.core.ListRequest;
import dev.dlitools.dli.core.report.ResourceListReport;
import java.io.File;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Lists the package groups of a DLI project, and with {@code -Ddli.list.all} also its single resources and
 * built-in modules, as a table or as JSON.
 *
 * @since 0.1.0
 */
@Mojo(name = "list", requiresProject = false, threadSafe = true)
public class ListMojo extends AbstractDliMojo {

    // The filters are not called kind, tags and group: a plugin-level <configuration> for dli:upload-group sets
    // those for every goal of the plugin, and its <tags> map cannot become a filter string.

    /**
     * Only resources of this kind: {@code jar}, {@code pyFile}, {@code file} or {@code modelFile} (case ignored:
     * {@code pyfile} is {@code pyFile}). Any other value fails before anything is sent.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.kind")
    String kindFilter;

    /**
     * Only resources with these tags, as {@code key=value} pairs separated by commas, e.g. {@code env=prod,team=etl}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.tags")
    String tagFilter;

    /**
     * Only the groups with this name; {@code *} matches any characters, e.g. {@code etl-*}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.group")
    String groupFilter;

    /**
     * Also list the project's single resources (packages outside any group) and DLI's built-in modules.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.list.all", defaultValue = "false")
    boolean all;

    /**
     * The output format: {@code table} (aligned columns, for reading) or {@code json} (the service's data, for
     * scripts).
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.format", defaultValue = "table")
    String format;

    /**
     * Also write the listing, in {@code format}, to this file, e.g. {@code -Ddli.outputFile=target/groups.json};
     * {@code -} writes it bare to standard output instead of the log, at any log level. With {@code mvn -q} the
     * listing goes to standard output anyway, and nothing else does: the way to pipe it, e.g. to {@code jq}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "dli.outputFile")
    File outputFile;

    @Inject
    public ListMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    void run(MavenListener log) {
        if (skipped("dli:list", log)) {
            return;
        }
        boolean json = isJson(format);
        requireOnline("dli:list");
        sayFiltersFromThePom(log);
        List<String> lines;
        try (Dli dli = dli(log)) {
            ResourceListReport report = dli.list(ListRequest.builder()
                    .kind(kindFilter)
                    .tags(tagFilter)
                    .groupPattern(groupFilter)
                    .all(all)
                    .build());
            lines = json
                    ? List.of(report.json())
                    : report.table("No package groups in project " + dli.projectId() + filters() + ".");
        }
        new ReportOutput(getLog(), System.out).report(lines, outputFile, "listing");
    }

    /**
     * The filters share their properties with the settings of {@code dli:upload-group}, which a pom may set in its
     * {@code <properties>} (e.g. {@code dli.group}): in that project the listing is then filtered, which the table's
     * header does not show.
     */
    private void sayFiltersFromThePom(MavenListener log) {
        if (!inAProject()) {
            return;
        }
        for (String property : List.of("dli.kind", "dli.tags", "dli.group")) {
            String value = project.getProperties().getProperty(property);
            boolean given = session != null && (session.getUserProperties().containsKey(property)
                    || session.getSystemProperties().containsKey(property));
            if (value != null && !value.isBlank() && !given) {
                log.info("Listing only " + property + "=" + value + ", from the pom's <properties>; -D" + property
                        + "= lists without that filter.");
            }
        }
    }

    private String filters() {
        StringBuilder filters = new StringBuilder();
        if (kindFilter != null && !kindFilter.isBlank()) {
            filters.append(" kind=").append(kindFilter);
        }
        if (tagFilter != null && !tagFilter.isBlank()) {
            filters.append(" tags=").append(tagFilter);
        }
        if (groupFilter != null && !groupFilter.isBlank()) {
            filters.append(" group=").append(groupFilter);
        }
        return filters.length() == 0 ? "" : " matching" + filters;
    }
}
