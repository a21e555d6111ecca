#!/usr/bin/env bash
# The benchmark of issues 5 and 14 (not part of ./mvnw verify): our uploader against `aws s3 sync`, `rclone copy
# --checksum` and a sequential PutObject loop on one S3Proxy, in three regimes: loopback (plus the S3Proxy's
# ceiling, dli:list's code path and whole Maven builds) and two modelled network links, `region` (RTT 30 ms,
# 100 Mbit/s per connection, 500 in total) and `far` (RTT 150 ms, 50 and 200 Mbit/s), each checked first and
# compared with the link's computed limit. The S3Proxy and the DLI emulator both serve HTTPS with a throw-away
# certificate, as OBS, DLI and IAM do; --http: both plain HTTP.
# Usage: bench/run.sh [--link=none,region,far | --link=far | --link=RTT,PER,TOTAL] [--quick] [--runs=N]
#        [--no-maven] [--workloads=W1,W2,W3,W4] [--tools=ours,aws,rclone,naive,ceiling,limit]
#        [--steps=validate,help:help,dli:help,list,package,upload-cold,upload-warm,jvm,sdk-floor] [--threads=N]
#        [--multipartThresholdMib=N] [--http]
# Writes target/bench/results.json, target/bench/results.md and target/bench/chart.png.
# Takes about 45-50 minutes in full on 2 cores: loopback ~10 min, region ~11, far ~25 (over `far` the naive loop
# alone takes ~100 s per W3 run and ~70 s per W1 or W2 run, rclone ~100 s per W3 run). --quick: 3-6 minutes.
set -euo pipefail

usage() {
    sed -n '2,/^set -euo pipefail$/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
}
# a mistyped option must not start a 45-minute run with defaults
for arg in "$@"; do
    case "$arg" in
        -h | --help) usage; exit 0 ;;
        --quick | --no-maven | --http | --link=* | --runs=* | --workloads=* | --tools=* | --steps=* | --threads=* \
            | --multipartThresholdMib=*) ;;
        *) echo "bench/run.sh: unknown option '$arg'" >&2; usage >&2; exit 2 ;;
    esac
done

started=$SECONDS
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

# the whole builds (loopback regime, without --no-maven) run the installed plugin
maven_runs=true
for arg in "$@"; do
    case "$arg" in
        --no-maven) maven_runs=false ;;
        --link=*) [[ ",${arg#--link=}," == *,none,* ]] || maven_runs=false ;;
    esac
done
if $maven_runs; then
    echo "Building and installing the plugin (tests skipped), compiling the benchmark"
    "${mvn[@]}" -q -f "$root/pom.xml" install -DskipTests
else
    echo "Compiling the plugin and the benchmark"
    "${mvn[@]}" -q -f "$root/pom.xml" test-compile
fi
version="$("${mvn[@]}" -q -f "$root/pom.xml" help:evaluate -Dexpression=project.version -DforceStdout)"
mkdir -p "$out"
"${mvn[@]}" -q -f "$root/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt"

java -Xmx2g -cp "$root/target/test-classes:$root/target/classes:$(cat "$out/classpath.txt")" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    dev.dlitools.dli.bench.Benchmark --root="$root" --version="$version" "$@"

/usr/bin/python3 "$root/bench/chart.py" "$out/results.json" "$out/chart.png"
echo "Results: $out/results.md, $out/results.json, $out/chart.png"
echo "Took $(((SECONDS - started) / 60)) min $(((SECONDS - started) % 60)) s"
