package dev.dlitools.dli.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.dlitools.dli.emulator.PackageGroup.ResponseStyle;
import dev.dlitools.dli.emulator.SignatureVerifier.AcceptedCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A stand-in for Huawei Cloud DLI's package-group API and IAM's project lookup, on 127.0.0.1, over HTTP, or over
 * HTTPS as the real services when given a {@linkplain Builder#keyStore key store}.
 *
 * <p>It checks the AK/SK signature of every request, keeps package groups in memory, lets asynchronous uploads turn
 * {@code READY} (or {@code FAILED} for paths missing in the {@link ObjectStore}) after a delay, and injects
 * {@link Fault faults}. Safe for concurrent callers.
 */
public final class DliEmulator implements AutoCloseable {

    public static final Duration DEFAULT_ASYNC_READY_DELAY = Duration.ofMillis(300);
    /** How long a Spark job is {@code starting}, then {@code running}, unless told otherwise: the demo shows both. */
    public static final Duration DEFAULT_JOB_STARTING = Duration.ofSeconds(1);
    public static final Duration DEFAULT_JOB_RUNNING = Duration.ofSeconds(2);
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService handlerThreads;
    private final ScheduledExecutorService scheduler;
    private final SignatureVerifier verifier;
    private final ResourceApi api;
    private final BatchApi batches;
    private final String projectId;
    private final String region;
    private final Clock clock;
    private final List<ActiveFault> faults = new ArrayList<>();
    private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();
    private final AtomicInteger uploadPosts = new AtomicInteger();

    /** @param tls the server's key for HTTPS; {@code null}: HTTP */
    private DliEmulator(Builder builder, SSLContext tls) throws IOException {
        this.projectId = builder.projectId;
        this.region = builder.region;
        this.clock = Clock.systemUTC();
        this.verifier = new SignatureVerifier(builder.credentials);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("dli-emulator-ready"));
        this.api = new ResourceApi(
                new ResourceApi.Account(builder.projectId, builder.region, builder.domainId, builder.owner),
                builder.asyncReadyDelay, builder.objectStore,
                new ResponseStyle(builder.lowerCaseStatuses, builder.zeroDetailTimes), scheduler, clock);
        this.batches = new BatchApi(builder.projectId, builder.objectStore, clock, builder.jobStarting,
                builder.jobRunning);
        this.handlerThreads = Executors.newCachedThreadPool(daemonThreads("dli-emulator-http"));
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", builder.port);
        if (tls == null) {
            this.server = HttpServer.create(address, 0);
        } else {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            this.server = https;
        }
        server.createContext("/", this::handle);
        server.setExecutor(handlerThreads);
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:{port}} or {@code https://...}: the DLI endpoint and the IAM endpoint at once. */
    public URI endpoint() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    public String projectId() {
        return projectId;
    }

    public String region() {
        return region;
    }

    /** Adds a fault; faults are tried in the order they were added. */
    public void inject(Fault fault) {
        synchronized (faults) {
            faults.add(new ActiveFault(Objects.requireNonNull(fault, "fault")));
        }
    }

    public void clearFaults() {
        synchronized (faults) {
            faults.clear();
        }
    }

    /** From now on, requests carrying this security token fail with "token expired". */
    public void expireSecurityToken(String securityToken) {
        verifier.expireToken(securityToken);
    }

    /** The package groups, sorted by name, asynchronous ones brought up to date. */
    public List<GroupView> groups() {
        return api.groups();
    }

    public Optional<GroupView> group(String name) {
        return api.group(name);
    }

    /** How the Spark jobs submitted from now on end. */
    public void scriptJobs(JobScript script) {
        batches.script(script);
    }

    /** The Spark jobs submitted so far, in order, their states up to date. */
    public List<BatchJobView> batchJobs() {
        return batches.jobs();
    }

    /** How many {@code POST /v2.0/{project_id}/resources} arrived, whatever they were answered. */
    public int uploadPostCount() {
        return uploadPosts.get();
    }

    /** Every request that arrived, in order, including rejected, faulted and dropped ones. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        handlerThreads.shutdownNow();
        scheduler.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        String requestId = UUID.randomUUID().toString();
        try {
            RecordedRequest request = record(exchange);
            FaultPlan plan = planFaults(request.method(), request.path());
            if (!plan.delay().isZero()) {
                Thread.sleep(plan.delay().toMillis());
            }
            Fault fault = plan.fault();
            if (fault != null && fault.kind() == Fault.Kind.DROP) {
                return;
            }
            if (fault != null) {
                byte[] body = fault.rawBody()
                        .map(raw -> raw.getBytes(StandardCharsets.UTF_8))
                        .orElseGet(() -> json(ErrorBodies.dli(
                                ErrorBodies.SERVER_ERROR, "Injected fault: HTTP " + fault.status())));
                fault.retryAfterValue().ifPresent(value -> exchange.getResponseHeaders().set("Retry-After", value));
                fault.locationValue().ifPresent(value -> exchange.getResponseHeaders().set("Location", value));
                send(exchange, requestId, fault.status(), body);
                return;
            }
            Optional<String> rejection = verifier.rejection(request.method(), exchange.getRequestURI(),
                    request.headers(), request.body().getBytes(StandardCharsets.UTF_8), clock.instant());
            if (rejection.isPresent()) {
                send(exchange, requestId, 401, json(ErrorBodies.authentication(rejection.get(), requestId)));
                return;
            }
            ResourceApi.Response response = BatchApi.handles(request.path())
                    ? batches.handle(request, requestId)
                    : api.handle(request, requestId);
            send(exchange, requestId, response.status(), json(response.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away; nothing left to answer
        } catch (RuntimeException e) {
            sendQuietly(exchange, requestId, 500, json(ErrorBodies.dli(ErrorBodies.SERVER_ERROR, e.toString())));
        } finally {
            // without a response sent, this closes the connection: that is how a dropped call looks
            exchange.close();
        }
    }

    private RecordedRequest record(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.merge(name, String.join(",", values),
                (first, second) -> first + "," + second));
        URI uri = exchange.getRequestURI();
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), uri.getRawPath(),
                uri.getRawQuery(), Collections.unmodifiableMap(headers), new String(body, StandardCharsets.UTF_8));
        requests.add(request);
        if (request.method().equals("POST") && ResourceApi.RESOURCES_PATH.matcher(request.path()).matches()) {
            uploadPosts.incrementAndGet();
        }
        return request;
    }

    /** Consumes the delays that apply and the first status or drop fault that applies. */
    private FaultPlan planFaults(String method, String path) {
        Duration delay = Duration.ZERO;
        Fault answering = null;
        synchronized (faults) {
            for (Iterator<ActiveFault> it = faults.iterator(); it.hasNext(); ) {
                ActiveFault active = it.next();
                boolean delays = active.fault.kind() == Fault.Kind.DELAY;
                if ((delays || answering == null) && active.fault.appliesTo(method, path)) {
                    if (delays) {
                        delay = delay.plus(active.fault.delayValue());
                    } else {
                        answering = active.fault;
                    }
                    if (--active.remaining == 0) {
                        it.remove();
                    }
                }
            }
        }
        return new FaultPlan(delay, answering);
    }

    private static void send(HttpExchange exchange, String requestId, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set(REQUEST_ID_HEADER, requestId);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void sendQuietly(HttpExchange exchange, String requestId, int status, byte[] body) {
        try {
            send(exchange, requestId, status, body);
        } catch (IOException | RuntimeException e) {
            // headers may have gone out already; closing the exchange is all that is left
        }
    }

    private static byte[] json(JsonNode body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private record FaultPlan(Duration delay, Fault fault) {}

    /** A fault and how many more requests it applies to; guarded by the fault list. */
    private static final class ActiveFault {
        final Fault fault;
        int remaining;

        ActiveFault(Fault fault) {
            this.fault = fault;
            this.remaining = fault.timesValue();
        }
    }

    /** Configures and starts a {@link DliEmulator}; at least one set of credentials is required. */
    public static final class Builder {

        private final Map<String, AcceptedCredentials> credentials = new LinkedHashMap<>();
        private String projectId = "emulated-project-id";
        private String region = "cn-north-4";
        private String domainId = "emulated-domain-id";
        private String owner = "emulated-user";
        private Duration asyncReadyDelay = DEFAULT_ASYNC_READY_DELAY;
        private Duration jobStarting = DEFAULT_JOB_STARTING;
        private Duration jobRunning = DEFAULT_JOB_RUNNING;
        private ObjectStore objectStore = ObjectStore.everythingExists();
        private boolean lowerCaseStatuses;
        private boolean zeroDetailTimes;
        private int port;
        private Path keyStore;
        private String keyStorePassword;

        private Builder() {}

        /** Accept permanent credentials; may be called for several access keys. */
        public Builder credentials(String accessKey, String secretKey) {
            credentials.put(Objects.requireNonNull(accessKey), new AcceptedCredentials(secretKey, null));
            return this;
        }

        /** Accept temporary credentials: requests must carry and sign this {@code X-Security-Token}. */
        public Builder temporaryCredentials(String accessKey, String secretKey, String securityToken) {
            credentials.put(Objects.requireNonNull(accessKey),
                    new AcceptedCredentials(secretKey, Objects.requireNonNull(securityToken)));
            return this;
        }

        public Builder projectId(String projectId) {
            this.projectId = Objects.requireNonNull(projectId);
            return this;
        }

        /** The region whose name IAM's project lookup knows. */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region);
            return this;
        }

        public Builder domainId(String domainId) {
            this.domainId = Objects.requireNonNull(domainId);
            return this;
        }

        /** The {@code owner} reported for groups and packages. */
        public Builder owner(String owner) {
            this.owner = Objects.requireNonNull(owner);
            return this;
        }

        /** How long an upload with {@code is_async=true} stays {@code UPLOADING}. */
        public Builder asyncReadyDelay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("Negative delay: " + delay);
            }
            this.asyncReadyDelay = delay;
            return this;
        }

        /** How long a Spark job stays {@code starting}, then {@code running} before it ends. */
        public Builder jobDelays(Duration starting, Duration running) {
            if (starting.isNegative() || running.isNegative()) {
                throw new IllegalArgumentException("Negative delay: " + starting + ", " + running);
            }
            this.jobStarting = starting;
            this.jobRunning = running;
            return this;
        }

        /** Where uploaded paths are looked up; by default every object exists. */
        public Builder objectStore(ObjectStore objectStore) {
            this.objectStore = Objects.requireNonNull(objectStore);
            return this;
        }

        /** Answer statuses in lower case ({@code "uploading"}), as some public examples show. */
        public Builder lowerCaseStatuses(boolean lowerCase) {
            this.lowerCaseStatuses = lowerCase;
            return this;
        }

        /** Answer {@code 0} for the times of a group's packages, as seed 002 shows. */
        public Builder zeroDetailTimes(boolean zero) {
            this.zeroDetailTimes = zero;
            return this;
        }

        /** The port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Serve HTTPS, as DLI and IAM do, with the key in this PKCS12 key store; without one, HTTP. */
        public Builder keyStore(Path keyStore, String password) {
            this.keyStore = Objects.requireNonNull(keyStore);
            this.keyStorePassword = Objects.requireNonNull(password);
            return this;
        }

        public DliEmulator start() {
            if (credentials.isEmpty()) {
                throw new IllegalStateException("Give the emulator the credentials it accepts");
            }
            SSLContext tls = keyStore == null ? null : serverContext(keyStore, keyStorePassword);
            try {
                return new DliEmulator(this, tls);
            } catch (IOException e) {
                throw new UncheckedIOException("The DLI emulator could not listen on port " + port, e);
            }
        }

        private static SSLContext serverContext(Path keyStore, String password) {
            try (InputStream in = Files.newInputStream(keyStore)) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(in, password.toCharArray());
                KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(keys, password.toCharArray());
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keyManagers.getKeyManagers(), null, null);
                return context;
            } catch (IOException e) {
                throw new UncheckedIOException("The DLI emulator could not read the key store " + keyStore, e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The DLI emulator could not use the key store " + keyStore, e);
            }
        }
    }
}
