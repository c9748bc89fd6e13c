package eval

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"sitrep/internal/corpus"
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
func basilLedgerSelect(arts []corpus.Doc) map[string]string {
	digits := regexp.MustCompile(`[0-9]+`)
	var pool []corpus.Doc
	for _, a := range arts {
		if len(digits.FindAllString(a.Text[:basilWindow(a.Text)], -1)) >= 4 {
			pool = append(pool, a)
		}
	}
	sort.Slice(pool, func(i, j int) bool {
		return hashHex("ledgergold-basil:"+pool[i].ID) < hashHex("ledgergold-basil:"+pool[j].ID)
	})
	first := slices.Clone(pool[:min(30, len(pool))])
	sort.Slice(first, func(i, j int) bool {
		return hashHex("ledgergold-basil-split:"+first[i].ID) < hashHex("ledgergold-basil-split:"+first[j].ID)
	})
	out := map[string]string{}
	testTriplets := map[string]bool{}
	for i, a := range first {
		out[a.ID] = LedgerDev
		if i%2 == 1 {
			out[a.ID] = LedgerTest
			testTriplets[basilTriplet(a.ID)] = true
		}
	}
	// The second and third dev rounds: the next 10 and the 10 after them
	// of the ranking whose triplet has no test article.
	n := 0
	for _, a := range pool[min(30, len(pool)):] {
		if n == 20 {
			break
		}
		if !testTriplets[basilTriplet(a.ID)] {
			out[a.ID] = basilDev2
			if n >= 10 {
				out[a.ID] = basilDev3
			}
			n++
		}
	}
	// The fourth dev round: the pool is used up, so the first 10 in the
	// same ranking of the articles outside it with at least 4 candidate
	// numbers in the window and no test article in their triplet.
	var rest []corpus.Doc
	for _, a := range arts {
		w := a.Text[:basilWindow(a.Text)]
		if len(digits.FindAllString(w, -1)) < 4 && len(ledgerCandidates.FindAllString(w, -1)) >= 4 && !testTriplets[basilTriplet(a.ID)] {
			rest = append(rest, a)
		}
	}
	sort.Slice(rest, func(i, j int) bool {
		return hashHex("ledgergold-basil:"+rest[i].ID) < hashHex("ledgergold-basil:"+rest[j].ID)
	})
	for _, a := range rest[:min(10, len(rest))] {
		out[a.ID] = basilDev4
	}
	return out
}

// basilDev2, basilDev3 and basilDev4 mark the second, third and fourth
// dev rounds' articles in basilLedgerSelect (split dev, strata basil2,
// basil3 and basil4).
const (
	basilDev2 = "dev:basil2"
	basilDev3 = "dev:basil3"
	basilDev4 = "dev:basil4"
)

// basilTriplet is the BASIL triplet an article ID belongs to (its name
// without the "_<n>" of the outlet).
func basilTriplet(id string) string {
	if i := strings.LastIndexByte(id, '_'); i > 0 {
		return id[:i]
	}
	return id
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
	got := checkLedgerGoldSet(t, basilLedgerDir, texts, func(a LedgerArticle, text string) error {
		w := want[a.ID]
		split, stratum := w, "basil"
		switch w {
		case basilDev2:
			split, stratum = LedgerDev, "basil2"
		case basilDev3:
			split, stratum = LedgerDev, "basil3"
		case basilDev4:
			split, stratum = LedgerDev, "basil4"
		}
		if a.Split != split || a.Stratum != stratum {
			return fmt.Errorf("split %s stratum %s, the rule gives %q", a.Split, a.Stratum, w)
		}
		if w := basilWindow(text); w != a.AnnotatedBytes {
			return fmt.Errorf("annotated_bytes %d, the rule gives %d", a.AnnotatedBytes, w)
		}
		return nil
	})
	if got != len(want) {
		t.Errorf("%d gold articles, the rule selects %d", got, len(want))
	}
}
