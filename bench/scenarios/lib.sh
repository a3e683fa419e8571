# What the fault scenarios (bench/scenarios/*) share: options, a fresh broker, a standalone MTurk
# simulator, service instances, sending tasks, the peak-RSS sampler, and the "same outcome" check
# with its figures. Source it after setting ROOT (the repository root) and SCENARIO (the name).
#
# Same outcome: every task sent has exactly one terminal view (completed or failed) on the results
# topic, read with read_committed and counted by key; no task has more than one HIT (the
# simulator's records); no HIT of a finished task is left Assignable once the service's cleanup
# interval has passed. Traffic stays on 127.0.0.1; every wait is bounded.
# shellcheck source=../../bin/lib/stack.sh
source "$ROOT/bin/lib/stack.sh"

# Defaults every scenario accepts (common_option); a scenario may change them before parsing.
TASKS=1000 BUILD=1 TIME_SCALE=120 RATE_LIMIT=200 TIMEOUT=900 CLEANUP_INTERVAL=10
COMMON_USAGE="[--tasks N] [--time-scale X] [--rate-limit R] [--timeout S] [--no-build]"

# common_option "$@": takes one common option and its value, setting SHIFT; exits 2 on others.
common_option() {
  SHIFT=2
  case "$1" in
    --tasks) TASKS="$2" ;;
    --time-scale) TIME_SCALE="$2" ;;
    --rate-limit) RATE_LIMIT="$2" ;;
    --timeout) TIMEOUT="$2" ;;
    --no-build) BUILD=0 SHIFT=1 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "usage: $0 $USAGE (see --help)" >&2; exit 2 ;;
  esac
  [[ $SHIFT == 1 || $# -ge 2 ]] || { echo "$SCENARIO: $1 needs a value" >&2; exit 2; }
}

say() { echo "$SCENARIO: $*" >&2; }

# scenario_setup: checks tools, makes the run dir, picks ports, builds the jar, traps exit.
scenario_setup() {
  local tool
  for tool in kcat python3 curl; do
    command -v "$tool" >/dev/null || { say "$tool is needed (apt-get install -y $tool)"; exit 2; }
  done
  RUN="$ROOT/.local/$SCENARIO-$(date +%Y%m%d-%H%M%S)-$$"
  mkdir -p "$RUN"
  KAFKA_PORT=$(free_port_pair)
  SIM_PORT=$(free_port_pair)
  BROKER_PID="" SIM_PID="" SAMPLER_PIDS=()
  declare -gA SVC_PID=() SVC_PORT=()
  trap scenario_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  if [[ $BUILD == 1 ]]; then build_service_if_stale; fi
  JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
  [[ -f "$JAR" ]] || { say "no $JAR: build it (mvn package -DskipTests) or drop --no-build"; exit 2; }
  START=$SECONDS
  say "run dir $RUN; broker 127.0.0.1:$KAFKA_PORT, simulator 127.0.0.1:$SIM_PORT"
}

scenario_cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_stack
  # Keep the logs; the data of a passed run is of no further use.
  if [[ $rc == 0 ]]; then rm -rf "$RUN/kafka" "$RUN"/streams-*; fi
  exit "$rc"
}

# stop_stack: stops the samplers, the services (SIGTERM, SIGKILL after 30 s), the simulator and
# the broker, in that order.
stop_stack() {
  local name pid
  for pid in "${SAMPLER_PIDS[@]}"; do stop_pid "$pid" "sampler" 5; done
  for name in "${!SVC_PID[@]}"; do stop_pid "${SVC_PID[$name]}" "service $name" 30; done
  stop_pid "$SIM_PID" "simulator"
  stop_pid "$BROKER_PID" "broker"
  SAMPLER_PIDS=() SIM_PID="" BROKER_PID=""
  SVC_PID=()
}

