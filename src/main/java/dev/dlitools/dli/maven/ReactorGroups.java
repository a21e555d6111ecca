package dev.dlitools.dli.maven;

import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.maven.execution.MavenExecutionRequest;

/**
 * The package groups the projects of one build register, by name: DLI keeps one set of packages per group name, so a
 * second project registering the same group would replace the first one's packages. Keyed by the build's request,
 * which every project of a build shares (a parallel build gives each project a copy of the session, not of the
 * request); held weakly, so that a long-lived JVM (mvnd) forgets the builds that ended.
 */
final class ReactorGroups {

    private static final Map<MavenExecutionRequest, Map<String, String>> BY_BUILD = new WeakHashMap<>();

    private ReactorGroups() {}

    /**
     * Records that {@code project} registers {@code group} in this build.
     *
     * @return the other project of the build that registers it already, or {@code null}
     */
    static synchronized String claim(MavenExecutionRequest build, String group, String project) {
        Map<String, String> claims = BY_BUILD.computeIfAbsent(build, key -> new HashMap<>());
        String earlier = claims.putIfAbsent(group, project);
        return earlier == null || earlier.equals(project) ? null : earlier;
    }
}
