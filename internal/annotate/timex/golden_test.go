package timex

import (
	"flag"
	"testing"

	"sitrep/internal/annotate/sentence"
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
		Key       string          `json:"key"`
		Published string          `json:"published"`
		Times     []news.TimeExpr `json:"times"`
	}
	var out []entry
	s := New()
	for _, k := range keys {
		a := arts[k]
		p := ""
		if !a.Published.IsZero() {
			p = a.Published.Format("2006-01-02 Mon")
		}
		out = append(out, entry{k, p, s.Find(a.Text, a.Tokens, a.Published)})
	}
	golden(t, "demo.golden.json", out)
}
