#!/usr/bin/env bash
# Load test of the inbound message pipeline: chat visitors posting messages to a running Atalaya.
#   bench/load/load.sh [--db postgres|h2] [--visitors 200] [--burst 20] [--rate 500] [--sustain 60]
# Needs wrk, curl, python3, and for --db postgres (the default) a PostgreSQL at 127.0.0.1:5432
# (trust auth, user postgres) with pgbench. It builds the jar, measures pgbench single-row inserts
# on the same server for reference, starts Atalaya on a fresh database, opens the visitors' chat
# sessions, then runs two phases: a burst (as fast as answers come) and a sustained rate; after
# each it waits for the backlog to drain and reports what the application's own metrics saw.
# Every request loop is bounded in time; all traffic goes to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=bench/load

db=postgres visitors=200 burst=20 rate=500 sustain=60 connections=64 port=18080
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db=$2; shift 2 ;;
    --visitors) visitors=$2; shift 2 ;;
    --burst) burst=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --sustain) sustain=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in wrk curl python3; do
  command -v $tool >/dev/null || { echo "$tool is needed (apt-get install $tool)" >&2; exit 2; }
done
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

work=$(mktemp -d /tmp/atalaya-load.XXXXXX)
base=http://127.0.0.1:$port
app_pid=
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null; true; }
trap cleanup EXIT

echo "== building the jar"
./mvnw -q -B -ntp -DskipTests package >/dev/null
jar=$(ls target/atalaya-*.jar | grep -v original | head -1)

pgbench_tps=
if [ "$db" = postgres ]; then
  psql_bench() { psql -h 127.0.0.1 -U postgres -d atalaya_bench -Atq "$@"; }
  psql -h 127.0.0.1 -U postgres -d postgres -q -c "drop database if exists atalaya_bench" -c "create database atalaya_bench"
  echo "== pgbench: single-row inserts, 16 clients, 15 s (reference)"
  psql_bench -c "create table pgbench_rows (id bigserial primary key, v integer, at timestamptz default now())"
  echo 'insert into pgbench_rows (v) values (1);' > "$work/insert.sql"
  pgbench_tps=$(pgbench -h 127.0.0.1 -U postgres -n -c 16 -j 2 -T 15 -f "$work/insert.sql" atalaya_bench 2>/dev/null |
    sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1)
  echo "pgbench tps: $pgbench_tps"
  psql_bench -c "drop table pgbench_rows"
  datasource=(--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/atalaya_bench
              --spring.datasource.username=postgres --spring.datasource.password=)
else
  datasource=()
fi

echo "== starting Atalaya ($db) on port $port"
ATALAYA_DATA_DIR=$work/data ATALAYA_ADMIN_EMAIL=load@example.com ATALAYA_ADMIN_PASSWORD='load-test-password-1' \
  ATALAYA_WORKSPACE_NAME='Tienda de carga' \
  "$java" -Xmx1g ${JAVA_OPTS:-} -jar "$jar" --server.port=$port "${datasource[@]}" \
  --atalaya.webchat.limits.sessions=100000000 --atalaya.webchat.limits.messages=100000000 \
  > "$work/app.log" 2>&1 &
app_pid=$!
started=$(date +%s)
until curl -sf $base/actuator/health | grep -q UP; do
  kill -0 $app_pid 2>/dev/null || { tail -50 "$work/app.log"; echo "Atalaya did not start" >&2; exit 1; }
  [ $(( $(date +%s) - started )) -lt 120 ] || { echo "no health UP after 120 s" >&2; exit 1; }
  sleep 0.5
