package dev.dlitools.dli.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huaweicloud.sdk.dli.v1.model.Tag;
import com.huaweicloud.sdk.dli.v1.model.UploadJobResourcesRequestBody;
import dev.dlitools.dli.emulator.PackageGroup.ResponseStyle;
import dev.dlitools.dli.emulator.PackageGroup.Status;
import dev.dlitools.dli.emulator.SdkModelCheck.ModelMismatchException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The DLI package-group calls and the IAM project lookup, on authenticated requests. */
final class ResourceApi {

    static final Pattern RESOURCES_PATH = Pattern.compile("/v2\\.0/([^/]+)/resources");
    private static final Pattern ONE_RESOURCE_PATH = Pattern.compile("/v2\\.0/([^/]+)/resources/([^/]+)");
    private static final String IAM_PROJECTS_PATH = "/v3/projects";
    private static final Set<String> KINDS = Set.of("jar", "pyFile", "file", "modelFile");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Settings of the emulated account. */
    record Account(String projectId, String region, String domainId, String owner) {}

    /** A status and a JSON body. */
    record Response(int status, JsonNode body) {}

    private final Account account;
    private final Duration asyncReadyDelay;
    private final ObjectStore objectStore;
    private final ResponseStyle style;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Map<String, PackageGroup> groups = new ConcurrentHashMap<>();

    ResourceApi(Account account, Duration asyncReadyDelay, ObjectStore objectStore, ResponseStyle style,
            ScheduledExecutorService scheduler, Clock clock) {
        this.account = account;
        this.asyncReadyDelay = asyncReadyDelay;
        this.objectStore = objectStore;
        this.style = style;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    Response handle(RecordedRequest request, String requestId) {
        String method = request.method();
        String path = request.path();
        Map<String, String> query = request.queryParameters();
        if (path.equals(IAM_PROJECTS_PATH) && method.equals("GET")) {
            return listProjects(query.get("name"));
        }
        Matcher all = RESOURCES_PATH.matcher(path);
        if (all.matches() && (method.equals("POST") || method.equals("GET"))) {
            return unknownProject(all.group(1))
                    .orElseGet(() -> method.equals("POST") ? upload(request.body()) : list(query));
        }
        Matcher one = ONE_RESOURCE_PATH.matcher(path);
        if (one.matches() && (method.equals("GET") || method.equals("DELETE"))) {
            String resourceName = RecordedRequest.decode(one.group(2));
            String groupName = query.get("group");
            return unknownProject(one.group(1))
                    .orElseGet(() -> method.equals("GET") ? show(resourceName, groupName) : delete(resourceName, groupName));
        }
        return new Response(404, ErrorBodies.noSuchApi(requestId));
    }

    private Optional<Response> unknownProject(String rawProjectId) {
        String projectId = RecordedRequest.decode(rawProjectId);
        return projectId.equals(account.projectId())
                ? Optional.empty()
                : Optional.of(notFound("The project " + projectId + " does not exist"));
    }

    List<GroupView> groups() {
        return groupsByName().stream().map(PackageGroup::view).toList();
    }

    /** All groups, sorted by name, each brought up to date first. */
    private List<PackageGroup> groupsByName() {
        Instant now = clock.instant();
        List<PackageGroup> sorted =
                groups.values().stream().sorted(Comparator.comparing(PackageGroup::name)).toList();
        sorted.forEach(group -> group.evaluateIfDue(now, objectStore));
        return sorted;
    }

    Optional<GroupView> group(String name) {
        return Optional.ofNullable(groups.get(name)).map(group -> {
            group.evaluateIfDue(clock.instant(), objectStore);
            return group.view();
        });
    }

    private Response listProjects(String name) {
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode projects = body.putArray("projects");
        if (name == null || name.equals(account.region())) {
            ObjectNode project = projects.addObject();
            project.put("id", account.projectId());
            project.put("name", account.region());
            project.put("domain_id", account.domainId());
            project.put("enabled", true);
        }
        return ok(body);
    }

    private Response upload(String requestBody) {
        Upload upload;
        try {
            upload = Upload.of(SdkModelCheck.read(requestBody, UploadJobResourcesRequestBody.class));
        } catch (IllegalArgumentException | ModelMismatchException e) {
            return invalid(e.getMessage());
        }
        Instant now = clock.instant();
        PackageGroup replaced = groups.get(upload.group);
        PackageGroup group = new PackageGroup(upload.group, upload.kind, upload.async, upload.tags, account.owner(),
                upload.paths, upload.packageNames, UUID.randomUUID().toString(),
                replaced == null ? now.toEpochMilli() : replaced.createTime(), now,
                upload.async ? now.plus(asyncReadyDelay) : now);
        if (upload.async) {
            scheduler.schedule(
                    () -> group.evaluateIfDue(latest(clock.instant(), group.readyAt()), objectStore),
                    asyncReadyDelay.toNanos(), TimeUnit.NANOSECONDS);
        } else {
            group.evaluateIfDue(now, objectStore);
        }
        groups.put(upload.group, group);
        return ok(group.toJson(style));
    }

    /** The timer may fire a hair before the wall clock reaches the due time. */
    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private Response list(Map<String, String> query) {
        String kind = query.get("kind");
        if (kind != null && !KINDS.contains(kind)) {
            return invalid("kind must be one of " + KINDS + ": " + kind);
        }
        Map<String, String> tagFilter;
        try {
            tagFilter = parseTagFilter(query.get("tags"));
        } catch (IllegalArgumentException e) {
            return invalid(e.getMessage());
        }
        ObjectNode body = MAPPER.createObjectNode();
        // the emulator registers packages only in groups, so there are no single packages to list
        body.putArray("resources");
        ArrayNode modules = body.putArray("modules");
        if ((kind == null || kind.equals("jar")) && tagFilter.isEmpty()) {
            modules.add(builtInModule());
        }
        ArrayNode groupNodes = body.putArray("groups");
        groupsByName().stream()
                .filter(group -> group.matches(kind, tagFilter))
                .forEach(group -> groupNodes.add(group.toJson(style)));
        body.put("total", modules.size() + groupNodes.size());
        return ok(body);
    }

    /** The built-in group every DLI project lists (seed 004). */
    private ObjectNode builtInModule() {
        ObjectNode module = MAPPER.createObjectNode();
        module.put("module_name", "gatk");
        module.put("module_type", "jar");
        module.put("status", style.status(Status.READY));
        module.putArray("resources").add("gatk.jar").add("tika-core-1.18.jar").add("s3fs-2.2.2.jar");
        module.put("description", "Genome Analysis Toolkit");
        module.put("create_time", 1521532893736L);
        module.put("update_time", 1521552364503L);
        return module;
    }

    private Response show(String resourceName, String groupName) {
        PackageGroup group = groupName == null ? null : groups.get(groupName);
        ObjectNode pkg = null;
        if (group != null) {
            group.evaluateIfDue(clock.instant(), objectStore);
            pkg = group.packageJson(resourceName, style);
        }
        return pkg == null ? resourceNotFound(resourceName, groupName) : ok(pkg);
    }

    private Response delete(String resourceName, String groupName) {
        boolean[] removed = {false};
        if (groupName != null) {
            groups.computeIfPresent(groupName, (name, group) -> {
                removed[0] = group.removePackage(resourceName);
                return group.isEmpty() ? null : group;
            });
        }
        if (!removed[0]) {
            return resourceNotFound(resourceName, groupName);
        }
        ObjectNode body = MAPPER.createObjectNode();
        body.put("is_success", true);
        body.put("message", "");
        return ok(body);
    }

    private static Response resourceNotFound(String resourceName, String groupName) {
        return notFound(groupName == null
                ? "The resource " + resourceName + " does not exist"
                : "The resource " + resourceName + " does not exist in group " + groupName);
    }

    private static Response ok(JsonNode body) {
        return new Response(200, body);
    }

    private static Response invalid(String message) {
        return new Response(400, ErrorBodies.dli(ErrorBodies.INVALID_PARAMETER, message));
    }

    private static Response notFound(String message) {
        return new Response(404, ErrorBodies.dli(ErrorBodies.NOT_FOUND, message));
    }

    /**
     * The {@code tags} query: comma-separated {@code key=value} or bare {@code key} items, all of which a group must
     * carry (a bare key with any value).
     */
    static Map<String, String> parseTagFilter(String tags) {
        Map<String, String> filter = new LinkedHashMap<>();
        if (tags == null || tags.isBlank()) {
            return filter;
        }
        for (String item : tags.split(",")) {
            int equals = item.indexOf('=');
            String key = (equals < 0 ? item : item.substring(0, equals)).trim();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("tags must be key=value items separated by commas: " + tags);
            }
            filter.put(key, equals < 0 ? null : item.substring(equals + 1).trim());
        }
        return filter;
    }