start_broker() {
  "$ROOT/bin/kafka-broker" --port "$KAFKA_PORT" --dir "$RUN/kafka" >> "$RUN/kafka.log" 2>&1 &
  BROKER_PID=$!
  wait_for_port "$KAFKA_PORT" "$BROKER_PID" 120 "$RUN/kafka.log"
}

# start_simulator [--flag value ...]: the standalone simulator at TIME_SCALE, extra flags after.
start_simulator() {
  java -cp "$ROOT/target/quarkus-app/lib/main/*:$ROOT/target/quarkus-app/app/*" \
    io.imagecontains.workforce.SimulatorMain --port "$SIM_PORT" --time-scale "$TIME_SCALE" "$@" \
    > "$RUN/simulator.log" 2>&1 &
  SIM_PID=$!
  wait_for_port "$SIM_PORT" "$SIM_PID" 120 "$RUN/simulator.log"
}

# start_service NAME [-Dkey=value ...]: one instance, on its own HTTP port (kept across restarts
# of NAME), state dir and application server; returns once /q/health/ready says UP. The HIT
# lifetime is a week of simulated time (84 real minutes at 120x), so that a slow run on a busy
# machine still measures loss and duplicates rather than tasks that expired waiting.
start_service() {
  local name="$1"
  shift
  [[ -n "${SVC_PORT[$name]:-}" ]] || SVC_PORT[$name]=$(free_port_pair)
  local port="${SVC_PORT[$name]}"
  # Placeholder keys: the simulator checks that calls are signed, not by whom.
  AWS_ACCESS_KEY_ID=simulator AWS_SECRET_ACCESS_KEY=simulator \
    java "-Dkafka.bootstrap.servers=127.0.0.1:$KAFKA_PORT" "-Dquarkus.http.port=$port" \
    "-Dquarkus.kafka-streams.application-server=127.0.0.1:$port" \
    "-Dkafka-streams.state.dir=$RUN/streams-$name" \
    "-Dmturk.endpoint=http://127.0.0.1:$SIM_PORT" "-Dmturk.rate-limit=$RATE_LIMIT" \
    -Dmturk.max-concurrency=32 -Dmturk.reviewable.interval=2s -Dmturk.reviewable.max-interval=4s \
    -Dmturk.reviewable.re-report=20s \
    -Dcore.poll.initial=30s -Dcore.poll.max=2m "-Dcore.cleanup-interval=${CLEANUP_INTERVAL}s" \
    -Dmturk.hit.lifetime=P7D \
    -Dquarkus.http.host=127.0.0.1 -Dauth.enabled=false \
    "$@" -jar "$JAR" >> "$RUN/service-$name.log" 2>&1 &
  SVC_PID[$name]=$!
  echo "${SVC_PID[$name]}" >> "$RUN/service.pids"
  wait_for_http "$port" /q/health/ready "${SVC_PID[$name]}" 180 && return 0
  say "service $name did not become ready; last lines of $RUN/service-$name.log:"
  tail -n 20 "$RUN/service-$name.log" >&2
  return 1
}

# kill_service NAME SIGNAL: SIGKILL or SIGTERM one instance and wait until it is gone.
kill_service() {
  local name="$1" signal="$2" pid="${SVC_PID[$1]}"
  sample_rss_once
  if [[ $signal == KILL ]]; then
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  else
    stop_pid "$pid" "service $name" 60
  fi
  unset "SVC_PID[$name]"
}

# Peak RSS of all service processes ever started: VmHWM sampled every second (and just before a
# kill), the highest kept in $RUN/peak-rss-kb.
sample_rss_once() {
  local pid hwm peak
  peak=$(cat "$RUN/peak-rss-kb" 2>/dev/null || echo 0)
  while read -r pid; do
    hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    if [[ -n "$hwm" ]] && ((hwm > peak)); then peak=$hwm; fi
  done < <(cat "$RUN/service.pids" 2>/dev/null)
  echo "$peak" > "$RUN/peak-rss-kb"
}

start_rss_sampler() {
  (while true; do sample_rss_once; sleep 1; done) &
  SAMPLER_PIDS+=($!)
}

