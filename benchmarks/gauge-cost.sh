#!/usr/bin/env bash
# What sampling gauges every second costs: IdleCpu run four ways at once (no agent, the agent without
# gauges, the agent with gauges-50.properties and with gauges-platform.properties), each measured for
# SECONDS (default 60) after WARM_UP (default 15) seconds. Prints the CPU time of each process and of
# the agent's sampling thread. Build first: mvn -B -q package -DskipTests (from the repository root).
set -euo pipefail
cd "$(dirname "$0")"
seconds="${SECONDS_MEASURED:-60}"
warm_up="${WARM_UP:-15}"
agent=../agent/target/emf-agent.jar
out=target/results
mkdir -p "$out"
run() {
  local label="$1"; shift
  echo "$label: $(java "$@" -cp target/classes io.emfagent.benchmarks.gauges.IdleCpu "$seconds" "$warm_up" 2>/dev/null)"
}
{
  run "no agent" &
  run "agent, no gauges" "-javaagent:$agent=sink=file:$out/gauges-none.log" &
  run "agent, gauges-50 (5 gauges x 10)" "-javaagent:$agent=configFile=gauges-50.properties,sink=file:$out/gauges-50.log" &
  run "agent, gauges-platform (50 different)" "-javaagent:$agent=configFile=gauges-platform.properties,sink=file:$out/gauges-platform.log" &
  wait
} | tee "$out/gauge-cost.txt"
