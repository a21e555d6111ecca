package dev.dlitools.dli.maven;

import java.util.Properties;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;

/** Maven sessions for mojo tests, holding only what the goals read of one: the build's request. */
final class Sessions {

    private Sessions() {}

    /** A session of a build run with these {@code -D} properties. */
    static MavenSession withUserProperty(String name, String value) {
        Properties userProperties = new Properties();
        userProperties.setProperty(name, value);
        return of(new DefaultMavenExecutionRequest().setUserProperties(userProperties));
    }

    /** A session of the build {@code request} stands for; a parallel build gives each project one of its own. */
    @SuppressWarnings("deprecation") // the constructor Maven's own tests use; the session is only read here
    static MavenSession of(MavenExecutionRequest request) {
        return new MavenSession(null, null, request, new DefaultMavenExecutionResult());
    }
}
