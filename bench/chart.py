"""Bar chart of the benchmark: median seconds per workload and tool, one panel per regime (loopback, each link),
from target/bench/results.json to a PNG. Log-scale seconds, so that W2's tenths show next to W3's minutes."""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

results = json.load(open(sys.argv[1]))
# a results.json from before the link regimes is one loopback regime
regimes = results.get("regimes") or {"none": results}
colors = {"ours": "#2a7ab0", "aws": "#e08a2c", "rclone": "#7a9a3a", "naive": "#999999", "ceiling": "#cccccc",
          "limit": "#dddddd"}
labels = {"ours": "dli-maven-plugin", "aws": "aws s3 sync", "rclone": "rclone copy --checksum",
          "naive": "sequential PutObject", "ceiling": "ceiling (parallel raw PUTs)",
          "limit": "link's limit (computed)"}


def title(name, regime):
    link = regime.get("link", {})
    if "rttMs" not in link:
        return "loopback (no link model)"
    return (f"{name}: RTT {link['rttMs']} ms, {link['perConnectionMbit']:g} Mbit/s per connection, "
            f"{link['totalMbit']:g} in total")


panels = [(name, regime) for name, regime in regimes.items()
          if any(w in regime["workloads"] for w in ("W1", "W2", "W3"))]
if not panels:
    print("No upload workload in this run: no chart")
    sys.exit(0)

fig, axes = plt.subplots(1, len(panels), figsize=(5.5 * len(panels), 5.0), squeeze=False)
seconds = FuncFormatter(lambda value, _: f"{value:g}")
legend = {}
for axis, (name, regime) in zip(axes[0], panels):
    workloads = [w for w in ("W1", "W2", "W3") if w in regime["workloads"]]
    # the tools this regime measured (a run may leave some out with --tools)
    tools = [t for t in colors if all(t in regime["workloads"][w]["tools"] for w in workloads)]
    width = 0.8 / len(tools)
    for index, tool in enumerate(tools):
        medians = [regime["workloads"][w]["tools"][tool]["median"] for w in workloads]
        positions = [w + (index - (len(tools) - 1) / 2) * width for w in range(len(workloads))]
        bars = axis.bar(positions, medians, width, color=colors[tool], label=labels[tool],
                        hatch="//" if tool == "limit" else None, edgecolor="#777777" if tool == "limit" else None)
        legend.setdefault(tool, bars)
        for bar, value in zip(bars, medians):
            axis.annotate(f"{value:.2f}" if value < 10 else f"{value:.0f}",
                          (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                          ha="center", va="bottom", fontsize=6, rotation=90)
    axis.set_yscale("log")
    axis.yaxis.set_major_formatter(seconds)
    axis.yaxis.set_minor_formatter(seconds)
    axis.tick_params(axis="y", which="both", labelsize=7)
    axis.set_xticks(range(len(workloads)))
    axis.set_xticklabels([f"{w}: {regime['workloads'][w]['title'].split(':')[0]}" for w in workloads], fontsize=8)
    axis.set_title(title(name, regime), fontsize=9)
    axis.set_ylabel("median seconds, log scale (lower is better)", fontsize=8)
runs = ", ".join(f"{name} {regime['runs']}" for name, regime in panels)
fig.suptitle("Upload time per workload and tool, same S3Proxy, "
             + ("QUICK run" if results["quick"] else f"alternating runs per tool: {runs}"), fontsize=10)
tools = [tool for tool in colors if tool in legend]
fig.legend([legend[tool] for tool in tools], [labels[tool] for tool in tools], loc="lower center",
           ncol=len(tools), fontsize=8, frameon=False)
fig.tight_layout(rect=(0, 0.06, 1, 1))
fig.savefig(sys.argv[2], dpi=110)
