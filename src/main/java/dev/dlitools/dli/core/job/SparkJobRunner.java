package dev.dlitools.dli.core.job;

import dev.dlitools.dli.core.common.Causes;
import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.common.SettingException;
import dev.dlitools.dli.core.common.ShutdownHook;
import dev.dlitools.dli.core.common.Sleeper;
import dev.dlitools.dli.core.dli.BatchClient;
import dev.dlitools.dli.core.dli.DliApiException;
import dev.dlitools.dli.core.dli.SparkJobBody;
import dev.dlitools.dli.core.job.SparkJobResult.StateChange;
import dev.dlitools.dli.core.publish.ResultFilePlace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a Spark job on DLI: submits it, polls its state until it ends or the time is up, cancels it at the time-out
 * (unless it turns out to have ended just then) or when the JVM shuts down while waiting, fetches the driver log's
 * last lines when it dies, and writes the outcome.
 *
 * <p>The submission is sent once: after it may have reached the service it is not repeated, since a second request
 * would start a second job. Polls and the cancel are retried like every DLI call, and a poll that still fails is
 * reported and polled again until the time-out: the job runs on whatever our connection does.
 */
public final class SparkJobRunner {

    private static final String SUCCESS = "SUCCESS";
    /** DLI's failed end state, and Apache Livy's other two, which DLI's Livy-based API may pass through. */
    private static final Set<String> FAILED = Set.of("DEAD", "KILLED", "ERROR");
    /** How long a shutdown waits for DLI to answer the job's cancel before it lets the JVM go. */
    static final Duration CANCEL_ON_SHUTDOWN_GRACE = Duration.ofSeconds(5);
    /** A cancel answered within this is one line; a slower one is announced first. */
    private static final Duration CANCEL_QUIET_WAIT = Duration.ofMillis(500);

    private final BatchClient client;
    private final JobListener listener;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ShutdownHook.Registry shutdownHooks;
    private final Duration cancelGrace;

    /**
     * A runner of jobs in the project of {@code client}; it sends nothing yet.
     *
     * @param client the batch job calls of the project the jobs run in
     * @param listener hears how each run goes
     * @param clock counts the wait and stamps the states
     * @param sleeper pauses between two polls
     */
    public SparkJobRunner(BatchClient client, JobListener listener, Clock clock, Sleeper sleeper) {
        this(client, listener, clock, sleeper, ShutdownHook.Registry.JVM, CANCEL_ON_SHUTDOWN_GRACE);
    }

    /**
     * @param shutdownHooks where the hook that cancels a job waited for goes
     * @param cancelGrace how long that hook waits for DLI's answer
     */
    SparkJobRunner(BatchClient client, JobListener listener, Clock clock, Sleeper sleeper,
            ShutdownHook.Registry shutdownHooks, Duration cancelGrace) {
        this.client = client;
        this.listener = listener;
        this.clock = clock;
        this.sleeper = sleeper;
        this.shutdownHooks = shutdownHooks;
        this.cancelGrace = cancelGrace;
    }

    /**
     * Submits the job and, unless the request says not to, waits until it ends; the outcome is written to the
     * request's result file, when it has one, whatever it is.
     *
     * @param request the job and how to wait for it
     * @return the outcome of a job that succeeded, or was only submitted
     * @throws JobFailedException when the job ended without success
     * @throws JobTimeoutException when it did not end within the time-out
     * @throws SettingException before anything is sent, when the result file cannot be written where it is to go
     */
    public SparkJobResult submit(SubmitRequest request) {
        if (request.resultFile() != null) {
            ResultFilePlace.check(request.resultFile(), Setting.JOB_RESULT_FILE, "dli-spark-job.json");
            ResultFilePlace.removeEarlier(request.resultFile());
        }
        SparkJobBody body = request.body();
        BatchClient.SubmittedJob job = client.submit(body);
        // times count from DLI's answer: the job exists from then on
        Instant start = clock.instant();
        Run run = new Run(request, job.id(), start);
        listener.jobSubmitted(job.id(), body.name(), body.target());
        run.see(job.state() == null ? "STARTING" : job.state().toUpperCase(Locale.ROOT));
        if (!request.waitForEnd()) {
            return run.finish(false, false, List.of(), null);
        }
        // on disk before the wait: a build stopped with Ctrl-C ends without a word to this goal, and the job may run
        // on (not cancelled on interrupt, or the cancel failed)
        run.write(run.result(false, false, List.of(), null));
        boolean ended;
        try (ShutdownHook onShutdown = ShutdownHook.add(shutdownHooks, "dli-job-on-shutdown",
                () -> stoppedWhileWaiting(run))) {
            ended = waitForEnd(run);
        }
        return ended ? ended(run) : timeOut(run);
    }

