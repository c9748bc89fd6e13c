package quantity

import (
	"flag"
	"testing"

	"sitrep/internal/annotate/sentence"
	"sitrep/internal/demo"
	"sitrep/internal/demo/demotest"
	"sitrep/internal/news"
)

var update = flag.Bool("update", false, "rewrite golden files")

// demoArticles runs the extract and sentence stages over the embedded
// demo corpus and returns the articles by key.
func demoArticles(t testing.TB) ([]string, map[string]*news.Article) {
	return demotest.Articles(t, sentence.New())
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got any) {
	demotest.Golden(t, name, got, *update)
}

func TestGoldenDemo(t *testing.T) {
	keys, arts := demoArticles(t)
	type entry struct {
		Key        string          `json:"key"`
		Quantities []news.Quantity `json:"quantities"`
	}
	var out []entry
	s := New()
	for _, k := range keys {
		a := arts[k]
		out = append(out, entry{k, s.Find(a.Text, a.Tokens)})
	}
	golden(t, "demo.golden.json", out)
}

// TestDemoFigures checks every figure of the demo truth file against the
// quantity found with the same text in the same report.
func TestDemoFigures(t *testing.T) {
	_, arts := demoArticles(t)
	truth, err := demo.LoadTruth()
	if err != nil {
		t.Fatal(err)
	}
	s := New()
	found := 0
	for _, f := range truth.Figures {
		a := arts[f.Article]
		qs := s.Find(a.Text, a.Tokens)
		var q *news.Quantity
		for i := range qs {
			if qs[i].Text == f.Text {
				q = &qs[i]
				break
			}
		}
		if q == nil {
			t.Errorf("%s: figure %q not found", f.Article, f.Text)
			continue
		}
		found++
		eq := func(name string, want, got *float64) {
			if want == nil {
				return // the truth leaves bounds of a single figure open
			}
			if got == nil || *got != *want {
				t.Errorf("%s %q: %s = %s, want %v", f.Article, f.Text, name, fmtPtr(got), *want)
			}
		}
		eq("value", f.Value, q.Value)
		eq("low", f.Low, q.Low)
		eq("high", f.High, q.High)
		if f.Value == nil && q.Value != nil {
			t.Errorf("%s %q: value = %v, want nil", f.Article, f.Text, *q.Value)
		}
		if q.Approx != f.Approx {
			t.Errorf("%s %q: approx = %s, want %s", f.Article, f.Text, q.Approx, f.Approx)
		}
	}
	t.Logf("%d of %d figures found with the right value, bounds and approx", found, len(truth.Figures))
}
