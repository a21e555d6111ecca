#!/usr/bin/env bash
# The benchmark of issue 5 (not part of ./mvnw verify): our uploader against `aws s3 sync`, `rclone copy
# --checksum`, a sequential PutObject loop and the S3Proxy's ceiling, then whole Maven builds.
# Usage: bench/run.sh [--quick] [--runs=N] [--no-maven]
# Writes target/bench/results.json, target/bench/results.md and target/bench/chart.png.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/target/bench"
mvn=("$root/mvnw" -B -ntp)

missing=()
[[ -x /usr/bin/aws ]] || missing+=(awscli)
command -v rclone >/dev/null || missing+=(rclone)
/usr/bin/python3 -c 'import matplotlib' 2>/dev/null || missing+=(python3-matplotlib)
if ((${#missing[@]})); then
    echo "Installing ${missing[*]} (Debian packages)"
    sudo=(); [[ $(id -u) -eq 0 ]] || sudo=(sudo)
    "${sudo[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "${missing[@]}"
fi

echo "Building and installing the plugin (tests skipped), compiling the benchmark"
"${mvn[@]}" -q -f "$root/pom.xml" install -DskipTests
version="$("${mvn[@]}" -q -f "$root/pom.xml" help:evaluate -Dexpression=project.version -DforceStdout)"
mkdir -p "$out"
"${mvn[@]}" -q -f "$root/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt"

java -Xmx2g -cp "$root/target/test-classes:$root/target/classes:$(cat "$out/classpath.txt")" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    dev.dlitools.dli.bench.Benchmark --root="$root" --version="$version" "$@"

/usr/bin/python3 "$root/bench/chart.py" "$out/results.json" "$out/chart.png"
echo "Results: $out/results.md, $out/results.json, $out/chart.png"