    /** Polls the job's state until it ends: {@code true}; or until the time-out: {@code false}. */
    private boolean waitForEnd(Run run) {
        Duration timeout = run.request.timeout();
        Instant deadline = run.start.plus(timeout);
        while (!isEnd(run.state)) {
            Duration remaining = Duration.between(clock.instant(), deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                return false;
            }
            listener.jobWaiting(run.request.body().name(), run.state, Duration.between(run.start, clock.instant()),
                    timeout);
            try {
                pause(remaining.compareTo(run.request.pollInterval()) < 0 ? remaining : run.request.pollInterval(),
                        run);
                poll(run);
            } catch (RuntimeException e) {
                // the job runs on, and its id is what later steps need to find it: the result is written first
                throw Causes.after(e, () -> run.finish(false, false, List.of(), null));
            }
        }
        return true;
    }

    /**
     * As the JVM shuts down mid-wait (the build was stopped): cancels the job unless told not to, then says what
     * became of it. DLI's answer is awaited at most the grace period, as the JVM's exit waits for this hook.
     */
    private void stoppedWhileWaiting(Run run) {
        String stopped = "The build was stopped while waiting for Spark job " + run.request.body().name() + " (id "
                + run.id + ")";
        if (!run.request.cancelOnInterrupt()) {
            listener.jobInterrupted(stopped + ". " + leftRunning(Setting.JOB_CANCEL_ON_INTERRUPT, run.id));
            return;
        }
        FutureTask<Void> cancel = new FutureTask<>(() -> client.cancel(run.id), null);
        Thread thread = new Thread(cancel, "dli-job-cancel");
        thread.setDaemon(true);
        thread.start();
        try {
            long quietMillis = Math.min(CANCEL_QUIET_WAIT.toMillis(), cancelGrace.toMillis());
            try {
                cancel.get(quietMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException slow) {
                if (cancelGrace.toMillis() <= quietMillis) {
                    throw slow;
                }
                // the user, who has just pressed Ctrl-C, would otherwise sit through the wait without a word
                listener.jobInterrupted(stopped + ": cancelling it, waiting at most " + cancelGrace.toSeconds()
                        + " s for DLI's answer.");
                cancel.get(cancelGrace.toMillis() - quietMillis, TimeUnit.MILLISECONDS);
            }
            run.cancelledOnShutdown = true;
            // the file written before the wait holds the state at submission and no cancel
            run.write(run.result(false, true, List.of(), null));
            listener.jobInterrupted(stopped + ": it was cancelled.");
        } catch (ExecutionException e) {
            listener.jobInterrupted(stopped + ". " + cancelFailed(run.id, e.getCause().getMessage()));
        } catch (TimeoutException e) {
            listener.jobInterrupted(stopped + ". " + cancelFailed(run.id, "DLI did not answer within "
                    + cancelGrace.toSeconds() + " s."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listener.jobInterrupted(stopped + ". " + cancelFailed(run.id, "Its wait for DLI's answer was "
                    + "interrupted."));
        }
    }

    /** The outcome of a job that ended: its result when it succeeded. */
    private SparkJobResult ended(Run run) {
        if (run.state.equals(SUCCESS)) {
            return run.finish(true, false, List.of(), null);
        }
        throw died(run);
    }

    private void poll(Run run) {
        try {
            run.see(client.state(run.id));
        } catch (DliApiException e) {
            if (!e.isTransient()) {
                throw e;
            }
            listener.jobPollFailed(run.id, e);
        }
    }

    private void pause(Duration duration, Run run) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DliException("Interrupted while waiting for job " + run.id + "; it may still be running.",
                    e);
        }
    }

    private JobFailedException died(Run run) {
        List<String> tail = List.of();
        String problem = null;
        if (run.request.logLines() > 0) {
            try {
                tail = logTail(run.id, run.request.logLines());
            } catch (DliApiException e) {
                problem = e.getMessage();
            }
        }
        SparkJobResult result = run.finish(true, false, tail, problem);
        StringBuilder message = new StringBuilder("Spark job " + result.name() + " (id " + run.id + ") ended "
                + result.finalState() + " after " + SparkJobResult.elapsed(Duration.ofSeconds(result.elapsedSeconds()))
                + ".");
        if (problem != null) {
            message.append(" Warning: its driver log could not be fetched: ").append(problem);
        } else if (!tail.isEmpty()) {
            message.append(" The last ").append(tail.size()).append(" lines of its driver log:");
            tail.forEach(line -> message.append("\n  ").append(line));
        }
        return new JobFailedException(message.toString(), result);
    }

    /**
     * The last {@code lines} lines: read from where the first page says the log ends, and cut to that many, as a
     * page may hold more than was asked for.
     */
    private List<String> logTail(String id, int lines) {
        BatchClient.LogPage first = client.log(id, 0, lines);
        List<String> page = first.total() <= first.from() + first.lines().size() ? first.lines()
                : client.log(id, Math.max(0, first.total() - lines), lines).lines();
        return List.copyOf(page.subList(Math.max(0, page.size() - lines), page.size()));
    }

    /**
     * Cancels the job when asked to, then asks its state once more: it may have ended since the last poll, and the
     * cancel then fails, or is answered for nothing. A job that ended by itself is reported as it ended.
     *
     * @return the result of a job that succeeded after all
     * @throws JobFailedException when it ended without success, and not by the cancel
     * @throws JobTimeoutException when it did not end, or its state could not be had
     */
    private SparkJobResult timeOut(Run run) {
        String outcome;
        boolean cancelled = false;
        if (run.request.cancelOnTimeout()) {
            try {
                client.cancel(run.id);
                cancelled = true;
                outcome = "It was cancelled.";
            } catch (DliApiException e) {
                outcome = cancelFailed(run.id, e.getMessage());
            }
        } else {
            outcome = leftRunning(Setting.JOB_CANCEL_ON_TIMEOUT, run.id);
        }
        String now = stateAfterTimeOut(run.id);
        // a job dead after our cancel may have died by it: only a cancel that failed or was not sent rules that out
        if (now != null && (now.equals(SUCCESS) || !cancelled && FAILED.contains(now))) {
            run.see(now);
            return ended(run);
        }
        SparkJobResult result = run.finish(true, cancelled, List.of(), null);
        throw new JobTimeoutException("Spark job " + result.name() + " (id " + run.id + ") did not end within "
                + run.request.timeout().toSeconds() + " s " + Setting.JOB_TIMEOUT.aside() + "; last state "
                + run.state + ". " + outcome, result);
    }

    /**
     * The job's state, asked once; {@code null} when that fails: the time-out's report stands then, as the job most
     * likely still runs.
     */
    private String stateAfterTimeOut(String id) {
        try {
            return client.state(id);
        } catch (DliApiException e) {
            return null;
        }
    }

    /** A cancel that failed, and how the user stops the job then. */
    private String cancelFailed(String id, String why) {
        return "Cancelling it failed, so it may still be running: " + cancelByHand(id) + ". " + why;
    }

    /** A job that the setting, set to false, said not to cancel, and how the user stops it. */
    private String leftRunning(Setting cancelSetting, String id) {
        return "It was left running (" + cancelSetting.named() + " is false); " + cancelByHand(id) + " to stop it.";
    }

    /** How the user stops a job that this run could not or was not to cancel. */
    private String cancelByHand(String id) {
        return "cancel it in the DLI console or with " + client.cancelCall(id);
    }

    private static boolean isEnd(String state) {
        return state.equals(SUCCESS) || FAILED.contains(state);
    }

    /** One run's states so far; the shutdown hook reads them while the build's thread may still poll. */
    private final class Run {
        final SubmitRequest request;
        final String id;
        final Instant start;
        final List<StateChange> states = new ArrayList<>();
        String state = "";
        /** Set by the shutdown hook: every result from then on says the job was cancelled. */
        volatile boolean cancelledOnShutdown;

        Run(SubmitRequest request, String id, Instant start) {
            this.request = request;
            this.id = id;
            this.start = start;
        }

        synchronized void see(String newState) {
            if (!newState.equals(state)) {
                Instant now = clock.instant();
                Duration elapsed = Duration.between(start, now);
                states.add(new StateChange(newState, now.toString(), elapsed.toSeconds()));
                state = newState;
                listener.jobStateChanged(request.body().name(), newState, elapsed);
            }
        }

        SparkJobResult finish(boolean waited, boolean cancelled, List<String> logTail, String logProblem) {
            SparkJobResult result = result(waited, cancelled, logTail, logProblem);
            write(result);
            listener.jobFinished(result);
            return result;
        }

        synchronized SparkJobResult result(boolean waited, boolean cancelled, List<String> logTail,
                String logProblem) {
            SparkJobBody body = request.body();
            return new SparkJobResult(id, body.name(), body.target(), client.projectId(), body, start.toString(),
                    List.copyOf(states), state, Duration.between(start, clock.instant()).toSeconds(), waited,
                    cancelled || cancelledOnShutdown, logTail, logProblem);
        }

        synchronized void write(SparkJobResult result) {
            if (request.resultFile() != null) {
                result.writeTo(request.resultFile());
            }
        }
    }
}