# send_tasks PREFIX N: N image-contains puts named PREFIX-1..N, keyed by name, through kcat.
send_tasks() {
  local prefix="$1" n="$2"
  for ((i = 1; i <= n; i++)); do
    printf '%s-%d\t{"function":"image-contains","taskName":"%s-%d","input":{"image":{"url":"https://img.example.org/%s/%d.jpg"},"target":{"label":"cat"}}}\n' \
      "$prefix" "$i" "$prefix" "$i" "$prefix" "$i"
  done | kcat -P -b "127.0.0.1:$KAFKA_PORT" -t image-contains-requests -K $'\t'
  say "$n tasks sent at $((SECONDS - START)) s"
}

# read_topic TOPIC: every committed record as "key<TAB>value", to the end of the topic.
read_topic() {
  kcat -C -b "127.0.0.1:$KAFKA_PORT" -t "$1" -X isolation.level=read_committed \
    -o beginning -e -q -f '%k\t%s\n' 2>/dev/null || true
}

# count_views PREFIX: "keys terminal" of the tasks named PREFIX-* on the results topic.
count_views() {
  read_topic image-contains-results | python3 -c '
import sys
prefix = "image-contains/" + sys.argv[1] + "-"
keys, terminal = set(), set()
for line in sys.stdin:
    key, _, value = line.rstrip("\n").partition("\t")
    if key.startswith(prefix):
        keys.add(key)
        if "\"state\":\"completed\"" in value or "\"state\":\"failed\"" in value:
            terminal.add(key)
print(len(keys), len(terminal))' "$1"
}

# wait_for_views PREFIX N WHICH: until N tasks have a view (WHICH=any) or a terminal view
# (WHICH=terminal), or TIMEOUT seconds pass.
wait_for_views() {
  local prefix="$1" n="$2" which="$3" deadline=$((SECONDS + TIMEOUT)) keys terminal got last=0
  local what="a terminal view"
  [[ $which == any ]] && what="a view"
  while ((SECONDS < deadline)); do
    read -r keys terminal < <(count_views "$prefix")
    got=$([[ $which == any ]] && echo "$keys" || echo "$terminal")
    ((got >= n)) && return 0
    if ((SECONDS - last >= 30)); then
      say "$got of $n tasks with $what at $((SECONDS - START)) s"
      last=$SECONDS
    fi
    sleep 3
  done
  say "only $got of $n tasks have $what after ${TIMEOUT}s"
}

# hit_figures PREFIX: "hits tasks_with_more_than_one assignable_left_for_finished undisposed"
# from the simulator's records, finished tasks read from the results topic.
hit_figures() {
  local finished="$RUN/finished-keys"
  read_topic image-contains-results \
    | grep -E $'\t.*"state":"(completed|failed)"' | cut -f1 | sort -u > "$finished"
  curl -sf "127.0.0.1:$SIM_PORT/_sim/hits" > "$RUN/sim-hits.json"
  python3 - "$1" "$finished" "$RUN/sim-hits.json" <<'PY'
import collections, json, sys
prefix = "image-contains/" + sys.argv[1] + "-"
finished = set(open(sys.argv[2]).read().split())
hits = [h for h in json.load(open(sys.argv[3])) if (h["taskKey"] or "").startswith(prefix)]
per_task = collections.Counter(h["taskKey"] for h in hits)
print(len(hits), sum(1 for n in per_task.values() if n > 1),
      sum(1 for h in hits if h["status"] == "Assignable" and h["taskKey"] in finished),
      sum(1 for h in hits if h["status"] != "Disposed"))
PY
}

