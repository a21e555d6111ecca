package dev.dlitools.dli.emulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A misbehaviour to inject into the emulator: answer a status, drop the connection or add latency.
 *
 * <p>A fault applies once unless {@link #times(int)} or {@link #always()} say otherwise, to every request unless
 * {@link #on(String, String)} narrows it. Faults act before the signature check, like a failing gateway would.
 * Instances are immutable; each modifier returns a new fault.
 */
public final class Fault {

    enum Kind { RESPOND, DROP, DELAY }

    private final Kind kind;
    private final int status;
    private final String retryAfter;
    private final String location;
    private final String body;
    private final Duration delay;
    private final int times;
    private final String method;
    private final Pattern path;

    private Fault(Kind kind, int status, String retryAfter, String location, String body, Duration delay, int times,
            String method, Pattern path) {
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
        this.location = location;
        this.body = body;
        this.delay = delay;
        this.times = times;
        this.method = method;
        this.path = path;
    }

    /** Answer with this status and, unless {@link #body(String)} is given, a DLI error body. */
    public static Fault respond(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("Not an HTTP status: " + status);
        }
        return new Fault(Kind.RESPOND, status, null, null, null, null, 1, null, null);
    }

    /**
     * Close the connection without answering.
     *
     * <p>The JDK's HttpClient resends a GET once by itself when a reused connection
     * closes without an answer; drop a GET twice for that client to see the failure.
     */
    public static Fault drop() {
        return new Fault(Kind.DROP, 0, null, null, null, null, 1, null, null);
    }

    /** Wait this long before handling the request (then handle it normally or apply another fault). */
    public static Fault delay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("Negative delay: " + delay);
        }
        return new Fault(Kind.DELAY, 0, null, null, null, delay, 1, null, null);
    }

    /** Send a {@code Retry-After} header with this value (seconds or an HTTP date). */
    public Fault retryAfter(String value) {
        requireKind(Kind.RESPOND, "retryAfter");
        return new Fault(kind, status, Objects.requireNonNull(value), location, body, delay, times, method, path);
    }

    /** Send a {@code Location} header with this value, as a redirect does. */
    public Fault location(String value) {
        requireKind(Kind.RESPOND, "location");
        return new Fault(kind, status, retryAfter, Objects.requireNonNull(value), body, delay, times, method, path);
    }

    /** Send this body as it is, e.g. HTML, truncated JSON or nothing at all (empty string). */
    public Fault body(String rawBody) {
        requireKind(Kind.RESPOND, "body");
        return new Fault(
                kind, status, retryAfter, location, Objects.requireNonNull(rawBody), delay, times, method, path);
    }

    /** Apply to the next {@code count} matching requests. */
    public Fault times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("A fault applies at least once: " + count);
        }
        return new Fault(kind, status, retryAfter, location, body, delay, count, method, path);
    }

    /** Apply to every matching request until {@link DliEmulator#clearFaults()}. */
    public Fault always() {
        return times(Integer.MAX_VALUE);
    }

    /**
     * Apply only to requests with this method whose raw path fully matches the regular expression.
     *
     * @param method an HTTP method, or {@code null} for any
     * @param pathRegex e.g. {@code "/v2\\.0/[^/]+/resources"} for uploads and listing, {@code "/v2\\.0/[^/]+/resources/[^/]+"}
     *     for one package
     */
    public Fault on(String method, String pathRegex) {
        return new Fault(kind, status, retryAfter, location, body, delay, times, method, Pattern.compile(pathRegex));
    }

    boolean appliesTo(String requestMethod, String rawPath) {
        return (method == null || method.equalsIgnoreCase(requestMethod))
                && (path == null || path.matcher(rawPath).matches());
    }

    Kind kind() {
        return kind;
    }

    int status() {
        return status;
    }

    Optional<String> retryAfterValue() {
        return Optional.ofNullable(retryAfter);
    }

    Optional<String> locationValue() {
        return Optional.ofNullable(location);
    }

    Optional<String> rawBody() {
        return Optional.ofNullable(body);
    }

    Duration delayValue() {
        return delay;
    }

    int timesValue() {
        return times;
    }

    private void requireKind(Kind required, String modifier) {
        if (kind != required) {
            throw new IllegalStateException(modifier + " applies to Fault.respond(...) only");
        }
    }
}
