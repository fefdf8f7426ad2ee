#!/usr/bin/env bash
# Footprint of the embedded default (issue 8): the runnable jar started as the README says,
# `java -jar`, on a fresh H2 data directory, with no JVM options of its own.
#   bench/footprint/footprint.sh [--jar PATH] [--port 18090] [--settle 30] [--timeout 120] [--check]
# Builds the jar (./mvnw package, tests skipped) unless --jar names one. Prints one line per figure:
#   jar_mb            size of the runnable jar
#   health_up_s       from launching java to the first /actuator/health answering UP
#   started_s         what Spring Boot's "Started … in" log line says (JVM start not included)
#   cpu_to_up_s       CPU time (user + system, all threads) the process used until health UP: unlike
#                     the wall time it barely moves when something else shares the machine
#   rss_idle_mb       VmRSS of the process (/proc/<pid>/status) after --settle seconds idle
#   heap_used_mb      heap used and committed at that moment (jcmd GC.heap_info)
#   heap_committed_mb
#   classes_loaded    classes the JVM has loaded by then
# JAVA_OPTS adds JVM options (to try a flag; the figures in bench/README.md use none).
# Exits 1 when the jar does not start or answer UP in --timeout seconds, 2 on wrong usage, and
# with --check 3 when a figure is over its budget (10 s, 512 MB, 120 MB). Only 127.0.0.1 is used.
set -euo pipefail
cd "$(dirname "$0")/../.."

jar= port=18090 settle=30 timeout=120 check=
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --settle) settle=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --check) check=1; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v curl >/dev/null || { echo "curl is needed (apt-get install curl)" >&2; exit 2; }
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
jcmd=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd

if [ -z "$jar" ]; then
  echo "== building the jar" >&2
  ./mvnw -q -B -ntp -DskipTests package >/dev/null
  jar=$(ls target/atalaya-*.jar | grep -v original | head -1)
fi
[ -f "$jar" ] || { echo "no jar at $jar" >&2; exit 2; }

work=$(mktemp -d /tmp/atalaya-footprint.XXXXXX)
app_pid=
cleanup() {
  local rc=$?
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null || true; fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT

mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
now() { date +%s.%N; }

echo "jar_mb $(mb "$(stat -c %s "$jar")")"

t0=$(now)
# shellcheck disable=SC2086
ATALAYA_DATA_DIR=$work/data "$java" ${JAVA_OPTS:-} -jar "$jar" --server.port="$port" > "$work/app.log" 2>&1 &
app_pid=$!
until curl -sf --max-time 2 "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
  if ! kill -0 "$app_pid" 2>/dev/null; then
    tail -40 "$work/app.log" >&2; echo "Atalaya exited before health UP" >&2; app_pid=; exit 1
  fi
  if awk -v a="$t0" -v b="$(now)" -v t="$timeout" 'BEGIN { exit !(b - a > t) }'; then
    tail -40 "$work/app.log" >&2; echo "no health UP after $timeout s" >&2; exit 1
  fi
  sleep 0.05
done
up=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$app_pid/stat")
echo "health_up_s $up"
started=$(sed -n 's/.*Started .* in \([0-9.]*\) seconds.*/\1/p' "$work/app.log" | head -1)
echo "started_s ${started:-?}"
echo "cpu_to_up_s $cpu"

sleep "$settle"
kill -0 "$app_pid" 2>/dev/null || { tail -40 "$work/app.log" >&2; echo "Atalaya died while idle" >&2; app_pid=; exit 1; }
rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$app_pid/status")
heap=$("$jcmd" "$app_pid" GC.heap_info 2>/dev/null | grep -m1 -E 'heap +total' || true)
# e.g. " garbage-first heap   total reserved 6291456K, committed 402432K, used 97418K [...]"
committed_kb=$(sed -n 's/.*committed \([0-9]*\)K.*/\1/p' <<<"$heap")
used_kb=$(sed -n 's/.*used \([0-9]*\)K.*/\1/p' <<<"$heap")
[ -z "$committed_kb" ] && committed_kb=$(sed -n 's/.*total \([0-9]*\)K.*/\1/p' <<<"$heap")
classes=$("$jcmd" "$app_pid" PerfCounter.print 2>/dev/null | sed -n 's/^java.cls.loadedClasses=\([0-9]*\)/\1/p')
[ -n "$rss_kb" ] && [ -n "$used_kb" ] && [ -n "$committed_kb" ] || { echo "could not read RSS or heap ($heap)" >&2; exit 1; }
echo "rss_idle_mb $(mb $((rss_kb * 1024)))"
echo "heap_used_mb $(mb $((used_kb * 1024)))"
echo "heap_committed_mb $(mb $((committed_kb * 1024)))"
echo "classes_loaded ${classes:-?}"
if grep -q ' ERROR ' "$work/app.log"; then
  grep ' ERROR ' "$work/app.log" | head -5 >&2; echo "the log has ERROR lines" >&2; exit 1
fi

if [ -n "$check" ]; then
  over=$(awk -v u="$up" -v r="$rss_kb" -v j="$(stat -c %s "$jar")" 'BEGIN {
    if (u >= 10) print "health_up_s"; if (r / 1024 >= 512) print "rss_idle_mb"; if (j / 1048576 >= 120) print "jar_mb" }')
  if [ -n "$over" ]; then echo "over budget: $over" | tr '\n' ' ' >&2; echo >&2; exit 3; fi
fi
