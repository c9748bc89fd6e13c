package figure

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"time"
	"testing"

	"sitrep/internal/annotate/claim"
	"sitrep/internal/annotate/entity"
	"sitrep/internal/annotate/quantity"
	"sitrep/internal/annotate/sentence"
	"sitrep/internal/annotate/syntax"
	"sitrep/internal/annotate/timex"
	"sitrep/internal/news"
)

func TestZZConllu(t *testing.T) {
	f := os.Getenv("ZZ_TEXT")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	a := &news.Article{ID: "x", Text: string(b)}
	sentence.New().Process(context.Background(), a)
	syntax.NewParseAll().Process(context.Background(), a)
	syntax.WriteCoNLLU(os.Stdout, a)
}

func TestZZQuant(t *testing.T) {
	f := os.Getenv("ZZ_QTEXT")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	a := &news.Article{ID: "x", Text: string(b)}
	for _, st := range []interface {
		Process(context.Context, *news.Article) error
	}{sentence.New(), quantity.New(), timex.New(), entity.New(), claim.New()} {
		st.Process(context.Background(), a)
	}
	syntax.New().Process(context.Background(), a)
	a.Figures = Find(a)
	for _, q := range a.Quantities {
		v := func(p *float64) float64 {
			if p == nil {
				return -1
			}
			return *p
		}
		t.Logf("Q %q kind=%s v=%v lo=%v hi=%v approx=%s unit=%s counts=%q mod=%q", q.Text, q.Kind, v(q.Value), v(q.Low), v(q.High), q.Approx, q.Unit, q.Counts, q.Modifies)
	}
	for _, f := range a.Figures {
		t.Logf("F %q what=%s owner=%s fate=%s place=%s scope=%s whole=%v label=%q key=%s time=%s", f.Text, f.What, f.Owner, f.Fate, f.Place, f.Scope, f.Whole, f.Label, f.Measure, f.Time)
	}
}

func TestZZSeeds(t *testing.T) {
	if os.Getenv("ZZ_SEEDS") == "" {
		t.Skip()
	}
	files, _ := filepath.Glob("../../../../shared/seeds/*.txt")
	for _, fn := range files {
		b, _ := os.ReadFile(fn)
		a := &news.Article{ID: fn, Text: string(b), Published: time.Date(2024, 10, 20, 0, 0, 0, 0, time.UTC)}
		for _, st := range []interface{ Process(context.Context, *news.Article) error }{sentence.New(), quantity.New(), timex.New(), entity.New(), claim.New()} {
			st.Process(context.Background(), a)
		}
		a.Figures = Find(a)
		for _, f := range a.Figures {
			s := max(0, f.Start-80)
			t.Logf("%s %q key=%s label=%q | %s", filepath.Base(fn), f.Text, f.Measure, f.Label, strings.ReplaceAll(a.Text[s:min(len(a.Text), f.End+80)], "\n", " "))
		}
	}
}