done
token=$(curl -sf -u load@example.com:load-test-password-1 -X POST $base/api/v1/tokens | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
slug=$(curl -sf -H "Authorization: Bearer $token" $base/api/v1/workspaces | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["slug"])')
scrape() { curl -sf -H "Authorization: Bearer $token" $base/actuator/prometheus > "$1"; }

echo "== opening $visitors chat sessions on widget '$slug'"
seq "$visitors" | xargs -P 8 -I{} curl -sf -H 'Content-Type: application/json' \
  -d '{"name":"Cliente {}"}' $base/widget/$slug/api/sessions |
  python3 -c 'import json,sys; [print(json.loads(l)["token"]) for l in sys.stdin.read().replace("}{","}\n{").splitlines() if l.strip()]' \
  > "$work/tokens"
[ "$(wc -l < "$work/tokens")" -eq "$visitors" ] || { echo "could not open every session" >&2; exit 1; }

# Waits until every acknowledged message is in the inbox (or 120 s); prints the seconds it took.
drain() {
  local t0=$(date +%s.%N)
  for _ in $(seq 1200); do
    scrape "$work/now.prom"
    eval "$(python3 $here/metrics.py "$work/start.prom" "$work/now.prom")"
    if [ "$waiting" -eq 0 ] && [ "$inboxed" -ge "$received" ] && [ "$triaged" -ge "$received" ]; then break; fi
    sleep 0.1
  done
  python3 -c "import time; print(f'{time.time() - $t0:.1f}')"
}

# CPU seconds used so far by Atalaya's process and by every PostgreSQL process (utime + stime).
cpu_of() { awk '{ t += $14 + $15 } END { printf "%.2f", t / '"$(getconf CLK_TCK)"' }' "$@" 2>/dev/null || echo 0; }
app_cpu() { cpu_of /proc/$app_pid/stat; }
db_cpu() { [ "$db" = postgres ] && cpu_of $(pgrep -u postgres -d ' ' postgres | sed 's|\([0-9]*\)|/proc/\1/stat|g') || echo 0; }

results=()
phase() { # name, wrk arguments...
  local name=$1; shift
  scrape "$work/start.prom"
  local app0=$(app_cpu) db0=$(db_cpu)
  out=$(TOKENS_FILE="$work/tokens" wrk "$@" -s $here/chat.lua --timeout 10s "$base/widget/$slug/api/messages")
  local line=$(grep '^RESULT' <<<"$out")
  eval "${line#RESULT }"
  local waiting_at_end
  scrape "$work/end.prom"
  waiting_at_end=$(python3 $here/metrics.py "$work/start.prom" "$work/end.prom" | sed -n 's/^waiting=//p')
  local drained=$(drain)
  local app1=$(app_cpu) db1=$(db_cpu)
  scrape "$work/after.prom"
  eval "$(python3 $here/metrics.py "$work/start.prom" "$work/after.prom")"
  local seconds=$(python3 -c "print($duration_us / 1e6)")
  local acked=$(( requests - non2xx ))
  local ack_rate=$(python3 -c "print(round($acked / $seconds))")
  # CPU per message from the start of the phase until its backlog drained: acknowledging and inboxing both.
  local app_ms=$(python3 -c "print(f'{1000 * ($app1 - $app0) / max($acked, 1):.2f}')")
  local db_ms=$(python3 -c "print(f'{1000 * ($db1 - $db0) / max($acked, 1):.2f}')")
  echo "$name: acknowledged $acked in ${seconds}s = $ack_rate/s, ack p50 ${p50_ms} ms p99 ${p99_ms} ms," \
       "non-2xx $non2xx, socket errors $errors; backlog at end $waiting_at_end, drained in ${drained}s;" \
       "ack→inbox p50 ${inbox_p50_ms} p99 ${inbox_p99_ms} ms, →triaged p50 ${triage_p50_ms} p99 ${triage_p99_ms} ms," \
       "→notified p50 ${notify_p50_ms} p99 ${notify_p99_ms} ms; received $received inboxed $inboxed triaged $triaged;" \
       "CPU per message: Atalaya $app_ms ms, database $db_ms ms"
  results+=("| $name | $ack_rate | $p50_ms / $p99_ms | $inbox_p50_ms / $inbox_p99_ms | $triage_p50_ms / $triage_p99_ms | $notify_p50_ms / $notify_p99_ms | $(( non2xx + errors )) | $waiting_at_end → 0 in ${drained} s | $app_ms / $db_ms |")
  burst_rate=${burst_rate:-$ack_rate}
}

echo "== warm-up (5 s)"
TOKENS_FILE="$work/tokens" wrk -t2 -c16 -d5s -s $here/chat.lua "$base/widget/$slug/api/messages" >/dev/null
scrape "$work/start.prom"; drain >/dev/null

echo "== burst: $connections connections as fast as answers come, ${burst}s"
phase "burst" -t2 -c"$connections" -d"${burst}s" --latency
sustained_connections=100
echo "== sustained: about $rate messages/s from $sustained_connections connections, ${sustain}s"
RATE=$rate CONNECTIONS=$sustained_connections phase "sustained $rate/s" -t2 -c$sustained_connections -d"${sustain}s" --latency

scrape "$work/final.prom"
incomplete=$(sed -n 's/^atalaya_event_publications_incomplete \(.*\)/\1/p' "$work/final.prom")
error_lines=$(grep -c ' ERROR ' "$work/app.log" || true)

echo "== checking the database: every acknowledged line in the inbox once"
count_sql="select (select count(*) from webchat_lines where from_visitor),
  (select count(*) from messages where kind = 'INBOUND'),
  (select count(*) from (select connection_id, provider_message_id from messages where kind = 'INBOUND'
     group by connection_id, provider_message_id having count(*) > 1) d),
  (select count(*) from inbound_queue)"
if [ "$db" = postgres ]; then
  counts=$(psql_bench -F' ' -c "$count_sql")
  kill $app_pid; wait $app_pid 2>/dev/null || true; app_pid=
else
  kill $app_pid; wait $app_pid 2>/dev/null || true; app_pid=
  h2=$(find ~/.m2/repository/com/h2database/h2 -name 'h2-*.jar' | sort | tail -1)
  counts=$("$java" -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:file:$work/data/db/atalaya;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
    -user sa -password '' -sql "$count_sql" | sed -n '2p' | tr -s ' |' ' ')
fi
read -r lines inbound doubled queued <<<"$counts"
shutdown_errors=$(grep -c ' ERROR ' "$work/app.log" || true)

echo
echo "Database: $db; pgbench single-row insert tps: ${pgbench_tps:-n/a}; 2 cores: $(nproc)"
echo "| Phase | Acknowledged/s | Ack p50 / p99 ms | → inbox p50 / p99 ms | → triaged p50 / p99 ms | → notified p50 / p99 ms | Errors | Backlog at end → drained | CPU ms per message: Atalaya / database |"
echo "|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${results[@]}"
if [ -n "$pgbench_tps" ]; then
  echo "Burst acknowledged/s as a share of pgbench tps: $(python3 -c "print(f'{100 * $burst_rate / $pgbench_tps:.0f}%')")"
fi
echo "Acknowledged lines stored: $lines; inbound messages in conversations: $inbound; doubled: $doubled; still queued: $queued"
echo "Incomplete event publications: $incomplete; ERROR lines in the log: $error_lines under load, $shutdown_errors after shutdown"
echo "Application log: $work/app.log"
[ "$lines" = "$inbound" ] && [ "$doubled" = 0 ] && [ "$queued" = 0 ] && [ "$shutdown_errors" = 0 ] && [ "${incomplete%.*}" = 0 ]
