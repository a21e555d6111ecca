package dev.dlitools.dli.maven;

import dev.dlitools.dli.core.common.DliException;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/**
 * The one home for what a goal prints for scripts. Maven's log prefixes every line with {@code [INFO] } and
 * {@code -q} hides those lines, so a goal's answer for a script goes to standard output bare: with {@code -q}
 * nothing else is there, and {@code mvn -q dli:list -Ddli.format=json | jq .groups} works.
 */
final class ReportOutput {

    /** The {@code outputFile} that means standard output, as for many command-line tools. */
    static final String STANDARD_OUTPUT = "-";

    private final Log log;
    private final PrintStream stdout;

    /**
     * @param stdout the process's standard output; tests pass their own
     */
    ReportOutput(Log log, PrintStream stdout) {
        this.log = log;
        this.stdout = stdout;
    }

    /** Whether Maven runs with {@code -q}: INFO lines are hidden, so a goal prints its answer bare or says nothing. */
    boolean quiet() {
        return !log.isInfoEnabled();
    }

    /**
     * Lines bare on standard output, for a script to read, in one piece: the modules of a parallel build
     * ({@code -T}) print theirs at the same time, and each module's lines must stay together and in order.
     */
    void print(List<String> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append(System.lineSeparator()));
        synchronized (stdout) {
            stdout.print(text);
            stdout.flush();
        }
    }

    /**
     * A report goal's answer (a table or JSON): to standard output when {@code outputFile} is {@code -} (bare, at
     * any log level) or Maven runs with {@code -q}, else to the log; and also to {@code outputFile} when it names a
     * file.
     *
     * @param what the report, for the line naming the file written, e.g. {@code listing}
     */
    void report(List<String> lines, File outputFile, String what) {
        boolean toStandardOutput = outputFile != null && STANDARD_OUTPUT.equals(outputFile.getName());
        if (toStandardOutput || quiet()) {
            print(lines);
        } else {
            lines.forEach(log::info);
        }
        if (outputFile != null && !toStandardOutput) {
            write(outputFile, lines);
            log.info("Wrote the " + what + " to " + outputFile);
        }
    }

    /** Writes the report to {@code outputFile (-Ddli.outputFile)}, creating its folder. */
    private static void write(File outputFile, List<String> lines) {
        try {
            Files.createDirectories(outputFile.getAbsoluteFile().getParentFile().toPath());
            Files.write(outputFile.toPath(), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DliException("Could not write outputFile (-Ddli.outputFile) " + outputFile + ": " + e);
        }
    }
}
