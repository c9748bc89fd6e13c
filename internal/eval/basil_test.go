package eval

import (
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"sitrep/internal/sharedtest"
)

var basilLedgerDir = filepath.Join("..", "..", "testdata", "gold", "ledger-basil")

// basilWindow is the README's annotated window: the whole text up to
// 1,800 bytes, else up to the first paragraph break at or after byte
// 1,200.
func basilWindow(text string) int {
	if len(text) <= 1800 {
		return len(text)
	}
	if i := strings.Index(text[1200:], "\n\n"); i >= 0 {
		return 1200 + i
	}
	return len(text)
}

// basilLedgerSelect recomputes the README's selection and split: article
// ID → split.
func basilLedgerSelect(arts []BasilArticle) map[string]string {
	digits := regexp.MustCompile(`[0-9]+`)
	var pool []BasilArticle
	for _, a := range arts {
		if len(digits.FindAllString(a.Text[:basilWindow(a.Text)], -1)) >= 4 {
			pool = append(pool, a)
		}
	}
	sort.Slice(pool, func(i, j int) bool {
		return hashHex("ledgergold-basil:"+pool[i].ID) < hashHex("ledgergold-basil:"+pool[j].ID)
	})
	pool = pool[:min(30, len(pool))]
	sort.Slice(pool, func(i, j int) bool {
		return hashHex("ledgergold-basil-split:"+pool[i].ID) < hashHex("ledgergold-basil-split:"+pool[j].ID)
	})
	out := map[string]string{}
	for i, a := range pool {
		out[a.ID] = LedgerDev
		if i%2 == 1 {
			out[a.ID] = LedgerTest
		}
	}
	return out
}

// TestLedgerBasilSelection checks the BASIL ledger gold against the
// corpus: the articles and splits are what the README's rule gives, the
// windows are right, every candidate number in them is labelled and
// every phrase sits at its offset.
func TestLedgerBasilSelection(t *testing.T) {
	arts, err := ReadBasil(sharedtest.Path(t, "data", "news-clustering", "basil"))
	if err != nil {
		t.Skipf("BASIL not available: %v", err)
	}
	texts := map[string]string{}
	for _, a := range arts {
		texts[a.ID] = a.Text
	}
	want := basilLedgerSelect(arts)
	got := 0
	for _, split := range []string{LedgerDev, LedgerTest} {
		g, err := LoadLedgerGold(basilLedgerDir, split)
		if err != nil {
			t.Fatal(err)
		}
		if len(g.Figures()) == 0 {
			t.Fatalf("%s: no figures", split)
		}
		if err := g.CheckOffsets(texts); err != nil {
			t.Errorf("%s: %v", split, err)
		}
		covered := map[string][][2]int{}
		for _, m := range g.Mentions {
			covered[m.Article] = append(covered[m.Article], [2]int{m.Offset, m.Offset + len(m.Phrase)})
		}
		for _, a := range g.Articles {
			got++
			if w := want[a.ID]; w != a.Split || a.Stratum != "basil" {
				t.Errorf("%s: split %s stratum %s, the rule gives %q", a.ID, a.Split, a.Stratum, w)
				continue
			}
			text := texts[a.ID]
			if w := basilWindow(text); w != a.AnnotatedBytes {
				t.Errorf("%s: annotated_bytes %d, the rule gives %d", a.ID, a.AnnotatedBytes, w)
			}
			for _, loc := range ledgerCandidates.FindAllStringIndex(text[:a.AnnotatedBytes], -1) {
				in := false
				for _, c := range covered[a.ID] {
					in = in || loc[0] >= c[0] && loc[0] < c[1]
				}
				if !in {
					t.Errorf("%s@%d: candidate %q not annotated", a.ID, loc[0], text[loc[0]:loc[1]])
				}
			}
		}
	}
	if got != len(want) {
		t.Errorf("%d gold articles, the rule selects %d", got, len(want))
	}
}
