package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitrep/internal/demo"
)

// TestLinkPictureIsWorkerInvariant checks that the link phase decides the
// same picture (verdicts, families, stories, entities, measures) with one
// worker and with four: the steps that compare articles in parallel
// decide in publication order. The corpus is the demo's, generated near
// copies of its articles (verbatim, trimmed and reworded, published
// hours later, some at the same time as each other), and the wire
// corpus's near-identical reports.
func TestLinkPictureIsWorkerInvariant(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: ingests a corpus twice")
	}
	corpus := append(nearCopies(t, demo.Articles), readFile(t, writeCorpus(t, wireCount(120)))...)
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(path, byPublication(t, corpus), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pictures := map[string]picture{}
	for _, workers := range []string{"1", "4"} {
		dsn := "sqlite:" + filepath.Join(dir, "w"+workers+".db")
		vars := map[string]string{"SITREP_WORKERS": workers}
		if _, errOut, code := runCLI(t, vars, "ingest", "--quiet", "--db", dsn, path); code != exitOK {
			t.Fatalf("%s workers: ingest: exit %d: %s", workers, code, errOut)
		}
		p := linkPicture(t, dsn)
		stdout, errOut, code := runCLI(t, nil, "measures", "--json", "--limit", "1000", "--db", dsn)
		if code != exitOK {
			t.Fatalf("%s workers: measures: exit %d: %s", workers, code, errOut)
		}
		p.order["measures"] = canonicalJSON(t, stdout)
		pictures[workers] = p
	}
	want, got := pictures["1"], pictures["4"]
	derived := 0
	for _, v := range want.provenance {
		if !strings.HasPrefix(v, "original ") && v != "no verdict" {
			derived++
		}
	}
	if derived < 20 {
		t.Fatalf("only %d derived verdicts in the reference run: the corpus does not exercise the comparisons", derived)
	}
	sameRuns(t, want.provenance, got.provenance, "in provenance with 4 workers")
	for _, list := range []string{"entities", "stories", "measures"} {
		if got.order[list] != want.order[list] {
			t.Errorf("`sitrep %s` differs with 4 workers:\n%s", list, lineDiff(want.order[list], got.order[list]))
		}
	}
	sameRuns(t, want.order, got.order, "in stories, entities and measures with 4 workers")
}

// nearCopies returns the JSONL corpus with, for every article, a verbatim
// copy an hour later and, for every other one, a trimmed and reworded
// copy three hours later (its last sentence dropped, "said" as "stated",
// a credit line added); every fourth copy shares its publication time
// with the one before it.
func nearCopies(t *testing.T, corpus []byte) []byte {
	t.Helper()
	var out []byte
	for i, line := range strings.Split(strings.TrimSpace(string(corpus)), "\n") {
		out = append(out, line...)
		out = append(out, '\n')
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		text, _ := rec["text"].(string)
		published, err := time.Parse(time.RFC3339, stringField(rec, "published"))
		if text == "" || err != nil {
			continue
		}
		emit := func(suffix string, later time.Duration, text string) {
			c := map[string]any{}
			for k, v := range rec {
				c[k] = v
			}
			delete(c, "key")
			c["url"] = stringField(rec, "url") + suffix
			c["outlet"] = "Copy Desk " + suffix
			c["published"] = published.Add(later).Format(time.RFC3339)
			c["text"] = text
			b, err := json.Marshal(c)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, b...)
			out = append(out, '\n')
		}
		later := time.Hour
		if i%4 == 3 {
			later = 0
		}
		emit("?copy", later, text)
		if i%2 == 0 {
			edited := text
			if cut := strings.LastIndex(strings.TrimRight(edited, ". \n"), ". "); cut > 0 {
				edited = edited[:cut+1]
			}
			edited = strings.Replace(edited, " said ", " stated ", 2) + "\n\nReporting by the copy desk."
			emit("?edit", 3*time.Hour, edited)
		}
	}
	return out
}

// stringField returns rec[key] when it is a string.
func stringField(rec map[string]any, key string) string {
	s, _ := rec[key].(string)
	return s
}
