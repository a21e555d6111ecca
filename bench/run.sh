#!/usr/bin/env bash
# Benchmark: our uploader against aws s3 sync, rclone, a sequential PutObject loop and the S3 server's ceiling,
# plus dli:list against 500 groups. Results in target/bench/ (results.json, results.md, chart.png).
#   ./bench/run.sh            full workloads (W1 250 MB in 150 jars, W3 600 MB), 5 runs each
#   ./bench/run.sh --quick    a tenth of the data, 2 runs: checks that everything works
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/target/bench"
scale=1
runs=5
case "${1:-}" in
    --quick) scale=0.1; runs=2 ;;
    "") ;;
    *) echo "usage: $0 [--quick]" >&2; exit 2 ;;
esac

missing=()
command -v aws >/dev/null || missing+=(awscli)
command -v rclone >/dev/null || missing+=(rclone)
if ((${#missing[@]})); then
    echo "Installing ${missing[*]} with apt-get"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

mvn=("$root/mvnw" -B -q -ntp -f "$root/pom.xml")
echo "Building and installing the plugin (dli:list is measured as a real Maven build)"
"${mvn[@]}" install -DskipTests
version="$("${mvn[@]}" help:evaluate -Dexpression=project.version -DforceStdout)"
mkdir -p "$out"
rm -f "$out/tools.log"
"${mvn[@]}" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt"

cd "$root"
java -Xmx2g -Djava.awt.headless=true -Dbench.pluginVersion="$version" \
    -cp "$root/target/test-classes:$root/target/classes:$(cat "$out/classpath.txt")" \
    dev.dlitools.dli.bench.Benchmark "$out" "$runs" "$scale"
echo
cat "$out/results.md"
echo "Chart: $out/chart.png"
