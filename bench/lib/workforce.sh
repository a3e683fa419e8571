# Helpers shared by bench/run-quality and bench/run-calls: a fresh broker, a standalone MTurk
# simulator and the packaged service, all on 127.0.0.1; tasks in, views and the simulator's
# records out. Source it after setting ROOT and RUN (the run directory) and `source bin/lib/stack.sh`.
#
# Ports come from BENCH_PORT_MIN..BENCH_PORT_MAX (default 30100-31999) so runs on a shared machine
# keep to one range: below Linux's ephemeral ports (32768-60999), which outgoing connections take —
# a listener there can find its port taken between the check and the bind (it happened twice in a
# run-quality of four cases) — and apart from the fault scenarios' 20000-29999. Every start is
# bounded; wf_stop_all stops what wf_start_* started.

BENCH_PORT_MIN="${BENCH_PORT_MIN:-30100}"
BENCH_PORT_MAX="${BENCH_PORT_MAX:-31999}"
WF_BROKER_PID="" WF_SIM_PID="" WF_SVC_PID="" WF_APP=""
WF_KAFKA_PORT="" WF_SIM_PORT="" WF_HTTP_PORT=""

# Prints a port in the bench range on which nothing listens, nor on the next one.
wf_port_pair() {
  free_port_pair "$BENCH_PORT_MIN" "$BENCH_PORT_MAX"
}

# wf_copy_app DIR: runs the service and the simulator from a copy of target/quarkus-app in DIR, so
# a build in this checkout during the run (mvn package rewrites the jars) cannot break them.
wf_copy_app() {
  WF_APP="$1/quarkus-app"
  cp -r "$ROOT/target/quarkus-app" "$WF_APP"
}

# wf_start_broker DIR: a fresh single-node broker with its data in DIR/kafka.
wf_start_broker() {
  local dir="$1"
  WF_KAFKA_PORT="$(wf_port_pair)"
  "$ROOT/bin/kafka-broker" --port "$WF_KAFKA_PORT" --controller-port $((WF_KAFKA_PORT + 1)) \
    --dir "$dir/kafka" > "$dir/kafka.log" 2>&1 &
  WF_BROKER_PID=$!
  wait_for_port "$WF_KAFKA_PORT" "$WF_BROKER_PID" 60 "$dir/kafka.log"
}

# wf_start_simulator DIR FLAG...: the standalone simulator from the service's jar, with FLAGs.
wf_start_simulator() {
  local dir="$1"
  shift
  WF_SIM_PORT="$(wf_port_pair)"
  java -Xmx1g -cp "$WF_APP/lib/main/*:$WF_APP/app/*" \
    io.imagecontains.workforce.SimulatorMain --port "$WF_SIM_PORT" "$@" \
    > "$dir/simulator.log" 2>&1 &
  WF_SIM_PID=$!
  wait_for_port "$WF_SIM_PORT" "$WF_SIM_PID" 60 "$dir/simulator.log"
}

# wf_start_service DIR -Dkey=value...: the packaged service against the broker and the simulator;
# returns once it is ready (bounded: 180 s).
wf_start_service() {
  local dir="$1"
  shift
  WF_HTTP_PORT="$(wf_port_pair)"
  # Placeholder keys: the simulator checks that calls are signed, not by whom.
  AWS_ACCESS_KEY_ID=simulator AWS_SECRET_ACCESS_KEY=simulator \
    java -Xmx1g "-Dkafka.bootstrap.servers=127.0.0.1:$WF_KAFKA_PORT" \
    "-Dquarkus.http.port=$WF_HTTP_PORT" "-Dmturk.endpoint=http://127.0.0.1:$WF_SIM_PORT" \
    "-Dkafka-streams.state.dir=$dir/kafka-streams" -Dquarkus.http.host=127.0.0.1 -Dauth.enabled=false \
    "$@" \
    -jar "$WF_APP/quarkus-run.jar" > "$dir/service.log" 2>&1 &
  WF_SVC_PID=$!
  wait_for_http "$WF_HTTP_PORT" /q/health/ready "$WF_SVC_PID" 180 && return 0
  echo "error: the service did not become ready; last lines of $dir/service.log:" >&2
  tail -n 20 "$dir/service.log" >&2
  return 1
}

wf_stop_all() {
  stop_pid "$WF_SVC_PID" "service" 30
  stop_pid "$WF_SIM_PID" "simulator"
  stop_pid "$WF_BROKER_PID" "broker"
  WF_SVC_PID="" WF_SIM_PID="" WF_BROKER_PID=""
}

# wf_cleanup: stops everything and deletes the copy of the service and the broker's and Kafka
# Streams' data under $RUN (the logs and records stay).
wf_cleanup() {
  wf_stop_all
  [[ -n "$WF_APP" ]] && rm -rf "$WF_APP"
  [[ -n "${RUN:-}" ]] && rm -rf "$RUN/kafka" "$RUN/kafka-streams"
  return 0
}

# wf_send PREFIX COUNT [RATE]: COUNT image-contains tasks PREFIX-1 … with distinct image URLs, all
# at once or RATE per second (open loop), to the requests topic.
wf_send() {
  python3 "$ROOT/bench/lib/feed.py" --prefix "$1" --count "$2" ${3:+--rate "$3"} \
    | kcat -P -b "127.0.0.1:$WF_KAFKA_PORT" -t image-contains-requests -K $'\t'
}

# wf_results FILE: every view on the results topic (read_committed) as `timestamp<TAB>json` lines.
wf_results() {
  kcat -C -b "127.0.0.1:$WF_KAFKA_PORT" -t image-contains-results -X isolation.level=read_committed \
    -o beginning -e -q -f '%T\t%s\n' > "$1" 2> /dev/null || true
}

# wf_terminal_count FILE PREFIX: tasks PREFIX-… with a completed or failed view in FILE.
wf_terminal_count() {
  grep -F "\"taskName\":\"$2-" "$1" | grep -E '"state":"(completed|failed)"' \
    | grep -oE '"taskName":"[^"]+"' | sort -u | wc -l
}

# wf_wait_terminal DIR PREFIX COUNT SECONDS: waits (bounded) until COUNT tasks have a terminal
# view; prints progress every 30 s; returns 1 if time ran out.
wf_wait_terminal() {
  local dir="$1" prefix="$2" count="$3" seconds="$4" start=$SECONDS done_tasks=0 last=0
  while ((SECONDS - start < seconds)); do
    wf_results "$dir/results.tsv"
    done_tasks=$(wf_terminal_count "$dir/results.tsv" "$prefix")
    ((done_tasks >= count)) && return 0
    if ((SECONDS - last >= 30)); then
      echo "    $done_tasks of $count tasks finished after $((SECONDS - start)) s (load $(cut -d' ' -f1 /proc/loadavg))" >&2
      last=$SECONDS
    fi
    kill -0 "$WF_SVC_PID" 2> /dev/null || { echo "error: the service exited" >&2; return 1; }
    sleep 5
  done
  echo "error: only $done_tasks of $count tasks finished within $seconds s" >&2
  return 1
}

# wf_snapshot DIR: the simulator's records (HITs, crowd, call counts) and the service's metrics.
wf_snapshot() {
  local dir="$1" what
  for what in hits workers stats; do
    curl -sf "127.0.0.1:$WF_SIM_PORT/_sim/$what" > "$dir/sim-$what.json"
  done
  curl -sf "127.0.0.1:$WF_HTTP_PORT/q/metrics" > "$dir/service-metrics.txt" || true
}
