"""Bar chart of the benchmark: median seconds per workload per tool (target/bench/results.json -> PNG)."""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

results = json.load(open(sys.argv[1]))
workloads = [w for w in ("W1", "W2", "W3") if w in results["workloads"]]
if not workloads:
    print("No upload workload in this run: no chart")
    sys.exit(0)
# the tools this run measured (a run may leave some out with --tools)
tools = [t for t in ("ours", "aws", "rclone", "naive", "ceiling")
         if all(t in results["workloads"][w]["tools"] for w in workloads)]
colors = {"ours": "#2a7ab0", "aws": "#e08a2c", "rclone": "#7a9a3a", "naive": "#999999", "ceiling": "#cccccc"}
labels = {"ours": "dli-maven-plugin", "aws": "aws s3 sync", "rclone": "rclone copy --checksum",
          "naive": "sequential PutObject", "ceiling": "ceiling (parallel raw PUTs)"}

fig, axes = plt.subplots(1, len(workloads), figsize=(4.2 * len(workloads), 4.2), squeeze=False)
for axis, workload in zip(axes[0], workloads):
    node = results["workloads"][workload]
    medians = [node["tools"][tool]["median"] for tool in tools]
    bars = axis.bar(range(len(tools)), medians,
                    color=[colors[tool] for tool in tools])
    for bar, value in zip(bars, medians):
        axis.annotate(f"{value:.2f}", (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                      ha="center", va="bottom", fontsize=8)
    axis.set_xticks(range(len(tools)))
    axis.set_xticklabels([labels[tool] for tool in tools], rotation=35, ha="right", fontsize=8)
    axis.set_title(f"{workload}: {node['title'].split(':')[0]}", fontsize=10)
    axis.set_ylabel("median seconds (lower is better)", fontsize=8)
fig.suptitle("Upload time per workload and tool, same S3Proxy, "
             + ("QUICK run" if results["quick"] else f"{results['runs']} alternating runs each"), fontsize=10)
fig.tight_layout()
fig.savefig(sys.argv[2], dpi=110)
