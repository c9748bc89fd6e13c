package eval

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/internal/news"
)

func TestScoreClusters(t *testing.T) {
	gold := map[string]string{"a": "1", "b": "1", "c": "1", "d": "2", "e": "2"}
	tests := []struct {
		name               string
		pred               map[string]string
		pairP, pairR, b3F1 float64
	}{
		{"perfect", map[string]string{"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}, 1, 1, 1},
		{"all singletons", map[string]string{}, 1, 0, 2 * 1 * 0.4 / 1.4},
		// one cluster: 10 pairs, 4 right; gold has 4 pairs.
		{"one cluster", map[string]string{"a": "x", "b": "x", "c": "x", "d": "x", "e": "x"}, 0.4, 1, 2 * 0.52 / 1.52},
		// {a b} {c d e}: right pairs a-b and d-e of 4 predicted, 4 gold.
		{"split and merge", map[string]string{"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}, 0.5, 0.5, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ScoreClusters(gold, tt.pred)
			if math.Abs(s.PairP-tt.pairP) > 1e-9 || math.Abs(s.PairR-tt.pairR) > 1e-9 {
				t.Errorf("pairwise P/R = %g/%g, want %g/%g", s.PairP, s.PairR, tt.pairP, tt.pairR)
			}
			if tt.b3F1 >= 0 && math.Abs(s.B3F1-tt.b3F1) > 1e-9 {
				t.Errorf("B3 F1 = %g, want %g", s.B3F1, tt.b3F1)
			}
			if s.Docs != 5 || s.Gold != 2 {
				t.Errorf("docs %d gold %d", s.Docs, s.Gold)
			}
		})
	}
}

// TestLoadClusteringSets checks the loaders on the shared data sets when
// they are present.
func TestLoadClusteringSets(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "news-clustering")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("news-clustering data not present")
	}
	b, err := LoadBASIL(filepath.Join(dir, "basil"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := LoadECBPlus(filepath.Join(dir, "ecbplus"))
	if err != nil {
		t.Fatal(err)
	}
	count := func(docs []StoryDoc) (int, int, int) {
		gold, dated := map[string]bool{}, 0
		for _, d := range docs {
			gold[d.Gold] = true
			if !d.Article.Published.IsZero() {
				dated++
			}
		}
		return len(docs), len(gold), dated
	}
	if n, g, dated := count(b); n != 300 || g != 100 || dated != 300 {
		t.Errorf("BASIL: %d docs, %d events, %d dated; want 300, 100, 300", n, g, dated)
	}
	if n, g, _ := count(e); n != 982 || g != 86 {
		t.Errorf("ECB+: %d docs, %d sub-topics; want 982, 86", n, g)
	}
}

// One rejected document is reported and left out; the others are
// scored, and an error that is not a rejection stops the run.
func TestAnnotateSkipsRejected(t *testing.T) {
	doc := func(id string) StoryDoc {
		return StoryDoc{Article: &news.Article{ID: id, URL: "set:" + id}, Gold: "g"}
	}
	docs := []StoryDoc{doc("a"), doc("b"), doc("a"), doc("c")}
	kept, skipped, err := Annotate(docs, func(a *news.Article) error {
		if a.ID == "b" {
			return fmt.Errorf("%w: empty", news.ErrRejected)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(kept) != 2 || kept[0].Article.ID != "a" || kept[1].Article.ID != "c" {
		t.Errorf("kept %d documents, want a and c", len(kept))
	}
	if len(skipped) != 1 || !strings.HasPrefix(skipped[0], "set:b: ") {
		t.Errorf("skipped = %q, want set:b", skipped)
	}
	if _, _, err := Annotate([]StoryDoc{doc("d")}, func(*news.Article) error { return context.Canceled }); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}
