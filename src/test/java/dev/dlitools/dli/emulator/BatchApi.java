package dev.dlitools.dli.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huaweicloud.sdk.dli.v1.model.CreateSparkJobRequestBody;
import dev.dlitools.dli.emulator.SdkModelCheck.ModelMismatchException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * DLI's Spark batch job calls ({@code /v2.0/{project_id}/batches}), on authenticated requests. A job is
 * {@code starting}, then {@code running}, then ends as the {@link JobScript} said when it was submitted; it dies at
 * once when its {@code file} or one of its jars or files is not in the object store, with a log line naming it.
 * States are worked out from the clock whenever a job is looked at.
 */
final class BatchApi {

    private static final Pattern BATCHES_PATH = Pattern.compile("/v2\\.0/([^/]+)/batches(?:/([^/]+)(/state|/log)?)?");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String projectId;
    private final ObjectStore objectStore;
    private final Clock clock;
    private final Duration startingFor;
    private final Duration runningFor;
    private final Map<String, SparkJob> jobs = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();
    private volatile JobScript script = JobScript.succeed();

    BatchApi(String projectId, ObjectStore objectStore, Clock clock, Duration startingFor, Duration runningFor) {
        this.projectId = projectId;
        this.objectStore = objectStore;
        this.clock = clock;
        this.startingFor = startingFor;
        this.runningFor = runningFor;
    }

    static boolean handles(String path) {
        return BATCHES_PATH.matcher(path).matches();
    }

    void script(JobScript next) {
        this.script = Objects.requireNonNull(next);
    }

    /** The jobs in the order they were submitted. */
    List<BatchJobView> jobs() {
        synchronized (order) {
            return order.stream().map(jobs::get).map(job -> job.view(clock.instant())).toList();
        }
    }

    ResourceApi.Response handle(RecordedRequest request, String requestId) {
        Matcher matcher = BATCHES_PATH.matcher(request.path());
        if (!matcher.matches()) {
            return new ResourceApi.Response(404, ErrorBodies.noSuchApi(requestId));
        }
        if (!matcher.group(1).equals(projectId)) {
            return notFound("The project " + matcher.group(1) + " does not exist");
        }
        String id = matcher.group(2);
        String sub = matcher.group(3);
        String method = request.method();
        if (id == null) {
            return method.equals("POST") ? submit(request.body()) : new ResourceApi.Response(404,
                    ErrorBodies.noSuchApi(requestId));
        }
        SparkJob job = jobs.get(id);
        if (job == null) {
            return notFound("The batch job " + id + " does not exist");
        }
        Instant now = clock.instant();
        if (method.equals("GET") && sub == null) {
            return ok(job.toJson(now));
        }
        if (method.equals("GET") && sub.equals("/state")) {
            ObjectNode body = MAPPER.createObjectNode();
            body.put("id", id);
            body.put("state", job.state(now));
            return ok(body);
        }
        if (method.equals("GET") && sub.equals("/log")) {
            return ok(job.logPage(now, request.queryParameters()));
        }
        if (method.equals("DELETE") && sub == null) {
            job.cancel(now);
            ObjectNode body = MAPPER.createObjectNode();
            body.put("msg", "deleted");
            return ok(body);
        }
        return new ResourceApi.Response(404, ErrorBodies.noSuchApi(requestId));
    }

    private ResourceApi.Response submit(String requestBody) {
        JsonNode body;
        try {
            SdkModelCheck.read(requestBody, CreateSparkJobRequestBody.class);
            body = MAPPER.readTree(requestBody);
        } catch (ModelMismatchException e) {
            return invalid(e.getMessage());
        } catch (JsonProcessingException e) {
            // Huawei's model read it, so it is JSON
            throw new IllegalStateException(e);
        }
        String file = body.path("file").asText("");
        if (file.isBlank()) {
            return invalid("file is mandatory");
        }
        boolean hasQueue = body.hasNonNull("queue");
        if (hasQueue == body.hasNonNull("cluster_name")) {
            return invalid("Give exactly one of queue and cluster_name");
        }
        if (file.endsWith(".jar") && body.path("className").asText("").isBlank()) {
            return invalid("className is mandatory for a jar file");
        }
        List<String> missing = Stream.concat(Stream.of(file), Stream.of("jars", "pyFiles", "files")
                        .flatMap(field -> texts(body.get(field))))
                .filter(path -> !exists(path))
                .toList();
        SparkJob job = new SparkJob(UUID.randomUUID().toString(), body, clock.instant(), script, missing);
        synchronized (order) {
            jobs.put(job.id, job);
            order.add(job.id);
        }
        return ok(job.toJson(job.submitted));
    }

