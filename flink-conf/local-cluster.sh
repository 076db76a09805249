#!/usr/bin/env bash
# A Flink 1.19 standalone session cluster on this machine, started from the project's own jars:
# one JobManager (StandaloneSessionClusterEntrypoint) and N TaskManagers (TaskManagerRunner), each its own JVM,
# with flink-conf/ as configuration and flink-cluster/target/lib (built by `mvn install`) as Flink's lib/.
#
#   flink-conf/local-cluster.sh start [TASKMANAGERS]   start 1 JobManager + TASKMANAGERS (default 2), wait until all
#                                                       TaskManagers are registered with the REST endpoint
#   flink-conf/local-cluster.sh add-taskmanager         start one more TaskManager (e.g. to replace a lost one)
#   flink-conf/local-cluster.sh stop                    stop exactly the processes this script started
#   flink-conf/local-cluster.sh status                  the processes and what the REST endpoint reports
#
# Environment: FLINK_REST_PORT (default 8081) and FLINK_RPC_PORT (default 6123) override config.yaml's ports;
# LLM_HPO_CLUSTER_DIR (default .flink-cluster in the checkout) holds pid files, log/ and tmp/;
# FLINK_CONF_DIR and FLINK_LIB_DIR replace flink-conf/ and flink-cluster/target/lib; JAVA_HOME picks the JDK.
#
# Processes are tracked by pid file only, and a pid is signalled only while its command line still carries this
# cluster's marker, so nothing is ever killed by name and a recycled pid is left alone.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
CONF_DIR=$(cd "${FLINK_CONF_DIR:-$HERE}" && pwd)
LIB_DIR=${FLINK_LIB_DIR:-$REPO/flink-cluster/target/lib}
STATE_DIR=${LLM_HPO_CLUSTER_DIR:-$REPO/.flink-cluster}
mkdir -p "$STATE_DIR" && STATE_DIR=$(cd "$STATE_DIR" && pwd) # absolute: it is part of every process's marker
REST_PORT=${FLINK_REST_PORT:-8081}
RPC_PORT=${FLINK_RPC_PORT:-6123}
START_TIMEOUT_S=${START_TIMEOUT_S:-180}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

usage() {
  sed -n '6,10p' "${BASH_SOURCE[0]}" | sed 's/^#  //' >&2
  exit 2
}

die() {
  echo "local-cluster: $*" >&2
  exit 1
}

check_prerequisites() {
  [ -d "$LIB_DIR" ] && compgen -G "$LIB_DIR/flink-runtime-*.jar" >/dev/null \
    || die "no Flink jars in $LIB_DIR; build them with: mvn -q -B install -DskipTests"
  local version
  version=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  [ "${version%%.*}" -ge 17 ] 2>/dev/null || die "TaskManagers need JDK 17 or newer; $JAVA is ${version:-unknown}"
  if command -v ldconfig >/dev/null 2>&1 && ! ldconfig -p 2>/dev/null | grep -q 'libgomp.so.1'; then
    echo "local-cluster: warning: libgomp.so.1 not found (Debian: apt-get install libgomp1); XGBoost cannot train" >&2
  fi
}

# -D options every process gets: the ports (overridable per cluster) and a tmp folder that stop removes.
common_dynamic_properties() {
  echo "-D rest.port=$REST_PORT -D jobmanager.rpc.port=$RPC_PORT -D io.tmp.dirs=$STATE_DIR/tmp"
}

# Flink's own memory calculation, as bin/jobmanager.sh and bin/taskmanager.sh run it: line 1 the JVM options
# (-Xmx, -XX:MaxDirectMemorySize, ...), line 2 the derived sizes as -D options.
resource_params() {
  local out
  out=$("$JAVA" -cp "$LIB_DIR/*" -Dlog4j2.level=WARN org.apache.flink.runtime.util.bash.BashJavaUtils \
    "$1" --configDir "$CONF_DIR" $(common_dynamic_properties) 2>&1) \
    || die "Flink rejected the memory settings in $CONF_DIR/config.yaml: $(echo "$out" | tail -3)"
  echo "$out" | sed -n 's/^BASH_JAVA_UTILS_EXEC_RESULT://p'
}

# start_process NAME MAIN_CLASS RESOURCE_COMMAND [extra -D options...]
start_process() {
  local name=$1 main=$2 command=$3
  shift 3
  local params jvm dynamic
  params=$(resource_params "$command")
  jvm=$(echo "$params" | sed -n 1p)
  dynamic=$(echo "$params" | sed -n 2p)
  mkdir -p "$STATE_DIR/log" "$STATE_DIR/tmp" "$STATE_DIR/plugins"
  # setsid: the cluster outlives the shell that started it and ignores its terminal's signals.
  # shellcheck disable=SC2086 # word splitting of the option lists is intended
  FLINK_PLUGINS_DIR="$STATE_DIR/plugins" setsid "$JAVA" $jvm \
    "-Dllmhpo.cluster.dir=$STATE_DIR" \
    "-Dlog.file=$STATE_DIR/log/$name.log" \
    "-Dlog4j.configurationFile=file:$CONF_DIR/log4j.properties" \
    "-Djava.io.tmpdir=$STATE_DIR/tmp" \
    -cp "$LIB_DIR/*" "$main" --configDir "$CONF_DIR" $dynamic $(common_dynamic_properties) "$@" \
    >"$STATE_DIR/log/$name.out" 2>&1 </dev/null &
  echo $! >"$STATE_DIR/$name.pid"
  echo "started $name (pid $!), log $STATE_DIR/log/$name.log"
}

