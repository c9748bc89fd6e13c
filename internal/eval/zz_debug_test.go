package eval

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"sitrep/internal/pipeline"
	"sitrep/internal/wiring"
)

func TestZZLedgerDump(t *testing.T) {
	split := os.Getenv("ZZ_SPLIT")
	if split == "" {
		t.Skip()
	}
	g, err := LoadLedgerGold("../../testdata/gold/ledger", split)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, a := range g.Articles {
		want[a.ID] = true
	}
	recs, err := readRecords("../../../shared/data/ukraine-war-news/articles.jsonl", want)
	if err != nil {
		t.Fatal(err)
	}
	var steps []pipeline.Step
	for _, st := range wiring.Stages() {
		if st.Name != "extract" {
			steps = append(steps, st)
		}
	}
	p := pipeline.New(1, steps...)
	out, _ := os.Create(os.Getenv("ZZ_OUT"))
	defer out.Close()
	byArticle := map[string][]LedgerMention{}
	for _, m := range g.Mentions {
		byArticle[m.Article] = append(byArticle[m.Article], m)
	}
	ctxOf := func(text string, s, e int) string {
		lo, hi := max(0, s-70), min(len(text), e+70)
		return strings.ReplaceAll(text[lo:s]+"[["+text[s:e]+"]]"+text[e:hi], "\n", " ⏎ ")
	}
	for _, a := range g.Articles {
		rec := recs[a.ID]
		art := ArticleOf(rec.ID, rec.Outlet, rec.Date, rec.Text)
		art.Outlet = "OUTLET"
		if err := p.Process(context.Background(), art); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(out, "=== %s pub=%s\n", a.ID, art.Published.Format("2006-01-02"))
		used := map[int]bool{}
		for _, m := range byArticle[a.ID] {
			pred := "-"
			for i, f := range art.Figures {
				if f.Start < m.Offset+len(m.Phrase) && m.Offset < f.End {
					used[i] = true
					pred = fmt.Sprintf("PRED what=%s owner=%s fate=%s place=%s scope=%s whole=%v time=%s key=%s label=%q unit=%s counts=%q", f.What, f.Owner, f.Fate, f.Place, f.Scope, f.Whole != nil, f.Time, f.Measure, f.Label, f.Unit, f.Counts)
				}
			}
			gl := "NOT " + m.Class
			if m.Figure {
				gl = fmt.Sprintf("FIG lemma=%s owner=%s event=%s place=%s scope=%s time=%s noun=%q", m.Lemma, m.Owner, m.Event, m.Place, m.Scope, m.Time, m.Noun)
			}
			ok := "ok "
			if m.Figure != (pred != "-") {
				ok = "XX "
			}
			fmt.Fprintf(out, "%s%q  %s\n    %s\n    %s\n", ok, m.Phrase, ctxOf(rec.Text, m.Offset, m.Offset+len(m.Phrase)), gl, pred)
		}
		for i, f := range art.Figures {
			if !used[i] && f.Start < a.AnnotatedBytes {
				fmt.Fprintf(out, "UNL %q %s\n", f.Text, ctxOf(rec.Text, f.Start, f.End))
			}
		}
	}
}
