package dev.dlitools.dli.core.dli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.dlitools.dli.core.auth.AkSkSigner;
import dev.dlitools.dli.core.auth.Credentials;
import dev.dlitools.dli.core.auth.SigningClock;
import dev.dlitools.dli.core.common.BuildLog;
import dev.dlitools.dli.core.common.Causes;
import dev.dlitools.dli.core.common.DliException;
import dev.dlitools.dli.core.common.ProxySettings;
import dev.dlitools.dli.core.common.Setting;
import dev.dlitools.dli.core.retry.RetryPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Sends AK/SK-signed JSON requests to Huawei Cloud APIs with the JDK's HTTP client, and turns every failure into a
 * {@link DliApiException} whose message says what to check.
 *
 * <p>Calls that fail for a transient reason are tried again as the {@link RetryPolicy} says, each retry logged as
 * "attempt n/N" with the reason. Debug logging shows the exchange with the signature and any security token masked.
 * Certificates are always verified: the JDK's default trust store and host name checks apply.
 */
public final class SignedHttpClient implements AutoCloseable {

    /**
     * Where a body may refuse: it says {@code "is_success": false} (or {@code "FALSE"}, quoted or not), or it has an
     * error code; the JSON then tells whether it does.
     */
    private static final Pattern MAY_REFUSE =
            Pattern.compile("\"is_success\"\\s*:\\s*\"?(?i:false)|\"error_code\"");

    /**
     * The most of an answer that is read: far more than any list of a project's packages, and what keeps a portal
     * or a file server at the endpoint from filling the heap.
     */
    static final int MAX_BODY_BYTES = 32 << 20;

    /** Bodies longer than this are cut in debug lines and error messages. */
    private static final int MAX_SHOWN_BODY = 2000;

    private final HttpClient http;
    private final SettingsProxySelector proxySelector;
    private final Credentials credentials;
    private final Duration readTimeout;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final BuildLog log;

    /**
     * A client for DLI and IAM; it connects on the first call and must be {@linkplain #close() closed}.
     *
     * @param credentials what each request is signed with
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout how long to wait for an answer
     * @param proxy the proxies to reach the services through
     * @param retryPolicy how often a call that failed transiently (no answer, time-out, 429, 5xx) is tried again
     * @param clock the time each request is signed with
     * @param log where retries and, at debug level, the exchanges are reported
     */
    public SignedHttpClient(Credentials credentials, Duration connectTimeout, Duration readTimeout,
            ProxySettings proxy, RetryPolicy retryPolicy, Clock clock, BuildLog log) {
        this.proxySelector = new SettingsProxySelector(proxy);
        // no Authenticator, ever: with one, the JDK client drops the Authorization header (see SettingsProxySelector)
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(proxySelector)
                .build();
        this.credentials = credentials;
        this.readTimeout = readTimeout;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Stops the JDK client's selector thread. Left alone, it waits in native code until the JVM exits, and HotSpot
     * then waits up to 300 ms for it, which every {@code mvn} run of a goal would pay. Java 21 gave the client a
     * {@code close()}; on 17 to 20 the thread stops when interrupted, and it is named after the id that the
     * client's {@code toString()} ends with. Where neither holds, the thread is left to the JVM's exit.
     */
    @Override
    public void close() {
        if (http instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.debug("Could not close the HTTP client: " + e);
            }
            return;
        }
        String client = http.toString();
        int id = client.lastIndexOf('(');
        if (id < 0 || !client.endsWith(")")) {
            return;
        }
        String selector = "HttpClient-" + client.substring(id + 1, client.length() - 1) + "-SelectorManager";
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        for (int i = 0; i < count; i++) {
            if (threads[i].getName().equals(selector)) {
                threads[i].interrupt();
            }
        }
    }

    /** A response with a 2xx status. */
    record ApiResponse(int status, String body, String requestId) {

        /** Which answer an error message is about: its status and, when the service sent one, its request id. */
        String identified() {
            return "HTTP " + status + (requestId == null ? "" : ", request id " + requestId);
        }
    }

    /**
     * Sends one signed request.
     *
     * @param extraHeaders headers to send and sign besides Content-Type, e.g. {@code X-Project-Id}
     * @param endpointSetting the setting that gave the endpoint, e.g. {@link Setting#DLI_ENDPOINT}
     * @param notFoundHint what a 404 most likely means for this call, for the error message
     * @throws DliApiException on any non-2xx answer, a 2xx whose body says {@code "is_success": false}, or when no
     *     answer arrives
     */
    ApiResponse send(
            String method, URI uri, byte[] body, Map<String, String> extraHeaders, Setting endpointSetting,
            String notFoundHint) {
        // GETs and DELETEs are idempotent, and a group upload (POST) overwrites a group of the same name, so a POST
        // whose answer was lost registers the same group once more
        return send(method, uri, body, null, extraHeaders, endpointSetting, notFoundHint, DliApiException::isTransient);
    }