# The pid in FILE, if that process is alive and is one of this cluster's.
live_pid() {
  local pid
  pid=$(cat "$1" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  local cmdline
  if [ -r "/proc/$pid/cmdline" ]; then
    cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline")
  else
    cmdline=$(ps -ww -p "$pid" -o args= 2>/dev/null) || return 1
  fi
  [[ "$cmdline" == *"-Dllmhpo.cluster.dir=$STATE_DIR "* ]] || return 1
  echo "$pid"
}

rest_get() {
  # Plain bash, so that no HTTP client has to be installed.
  (
    exec 3<>"/dev/tcp/localhost/$REST_PORT" || exit 1
    printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$1" >&3
    cat <&3
  ) 2>/dev/null
}

# Waits until every resource id given is registered with the JobManager.
wait_for_taskmanagers() {
  local deadline=$((SECONDS + START_TIMEOUT_S)) body missing id
  while :; do
    body=$(rest_get /taskmanagers || true)
    missing=()
    for id in "$@"; do
      [[ "$body" == *"\"id\":\"$id\""* ]] || missing+=("$id")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ $SECONDS -ge $deadline ]; then
      echo "local-cluster: TaskManagers not registered after ${START_TIMEOUT_S}s: ${missing[*]}" >&2
      tail -n 20 "$STATE_DIR"/log/*.log >&2 || true
      return 1
    fi
    sleep 1
  done
}

next_taskmanager_index() {
  local i=1
  while [ -e "$STATE_DIR/taskmanager-$i.pid" ]; do i=$((i + 1)); done
  echo "$i"
}

start_taskmanager() {
  local index
  index=$(next_taskmanager_index)
  # A fixed resource id lets the REST check wait for exactly this TaskManager.
  start_process "taskmanager-$index" org.apache.flink.runtime.taskexecutor.TaskManagerRunner GET_TM_RESOURCE_PARAMS \
    -D "taskmanager.resource-id=taskmanager-$index-$$" >&2
  echo "taskmanager-$index-$$"
}

cmd_start() {
  local count=${1:-2}
  [[ "$count" =~ ^[1-9][0-9]*$ ]] || usage
  check_prerequisites
  local file
  for file in "$STATE_DIR"/*.pid; do
    if [ -e "$file" ] && live_pid "$file" >/dev/null; then
      die "a cluster is already running from $STATE_DIR; run: $0 stop"
    fi
  done
  rm -rf "$STATE_DIR/tmp" "$STATE_DIR"/*.pid
  mkdir -p "$STATE_DIR"
  start_process jobmanager org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint GET_JM_RESOURCE_PARAMS
  local ids=() i
  for ((i = 0; i < count; i++)); do
    ids+=("$(start_taskmanager)")
  done
  if ! wait_for_taskmanagers "${ids[@]}"; then
    cmd_stop
    exit 1
  fi
  echo "cluster up: $count TaskManagers, REST http://localhost:$REST_PORT"
}

cmd_add_taskmanager() {
  check_prerequisites
  [ -n "$(live_pid "$STATE_DIR/jobmanager.pid")" ] || die "no JobManager of $STATE_DIR is running"
  wait_for_taskmanagers "$(start_taskmanager)"
}

cmd_stop() {
  local file pid stopped=()
  for file in "$STATE_DIR"/*.pid; do
    [ -e "$file" ] || continue
    if pid=$(live_pid "$file"); then
      kill -TERM "$pid" 2>/dev/null || true
      stopped+=("$pid")
    fi
  done
  # Graceful first, then SIGKILL for whatever is left after 30 s.
  local deadline=$((SECONDS + 30))
  for pid in "${stopped[@]}"; do
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  done
  rm -f "$STATE_DIR"/*.pid
  rm -rf "$STATE_DIR/tmp"
  echo "stopped ${#stopped[@]} processes of $STATE_DIR"
}

cmd_status() {
  local file pid
  for file in "$STATE_DIR"/*.pid; do
    [ -e "$file" ] || continue
    if pid=$(live_pid "$file"); then
      echo "$(basename "$file" .pid): running (pid $pid)"
    else
      echo "$(basename "$file" .pid): not running"
    fi
  done
  rest_get /overview | tail -n 1 || echo "no REST endpoint on port $REST_PORT"
  echo
}

case "${1:-}" in
  start) cmd_start "${2:-2}" ;;
  add-taskmanager) cmd_add_taskmanager ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) usage ;;
esac
