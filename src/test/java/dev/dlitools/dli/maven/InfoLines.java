package dev.dlitools.dli.maven;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** The info lines a mojo logs, kept for a test to read. */
final class InfoLines {

    private InfoLines() {}

    /** From now on, the info lines {@code mojo} logs go to the returned list instead of the console. */
    static List<String> of(AbstractMojo mojo) {
        List<String> infos = new CopyOnWriteArrayList<>();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                infos.add(content.toString());
            }
        });
        return infos;
    }
}
