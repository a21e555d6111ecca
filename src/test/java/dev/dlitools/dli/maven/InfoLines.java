package dev.dlitools.dli.maven;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** The info (or warning) lines a mojo logs, kept for a test to read. */
final class InfoLines {

    private InfoLines() {}

    /** From now on, the info lines {@code mojo} logs go to the returned list instead of the console. */
    static List<String> of(AbstractMojo mojo) {
        return kept(mojo, false);
    }

    /** From now on, the warnings {@code mojo} logs go to the returned list instead of the console. */
    static List<String> warningsOf(AbstractMojo mojo) {
        return kept(mojo, true);
    }

    private static List<String> kept(AbstractMojo mojo, boolean warnings) {
        List<String> lines = new CopyOnWriteArrayList<>();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                if (warnings) {
                    super.info(content);
                } else {
                    lines.add(content.toString());
                }
            }

            @Override
            public void warn(CharSequence content) {
                if (warnings) {
                    lines.add(content.toString());
                } else {
                    super.warn(content);
                }
            }
        });
        return lines;
    }
}
