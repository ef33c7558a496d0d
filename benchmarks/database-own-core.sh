#!/usr/bin/env bash
# Runs a PostgreSQL benchmark with the database on a core of its own: the JVM (hub, client,
# memory and embedded stores) on core 0, zonky's PostgreSQL server on core 1, as when the database
# has its own machine. On a 2-core machine the default run shares both cores between the hub's
# validation and the database, so PostgreSQL ÷ memory there measures CPU contention as much as
# the store (benchmarks/README.md, "Stop 22").
#
#   bash benchmarks/database-own-core.sh org.sstc.exchange.benchmarks.PostgresBulkProfile 3000 4
#   bash benchmarks/database-own-core.sh org.sstc.exchange.benchmarks.HubStores publish 3000 3
#
# Needs taskset (util-linux), at least 2 cores and benchmarks/target/benchmarks.jar
# (./mvnw -B -q package -pl benchmarks -am -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(nproc)" -lt 2 ]; then
  echo "database-own-core.sh: needs at least 2 cores, this machine has $(nproc)" >&2
  exit 2
fi
if [ "$#" -eq 0 ]; then
  set -- org.sstc.exchange.benchmarks.PostgresBulkProfile 3000 4
fi
before=$(pgrep -x postgres || true)
taskset -c 0 java -cp benchmarks/target/benchmarks.jar "$@" &
jvm=$!
# The server starts inside the JVM; once its postmaster is up, move it (and the processes it has
# forked) to core 1: the backends it forks later inherit that.
moved=""
for _ in $(seq 1 300); do
  for pid in $(pgrep -x postgres || true); do
    case " $before $moved " in *" $pid "*) continue ;; esac
    taskset -p -c 1 "$pid" > /dev/null 2>&1 && moved="$moved $pid"
  done
  [ -n "$moved" ] && sleep 2 && break
  kill -0 "$jvm" 2> /dev/null || break
  sleep 0.2
done
for pid in $(pgrep -x postgres || true); do
  case " $before " in *" $pid "*) continue ;; esac
  taskset -p -c 1 "$pid" > /dev/null 2>&1 || true
done
[ -n "$moved" ] && echo "database-own-core.sh: JVM on core 0, PostgreSQL ($(echo $moved | wc -w) processes) on core 1" >&2
wait "$jvm"