    /**
     * Like {@link #send}, for a call that must not reach the service twice because each one starts something (a
     * Spark job): it is tried again only when the request cannot have arrived (connection refused, HTTP 429).
     *
     * @param shownBody the body as debug lines show it, with the secrets it holds masked; {@code null} when it holds
     *     none
     */
    ApiResponse sendUnrepeatable(
            String method, URI uri, byte[] body, String shownBody, Map<String, String> extraHeaders,
            Setting endpointSetting, String notFoundHint) {
        return send(method, uri, body, shownBody, extraHeaders, endpointSetting, notFoundHint,
                DliApiException::cannotHaveArrived);
    }

    /** @param shownBody the body as debug lines show it; {@code null} for the body as sent */
    private ApiResponse send(
            String method, URI uri, byte[] body, String shownBody, Map<String, String> extraHeaders,
            Setting endpointSetting, String notFoundHint, Predicate<DliApiException> repeatable) {
        for (int attempt = 1; ; attempt++) {
            DliApiException failure;
            Duration retryAfter = null;
            try {
                HttpResponse<String> response = exchange(method, uri, body, shownBody, extraHeaders, endpointSetting);
                String requestId = requestId(response.headers());
                // DLI may refuse inside a 2xx ("is_success": false): a final answer, never tried again
                if (response.statusCode() / 100 == 2 && !refusedInside(response.body())) {
                    return new ApiResponse(response.statusCode(), response.body(), requestId);
                }
                failure = failure(method, uri, response.statusCode(), response.body(), requestId,
                        response.statusCode() / 100 == 3
                                ? redirectHint(response.headers().firstValue("Location").orElse(null), endpointSetting)
                                : notFoundHint);
                retryAfter = response.statusCode() == 429 ? retryAfter(response) : null;
            } catch (DliApiException e) {
                failure = e;
            }
            if (!repeatable.test(failure) || !retryPolicy.mayRetry(attempt)) {
                throw attempt == 1 ? failure : gaveUp(failure, attempt);
            }
            Duration delay = retryPolicy.delay(attempt, retryAfter);
            log.warn(method + " " + withoutQuery(uri) + " failed (" + reason(failure) + "); attempt "
                    + (attempt + 1) + "/" + retryPolicy.maxAttempts() + " in " + RetryPolicy.seconds(delay)
                    + (retryAfter == null ? "" : " (Retry-After)"));
            try {
                retryPolicy.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DliApiException("Interrupted while calling " + withoutQuery(uri), 0, null, null, null, e);
            }
        }
    }

    /** One signed exchange; the signature is made anew for each attempt, so a retry is not signed stale. */
    private HttpResponse<String> exchange(
            String method, URI uri, byte[] body, String shownBody, Map<String, String> extraHeaders,
            Setting endpointSetting) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json;charset=UTF-8");
        headers.putAll(extraHeaders);
        headers.putAll(AkSkSigner.sign(method, uri, headers, body, credentials, clock.instant()));

        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .method(method, body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> header(request, name, value));
        // for the proxy only: neither signed nor logged
        proxySelector.loginFor(uri).ifPresent(login -> request.header("Proxy-Authorization", login));
        if (log.isDebugEnabled()) {
            log.debug("> " + method + " " + uri + " " + maskedHeaders(headers) + (body.length == 0 ? ""
                    : " " + shown(shownBody != null ? shownBody : new String(body, StandardCharsets.UTF_8))));
        }

        HttpResponse<String> response;
        try {
            response = sendAndRead(request.build());
        } catch (AnswerTooLarge e) {
            throw new DliApiException(method + " " + withoutQuery(uri) + " answered more than "
                    + (MAX_BODY_BYTES >> 20) + " MiB (" + new ApiResponse(e.status, null, e.requestId).identified()
                    + "). " + notTheService(endpointSetting), e.status, null, null, e.requestId, e);
        } catch (HttpTimeoutException e) {
            throw new DliApiException(method + " " + withoutQuery(uri) + " got no answer within "
                    + readTimeout.toSeconds() + " s. The service is slow or unreachable; try again later, or raise "
                    + Setting.READ_TIMEOUT.named() + ".", 0, null, null, null, e);
        } catch (IOException e) {
            throw new DliApiException("Could not reach " + uri.getScheme() + "://" + uri.getRawAuthority() + " ("
                    + describe(e) + "). Check " + endpointSetting.named() + ", the network and the proxy settings.",
                    0, null, null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DliApiException("Interrupted while calling " + withoutQuery(uri), 0, null, null, null, e);
        }
        if (log.isDebugEnabled()) {
            log.debug("< " + response.statusCode() + " request id "
                    + requestId(response.headers()) + " " + shown(response.body()));
        }
        return response;
    }