    private static Stream<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array != null) {
            array.forEach(item -> texts.add(item.asText()));
        }
        return texts.stream();
    }

    /** Package names of DLI's resource system are not checked; OBS paths must name an object in the store. */
    private boolean exists(String path) {
        if (!path.startsWith("obs://")) {
            return true;
        }
        try {
            return objectStore.exists(URI.create(path));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static ResourceApi.Response ok(JsonNode body) {
        return new ResourceApi.Response(200, body);
    }

    private static ResourceApi.Response invalid(String message) {
        return new ResourceApi.Response(400, ErrorBodies.dli(ErrorBodies.INVALID_PARAMETER, message));
    }

    private static ResourceApi.Response notFound(String message) {
        return new ResourceApi.Response(404, ErrorBodies.dli(ErrorBodies.NOT_FOUND, message));
    }

    /** One job; its state follows from the time since it was submitted. */
    private final class SparkJob {
        final String id;
        final JsonNode body;
        final Instant submitted;
        final JobScript script;
        final List<String> missing;
        Instant cancelledAt;

        SparkJob(String id, JsonNode body, Instant submitted, JobScript script, List<String> missing) {
            this.id = id;
            this.body = body;
            this.submitted = submitted;
            this.script = script;
            this.missing = missing;
        }

        synchronized String state(Instant now) {
            if (cancelledAt != null) {
                return "dead";
            }
            if (now.isBefore(submitted.plus(startingFor))) {
                return "starting";
            }
            if (!missing.isEmpty()) {
                return "dead";
            }
            if (script.outcome() == JobScript.Outcome.HANG || now.isBefore(submitted.plus(startingFor)
                    .plus(runningFor))) {
                return "running";
            }
            return script.outcome() == JobScript.Outcome.SUCCEED ? "success" : "dead";
        }

        synchronized void cancel(Instant now) {
            // the API doc says what a cancel does to a job that has not ended, nothing of one that has: this one
            // stays as it ended, and the answer is the usual one; a test wanting a refusal injects it as a fault
            String state = state(now);
            if (!state.equals("success") && !state.equals("dead")) {
                cancelledAt = now;
            }
        }

        synchronized List<String> log(Instant now) {
            List<String> lines = new ArrayList<>();
            lines.add("INFO DLI: submitted Spark job " + body.path("name").asText() + " (" + id + ")");
            String state = state(now);
            if (state.equals("starting")) {
                return lines;
            }
            if (!missing.isEmpty()) {
                missing.forEach(path -> lines.add("ERROR java.io.FileNotFoundException: " + path
                        + " does not exist"));
                return lines;
            }
            lines.add("INFO SparkContext: Running Spark version 3.3.1");
            lines.add("INFO main class " + body.path("className").asText());
            if (cancelledAt != null) {
                lines.add("WARN job cancelled by the user");
            } else if (state.equals("success")) {
                lines.add("INFO job finished successfully");
            } else if (state.equals("dead")) {
                lines.addAll(script.logLines());
            }
            return lines;
        }

        ObjectNode toJson(Instant now) {
            ObjectNode json = MAPPER.createObjectNode();
            json.put("id", id);
            json.put("state", state(now));
            json.putNull("appId");
            json.set("log", MAPPER.valueToTree(log(now)));
            json.put("sc_type", body.path("sc_type").asText("A"));
            json.put("queue", body.path("queue").asText(body.path("cluster_name").asText()));
            json.put("name", body.path("name").asText());
            json.put("create_time", submitted.toEpochMilli());
            return json;
        }

        ObjectNode logPage(Instant now, Map<String, String> parameters) {
            List<String> lines = log(now);
            int from = Math.max(0, Math.min(lines.size(), Integer.parseInt(parameters.getOrDefault("from", "0"))));
            int size = Integer.parseInt(parameters.getOrDefault("size", "100"));
            ObjectNode page = MAPPER.createObjectNode();
            page.put("id", id);
            page.put("from", from);
            page.put("total", lines.size());
            page.set("log", MAPPER.valueToTree(lines.subList(from, Math.min(lines.size(), from + size))));
            return page;
        }

        BatchJobView view(Instant now) {
            return new BatchJobView(id, body.path("name").asText(), state(now), body, cancelledAt != null);
        }
    }
}
