package dev.dlitools.dli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's results.json as Markdown: per regime (loopback, each link) its load, link and model check, one
 * table per workload, the whole-build view and the targets.
 */
final class ResultsTable {

    private static final List<String> PEERS = List.of("aws", "rclone", "naive");

    private ResultsTable() {}

    static String markdown(JsonNode results) {
        StringBuilder text = new StringBuilder();
        JsonNode machine = results.get("machine");
        text.append("Run ").append(results.get("started").asText()).append(" .. ")
                .append(results.get("finished").asText())
                .append(results.get("quick").asBoolean() ? " (QUICK: reduced sizes)" : "")
                .append(", tools alternating.\n\n");
        text.append("Machine: ").append(machine.get("cpus").asInt()).append(" CPUs (")
                .append(machine.get("cpuModel").asText()).append("), ").append(machine.get("memory").asText())
                .append(", ").append(machine.get("os").asText()).append(", ").append(machine.get("java").asText())
                .append("; ").append(machine.get("aws").asText()).append("; ").append(machine.get("rclone").asText())
                .append(". Load average at start ").append(machine.get("loadAverageAtStart").asText())
                .append(", at end ").append(results.get("loadAverageAtEnd").asText()).append(".\n\n");
        regimes(results).values().forEach(regime -> regime(text, regime));
        return text.toString();
    }

    /** By name; a results.json from before the link regimes is one loopback regime. */
    static Map<String, JsonNode> regimes(JsonNode results) {
        Map<String, JsonNode> regimes = new LinkedHashMap<>();
        if (results.has("regimes")) {
            results.get("regimes").fields().forEachRemaining(entry -> regimes.put(entry.getKey(), entry.getValue()));
        } else {
            regimes.put("none", results);
        }
        return regimes;
    }

