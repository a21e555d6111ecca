package dev.dlitools.dli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's results.json as Markdown: one table per workload, the whole-build view, the targets. */
final class ResultsTable {

    private ResultsTable() {}

    static String markdown(JsonNode results) {
        StringBuilder text = new StringBuilder();
        JsonNode machine = results.get("machine");
        text.append("Run ").append(results.get("started").asText()).append(" .. ")
                .append(results.get("finished").asText())
                .append(results.get("quick").asBoolean() ? " (QUICK: reduced sizes)" : "")
                .append(", ").append(results.get("runs").asInt()).append(" runs per tool, tools alternating.\n\n");
        text.append("Machine: ").append(machine.get("cpus").asInt()).append(" CPUs (")
                .append(machine.get("cpuModel").asText()).append("), ").append(machine.get("memory").asText())
                .append(", ").append(machine.get("os").asText()).append(", ").append(machine.get("java").asText())
                .append("; ").append(machine.get("aws").asText()).append("; ").append(machine.get("rclone").asText())
                .append(". Load average at start ").append(machine.get("loadAverageAtStart").asText())
                .append(", at end ").append(results.get("loadAverageAtEnd").asText()).append(".\n\n");

        JsonNode workloads = results.get("workloads");
        for (Iterator<Map.Entry<String, JsonNode>> it = workloads.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> workload = it.next();
            JsonNode node = workload.getValue();
            JsonNode tools = node.get("tools");
            text.append("### ").append(workload.getKey()).append(" ").append(node.get("title").asText());
            if (node.get("bytes").asLong() > 0) {
                text.append(String.format(Locale.ROOT, " (%d files, %.1f MiB to send)", node.get("files").asInt(),
                        node.get("bytes").asLong() / 1048576.0));
            }
            text.append("\n\n| tool | median s | of which DLI register s | runs s | MiB/s | ours / tool | CPU s (median) "
                    + "| peak heap MiB |\n")
                    .append("|---|---:|---:|---|---:|---:|---:|---:|\n");
            double ours = tools.path("ours").path("median").asDouble(Double.NaN);
            for (Iterator<Map.Entry<String, JsonNode>> t = tools.fields(); t.hasNext(); ) {
                Map.Entry<String, JsonNode> tool = t.next();
                JsonNode entry = tool.getValue();
                double median = entry.get("median").asDouble();
                text.append("| ").append(tool.getKey()).append(" | ").append(format(median)).append(" | ")
                        .append(format(entry.path("registerMedian").asDouble())).append(" | ")
                        .append(runs(entry.get("seconds"))).append(" | ")
                        .append(entry.has("mibPerSecond") ? format(entry.get("mibPerSecond").asDouble()) : "")
                        .append(" | ").append(format(ours / median)).append(" | ")
                        .append(entry.has("cpuSecondsMedian") ? format(entry.get("cpuSecondsMedian").asDouble()) : "")
                        .append(" | ").append(entry.has("peakHeapMiB") ? format(entry.get("peakHeapMiB").asDouble()) : "")
                        .append(" |\n");
            }
            text.append('\n');
        }

        JsonNode maven = results.get("maven");
        if (maven != null) {
            JsonNode steps = maven.get("tools");
            text.append("### ").append(maven.get("title").asText()).append("\n\n")
                    .append("| mvn goals | median s | runs s | baseline | above baseline s |\n")
                    .append("|---|---:|---|---|---:|\n");
            for (Iterator<Map.Entry<String, JsonNode>> s = steps.fields(); s.hasNext(); ) {
                Map.Entry<String, JsonNode> step = s.next();
                double median = step.getValue().get("median").asDouble();
                String baseline = step.getKey().startsWith("upload") ? "package" : "validate";
                double base = steps.path(baseline).path("median").asDouble(Double.NaN);
                boolean shown = !step.getKey().equals(baseline) && !Double.isNaN(base);
                text.append("| ").append(step.getKey()).append(" | ").append(format(median)).append(" | ")
                        .append(runs(step.getValue().get("seconds"))).append(" | ").append(shown ? baseline : "")
                        .append(" | ").append(shown ? format(median - base) : "").append(" |\n");
            }
            text.append('\n');
        }

        text.append("### Targets\n\n| target | measured | met |\n|---|---|---|\n");
        for (String[] row : targets(results)) {
            text.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return text.toString();
    }

    private static List<String[]> targets(JsonNode results) {
        JsonNode workloads = results.get("workloads");
        List<String[]> rows = new ArrayList<>();
        double w1 = median(workloads, "W1", "ours");
        double w1Peer = Math.min(median(workloads, "W1", "aws"), median(workloads, "W1", "rclone"));
        rows.add(row("W1 <= 0.8 x faster of aws/rclone", w1 / w1Peer, 0.8));
        double w2 = median(workloads, "W2", "ours");
        double w2Peer = Math.min(median(workloads, "W2", "aws"), median(workloads, "W2", "rclone"));
        rows.add(row("W2 <= 0.5 x faster of aws/rclone", w2 / w2Peer, 0.5));
        rows.add(row("W2 <= 0.05 x our W1", w2 / w1, 0.05));
        rows.add(row("W3 <= 1.25 x ceiling", median(workloads, "W3", "ours") / median(workloads, "W3", "ceiling"),
                1.25));
        JsonNode maven = results.get("maven");
        if (maven != null) {
            JsonNode steps = maven.get("tools");
            rows.add(overhead(steps, "help:help", "the issue's no-op baseline"));
            rows.add(overhead(steps, "validate", "stricter: no plugin loaded"));
        }
        return rows;
    }

    /** {@code mvn dli:list} above a baseline build, against the 1 s target. */
    private static String[] overhead(JsonNode steps, String baseline, String why) {
        String target = "mvn dli:list - mvn " + baseline + " <= 1 s (" + why + ")";
        double list = steps.path("list").path("median").asDouble(Double.NaN);
        double base = steps.path(baseline).path("median").asDouble(Double.NaN);
        return row(target, list - base, 1, "s");
    }

    private static String[] row(String target, double ratio, double limit) {
        return row(target, ratio, limit, "x");
    }

    /** A target's row; NaN when a narrowed-down run did not measure it. */
    private static String[] row(String target, double measured, double limit, String unit) {
        if (Double.isNaN(measured)) {
            return new String[] {target, "not measured", ""};
        }
        return new String[] {target, format(measured) + " " + unit, measured <= limit ? "yes" : "NO"};
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

    private static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : value >= 10 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
