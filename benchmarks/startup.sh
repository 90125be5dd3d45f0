#!/usr/bin/env bash
# Start-up to the first completed call, side by side: three apps (the small StartupApp, a generated
# app of 3,031 classes with 300 annotated methods, and 20,000 annotated methods in 200 classes) with no
# agent, a no-op agent, emf-agent and the OpenTelemetry Java agent, on Java 17 and Java 25, each with
# and without a dynamic CDS archive, and with Java 25's AOT cache, the archives trained with the
# variant's agent attached. One table: benchmarks/target/results/startup.md. About 9 minutes on
# 2 cores, most of it OpenTelemetry's runs and emf-agent's with 20,000 methods (the first run also
# generates and compiles the apps, into benchmarks/target/startup-apps).
#
#   benchmarks/startup.sh                  # build what it needs, then run
#   benchmarks/startup.sh --skip-build     # run with the jars built already (benchmarks/run.sh does)
#   STARTUP_RUNS=5 benchmarks/startup.sh   # measured runs per variant (default 2; each adds 2-4 minutes)
#   JAVA17=/path/to/java benchmarks/startup.sh  # Java 17's java (default: java on the PATH)
#   JAVA25=/path/to/java benchmarks/startup.sh  # Java 25's java (default: the Temurin 25 in /usr/lib/jvm);
#                                          # without one, the Java 25 rows are left out
#   OTEL_AGENT_VERSION=2.33.1              # the OpenTelemetry Java agent, fetched by mvn dependency:copy
#   MAVEN_FLAGS=-o benchmarks/startup.sh   # flags for mvn, e.g. offline
set -euo pipefail

build=1
case "${1:-}" in
  -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  --skip-build) build=0 ;;
  "") ;;
  *) echo "benchmarks/startup.sh takes --skip-build or nothing (settings are environment variables; see --help)" >&2; exit 2 ;;
esac

root="$(cd "$(dirname "$0")/.." && pwd)"
otel_version="${OTEL_AGENT_VERSION:-2.33.1}"
# shellcheck disable=SC2086
mvn_flags=(-B -q ${MAVEN_FLAGS:-})

cd "$root"
if [ "$build" = 1 ]; then
  # the agent jar, and this module's classes with the annotations jar in target/lib
  mvn "${mvn_flags[@]}" package -DskipTests -pl agent,benchmarks -am
fi

cd "$root/benchmarks"
otel_jar="target/otel/opentelemetry-javaagent-$otel_version.jar"
if [ ! -f "$otel_jar" ]; then
  mvn "${mvn_flags[@]}" dependency:copy -Dartifact="io.opentelemetry.javaagent:opentelemetry-javaagent:$otel_version" \
    -DoutputDirectory=target/otel
fi

java17="${JAVA17:-$(command -v java)}"
java25="${JAVA25:-}"
if [ -z "$java25" ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/java-25-openjdk-amd64/bin/java; do
    if [ -x "$candidate" ]; then java25="$candidate"; break; fi
  done
fi
java25_arg=()
if [ -n "$java25" ]; then
  java25_arg=("java25=$java25")
else
  echo "no Java 25 found (set JAVA25): the Java 25 rows are left out" >&2
fi

"$java17" -cp "target/classes:target/lib/*" io.emfagent.benchmarks.startup.StartupMain \
  out=target/results work=target/startup-apps \
  emfAgent=../agent/target/emf-agent.jar otelAgent="$otel_jar" \
  annotations="$(ls target/lib/emf-annotations-*.jar)" \
  java17="$java17" "${java25_arg[@]}" runs="${STARTUP_RUNS:-2}"
