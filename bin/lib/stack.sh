# Helpers shared by bin/run-local and bench/run-throughput: build the service, start and stop
# child processes, wait for ports. Source it after setting ROOT to the repository root.

# Builds target/quarkus-app/quarkus-run.jar when it is missing or older than pom.xml or src/.
build_service_if_stale() {
  local jar="$ROOT/target/quarkus-app/quarkus-run.jar"
  if [[ -f "$jar" ]] && [[ -z "$(find "$ROOT/pom.xml" "$ROOT/src" -newer "$jar" -print -quit 2>/dev/null)" ]]; then
    return 0
  fi
  echo "==> building the service (mvn -B -q package -DskipTests)" >&2
  quiet_mvn -f "$ROOT/pom.xml" package -DskipTests
  [[ -f "$jar" ]] || { echo "error: the build did not produce $jar" >&2; return 1; }
}

# Runs Maven quietly; shows its output only when it fails (-q still prints colour resets).
quiet_mvn() {
  local out
  if ! out="$(mvn -B -q "$@" 2>&1)"; then
    echo "$out" >&2
    echo "error: mvn $* failed" >&2
    return 1
  fi
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# True when GET http://127.0.0.1:$1$2 answers 200 (bash only: curl may not be installed).
http_ok() {
  local status
  status="$({ exec 3<>"/dev/tcp/127.0.0.1/$1" \
    && printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$2" >&3 && head -n 1 <&3; } 2>/dev/null)" \
    || return 1
  [[ "$status" == HTTP/1.?" 200"* ]]
}

# wait_for_http PORT PATH PID SECONDS: waits until PATH answers 200; fails if PID exits first or
# the time runs out.
wait_for_http() {
  local port="$1" path="$2" pid="$3" seconds="$4" i
  for ((i = 0; i < seconds * 2; i++)); do
    http_ok "$port" "$path" && return 0
    kill -0 "$pid" 2>/dev/null || { echo "error: the process serving $port exited" >&2; return 1; }
    sleep 0.5
  done
  echo "error: http://127.0.0.1:$port$path is not OK after ${seconds}s" >&2
  return 1
}

# free_port_pair [MIN MAX]: prints a port in MIN..MAX (default 20000-29999) on which nothing
# listens, nor on the next one.
free_port_pair() {
  local min="${1:-20000}" max="${2:-29999}" port tries
  for tries in $(seq 1 200); do
    port=$((min + RANDOM % (max - min)))
    if ! port_open "$port" && ! port_open $((port + 1)); then
      echo "$port"
      return 0
    fi
  done
  echo "error: no free port pair found" >&2
  return 1
}

# wait_for_port PORT PID SECONDS LOG: waits until PORT accepts connections; fails with the tail of
# LOG if process PID exits first or the time runs out.
wait_for_port() {
  local port="$1" pid="$2" seconds="$3" log="$4" i
  for ((i = 0; i < seconds * 10; i++)); do
    if port_open "$port"; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "error: the process listening on $port exited; last lines of $log:" >&2
      tail -n 20 "$log" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "error: nothing listens on 127.0.0.1:$port after ${seconds}s; last lines of $log:" >&2
  tail -n 20 "$log" >&2
  return 1
}

# Prints a progress line on stderr. Never fails: when stderr is a pipe whose reader has gone (a
# `| tee` that Ctrl-C killed too), a failed echo must not abort the cleanup that stops children.
note() {
  echo "$*" >&2 2>/dev/null || true
}

# Makes the rest of an EXIT trap impossible to cut short: a second Ctrl-C, a SIGTERM, a hang-up
# or a broken stderr pipe would otherwise end the script before it has stopped its children.
cleanup_uninterruptible() {
  trap '' INT TERM HUP PIPE
  set +e
}

# watch_children PARENT FILE: in the background, waits for PARENT to exit, then stops the
# children listed in FILE (lines "pid name seconds", appended by add_child as they start) in
# reverse order, each with stop_pid, and removes FILE. The stack's last line of defence: if the
# script is killed with SIGKILL its EXIT trap never runs, and without this the broker and the
# service would live on. Reverse order, as in a normal stop: the service commits and leaves its
# groups while the broker is still up (with the broker gone first it hangs in shutdown).
watch_children() {
  local parent="$1" file="$2"
  : > "$file"
  (
    trap '' INT HUP
    while kill -0 "$parent" 2>/dev/null; do sleep 1; done
    tac "$file" 2>/dev/null | while read -r pid name seconds; do
      stop_pid "$pid" "$name" "$seconds"
    done
    rm -f "$file"
  ) </dev/null >/dev/null 2>&1 &
}

# add_child FILE PID NAME [SECONDS]: lets the watch_children watchdog of FILE stop PID.
add_child() {
  echo "$2 $3 ${4:-20}" >> "$1"
}

# stop_pid PID NAME [SECONDS]: SIGTERM, then SIGKILL after SECONDS (default 20); quiet if gone.
stop_pid() {
  local pid="$1" name="$2" seconds="${3:-20}" i
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  note "==> stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < seconds * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  note "==> $name did not stop in ${seconds}s: killing it"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# Stops the process whose pid is in FILE if it is still the JVM running MARKER (pids get reused).
stop_pid_file() {
  local file="$1" marker="$2" name="$3" pid
  [[ -f "$file" ]] || return 0
  pid="$(cat "$file")"
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 0
  if tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- "$marker"; then
    stop_pid "$pid" "$name"
  fi
}