    /**
     * Sends the request and reads its answer as text. The JDK's time-out ends once the headers arrive, so a body that
     * stops part way would be waited for as long as the server holds the connection: here the read timeout is how
     * long nothing may arrive, before the headers or between two parts of the body.
     *
     * @throws HttpTimeoutException when nothing arrived for the read timeout
     * @throws AnswerTooLarge when the body passes {@link #MAX_BODY_BYTES}
     */
    private HttpResponse<String> sendAndRead(HttpRequest request) throws IOException, InterruptedException {
        AtomicLong lastArrival = new AtomicLong(System.nanoTime());
        CompletableFuture<HttpResponse<String>> answer =
                http.sendAsync(request, info -> new WatchedBody(info, lastArrival));
        long idleLimit = readTimeout.toNanos();
        try {
            while (true) {
                long idle = System.nanoTime() - lastArrival.get();
                if (idle >= idleLimit) {
                    throw new HttpTimeoutException("request timed out");
                }
                try {
                    return answer.get(idleLimit - idle, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // looked at again: part of the body may have arrived meanwhile
                }
            }
        } catch (ExecutionException e) {
            AnswerTooLarge tooLarge = Causes.find(e, AnswerTooLarge.class);
            Throwable cause = tooLarge != null ? tooLarge
                    : e.getCause() instanceof CompletionException wrapped && wrapped.getCause() != null
                            ? wrapped.getCause() : e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IOException(cause);
        } finally {
            answer.cancel(true); // stops an exchange given up on; nothing once it is done
        }
    }

    /** An answer's body as text, each arrival noted; past {@link #MAX_BODY_BYTES} it stops reading and fails. */
    private static final class WatchedBody implements HttpResponse.BodySubscriber<String> {
        private final HttpResponse.ResponseInfo info;
        private final AtomicLong lastArrival;
        private final HttpResponse.BodySubscriber<String> text =
                HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
        private Flow.Subscription subscription;
        private long received;
        private boolean tooLarge;

        WatchedBody(HttpResponse.ResponseInfo info, AtomicLong lastArrival) {
            this.info = info;
            this.lastArrival = lastArrival;
            lastArrival.set(System.nanoTime()); // the headers arrived
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            text.onSubscribe(subscription);
        }

        @Override
        public void onNext(List<ByteBuffer> parts) {
            if (tooLarge) {
                return;
            }
            lastArrival.set(System.nanoTime());
            received += parts.stream().mapToLong(ByteBuffer::remaining).sum();
            if (received > MAX_BODY_BYTES) {
                tooLarge = true;
                subscription.cancel();
                text.onError(new AnswerTooLarge(info.statusCode(),
                        requestId(info.headers())));
                return;
            }
            text.onNext(parts);
        }

        @Override
        public void onError(Throwable failure) {
            if (!tooLarge) {
                text.onError(failure);
            }
        }

        @Override
        public void onComplete() {
            if (!tooLarge) {
                text.onComplete();
            }
        }

        @Override
        public CompletionStage<String> getBody() {
            return text.getBody();
        }
    }

    /** The id the service gave the answer, which its support asks for; {@code null} when it gave none. */
    private static String requestId(HttpHeaders headers) {
        return headers.firstValue("X-Request-Id").orElse(null);
    }

    /** A body past {@link #MAX_BODY_BYTES}; its status and request id name the answer in the error. */
    private static final class AnswerTooLarge extends IOException {
        private final int status;
        private final String requestId;

        AnswerTooLarge(int status, String requestId) {
            super("answer larger than " + MAX_BODY_BYTES + " bytes");
            this.status = status;
            this.requestId = requestId;
        }
    }

    /**
     * The JDK refuses a value with a line break or another control character, and its message quotes the value, which
     * may be a secret: the error names the header only, and keeps no cause.
     */
    private void header(HttpRequest.Builder request, String name, String value) {
        try {
            request.header(name, value);
        } catch (IllegalArgumentException e) {
            throw new DliException("The " + name + " header cannot be sent: its value holds a line break or another "
                    + "character HTTP headers do not allow." + (name.equals(AkSkSigner.SECURITY_TOKEN_HEADER)
                            ? " Check the security token from " + credentials.source() + "." : ""));
        }
    }

    private DliApiException gaveUp(DliApiException last, int attempts) {
        return new DliApiException(last.getMessage() + " Gave up after " + attempts + " attempts "
                + Setting.RETRIES.aside() + ".", last.httpStatus(), last.errorCode(), last.errorMessage(), last.requestId(), last);
    }

    private static String reason(DliApiException failure) {
        if (failure.isConnectionFailure()) {
            if (failure.getCause() instanceof HttpTimeoutException) {
                return "no answer within the read timeout";
            }
            return failure.getCause() instanceof IOException io ? describe(io) : "no answer";
        }
        return "HTTP " + failure.httpStatus() + (failure.errorCode() == null ? "" : " " + failure.errorCode());
    }

    /** {@code Retry-After} in seconds; an HTTP date or garbage is ignored (the backoff applies instead). */
    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .filter(value -> value.trim().matches("\\d{1,9}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.trim())))
                .orElse(null);
    }

    /**
     * Reads a 2xx answer as {@code type}; a body that is not JSON, is cut short or is of another shape is a clear
     * error.
     *
     * @param endpointSetting the setting that gave the endpoint, e.g. {@link Setting#DLI_ENDPOINT}
     */
    static <T> T read(ApiResponse response, Class<T> type, String what, Setting endpointSetting) {
        return read(response, body -> {
            T value = DliJson.MAPPER.readValue(body, type);
            if (value == null) {
                // a JSON null is never the answer a call promises
                throw MismatchedInputException.from(null, type, "null instead of " + type.getSimpleName());
            }
            return value;
        }, what, endpointSetting);
    }

    /** Turns a 2xx answer's body into a value; fails on a body that is not JSON, cut short or of the wrong shape. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(String body) throws IOException;
    }

    /** Like {@link #read(ApiResponse, Class, String, Setting)}, with a reader of one's own. */
    static <T> T read(ApiResponse response, BodyReader<T> reader, String what, Setting endpointSetting) {
        // a deliberate answer (a 204, a Content-Length of 0, or a proxy's bare line break), not one cut short; some
        // readers take it for JSON
        if (response.body() == null || response.body().isBlank()) {
            throw new DliApiException("The answer to " + what + " is empty (" + response.identified() + "). "
                    + notTheService(endpointSetting), response.status(), null, null, response.requestId(), null);
        }
        try {
            return reader.read(response.body());
        } catch (IOException e) {
            String context = " (" + response.identified() + "): " + shown(response.body()) + ". ";
            String message;
            if (endsEarly(e)) {
                message = "The answer to " + what + " was cut short" + context + "The connection or a proxy broke it "
                        + "off; try again, and check the proxy settings and " + endpointSetting.named() + ".";
            } else if (isJson(response.body())) {
                message = "The answer to " + what + " has an unexpected shape" + context + "Check that "
                        + endpointSetting.named() + " is the service's address; if it is, its API answers in a form "
                        + "this client does not know.";
            } else {
                message = "The answer to " + what + " is not JSON" + context + notTheService(endpointSetting);
            }
            throw new DliApiException(message, response.status(), null, null, response.requestId(), e);
        }
    }

    /**
     * A body of {@code "is_success": false}, which DLI sends with its error code and message, at times in a 2xx; or,
     * without {@code is_success}, a body with an error code, which no answer of success carries. Read as a success, it
     * would pass for an empty list, or a package deleted.
     */
    private static boolean refusedInside(String body) {
        // answers that say neither (most say nothing of success, some true) are not parsed twice
        if (body == null || !MAY_REFUSE.matcher(body).find()) {
            return false;
        }
        JsonNode answer;
        try {
            answer = DliJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return false; // read(...) says what is wrong with the body
        }
        JsonNode success = answer.get("is_success");
        if (success != null && !success.isNull()) {
            return success.isBoolean() ? !success.booleanValue() : "false".equalsIgnoreCase(success.asText().trim());
        }
        String errorCode = text(answer, "error_code");
        return errorCode != null && !errorCode.isBlank();
    }

    /** The advice for an answer no service of the kind would give: it likely came from somewhere else. */
    private static String notTheService(Setting endpointSetting) {
        return "Check that " + endpointSetting.named() + " is the service's address and that no proxy or portal "
                + "answers in its place.";
    }

    /** Whether a body the reader failed on is JSON all the same, only not of the shape the call promises. */
    private static boolean isJson(String body) {
        try {
            DliJson.MAPPER.readTree(body);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** The parser ran out of input; data binding wraps that in its own exception. */
    private static boolean endsEarly(IOException e) {
        return Causes.find(e, JsonEOFException.class) != null;
    }

    private DliApiException failure(
            String method, URI uri, int status, String body, String requestId, String callHint) {
        String errorCode = null;
        String errorMessage = null;
        try {
            JsonNode error = DliJson.MAPPER.readTree(body);
            errorCode = text(error, "error_code");
            errorMessage = errorMessage(error);
            if (requestId == null) {
                requestId = text(error, "request_id");
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // not JSON: the raw body is shown below instead
        }
        String said = errorCode != null || errorMessage != null
                ? serviceSaid(errorCode, errorMessage)
                : shown(body).isEmpty() ? "no body" : "body: " + shown(body);
        // DLI refuses inside a 2xx at times: "failed with HTTP 200" would read as a contradiction
        String outcome = status / 100 == 2 ? " was refused inside an HTTP " + status + " answer"
                : " failed with HTTP " + status;
        String message = method + " " + withoutQuery(uri) + outcome + " (" + said
                + (requestId == null ? "" : ", request id " + requestId) + "). " + hint(status, errorMessage, callHint);
        return new DliApiException(message.trim(), status, errorCode, errorMessage, requestId, null);
    }

    /**
     * The message in a failure's body: {@code error_msg}, or the {@code message} that DLI's answers with
     * {@code "is_success"} carry instead. Only for a failure: in a success, {@code message} is no error.
     *
     * @return the message, or {@code null} when the body has neither, or only a blank one
     */
    private static String errorMessage(JsonNode body) {
        String errorMsg = text(body, "error_msg");
        if (errorMsg != null && !errorMsg.isBlank()) {
            return errorMsg;
        }
        String message = text(body, "message");
        return message == null || message.isBlank() ? null : message;
    }

    /** The service's own words on a failure, "code: message", either of which may be missing. */
    static String serviceSaid(String errorCode, String errorMessage) {
        return Stream.of(errorCode, errorMessage).filter(Objects::nonNull).collect(Collectors.joining(": "));
    }

    /** @param callHint what a 404 (or, for a redirect, the redirect) means for this call */
    private String hint(int status, String errorMessage, String callHint) {
        String lower = errorMessage == null ? "" : errorMessage.toLowerCase(Locale.ROOT);
        if (status == 401 || status == 403) {
            if (lower.contains("expired") && lower.contains("token")) {
                return "The security token from " + credentials.source() + " has expired: get new temporary credentials.";
            }
            if (lower.contains("x-sdk-date") || lower.contains("clock") || lower.contains("time")) {
                return SigningClock.ADVICE;
            }
            String what = status == 401 ? "Check the access key " : "Check the permissions of the access key ";
            return what + credentials.maskedAccessKey() + " and its secret key (from " + credentials.source() + ")"
                    + (credentials.isTemporary() ? " and the security token" : "") + ".";
        }
        if (status == 404 || status / 100 == 3) {
            return callHint;
        }
        if (status == 407) {
            return "The proxy wants a login: check its username and password. For https endpoints a proxy login "
                    + "is not possible with signed requests: let the proxy pass them without one, or add the host to "
                    + "the proxy's non-proxy hosts.";
        }
        if (status == 429 || status / 100 == 5) {
            return "The service is busy or failing; try again later.";
        }
        return "";
    }

    /** Redirects are never followed: the signature and any security token must not travel to another address. */
    private static String redirectHint(String location, Setting endpointSetting) {
        return "The service redirects" + (location == null ? " without a Location" : " to " + location)
                + ", which is not followed because the signature must not travel; check " + endpointSetting.named()
                + ".";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, String> maskedHeaders(Map<String, String> headers) {
        Map<String, String> masked = new LinkedHashMap<>(headers);
        masked.computeIfPresent("Authorization", (name, value) -> value.replaceAll("Access=[^,]*", "Access=****")
                .replaceAll("Signature=\\w+", "Signature=****"));
        masked.computeIfPresent(AkSkSigner.SECURITY_TOKEN_HEADER, (name, value) -> "****");
        return masked;
    }

    private static String withoutQuery(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String shown(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= MAX_SHOWN_BODY ? body : body.substring(0, MAX_SHOWN_BODY) + "…";
    }
}