    /** A validated upload request body. */
    private record Upload(
            List<URI> paths, List<String> packageNames, String kind, String group, boolean async,
            Map<String, String> tags) {

        /** Huawei's model has checked the field names and types; this checks what DLI demands of the values. */
        static Upload of(UploadJobResourcesRequestBody body) {
            if (body.getPaths() == null || body.getPaths().isEmpty()) {
                throw new IllegalArgumentException("paths is mandatory: a non-empty array of OBS object URLs");
            }
            List<URI> paths = new ArrayList<>();
            List<String> names = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String text : body.getPaths()) {
                URI path = obsUrl(text);
                String rawPath = path.getRawPath();
                String name = RecordedRequest.decode(rawPath.substring(rawPath.lastIndexOf('/') + 1));
                if (!seen.add(name)) {
                    throw new IllegalArgumentException("Duplicate resource name in paths: " + name);
                }
                paths.add(path);
                names.add(name);
            }
            if (body.getKind() == null || !KINDS.contains(body.getKind())) {
                throw new IllegalArgumentException("kind is mandatory, one of " + KINDS);
            }
            if (body.getGroup() == null || body.getGroup().isBlank()) {
                throw new IllegalArgumentException("group is mandatory");
            }
            // the seed sends "is_async":"true": the model reads a string as a boolean, as the service does
            return new Upload(paths, names, body.getKind(), body.getGroup(), Boolean.TRUE.equals(body.getIsAsync()),
                    tags(body.getTags()));
        }

        private static URI obsUrl(String text) {
            try {
                URI url = new URI(text == null ? "" : text);
                String scheme = url.getScheme();
                String rawPath = url.getRawPath();
                if (("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) && url.getHost() != null
                        && rawPath != null && rawPath.length() > 1 && !rawPath.endsWith("/")) {
                    return url;
                }
            } catch (URISyntaxException e) {
                // reported below like any other unusable path
            }
            throw new IllegalArgumentException("paths must hold OBS object URLs (https://bucket.obs.region..../key): "
                    + text);
        }

        private static Map<String, String> tags(List<Tag> given) {
            Map<String, String> tags = new LinkedHashMap<>();
            if (given == null) {
                return tags;
            }
            for (Tag tag : given) {
                if (tag == null || tag.getKey() == null || tag.getKey().isBlank() || tag.getValue() == null) {
                    throw new IllegalArgumentException("Each tag needs a key and a value: "
                            + (tag == null ? null : "key " + tag.getKey() + ", value " + tag.getValue()));
                }
                tags.put(tag.getKey(), tag.getValue());
            }
            return tags;
        }
    }
}
