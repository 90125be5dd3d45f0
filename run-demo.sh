#!/usr/bin/env bash
# The emf-agent demo: builds the agent and the sample ticketing service, runs the service with
# -javaagent through a story (steady, an incident, recovery), stops it with SIGTERM, then shows the
# client's tally, what CloudWatch would extract from the EMF lines, and checks that the two agree exactly.
#
#   ./run-demo.sh [--quick | --long | --requests N] [--concurrency C] [--no-build]
#   (default: a 30 s story, 16 clients; --quick 12 s, --long 90 s; --requests N sends N requests
#   as fast as possible instead; --no-build reuses the jars already built)
#   MAVEN_ARGS: extra Maven options for the build, e.g. MAVEN_ARGS='-s my-settings.xml -Dmaven.repo.local=/tmp/m2'
#   example: MAVEN_ARGS=-o ./run-demo.sh --quick
set -euo pipefail
cd "$(dirname "$0")"

REQUESTS=
STORY=30s
CONCURRENCY=16
BUILD=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) REQUESTS="${2:?--requests needs a number}"; STORY=; shift 2 ;;
    --quick) STORY=12s; REQUESTS=; shift ;;
    --long) STORY=90s; REQUESTS=; shift ;;
    --concurrency) CONCURRENCY="${2:?--concurrency needs a number}"; shift 2 ;;
    --no-build) BUILD=no; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (use --quick, --long, --requests N, --concurrency C, --no-build)" >&2; exit 2 ;;
  esac
done

OUT=target/demo
EMF="$OUT/emf.log"
TALLY="$OUT/tally.json"
APP_JAR=sample-ticketing-app/target/sample-ticketing-app.jar
AGENT_JAR=agent/target/emf-agent.jar
# the EMF reader that MetricsCheck compares with, and the rules it shares with the agent
TOOLS_CP=tools/target/emf-tools.jar:runtime/target/emf-runtime.jar
# enough seats that every booking in the mix finds a free one (each paid booking keeps 1-2 seats):
# 500 seats per event and one event per 400 requests, at least 10
# a story sends about 1.7 requests per journey at 150 journeys a second
SEATS_PER_EVENT=500
PLANNED=${REQUESTS:-$(( ${STORY%s} * 150 * 2 ))}
EVENTS=$(( PLANNED / 400 < 10 ? 10 : PLANNED / 400 ))
EVENTS=$(( EVENTS > 1000 ? 1000 : EVENTS ))

if [ "$BUILD" = yes ]; then
  # Maven 3.9 reads MAVEN_ARGS itself; older ones get it here (word splitting intended)
  MVN_EXTRA=
  if ! mvn -version 2>/dev/null | grep -qE 'Apache Maven (3\.(9|[1-9][0-9])|[4-9])'; then MVN_EXTRA=${MAVEN_ARGS:-}; fi
  echo "==> building (mvn -B -q package -DskipTests ${MAVEN_ARGS:-})"
  # shellcheck disable=SC2086
  mvn -B -q $MVN_EXTRA package -DskipTests
fi
for jar in "$APP_JAR" "$AGENT_JAR"; do
  [ -f "$jar" ] || { echo "$jar is missing: run without --no-build" >&2; exit 1; }
done

mkdir -p "$OUT"
rm -f "$EMF" "$TALLY"

echo "==> starting ticketing-service with $AGENT_JAR (EMF every second to $EMF)"
java -javaagent:"$AGENT_JAR"=namespace=TicketingSystem/Booking,service=ticketing-service,environment=demo,flushInterval=1s,sink=file:"$EMF",configFile=sample-ticketing-app/emf-agent.properties \
  -jar "$APP_JAR" --port 0 --events "$EVENTS" --seats-per-event "$SEATS_PER_EVENT" --payment-latency 5ms --decline-rate 0.05 \
  > "$OUT/service.out" 2> "$OUT/service.err" &
SERVICE_PID=$!
trap 'kill -9 "$SERVICE_PID" 2>/dev/null || true' EXIT

PORT=
for _ in $(seq 1 300); do
  PORT=$(sed -n 's/^ticketing-service listening on port \([0-9]*\)$/\1/p' "$OUT/service.out")
  [ -n "$PORT" ] && break
  if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
    echo "the service exited before it was ready:" >&2; cat "$OUT/service.err" >&2; exit 1
  fi
  sleep 0.1
done
[ -n "$PORT" ] || { echo "the service was not ready within 30 s" >&2; cat "$OUT/service.err" >&2; exit 1; }
echo "    listening on port $PORT"

if [ -n "$STORY" ]; then
  LOAD=(--story "$STORY")
  echo "==> load: a $STORY story from $CONCURRENCY clients, ~150 user journeys a second (contention, declines, poison messages, bad requests, ...)"
else
  LOAD=(--requests "$REQUESTS")
  echo "==> load: $REQUESTS requests from $CONCURRENCY clients (contention, declines, poison messages, bad requests, ...)"
fi
java -cp "$APP_JAR" io.emfagent.sample.loadtest.LoadGenerator --url "http://127.0.0.1:$PORT" \
  "${LOAD[@]}" --concurrency "$CONCURRENCY" --tally "$TALLY" | tee "$OUT/loadgen.out" | grep '^loadgen:' | sed 's/^/    /'


echo "==> stopping the service with SIGTERM (it finishes in-flight work, the agent writes the last interval)"
kill -TERM "$SERVICE_PID"
for _ in $(seq 1 300); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$SERVICE_PID" 2>/dev/null; then
  echo "the service did not stop within 30 s" >&2; exit 1
fi
wait "$SERVICE_PID" || true
trap - EXIT
grep '^ticketing-service' "$OUT/service.err" | sed 's/^/    /'

echo
grep -v "^loadgen:" "$OUT/loadgen.out"
echo
echo "EMF lines: $EMF ($(wc -l < "$EMF") documents; service output in $OUT/service.out and $OUT/service.err)"
echo
echo "Two of them, and what CloudWatch extracts from each:"
echo
java -cp "$APP_JAR" io.emfagent.sample.loadtest.EmfTour "$EMF"
CHECK=0
java -cp "$APP_JAR:$TOOLS_CP" io.emfagent.sample.loadtest.MetricsCheck \
  --tally "$TALLY" --emf "$EMF" --service ticketing-service --environment demo || CHECK=$?

# what a team would look at next: the charts of this run, and the CloudWatch dashboard as code
echo
java -jar "$AGENT_JAR" report "$EMF" --period 1s --html "$OUT/report.html" > "$OUT/report.txt" \
  && echo "Charts of this run (open in a browser): $OUT/report.html (tables: $OUT/report.txt)"
java -jar "$AGENT_JAR" dashboard --classes sample-ticketing-app/target/classes --namespace TicketingSystem/Booking \
  --service ticketing-service --environment demo --output "$OUT/dashboard.json" > /dev/null \
  && echo "CloudWatch dashboard body: $OUT/dashboard.json (aws cloudwatch put-dashboard --dashboard-body file://$OUT/dashboard.json)"
exit "$CHECK"
