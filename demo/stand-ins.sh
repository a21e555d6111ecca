#!/usr/bin/env bash
# Starts local stand-ins for OBS (S3Proxy) and DLI with IAM (the emulator) on 127.0.0.1 for a project of your own,
# prints the Maven arguments that point the plugin at them, and stays up until Ctrl-C. Installs the plugin first
# (tests skipped), so your project can use this build of it. Needs Java 17+ and network access to Maven Central.
#
#   demo/stand-ins.sh [--bucket NAME] [--ready-delay SECONDS] [--ports OBS DLI]
#
#   --bucket       the bucket to create (default etl-jars); use the one your pom names
#   --ready-delay  seconds DLI takes to load the packages of a group (default 0.3)
#   --ports        fixed ports instead of free ones, so the arguments stay the same from one start to the next
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/target/stand-ins"
mvn=("$root/mvnw" -B -ntp -q -f "$root/pom.xml")

echo "Building and installing the plugin (tests skipped) ..." >&2
"${mvn[@]}" install -DskipTests
mkdir -p "$work"
"${mvn[@]}" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt"

exec java -cp "$root/target/test-classes:$root/target/classes:$(cat "$work/classpath.txt")" \
    dev.dlitools.dli.testsupport.LocalStandIns "$work/credentials.env" "$@"
