#!/usr/bin/env bash
# Measures ingest throughput and peak memory on the public data in
# ../shared/data (never copied into the repository). Prints the figures
# docs/BENCHMARKS.md quotes. Usage: scripts/bench-ingest.sh [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data
work=${1:-$(mktemp -d)}
mkdir -p "$work"
go build -o "$work/sitrep" ./cmd/sitrep

# 10,000 distinct articles: the 776 real texts of ukraine-war-news, each
# repeated with a numbered closing line so every copy has its own ID.
python3 - "$data/ukraine-war-news/articles.jsonl" "$work/10k.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
rows = [r for r in rows if r.get("text")]
with open(sys.argv[2], "w") as out:
    for i in range(10000):
        r = rows[i % len(rows)]
        out.write(json.dumps({"url": f"https://example.org/{i}", "title": r.get("title"),
                              "published": r.get("date"),
                              "text": r["text"] + f"\n\nCopy number {i}."}) + "\n")
PY

run() { # name, workers, inputs...
  local name=$1 workers=$2; shift 2
  rm -f "$work/bench.db"*
  /usr/bin/time -f "$name workers=$workers: peak RSS %M KB, wall %e s" \
    "$work/sitrep" ingest --quiet=false --workers "$workers" --db "sqlite:$work/bench.db" "$@" 2>&1 | grep -E "read,|^link|peak RSS" || true
}
for w in 1 2; do
  run "extraction-benchmark HTML (181 pages)" "$w" "$data/article-extraction-benchmark/html"
  run "ukraine-war-news text (776 articles)" "$w" "$data/ukraine-war-news/articles.jsonl"
  run "10,000 articles JSONL" "$w" "$work/10k.jsonl"
done
du -sh "$data/article-extraction-benchmark/html" "$data/ukraine-war-news/articles.jsonl" "$work/10k.jsonl"
