#!/usr/bin/env bash
# Publishes the example Spark job (src/it/spark-job) to local stand-ins for OBS and DLI, lists the group, then
# publishes it again to show that an unchanged build uploads nothing; last, publishes src/it/spark-job-run without a
# group and runs it as a Spark job with dli:submit. Needs Java 17+ and network access to
# Maven Central; no cloud account.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/target/demo"
mvn=("$root/mvnw" -B -ntp)

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Building and installing the plugin (tests skipped; run them with ./mvnw -B verify)"
"${mvn[@]}" -q -f "$root/pom.xml" install -DskipTests
version="$("${mvn[@]}" -q -f "$root/pom.xml" help:evaluate -Dexpression=project.version -DforceStdout)"

rm -rf "$work"
mkdir -p "$work"
"${mvn[@]}" -q -f "$root/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt"

step "Starting S3Proxy (OBS) and the DLI emulator on 127.0.0.1"
java -cp "$root/target/test-classes:$root/target/classes:$(cat "$work/classpath.txt")" \
    dev.dlitools.dli.testsupport.LocalStandIns "$work/credentials.env" >"$work/stand-ins.out" 2>"$work/stand-ins.log" &
stand_ins=$!
trap 'kill "$stand_ins" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    [[ -s "$work/stand-ins.out" ]] && break
    kill -0 "$stand_ins" 2>/dev/null || { cat "$work/stand-ins.log" >&2; exit 1; }
    sleep 0.2
done
read -r -a stand_in_args <"$work/stand-ins.out"
printf '%s\n' "${stand_in_args[@]}"
set -a
# shellcheck disable=SC1091 # written by LocalStandIns: the random AK/SK both stand-ins accept
. "$work/credentials.env"
set +a

# The example projects as the integration tests use them, pointing at the plugin just installed.
for example in spark-job spark-job-run; do
    cp -r "$root/src/it/$example" "$work/$example"
    sed -i "s/@project.version@/$version/" "$work/$example/pom.xml"
done
project=(-f "$work/spark-job/pom.xml" "${stand_in_args[@]}" -Ddli.pollInterval=1)

step "mvn deploy: upload the jar and its dependencies, register the group, wait until READY"
"${mvn[@]}" "${project[@]}" deploy -Dmaven.install.skip=true -Dmaven.deploy.skip=true

step "mvn dli:list"
"${mvn[@]}" "${project[@]}" dli:list

step "mvn deploy again: nothing changed, so nothing is uploaded"
"${mvn[@]}" "${project[@]}" deploy -Dmaven.install.skip=true -Dmaven.deploy.skip=true

step "mvn deploy of spark-job-run: upload without a group (as for Spark 3.3.1+), then run it with dli:submit"
"${mvn[@]}" -f "$work/spark-job-run/pom.xml" "${stand_in_args[@]}" -Ddli.pollInterval=1 \
    deploy -Dmaven.install.skip=true -Dmaven.deploy.skip=true

step "Done. The results: $work/spark-job/target/dli-package-group.json and $work/spark-job-run/target/dli-spark-job.json"