    private static void regime(StringBuilder text, JsonNode regime) {
        JsonNode link = regime.path("link");
        boolean linked = link.has("rttMs");
        text.append("### ").append(linked ? String.format(Locale.ROOT,
                "Link %s: RTT %d ms, %s Mbit/s per connection, %s Mbit/s in total", link.get("name").asText(),
                link.get("rttMs").asLong(), plain(link.get("perConnectionMbit").asDouble()),
                plain(link.get("totalMbit").asDouble())) : "Loopback (no link model)").append("\n\n");
        text.append(regime.get("runs").asInt()).append(" runs per tool, tools alternating; ")
                .append(regime.path("started").asText()).append(" .. ").append(regime.path("finished").asText());
        if (regime.has("loadAverageAtStart")) {
            text.append("; load average at start ").append(regime.get("loadAverageAtStart").asText())
                    .append(", at end ").append(regime.get("loadAverageAtEnd").asText());
        }
        text.append(".\n\n");
        if (regime.has("modelCheck")) {
            modelCheck(text, regime.get("modelCheck"));
        }
        JsonNode workloads = regime.get("workloads");
        for (Iterator<Map.Entry<String, JsonNode>> it = workloads.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> workload = it.next();
            workload(text, workload.getKey(), workload.getValue());
        }
        if (regime.has("maven")) {
            maven(text, regime.get("maven"));
        }
        text.append("#### Targets").append(linked ? " under this link" : " on loopback")
                .append("\n\n| target | measured | met |\n|---|---|---|\n");
        for (String[] row : linked ? linkTargets(workloads) : loopbackTargets(workloads, regime.get("maven"))) {
            text.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        text.append('\n');
    }

    private static void modelCheck(StringBuilder text, JsonNode check) {
        text.append("Model check (raw PUTs on connections opened before the clock starts; rate = bytes / (seconds - one"
                        + " RTT, the request's own round trip)):\n\n")
                .append("| transfer | connections | MB | s | measured MB/s | cap MB/s | measured / cap | within 10% |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (String[] transfer : new String[][] {{"singleConnection", "one PUT"}, {"parallel", "parallel PUTs"}}) {
            JsonNode node = check.get(transfer[0]);
            text.append("| ").append(transfer[1]).append(" | ").append(node.get("connections").asInt()).append(" | ")
                    .append(format(node.get("bytes").asLong() / 1e6)).append(" | ")
                    .append(format(node.get("seconds").asDouble())).append(" | ")
                    .append(format(node.get("mbPerSecond").asDouble())).append(" | ")
                    .append(format(node.get("capMbPerSecond").asDouble())).append(" | ")
                    .append(format(node.get("ratio").asDouble())).append(" | ")
                    .append(node.get("ok").asBoolean() ? "ok" : "NO").append(" |\n");
        }
        text.append('\n');
    }

    private static void workload(StringBuilder text, String id, JsonNode node) {
        JsonNode tools = node.get("tools");
        text.append("#### ").append(id).append(" ").append(node.get("title").asText());
        if (node.get("bytes").asLong() > 0) {
            text.append(String.format(Locale.ROOT, " (%d files, %.1f MiB to send)", node.get("files").asInt(),
                    node.get("bytes").asLong() / 1048576.0));
        }
        text.append("\n\n| tool | median s | of which DLI register s | upload part s | runs s | MiB/s | ours / tool "
                        + "| CPU s (median) | peak heap MiB |\n")
                .append("|---|---:|---:|---:|---|---:|---:|---:|---:|\n");
        double ours = tools.path("ours").path("median").asDouble(Double.NaN);
        double oursUpload = tools.path("ours").path("uploadMedian").asDouble(Double.NaN);
        for (Iterator<Map.Entry<String, JsonNode>> t = tools.fields(); t.hasNext(); ) {
            Map.Entry<String, JsonNode> tool = t.next();
            JsonNode entry = tool.getValue();
            boolean computed = entry.path("computed").asBoolean();
            double median = entry.get("median").asDouble();
            text.append("| ").append(tool.getKey()).append(" | ").append(format(median)).append(" | ")
                    .append(format(entry.path("registerMedian").asDouble())).append(" | ")
                    .append(entry.has("uploadMedian") ? format(entry.get("uploadMedian").asDouble()) : "")
                    .append(" | ").append(computed ? "computed" : runs(entry.get("seconds"))).append(" | ")
                    .append(entry.has("mibPerSecond") ? format(entry.get("mibPerSecond").asDouble()) : "")
                    .append(" | ").append(format((computed ? oursUpload : ours) / median)).append(" | ")
                    .append(entry.has("cpuSecondsMedian") ? format(entry.get("cpuSecondsMedian").asDouble()) : "")
                    .append(" | ").append(entry.has("peakHeapMiB") ? format(entry.get("peakHeapMiB").asDouble()) : "")
                    .append(" |\n");
        }
        if (tools.has("limit")) {
            text.append("\nlimit: the link's, computed, not run (bytes at the total rate plus the round trips that"
                    + " cannot overlap); its ours / tool is ours' upload part, without the DLI registration, which"
                    + " the limit does not model.\n");
        }
        text.append('\n');
    }

    private static void maven(StringBuilder text, JsonNode maven) {
        JsonNode steps = maven.get("tools");
        text.append("#### ").append(maven.get("title").asText()).append("\n\n")
                .append("| step | median s | runs s | baseline | above baseline s |\n")
                .append("|---|---:|---|---|---:|\n");
        for (Iterator<Map.Entry<String, JsonNode>> s = steps.fields(); s.hasNext(); ) {
            Map.Entry<String, JsonNode> step = s.next();
            double median = step.getValue().get("median").asDouble();
            String baseline = baseline(step.getKey());
            double base = steps.path(baseline).path("median").asDouble(Double.NaN);
            boolean shown = !step.getKey().equals(baseline) && !Double.isNaN(base);
            text.append("| ").append(step.getKey()).append(" | ").append(format(median)).append(" | ")
                    .append(runs(step.getValue().get("seconds"))).append(" | ").append(shown ? baseline : "")
                    .append(" | ").append(shown ? format(median - base) : "").append(" |\n");
        }
        text.append('\n');
    }

    /**
     * What a step costs on top of: {@code mvn package} for the uploads, the bare JVM for the SDK's floor (and for
     * itself: none), {@code mvn validate} for the rest.
     */
    private static String baseline(String step) {
        return step.startsWith("upload") ? "package" : step.equals("sdk-floor") || step.equals("jvm") ? "jvm"
                : "validate";
    }

    /** Issue 14: ahead of every peer on each workload, and near the link's limit on the cold uploads. */
    private static List<String[]> linkTargets(JsonNode workloads) {
        List<String[]> rows = new ArrayList<>();
        for (String workload : List.of("W1", "W2", "W3")) {
            rows.add(row(workload + ": ours ahead of every peer (ours / fastest of aws, rclone, naive < 1)",
                    median(workloads, workload, "ours") / fastestPeer(workloads, workload), 1, "x", true));
        }
        for (String workload : List.of("W1", "W3")) {
            double upload = workloads.path(workload).path("tools").path("ours").path("uploadMedian")
                    .asDouble(Double.NaN);
            rows.add(row(workload + ": ours' upload part <= 1.15 x the link's limit",
                    upload / median(workloads, workload, "limit"), 1.15, "x", false));
        }
        return rows;
    }

    /** Issue 14 on loopback, and issue 5's redeploy target, which still guards W2. */
    private static List<String[]> loopbackTargets(JsonNode workloads, JsonNode maven) {
        List<String[]> rows = new ArrayList<>();
        double w1Peer = Math.min(median(workloads, "W1", "aws"), median(workloads, "W1", "rclone"));
        rows.add(row("W1 <= 0.9 x faster of aws/rclone", median(workloads, "W1", "ours") / w1Peer, 0.9, "x", false));
        double w2Peer = Math.min(median(workloads, "W2", "aws"), median(workloads, "W2", "rclone"));
        rows.add(row("W2 <= 0.5 x faster of aws/rclone", median(workloads, "W2", "ours") / w2Peer, 0.5, "x", false));
        rows.add(row("W3 <= 1.0 x naive single PUT",
                median(workloads, "W3", "ours") / median(workloads, "W3", "naive"), 1, "x", false));
        JsonNode steps = maven == null ? null : maven.get("tools");
        rows.add(row("warm redeploy: mvn package dli:upload-group - mvn package <= 1.0 s",
                aboveBaseline(steps, "upload-warm"), 1, "s", false));
        rows.add(row("mvn dli:list - mvn validate <= 0.8 s", aboveBaseline(steps, "list"), 0.8, "s", false));
        return rows;
    }

    private static double aboveBaseline(JsonNode steps, String step) {
        if (steps == null) {
            return Double.NaN;
        }
        return steps.path(step).path("median").asDouble(Double.NaN)
                - steps.path(baseline(step)).path("median").asDouble(Double.NaN);
    }

    /** The fastest of the peers measured; NaN when none was. */
    private static double fastestPeer(JsonNode workloads, String workload) {
        return PEERS.stream().mapToDouble(peer -> median(workloads, workload, peer)).filter(m -> !Double.isNaN(m))
                .min().orElse(Double.NaN);
    }

    /** A target's row; NaN when a narrowed-down run did not measure it. */
    private static String[] row(String target, double measured, double limit, String unit, boolean strict) {
        if (Double.isNaN(measured)) {
            return new String[] {target, "not measured", ""};
        }
        boolean met = strict ? measured < limit : measured <= limit;
        return new String[] {target, format(measured) + " " + unit, met ? "yes" : "NO"};
    }

    /** NaN when a narrowed-down run left the workload or tool out. */
    private static double median(JsonNode workloads, String workload, String tool) {
        JsonNode entry = workloads.path(workload).path("tools").path(tool).path("median");
        return entry.isMissingNode() ? Double.NaN : entry.asDouble();
    }

    private static String runs(JsonNode seconds) {
        List<String> values = new ArrayList<>();
        seconds.forEach(value -> values.add(format(value.asDouble())));
        return String.join(" ", values);
    }

    /** A setting as given: 80, 2.5. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : value >= 10 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
