#!/usr/bin/env bash
# Measures link workers sharing one store (issue 17, item 3): CPU time
# (user+sys) and wall time for 1 and 2 `sitrep worker link` processes,
# each pinned with GOMAXPROCS=1 and --workers 1, on a copy of a store
# holding annotated, not yet linked articles (`sitrep ingest --no-link`).
# Usage:
#   scripts/bench-linkworkers.sh SITREP_BINARY sqlite:BASE.db          (copies BASE.db per run)
#   scripts/bench-linkworkers.sh SITREP_BINARY postgres://…&search_path=S1 postgres://…&search_path=S2
#     (two schemas filled alike: S1 is linked by one worker, S2 by two)
# WORKERS="1" limits the SQLite runs to one worker.
# A run ends when every link queue is empty; the workers' CPU time is
# read from /proc then, and they are stopped.
set -euo pipefail
bin=$1; shift
work=$(mktemp -d)
queued() {
  local q="SELECT (SELECT count(*) FROM provenance_queue) + (SELECT count(*) FROM entity_queue) + (SELECT count(*) FROM story_queue) + (SELECT count(*) FROM measure_queue) + (SELECT count(*) FROM thread_queue)"
  case $1 in
    sqlite:*) sqlite3 "${1#sqlite:}" "$q" ;;
    *) psql -qtAX "${1%%\?*}?sslmode=disable" -c "SET search_path TO ${1##*search_path=}; $q" | tail -1 ;;
  esac
}
cpu() { # user+sys seconds of a running process, from /proc
  awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat"
}
run() { # run N DSN
  local n=$1 dsn=$2 pids=() cpus=()
  local start; start=$(date +%s.%N)
  for i in $(seq "$n"); do
    GOMAXPROCS=1 "$bin" worker link --workers 1 --every 50ms --db "$dsn" 2> "$work/log.$n.$i" &
    pids+=($!)
  done
  while [ "$(queued "$dsn")" -gt 0 ]; do sleep 0.2; done
  local wall; wall=$(echo "$(date +%s.%N) - $start" | bc -l)
  for p in "${pids[@]}"; do cpus+=("$(cpu "$p")"); done
  kill -TERM "${pids[@]}"
  for p in "${pids[@]}"; do wait "$p" || true; done
  local total; total=$(printf '%s\n' "${cpus[@]}" | paste -sd+ | bc)
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  local linked; linked=$(grep -h 'step=provenance' "$work"/log."$n".* | sed 's/.*articles=\([0-9]*\).*/\1/' | paste -sd+ | bc)
  printf '%d link worker(s): wall %.1f s, CPU %.1f s (per worker: %s), provenance verdicts %s, load %s\n' \
    "$n" "$wall" "$total" "${cpus[*]}" "${linked:-0}" "$load"
}
case $1 in
  sqlite:*)
    base=${1#sqlite:}
    for n in ${WORKERS:-1 2}; do
      for f in "$base" "$base-wal"; do [ -e "$f" ] && cp "$f" "$work/w$n.db${f#"$base"}"; done
      run "$n" "sqlite:$work/w$n.db"
    done ;;
  *)
    run 1 "$1"
    run 2 "$2" ;;
esac
rm -rf "$work"
