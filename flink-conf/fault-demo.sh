#!/usr/bin/env bash
# A study that outlives a lost TaskManager, then scheduled re-tuning, on a real Flink 1.19 session cluster:
#  1. start 1 JobManager + 2 TaskManagers with flink-conf/ (flink-conf/local-cluster.sh);
#  2. submit a 3-round x 4-trial Adult study, SIGKILL one TaskManager while round 2 trains, start a replacement;
#     the job restarts by the restart strategy and the trial log ends with 12 COMPLETE trials, each once;
#  3. run the same 2-round `tune` twice on one output folder: 4 rounds of distinct trials.
# Needs `mvn -q -B install -DskipTests` first. Usage: flink-conf/fault-demo.sh [ADULT_DIR] (default ../shared/data/adult)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
JAR=$REPO/pipelines/target/llm-hpo.jar
ADULT=$(cd "${1:-$REPO/../shared/data/adult}" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/llm-hpo-fault-demo.XXXXXX")
[ -f "$JAR" ] || { echo "build first: mvn -q -B install -DskipTests" >&2; exit 1; }

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 30000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}
export LLM_HPO_CLUSTER_DIR=$WORK/cluster FLINK_REST_PORT=${FLINK_REST_PORT:-$(free_port)} FLINK_RPC_PORT=${FLINK_RPC_PORT:-$(free_port)}
trap 'bash "$HERE/local-cluster.sh" stop' EXIT

rest() {
  (
    exec 3<>"/dev/tcp/localhost/$FLINK_REST_PORT"
    printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$1" >&3
    sed '1,/^\r$/d' <&3
  ) 2>/dev/null
}

jobs_named() {
  rest /jobs/overview | grep -o "\"name\":\"$1\"" | wc -l || true
}

# tune on the cluster; prints how long the launcher took until the job was listed by the REST API.
tune() {
  local out=$1 log=$2
  shift 2
  local t0=$SECONDS job
  job="llm-hpo-$(basename "$out")"
  local before
  before=$(jobs_named "$job")
  java -jar "$JAR" tune --flinkMaster="localhost:$FLINK_REST_PORT" --flinkConfDir="$HERE" \
    --dataset=adult --dataDir="$ADULT" --trialsPerRound=4 --maxBoostRounds=200 --output="$out" "$@" >"$log" 2>&1 &
  TUNE_PID=$!
  local start_ns
  start_ns=$(date +%s%N)
  while [ "$(jobs_named "$job")" -le "$before" ] && kill -0 $TUNE_PID 2>/dev/null; do
    sleep 0.2
  done
  echo "    submitted: job $job listed by the REST API $(( ($(date +%s%N) - start_ns) / 1000000 )) ms after the launcher started"
}

echo "== 1. cluster: 1 JobManager + 2 TaskManagers, REST port $FLINK_REST_PORT, state in $WORK/cluster"
bash "$HERE/local-cluster.sh" start 2

echo "== 2. a 3-round x 4-trial Adult study; one TaskManager is SIGKILLed while round 2 trains"
STUDY=$WORK/adult-study
tune "$STUDY" "$WORK/tune.log" --rounds=3
while [ ! -e "$STUDY/trials/round-00000.avro" ]; do
  kill -0 $TUNE_PID 2>/dev/null || { cat "$WORK/tune.log"; exit 1; }
  sleep 0.2
done
sleep 1
VICTIM=$(cat "$LLM_HPO_CLUSTER_DIR/taskmanager-1.pid")
kill -KILL "$VICTIM"
echo "    round 1 logged; killed taskmanager-1 (pid $VICTIM) with SIGKILL; starting a replacement"
bash "$HERE/local-cluster.sh" add-taskmanager | sed 's/^/    /'
RC=0
wait $TUNE_PID || RC=$?
sed 's/^/    tune: /' "$WORK/tune.log"
echo "    tune exit code: $RC"
JOB=$(rest /jobs/overview | grep -o '"jid":"[0-9a-f]*","name":"llm-hpo-adult-study"' | head -1 | cut -d'"' -f4 || true)
echo "    Flink: job $JOB $(rest "/jobs/$JOB" | grep -o '"state":"[A-Z]*"' | head -1 || true)," \
  "failures recorded: $(rest "/jobs/$JOB/exceptions" | grep -o '"exceptionName"' | wc -l || true)"
echo "    trial log: $(java -jar "$JAR" trials --output="$STUDY" | tail -n 1)"

echo "== 3. scheduled re-tuning: the same 2-round command twice on one output folder"
NIGHTLY=$WORK/nightly
for night in 1 2; do
  tune "$NIGHTLY" "$WORK/nightly-$night.log" --rounds=2
  RC=0
  wait $TUNE_PID || RC=$?
  echo "    run $night exit code: $RC; trial log: $(java -jar "$JAR" trials --output="$NIGHTLY" | tail -n 1)"
done
echo "== logs and outputs in $WORK"
