#!/usr/bin/env bash
# Measures the scale-out mode on this machine: end-to-end articles/s with 1
# and 2 `sitrep worker annotate` processes (NATS JetStream → PostgreSQL)
# against single-process SQLite ingest, and PostgreSQL storage per article.
# Needs the local PostgreSQL (127.0.0.1:5432, database test), NATS
# (127.0.0.1:4222), and the sqlite3 and bc commands. Usage: scripts/bench-workers.sh [CORPUS.jsonl]
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
go build -o "$work/sitrep" ./cmd/sitrep
corpus=${1:-}
if [ -z "$corpus" ]; then
  bash scripts/bench-ingest.sh "$work/ingest" > /dev/null
  corpus="$work/ingest/10k.jsonl"
fi
n=$(wc -l < "$corpus")
pg="postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
nats="nats://127.0.0.1:4222"

count() { psql -qtAX "$pg" -c "SELECT count(*) FROM $1.articles" 2>/dev/null || echo 0; }

echo "corpus: $n articles"
start=$(date +%s.%N)
"$work/sitrep" ingest --db "sqlite:$work/single.db" "$corpus" 2>&1 | grep -E "read,|^link" || true
echo "single process, SQLite, per-article stages + link phase: $(echo "$n / ($(date +%s.%N) - $start)" | bc -l | xargs printf '%.0f') articles/s"
# The workers are done when they have stored what the single process stored.
n=$(sqlite3 "$work/single.db" "SELECT count(*) FROM articles")
echo "articles stored: $n"

for workers in 1 2; do
  schema="bench_w$workers"
  queue="BENCH_W$workers"
  psql -qX "$pg" -c "DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema" 2>/dev/null
  db="$pg&search_path=$schema"
  "$work/sitrep" worker annotate --queue "$nats" --queue-name "$queue" --db "$db" > /dev/null 2>&1 &
  sleep 1; kill %1; wait || true # create the schema and the stream
  "$work/sitrep" ingest --quiet --queue "$nats" --queue-name "$queue" "$corpus" 2> /dev/null || true
  start=$(date +%s.%N)
  pids=()
  for i in $(seq "$workers"); do
    "$work/sitrep" worker annotate --workers 1 --queue "$nats" --queue-name "$queue" --db "$db" > /dev/null 2>&1 &
    pids+=($!)
  done
  while [ "$(count "$schema")" -lt "$n" ]; do sleep 0.2; done
  secs=$(echo "$(date +%s.%N) - $start" | bc -l)
  kill "${pids[@]}"; wait || true
  echo "$workers annotate worker(s), NATS → PostgreSQL: $(echo "$n / $secs" | bc -l | xargs printf '%.0f') articles/s"
done
# The link worker's ceiling: everything is annotated, so it runs flat out.
start=$(date +%s.%N)
"$work/sitrep" worker link --every 100ms --db "$pg&search_path=bench_w1" > /dev/null 2>&1 &
link=$!
pending() { psql -qtAX "$pg" -c "SELECT (SELECT count(*) FROM bench_w1.provenance_queue) + (SELECT count(*) FROM bench_w1.entity_queue)"; }
while [ "$(pending)" -gt 0 ]; do sleep 0.5; done
secs=$(echo "$(date +%s.%N) - $start" | bc -l)
kill $link; wait || true
echo "link worker (provenance + entity), PostgreSQL: $(echo "$n / $secs" | bc -l | xargs printf '%.0f') articles/s"
psql -qtAX "$pg" -c "SELECT 'PostgreSQL bytes per article, articles (table + indexes + TOAST): ' ||
  pg_total_relation_size('bench_w1.articles') / count(*) FROM bench_w1.articles"
psql -qtAX "$pg" -c "SELECT 'PostgreSQL bytes per article, link indexes (provenance + entities): ' ||
  (pg_total_relation_size('bench_w1.provenance_keys') + pg_total_relation_size('bench_w1.provenance')
   + pg_total_relation_size('bench_w1.entity_mentions') + pg_total_relation_size('bench_w1.entity_names'))
  / (SELECT count(*) FROM bench_w1.articles)"
psql -qtAX "$pg" -c "SELECT 'average clean text bytes per article: ' || avg(length(text))::int FROM bench_w1.articles"
for workers in 1 2; do psql -qX "$pg" -c "DROP SCHEMA bench_w$workers CASCADE" 2>/dev/null; done
rm -rf "$work"
