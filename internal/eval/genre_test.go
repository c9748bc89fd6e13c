package eval

import (
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"

	genrestage "sitrep/internal/annotate/genre"
	"sitrep/internal/extract"
	"sitrep/internal/pipeline"
	"sitrep/internal/sharedtest"
)

// TestGenreGold checks the genre gold set: known labels, the split rule
// of its README, and (when ../shared is present) that every id is in the
// corpus and the stage scores the dev split.
func TestGenreGold(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "gold", "genre")
	gold, err := LoadGenreGold(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) < 150 {
		t.Errorf("%d gold articles, want at least 150", len(gold))
	}
	n := map[string]int{}
	for _, g := range gold {
		sum := sha256.Sum256([]byte("genre-split:" + g.ID))
		want := LedgerTest
		if sum[0] < 128 {
			want = LedgerDev
		}
		if g.Split != want {
			t.Errorf("%s: split %s, the README's rule gives %s", g.ID, g.Split, want)
		}
		n[g.Genre]++
	}
	if n["opinion"] < 40 || n["live"]+n["video"] < 20 {
		t.Errorf("genre counts %v: want >= 40 opinion and >= 20 live or video", n)
	}
	corpus := sharedtest.Path(t, "data", "ukraine-war-news", "articles.jsonl")
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("ukraine-war-news not available: %v", err)
	}
	steps := []pipeline.Step{{Name: "extract", Stage: extract.New(extract.Options{})}, {Name: "genre", Stage: genrestage.New()}}
	rep, err := Genre(context.Background(), dir, LedgerDev, corpus, steps)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Scored+rep.NotStored != n0(gold, LedgerDev) {
		t.Errorf("scored %d + not stored %d, want %d dev articles", rep.Scored, rep.NotStored, n0(gold, LedgerDev))
	}
}

func n0(gold []GenreGold, split string) int {
	n := 0
	for _, g := range gold {
		if g.Split == split {
			n++
		}
	}
	return n
}

// TestMetadataGold checks the metadata gold set's split rule and scoring
// helpers.
func TestMetadataGold(t *testing.T) {
	gold, err := LoadMetadataGold(filepath.Join("..", "..", "testdata", "gold", "metadata"))
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) < 50 {
		t.Errorf("%d gold pages, want at least 50", len(gold))
	}
	for _, g := range gold {
		sum := sha256.Sum256([]byte("metadata-split:" + g.ID))
		if want := map[bool]string{true: LedgerDev, false: LedgerTest}[sum[0] < 128]; g.Split != want {
			t.Errorf("%s: split %s, the README's rule gives %s", g.ID, g.Split, want)
		}
	}
	for _, c := range []struct {
		want, got string
		same      bool
	}{
		{"Lia Eustachewich and Yaron Steinbuch", "Yaron Steinbuch, Lia Eustachewich", true},
		{"Robert Burns", "ROBERT BURNS", true},
		{"Robert Burns", "Robert Burns, AP National Security Writer", false},
		{"", "", true},
	} {
		if got := sameAuthors(c.want, c.got); got != c.same {
			t.Errorf("sameAuthors(%q, %q) = %v", c.want, c.got, got)
		}
	}
	if !sameOutlet("pv magazine", "pv magazine International") || sameOutlet("The New York Times", "NYTimes") {
		t.Error("sameOutlet: containment rule broken")
	}
}

// TestTestErrorsNotListed: the genre and metadata reports list wrong
// answers on dev, never on the held-out test split.
func TestTestErrorsNotListed(t *testing.T) {
	for _, split := range []string{"dev", "test"} {
		var g, m strings.Builder
		gr := &GenreReport{Split: split, Errors: [][3]string{{"article-1", "opinion", "news"}}}
		if err := gr.Write(&g); err != nil {
			t.Fatal(err)
		}
		mr := &MetadataReport{Split: split, Wrong: [][4]string{{"0123456789abcdef", "title", "A", "B"}}}
		if err := mr.Write(&m); err != nil {
			t.Fatal(err)
		}
		listed := strings.Contains(g.String(), "article-1") || strings.Contains(m.String(), "0123456789ab")
		if listed != (split == "dev") {
			t.Errorf("%s split: errors listed %v\n%s%s", split, listed, g.String(), m.String())
		}
	}
}
