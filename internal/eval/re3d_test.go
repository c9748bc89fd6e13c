package eval

import (
	"fmt"
	"path/filepath"
	"sort"
	"testing"

	"sitrep/internal/corpus"
	"sitrep/internal/sharedtest"
)

var re3dLedgerDir = filepath.Join("..", "..", "testdata", "gold", "ledger-re3d")

func readRe3dOrSkip(t *testing.T) []corpus.Doc {
	t.Helper()
	docs, err := corpus.Re3d(sharedtest.Path(t, "data", "re3d"))
	if err != nil {
		t.Skipf("re3d not available: %v", err)
	}
	return docs
}

// re3dLedgerSelect recomputes the README's selection and split: every
// document outside wikipedia/ with a candidate number, split per folder
// by the hash rank. Document ID → [stratum, split].
func re3dLedgerSelect(docs []corpus.Doc) map[string][2]string {
	byFolder := map[string][]corpus.Doc{}
	for _, d := range docs {
		if d.Group != "wikipedia" && ledgerCandidates.MatchString(d.Text) {
			byFolder[d.Group] = append(byFolder[d.Group], d)
		}
	}
	out := map[string][2]string{}
	for folder, ds := range byFolder {
		sort.Slice(ds, func(i, j int) bool {
			return hashHex("ledgergold-re3d-split:"+ds[i].ID) < hashHex("ledgergold-re3d-split:"+ds[j].ID)
		})
		for i, d := range ds {
			split := LedgerDev
			if i%2 == 1 {
				split = LedgerTest
			}
			out[d.ID] = [2]string{folder, split}
		}
	}
	return out
}

// TestLedgerRe3dSelection checks the re3d ledger gold against the corpus:
// the documents, strata and splits are what the README's rule gives, the
// whole text is annotated, every candidate number is labelled and every
// phrase sits at its offset.
func TestLedgerRe3dSelection(t *testing.T) {
	docs := readRe3dOrSkip(t)
	texts := map[string]string{}
	for _, d := range docs {
		texts[d.ID] = d.Text
	}
	want := re3dLedgerSelect(docs)
	got := checkLedgerGoldSet(t, re3dLedgerDir, texts, func(a LedgerArticle, text string) error {
		if w, ok := want[a.ID]; !ok || w != [2]string{a.Stratum, a.Split} {
			return fmt.Errorf("stratum/split %s/%s, the rule gives %v (selected %v)", a.Stratum, a.Split, w, ok)
		}
		if a.AnnotatedBytes != len(text) {
			return fmt.Errorf("annotated_bytes %d, the text has %d", a.AnnotatedBytes, len(text))
		}
		return nil
	})
	if got != len(want) {
		t.Errorf("%d gold documents, the rule selects %d", got, len(want))
	}
}

// checkLedgerGoldSet checks a ledger gold set against its corpus texts
// (article ID → text): both splits load and hold figures, every phrase
// sits at its offset, every article passes check (its selection and
// window) and every candidate number in its window is labelled. It
// returns the number of articles.
func checkLedgerGoldSet(t *testing.T, dir string, texts map[string]string, check func(a LedgerArticle, text string) error) int {
	t.Helper()
	n := 0
	for _, split := range []string{LedgerDev, LedgerTest} {
		g, err := LoadLedgerGold(dir, split)
		if err != nil {
			t.Fatal(err)
		}
		if len(g.Figures()) == 0 {
			t.Fatalf("%s: no figures", split)
		}
		if err := g.CheckOffsets(texts); err != nil {
			t.Errorf("%s: %v", split, err)
		}
		covered := coverage(g)
		for _, a := range g.Articles {
			n++
			text := texts[a.ID]
			if err := check(a, text); err != nil {
				t.Errorf("%s: %v", a.ID, err)
				continue
			}
			checkCandidates(t, a.ID, text[:a.AnnotatedBytes], covered[a.ID])
		}
	}
	return n
}

// TestReadRe3dRecords reads gold documents through the corpus reader the
// evaluation uses: a directory is read as re3d, with the source as outlet.
func TestReadRe3dRecords(t *testing.T) {
	docs := readRe3dOrSkip(t)
	d := docs[len(docs)/2]
	recs, err := readRecords(sharedtest.Path(t, "data", "re3d"), map[string]bool{d.ID: true})
	if err != nil {
		t.Fatal(err)
	}
	r, ok := recs[d.ID]
	if !ok || len(recs) != 1 {
		t.Fatalf("got %d records, want only %s", len(recs), d.ID)
	}
	if r.Text != d.Text || r.Outlet == nil || *r.Outlet != d.Source || r.Date != "" {
		t.Errorf("record %s: outlet %v date %q, text equal %v", d.ID, r.Outlet, r.Date, r.Text == d.Text)
	}
}
