#!/usr/bin/env bash
# compare-compromise.sh: compare sitrep's quantity and timex layers with the
# npm packages compromise, compromise-numbers and compromise-dates on the
# issue's examples and the seed reports. The packages are installed into a
# temporary directory that is removed afterwards; nothing is added to the
# repository. Prints a Markdown report (the source of docs/BENCHMARKS.md's
# comparison section).
#
#   scripts/compare-compromise.sh [SEEDS_DIR]    (default ../shared/seeds)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seeds=${1:-$root/../shared/seeds}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm init -y >/dev/null 2>&1 &&
	npm install --silent --no-audit --no-fund compromise@14 compromise-numbers compromise-dates >/dev/null 2>&1)
cp "$root/scripts/compare-compromise.mjs" "$tmp/"
(cd "$root" && go build -o "$tmp/sitrep" ./cmd/sitrep)

# The cases: text, and the expected figure (value, low/high, vague) or
# date (ISO value in sitrep's terms, start/end day for compromise), or
# duration. Published (and compromise's "today") is 2024-10-17, a Thursday.
cat >"$tmp/examples.json" <<'EOF'
[
 {"name": "3,000", "text": "They sent 3,000 troops.", "value": 3000},
 {"name": "1.3 million", "text": "Its army has 1.3 million soldiers.", "value": 1300000},
 {"name": "10 000 (no-break space)", "text": "About 10\u00a0000 soldiers.", "value": 10000},
 {"name": "0.5", "text": "Output fell 0.5 points.", "value": 0.5},
 {"name": "six", "text": "A strike killed six of them.", "value": 6},
 {"name": "twelve", "text": "Twelve drones were shot down.", "value": 12},
 {"name": "half a million", "text": "Ukraine could expect half a million artillery shells.", "value": 500000},
 {"name": "a dozen", "text": "A dozen tanks were lost.", "value": 12},
 {"name": "two-thirds", "text": "Two-thirds of the population fled.", "value": 0.6666666666666666},
 {"name": "tens of thousands (vague)", "text": "Tens of thousands of people fled.", "vague": true},
 {"name": "thousands (vague)", "text": "Thousands of North Korean soldiers were training.", "vague": true},
 {"name": "several thousand (vague)", "text": "Several thousand more appeared to be on their way.", "vague": true},
 {"name": "1000's (spun)", "text": "the 1000’s of North Korean troopers anticipated to bolster", "vague": true},
 {"name": "$90m", "text": "Norway said it would invest $90m in the defence industry.", "value": 90000000},
 {"name": "$1.5bn", "text": "They were allocating $1.5bn in defence goods.", "value": 1500000000},
 {"name": "€50 billion", "text": "The EU approved a €50 billion loan.", "value": 50000000000},
 {"name": "£2.26bn", "text": "Britain pledged £2.26bn of support.", "value": 2260000000},
 {"name": "500 million euros", "text": "It sent 500 million euros in aid.", "value": 500000000},
 {"name": "UAH 1.2bn", "text": "The ministry spent UAH 1.2bn on drones.", "value": 1200000000},
 {"name": "12 to 20", "text": "France will deliver 12 to 20 Mirage jets.", "low": 12, "high": 20, "range": true},
 {"name": "between 3,000 and 5,000", "text": "Between 3,000 and 5,000 troops are there.", "low": 3000, "high": 5000, "range": true},
 {"name": "10,000-12,000", "text": "A force of 10,000-12,000 soldiers.", "low": 10000, "high": 12000, "range": true},
 {"name": "some 10,000", "text": "North Korea has sent some 10,000 troops.", "value": 10000},
 {"name": "as many as 12,000", "text": "As many as 12,000 troops may be involved.", "value": 12000},
 {"name": "more than 100,000", "text": "More than 100,000 personnel have deserted.", "value": 100000},
 {"name": "at least 15", "text": "At least 15 civilians were killed.", "value": 15},
 {"name": "up to 500", "text": "Up to 500 drones were launched.", "value": 500},
 {"name": "nearly 3,000", "text": "Nearly 3,000 soldiers surrendered.", "value": 3000},
 {"name": "less than 1 percent", "text": "They make up less than 1 percent of Russia’s forces.", "value": 1},
 {"name": "1%", "text": "Growth was 1% last quarter.", "value": 1},
 {"name": "a third of", "text": "It lost a third of its forces.", "value": 0.3333333333333333},
 {"name": "3,000-man battalion", "text": "North Korea was forming a 3,000-man battalion.", "value": 3000},
 {"name": "500 Patriot and AMRAAM missiles", "text": "The US will send 500 Patriot and AMRAAM missiles.", "value": 500},
 {"name": "1.3 million-strong army", "text": "Its 1.3 million-strong army is learning.", "value": 1300000},
 {"name": "not: year", "text": "The war began in 2022.", "none": true},
 {"name": "not: day of month", "text": "They arrived on October 3.", "none": true},
 {"name": "not: clock time", "text": "The strike came at 08:30.", "none": true},
 {"name": "not: model number", "text": "Pilots are training on F-16 jets.", "none": true},
 {"name": "not: phone number", "text": "Call +44 20 7946 0958 for details.", "none": true},
 {"name": "date: last week", "text": "Allies last week announced aid.", "date": "2024-W41", "start": "2024-10-07"},
 {"name": "date: on Tuesday", "text": "The Post reported on Tuesday.", "date": "2024-10-15", "start": "2024-10-15"},
 {"name": "date: this month", "text": "The town fell this month.", "date": "2024-10", "start": "2024-10-01"},
 {"name": "date: earlier this year", "text": "They signed a pact earlier this year.", "date": "2024-01-01/2024-10-17", "start": "2024-01-01", "end": "2024-10-17"},
 {"name": "date: next year", "text": "France will deliver jets next year.", "date": "2025", "start": "2025-01-01"},
 {"name": "date: by Christmas", "text": "Shells will arrive by Christmas.", "date": "2024-12-25", "start": "2024-12-25", "end": "2024-12-25"},
 {"name": "date: by the end of the year", "text": "Aid will be allocated by the end of the year.", "date": "2024", "end": "2024-12-31", "start": "2024-12-31"},
 {"name": "date: in June", "text": "They entered a partnership in June.", "date": "2024-06", "start": "2024-06-01"},
 {"name": "date: October 3", "text": "They were first reported on October 3.", "date": "2024-10-03", "start": "2024-10-03"},
 {"name": "date: on 3 October 2024", "text": "It happened on 3 October 2024.", "date": "2024-10-03", "start": "2024-10-03"},
 {"name": "date: since the fall of 2023", "text": "Since the fall of 2023, North Korea has supplied shells.", "date": "2023-FA", "start": "2023-09-01"},
 {"name": "date: two days later", "text": "A strike on October 3 killed six. He said two days later that it was true.", "date": "2024-10-05", "start": "2024-10-05"},
 {"name": "duration: three years", "text": "The siege lasted three years.", "duration": "P3Y", "compromiseDuration": {"year": 3}},
 {"name": "duration: nearly three-year war", "text": "The nearly three-year war goes on.", "duration": "P3Y", "compromiseDuration": {"year": 3}}
]
EOF
python3 - "$tmp/examples.json" "$tmp/examples.jsonl" <<'PY'
import json, sys
cases = json.load(open(sys.argv[1]))
with open(sys.argv[2], "w") as f:
    for i, c in enumerate(cases):
        f.write(json.dumps({"url": f"https://example.test/case/{i}", "published": "2024-10-17T12:00:00Z", "text": c["text"]}) + "\n")
PY
"$tmp/sitrep" analyze --json "$tmp/examples.jsonl" >"$tmp/sitrep.json" 2>/dev/null
args=("$tmp/examples.json" "$tmp/sitrep.json")
if [ -d "$seeds" ]; then
	"$tmp/sitrep" analyze --json "$seeds"/*.txt >"$tmp/seeds.json" 2>/dev/null
	args+=("$tmp/seeds.json" "$seeds"/*.txt)
fi
(cd "$tmp" && VERBOSE=${VERBOSE:-} node compare-compromise.mjs "${args[@]}")
