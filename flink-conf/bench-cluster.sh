#!/usr/bin/env bash
# Benchmark of a local Flink session cluster (flink-conf/local-cluster.sh, 1 JobManager + 2 TaskManagers):
#  - submission: for each of JOBS small Adult studies (1 round x 2 trials), how long the launcher took to upload the
#    shaded jar and have the job accepted ("Submitting job" -> "Successfully submitted" in Flink's client log), and
#    from launcher start to submitted (JVM start, reading and checking the data, translating the pipeline);
#  - native XGBoost copies mapped into each TaskManager after those jobs, with XGBoost4J in the cluster's lib/
#    (the fix in flink-conf/config.yaml) and without it (the same lib/ minus the xgboost4j jar).
# Needs `mvn -q -B install -DskipTests` first. Usage: flink-conf/bench-cluster.sh [ADULT_DIR] [JOBS=3]
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
JAR=$REPO/pipelines/target/llm-hpo.jar
LIB=$REPO/flink-cluster/target/lib
ADULT=$(cd "${1:-$REPO/../shared/data/adult}" && pwd)
JOBS=${2:-3}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/llm-hpo-bench-cluster.XXXXXX")
[ -f "$JAR" ] && [ -d "$LIB" ] || { echo "build first: mvn -q -B install -DskipTests" >&2; exit 1; }

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 30000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}
export FLINK_REST_PORT=${FLINK_REST_PORT:-$(free_port)} FLINK_RPC_PORT=${FLINK_RPC_PORT:-$(free_port)}
trap 'bash "$HERE/local-cluster.sh" stop >/dev/null 2>&1 || true' EXIT

millis() { date -d "$1" +%s%3N; }

run_jobs() { # LABEL
  local label=$1 i log
  for ((i = 1; i <= JOBS; i++)); do
    log=$WORK/$label-job-$i.log
    local start
    start=$(date +%H:%M:%S.%3N)
    java -Dorg.slf4j.simpleLogger.log.org.apache.flink=info -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS \
      -jar "$JAR" tune --flinkMaster="localhost:$FLINK_REST_PORT" --flinkConfDir="$HERE" --dataset=adult \
      --dataDir="$ADULT" --rounds=1 --trialsPerRound=2 --maxBoostRounds=50 --output="$WORK/$label-study-$i" >"$log" 2>&1
    local submitting submitted
    submitting=$(sed -n 's/^\([0-9:.]*\) \[INFO\] Submitting job.*/\1/p' "$log")
    submitted=$(sed -n 's/^\([0-9:.]*\) \[INFO\] Successfully submitted job.*/\1/p' "$log")
    printf '  job %d: jar upload + job accepted %5d ms; launcher start -> submitted %5d ms\n' "$i" \
      $(($(millis "$submitted") - $(millis "$submitting"))) $(($(millis "$submitted") - $(millis "$start")))
  done
}

native_copies() {
  local file pid
  for file in "$LLM_HPO_CLUSTER_DIR"/taskmanager-*.pid; do
    pid=$(cat "$file")
    printf '  %s: %s mapped libxgboost4j*.so file(s) after %d jobs\n' "$(basename "$file" .pid)" \
      "$(awk '$6 ~ /libxgboost4j/ {print $6}' "/proc/$pid/maps" | sort -u | wc -l)" "$JOBS"
  done
}

echo "shaded jar: $(du -m "$JAR" | cut -f1) MB; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== with XGBoost4J in the cluster's lib/ (flink-cluster/target/lib) and ml.dmlc. parent-first"
export LLM_HPO_CLUSTER_DIR=$WORK/with-fix FLINK_LIB_DIR=$LIB
bash "$HERE/local-cluster.sh" start 2 >/dev/null 2>&1
run_jobs with-fix
native_copies
bash "$HERE/local-cluster.sh" stop >/dev/null

echo "== without: the same lib/ minus xgboost4j, so every job loads XGBoost4J from its own jar"
mkdir -p "$WORK/lib-without-xgboost"
for jar in "$LIB"/*.jar; do
  case "$(basename "$jar")" in xgboost4j*) ;; *) ln -s "$jar" "$WORK/lib-without-xgboost/" ;; esac
done
export LLM_HPO_CLUSTER_DIR=$WORK/without-fix FLINK_LIB_DIR=$WORK/lib-without-xgboost
bash "$HERE/local-cluster.sh" start 2 >/dev/null 2>&1
run_jobs without-fix
native_copies
echo "== logs in $WORK"
