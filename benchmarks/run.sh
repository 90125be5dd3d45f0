#!/usr/bin/env bash
# Builds the agent and this module, then runs the whole benchmark suite: per-call cost (JMH),
# bytes written, percentile accuracy and start-up (benchmarks/startup.sh). Tables are printed and
# written to benchmarks/target/results/ (results.md holds them all). About 20 minutes on 2 cores,
# 12 of them start-up.
#
#   benchmarks/run.sh                    # everything
#   VOLUME_SECONDS=10 benchmarks/run.sh  # a shorter traffic run
#   (STARTUP_RUNS, JAVA25: see benchmarks/startup.sh --help)
set -euo pipefail

case "${1:-}" in
  -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  "") ;;
  *) echo "benchmarks/run.sh takes no arguments (settings are environment variables; see --help)" >&2; exit 2 ;;
esac

root="$(cd "$(dirname "$0")/.." && pwd)"
volume_seconds="${VOLUME_SECONDS:-60}"

cd "$root"
mvn -B -q clean package -DskipTests

# CostBenchmark finds the agent jar relative to this directory
cd "$root/benchmarks"
out=target/results
mkdir -p "$out"
agent=../agent/target/emf-agent.jar
# the agent jar stays off the class path of every JVM that gets it through -javaagent
cp="target/classes:target/lib/*"
# the runtime's classes and the EMF reader, for the tools that read what the agent wrote
tools_cp="../tools/target/emf-tools.jar:../runtime/target/emf-runtime.jar"

{
  echo "## Machine"
  echo
  echo "- nproc: $(nproc)"
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "- Java: $(java -version 2>&1 | head -1)"
  echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
} > "$out/machine.md"
cat "$out/machine.md"

java -cp "$cp" io.emfagent.benchmarks.cost.CostMain "$out"

rm -f "$out"/emf-agent-*.log
for rate in 100 10000; do
  java "-javaagent:$agent=namespace=EmfAgentBench,service=checkout-service,environment=bench,sink=file:$out/emf-agent-$rate.log,flushInterval=60s" \
    -cp "$cp" io.emfagent.benchmarks.volume.VolumeDriver "$rate" "$volume_seconds" "$out"
done
java -cp "$cp:$tools_cp" io.emfagent.benchmarks.volume.VolumeReport "$out" 100 10000

java -cp "$cp:$tools_cp" io.emfagent.benchmarks.accuracy.AccuracyMain "$out" 200000

"$root/benchmarks/startup.sh" --skip-build

cat "$out/machine.md" "$out/cost.md" "$out/volume.md" "$out/accuracy.md" "$out/startup.md" > "$out/results.md"
echo "All tables: benchmarks/$out/results.md"