# wait_for_cleanup PREFIX: until no finished task's HIT is assignable, for at most three
# cleanup intervals plus a minute; sets HITS DUPLICATE_HITS ASSIGNABLE_LEFT UNDISPOSED.
wait_for_cleanup() {
  local deadline=$((SECONDS + 3 * CLEANUP_INTERVAL + 60))
  while true; do
    read -r HITS DUPLICATE_HITS ASSIGNABLE_LEFT UNDISPOSED < <(hit_figures "$1")
    ((ASSIGNABLE_LEFT == 0 || SECONDS >= deadline)) && return 0
    sleep 5
  done
}

# view_multiplicity PREFIX: "terminal tasks_with_one tasks_with_more max" and failures by code.
view_multiplicity() {
  read_topic image-contains-results | python3 -c '
import collections, re, sys
prefix = "image-contains/" + sys.argv[1] + "-"
views, codes = collections.Counter(), collections.Counter()
for line in sys.stdin:
    key, _, value = line.rstrip("\n").partition("\t")
    if key.startswith(prefix) and re.search(r"\"state\":\"(completed|failed)\"", value):
        views[key] += 1
        m = re.search(r"\"code\":\"(\w+)\"", value)
        if m: codes[m.group(1)] += 1
n = views.values()
print(len(views), sum(1 for v in n if v == 1), sum(1 for v in n if v > 1), max(n, default=0),
      ",".join(f"{c}={k}" for c, k in sorted(codes.items())) or "none")' "$1"
}

# scenario_outcome PREFIX: waits for every task and for cleanup, prints the figures (also to
# $RUN/figures.txt) and returns 0 only when the same outcome holds.
scenario_outcome() {
  local prefix="$1" terminal one more max codes refusals peak held
  wait_for_views "$prefix" "$TASKS" terminal
  local wall=$((SECONDS - START))
  wait_for_cleanup "$prefix"
  read -r terminal one more max codes < <(view_multiplicity "$prefix")
  refusals=$(read_topic image-contains-rejections | grep -c . || true)
  sample_rss_once
  peak=$(($(cat "$RUN/peak-rss-kb") / 1024))
  held=yes
  if ((terminal != TASKS || more != 0 || DUPLICATE_HITS != 0 || ASSIGNABLE_LEFT != 0)); then
    held=NO
  fi
  {
    echo "== $SCENARIO: the same outcome held: $held"
    echo "   tasks $TASKS, lost $((TASKS - terminal)), wall $wall s (to the last terminal view)"
    echo "   terminal views: $one tasks with exactly one, $more with more (max $max per task)"
    echo "   HITs $HITS, tasks with >1 HIT (duplicates) $DUPLICATE_HITS," \
      "assignable HITs left for finished tasks $ASSIGNABLE_LEFT (not yet deleted: $UNDISPOSED)"
    echo "   refusals $refusals, failed tasks by code: $codes"
    echo "   peak RSS of the service (highest instance) $peak MB; logs in $RUN"
  } | tee -a "$RUN/figures.txt"
  [[ $held == yes ]]
}

# verdict OK: prints the scenario's PASS (OK = 1) or FAIL as its last line, and returns it.
verdict() {
  echo "== $SCENARIO: $([[ $1 == 1 ]] && echo PASS || echo FAIL)" | tee -a "$RUN/figures.txt"
  [[ $1 == 1 ]]
}

# start_http_sampler NAME INTERVAL TIMEOUT: samples the URLs in $RUN/NAME.targets (one per line,
# "{i}" a random task number; edit the file to change them) into $RUN/NAME.samples until the run
# ends; a request without an answer in TIMEOUT seconds is recorded as status 0.
start_http_sampler() {
  touch "$RUN/$1.targets"
  python3 "$ROOT/bench/scenarios/sample_http.py" "$RUN/$1.targets" "$RUN/$1.samples" "$2" \
    "$TASKS" "$3" &
  SAMPLER_PIDS+=($!)
}

# samples_taken NAME: true when the sampler NAME recorded anything (it fails loudly otherwise).
samples_taken() {
  [[ -s "$RUN/$1.samples" ]] && return 0
  say "the $1 sampler recorded nothing: the check cannot be made"
  return 1
}

now() { date +%s.%N; }
