package dev.dlitools.dli.maven;

import static dev.dlitools.dli.core.common.Sizes.decimal;

import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.ShutdownHook;
import dev.dlitools.dli.core.job.SparkJobResult;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.apache.maven.plugin.logging.Log;

/**
 * Shows that long work is moving. An upload's bytes: on a terminal a live line redrawn in place a few times a
 * second and cleared at the end, or for good when the build is stopped; otherwise (CI, {@code -B}) a log line at
 * most every 10 s while bytes move. While waiting for the group or the job, a heartbeat line at most every 30 s.
 * Upload events arrive on several threads, so every method is synchronized; each does little.
 */
final class Progress {

    /** How progress shows, from {@code progress (-Ddli.progress)}. */
    enum Mode {
        /** A line redrawn in place on the terminal. */
        LIVE,
        /** Throttled log lines. */
        PLAIN,
        /** Nothing beyond the per-file lines and totals. */
        NONE;

        /**
         * @param setting {@code auto} (live on a terminal, else plain), {@code plain} or {@code none}
         * @param terminal whether the build runs interactively on a terminal that can redraw a line
         */
        static Mode of(String setting, boolean terminal) {
            return switch (setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT)) {
                case "auto" -> terminal ? LIVE : PLAIN;
                case "plain" -> PLAIN;
                case "none" -> NONE;
                default -> throw new DliException(Setting.PROGRESS.named() + " is '" + setting
                        + "'; it takes auto, plain or none.");
            };
        }
    }

    static final Duration LIVE_EVERY = Duration.ofMillis(250);
    static final Duration PLAIN_EVERY = Duration.ofSeconds(10);
    static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(30);
    /** Back to the line's start, then erase to its end (ANSI). */
    static final String CLEAR_LINE = "\r\u001b[K";

    private final Mode mode;
    private final Log log;
    private final PrintStream terminal;
    private final Clock clock;
    private final ShutdownHook.Registry shutdownHooks;

    private long totalBytes;
    private long sentBytes;
    private Instant uploadStart;
    private Instant lastShown;
    private boolean lineShown;
    private Instant lastBeat;
    /** Clears a live line when the build is stopped mid-upload; {@code null} while no upload draws one. */
    private ShutdownHook clearOnShutdown;
    /** The build was stopped: the upload's threads, still sending, draw the line no more. */
    private boolean stopped;

    /**
     * @param terminal where the live line is drawn
     * @param clock the time, which tests set by hand
     */
    Progress(Mode mode, Log log, PrintStream terminal, Clock clock) {
        this(mode, log, terminal, clock, ShutdownHook.Registry.JVM);
    }

    /** @param shutdownHooks where the hook that clears a live line when the build is stopped goes */
    Progress(Mode mode, Log log, PrintStream terminal, Clock clock, ShutdownHook.Registry shutdownHooks) {
        // a quiet build (-q) shows no progress either
        this.mode = log.isInfoEnabled() ? mode : Mode.NONE;
        this.log = log;
        this.terminal = terminal;
        this.clock = clock;
        this.shutdownHooks = shutdownHooks;
    }

    static Progress none(Log log) {
        return new Progress(Mode.NONE, log, System.out, Clock.systemUTC());
    }

    /**
     * Whether a line can be redrawn in place: a console is attached, its {@code TERM} is not {@code dumb}, Maven
     * runs interactively (not {@code -B}), and not in parallel ({@code -T}), where the other modules' lines would be
     * printed onto the end of the redrawn one.
     */
    static boolean isTerminal(boolean console, String term, boolean interactive, boolean parallel) {
        return console && interactive && !parallel && !"dumb".equals(term);
    }

    synchronized void uploadStarted(long bytes) {
        totalBytes = bytes;
        sentBytes = 0;
        uploadStart = clock.instant();
        // the first plain line comes after a full period; the live line at the first bytes
        lastShown = mode == Mode.LIVE ? null : uploadStart;
        if (mode == Mode.LIVE && clearOnShutdown == null) {
            clearOnShutdown = ShutdownHook.add(shutdownHooks, "dli-progress-on-shutdown", this::stop);
        }
    }

    /** A file the bucket already holds: its bytes will not be sent. */
    synchronized void unchanged(long bytes) {
        totalBytes -= bytes;
    }

    synchronized void sent(long bytes) {
        sentBytes += bytes;
        if (mode == Mode.NONE || uploadStart == null || stopped) {
            return;
        }
        Instant now = clock.instant();
        Duration every = mode == Mode.LIVE ? LIVE_EVERY : PLAIN_EVERY;
        if (lastShown != null && Duration.between(lastShown, now).compareTo(every) < 0) {
            return;
        }
        lastShown = now;
        if (mode == Mode.LIVE) {
            terminal.print(CLEAR_LINE + uploadLine(now));
            terminal.flush();
            lineShown = true;
        } else {
            log.info(uploadLine(now));
        }
    }

    /** The upload is over: the live line goes. */
    synchronized void uploadEnded() {
        clearLine();
        uploadStart = null;
        if (clearOnShutdown != null) {
            clearOnShutdown.close();
            clearOnShutdown = null;
        }
    }

    /** The build was stopped mid-upload: the live line goes, and is not drawn again, whatever is logged after. */
    private synchronized void stop() {
        stopped = true;
        clearLine();
    }

    /** Prints a log line; a live line is cleared first and drawn again below it. */
    synchronized void above(Runnable print) {
        if (!lineShown || stopped) {
            print.run();
            return;
        }
        clearLine();
        print.run();
        terminal.print(uploadLine(clock.instant()));
        terminal.flush();
        lineShown = true;
    }

    /**
     * One round of a wait: a line at most every 30 s, counted from the wait's first round or from the last
     * {@link #shown()} line.
     *
     * @param what e.g. {@code Group g: 2 UPLOADING}
     */
    synchronized void waiting(String what, Duration elapsed, Duration limit) {
        if (mode == Mode.NONE) {
            return;
        }
        Instant now = clock.instant();
        if (lastBeat == null) {
            lastBeat = now;
        } else if (Duration.between(lastBeat, now).compareTo(HEARTBEAT_EVERY) >= 0) {
            lastBeat = now;
            log.info(what + ", " + SparkJobResult.elapsed(elapsed) + " of " + SparkJobResult.elapsed(limit));
        }
    }

    /** A status line of the wait was printed: the next heartbeat is due 30 s later. */
    synchronized void shown() {
        if (lastBeat != null) {
            lastBeat = clock.instant();
        }
    }

    private void clearLine() {
        if (lineShown) {
            terminal.print(CLEAR_LINE);
            terminal.flush();
            lineShown = false;
        }
    }

    /** {@code uploading: 275.4 MB of 612.0 MB (45%), 14.2 MB/s, 35s left}. */
    private String uploadLine(Instant now) {
        double seconds = Duration.between(uploadStart, now).toNanos() / 1e9;
        double bytesPerSecond = seconds > 0 ? sentBytes / seconds : 0;
        long percent = totalBytes > 0 ? sentBytes * 100 / totalBytes : 100;
        String rate = bytesPerSecond > 0 ? String.format(Locale.ROOT, "%.1f MB/s", bytesPerSecond / 1e6) : "- MB/s";
        String left = bytesPerSecond > 0
                ? SparkJobResult.elapsed(Duration.ofSeconds((long) Math.ceil((totalBytes - sentBytes)
                        / bytesPerSecond))) + " left"
                : "time left unknown";
        return "uploading: " + decimal(sentBytes) + " of " + decimal(totalBytes) + " (" + percent + "%), " + rate
                + ", " + left;
    }
}
