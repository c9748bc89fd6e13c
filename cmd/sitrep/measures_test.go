package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/internal/demo"
	"sitrep/internal/ledger"
	"sitrep/internal/link/measure"
	"sitrep/internal/news"
	"sitrep/internal/readmodel"
)

// TestDemoMeasures ingests the demo corpus and checks `sitrep measures`
// and `sitrep measure ID`: every stored figure with a measure key is in
// its global measure, the counts agree with the stored figures, and one
// measure's page lists its values with their speakers.
func TestDemoMeasures(t *testing.T) {
	corpus := filepath.Join(t.TempDir(), "demo.jsonl")
	if err := os.WriteFile(corpus, demo.Articles, 0o644); err != nil {
		t.Fatal(err)
	}
	dsn := "sqlite:" + filepath.Join(t.TempDir(), "demo.db")
	if _, errOut, code := runCLI(t, nil, "ingest", "--quiet", "--db", dsn, corpus); code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, errOut)
	}
	out, errOut, code := runCLI(t, nil, "measures", "--json", "--limit", "1000", "--db", dsn)
	if code != exitOK {
		t.Fatalf("measures: exit %d: %s", code, errOut)
	}
	var page news.MeasurePage
	if err := json.Unmarshal([]byte(out), &page); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s, err := openStore(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	articles, err := readmodel.All(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range articles {
		ids = append(ids, a.ID)
	}
	fm, err := s.(measure.Lister).FigureMeasures(ctx, ids)
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	// Every figure with a measure key is counted in one measure, and
	// each measure's counts are those of the figures counted in it.
	type counts struct{ figures, articles int }
	want := map[string]*counts{}
	for _, a := range articles {
		seen := map[string]bool{}
		for i, k := range ledger.Keys(a) {
			id, ok := fm[a.ID][i]
			if ok != (k != "") {
				t.Errorf("%s figure %d (key %q) indexed: %v", a.ID, i, k, ok)
			}
			if !ok {
				continue
			}
			if want[id] == nil {
				want[id] = &counts{}
			}
			want[id].figures++
			if !seen[id] {
				seen[id] = true
				want[id].articles++
			}
		}
	}
	if len(page.Measures) != len(want) || len(want) == 0 {
		t.Fatalf("%d measures listed, %d measures hold the stored figures", len(page.Measures), len(want))
	}
	for _, m := range page.Measures {
		w := want[m.ID]
		if w == nil || w.figures != m.Figures || w.articles != m.Articles {
			t.Errorf("measure %s (%s): %d figures in %d articles, want %+v", m.ID, m.Key, m.Figures, m.Articles, w)
		}
	}
	top := page.Measures[0]
	out, errOut, code = runCLI(t, nil, "measure", "--db", dsn, top.ID)
	if code != exitOK {
		t.Fatalf("measure: exit %d: %s", code, errOut)
	}
	for _, v := range append([]string{top.Label}, top.SpeakerNames...) {
		if !strings.Contains(out, v) {
			t.Errorf("sitrep measure %s lacks %q:\n%s", top.ID, v, out)
		}
	}
	out, _, code = runCLI(t, nil, "measures", "--limit", "1", "--db", dsn)
	if code != exitOK || !strings.Contains(out, "more: sitrep measures --after ") || !strings.Contains(out, top.ID) {
		t.Errorf("measures --limit 1: exit %d:\n%s", code, out)
	}
	if _, _, code = runCLI(t, nil, "measure", "--db", dsn, "0000000000000000"); code == exitOK {
		t.Error("an unknown measure exits 0")
	}
}
