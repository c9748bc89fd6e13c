// Package measuretest is the conformance suite for measure.Index and
// measure.Lister: both stores run it, so the measure step and its readers
// see the same index in each.
package measuretest

import (
	"context"
	"errors"
	"math"
	"reflect"
	"testing"
	"time"

	"sitrep/internal/ledger"
	"sitrep/internal/link/measure"
	"sitrep/internal/news"
	"sitrep/internal/store"
)

// Store is what the suite needs: the step's store, its lister and Put.
type Store interface {
	measure.Store
	measure.Lister
	store.ArticleWriter
}

func day(d int) time.Time { return time.Date(2031, 3, d, 12, 0, 0, 0, time.UTC) }

func fp(v float64) *float64 { return &v }

// figure is a troop or money figure with a structured measure.
func figure(text string, v float64, key, speaker, when string) news.Figure {
	return news.Figure{Text: text, Value: fp(v), Approx: "exact", Measure: key, What: "personnel", Owner: "kz",
		Fate: "deployed", Scope: news.ScopeTotal, Label: "Kazhar troops deployed", Speaker: speaker, Time: when, Claim: -1}
}

// money is a pledge of money by Kazhar.
func money(text string, v float64, speaker, when string) news.Figure {
	return news.Figure{Text: text, Value: fp(v), Approx: "exact", Unit: "USD", Measure: "money|kz|pledged", What: "money", Owner: "kz",
		Fate: "pledged", Scope: news.ScopeTotal, Label: "Kazhar's pledges", Speaker: speaker, Time: when, Claim: -1}
}

// Run runs the suite on an empty store.
func Run(t *testing.T, s Store) {
	ctx := context.Background()
	const troops, pledges = "personnel|kz|deployed", "money|kz|pledged"
	arts := []*news.Article{
		{ID: "undated", URL: "https://a.example/u", Text: "Undated: 4,000 troops.", Title: "U",
			Figures: []news.Figure{figure("4,000", 4000, troops, "Kazhar MoD", "")}},
		{ID: "late", URL: "https://a.example/l", Text: "Late: 5,000 troops. And $2m.", Title: "L", Published: day(20), Story: "s2",
			Sentences: []news.Sentence{{Span: news.Span{Start: 0, End: 19}}, {Span: news.Span{Start: 20, End: 28}}},
			Figures: []news.Figure{figure("5,000", 5000, troops, "Korinsky", "2031-03-20"), money("$2m", 2e6, "Korinsky", "2031-03-20"),
				{Text: "three", Value: fp(3), Approx: "exact", Claim: -1}}},
		{ID: "early", URL: "https://a.example/e", Text: "Early: 3,000 troops.", Title: "E", Published: day(1), Story: "s1",
			Provenance: &news.Provenance{Kind: "original", Family: "early"},
			Figures:    []news.Figure{figure("3,000", 3000, troops, "Kazhar MoD", "2031-03-01/2031-03-02")}},
	}
	arts[1].Figures[0].Span = news.Span{Start: 6, End: 11}
	arts[1].Figures[1].Span = news.Span{Start: 24, End: 27}
	if _, err := s.Put(ctx, arts); err != nil {
		t.Fatal(err)
	}
	pending, err := s.PendingMeasures(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"early", "late", "undated"}; !reflect.DeepEqual(pending, want) {
		t.Errorf("pending = %v, want %v", pending, want)
	}
	n, err := measure.New(s).Link(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Errorf("linked %d articles, want 3", n)
	}
	if pending, _ := s.PendingMeasures(ctx, 10); len(pending) != 0 {
		t.Errorf("pending after linking = %v", pending)
	}
	// Recording again changes nothing.
	if err := s.RecordMeasures(ctx, news.MeasureRecord{Article: "late"}); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordMeasures(ctx, news.MeasureRecord{Article: "nope"}); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("recording an unknown article: %v", err)
	}

	page, err := s.Measures(ctx, news.MeasureCursor{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	// A package of money is known by its amount: its measure is the
	// reporting article's own until another report repeats the number.
	tid, mid := ledger.ID(troops), ledger.ID(pledges+"@late")
	want := []news.MeasureSummary{
		{MeasureDef: news.MeasureDef{ID: tid, Key: troops, Label: "Kazhar troops deployed", What: "personnel", Owner: "kz", Fate: "deployed", Scope: "total"}, Figures: 3, Articles: 3, Stories: 2, Speakers: 2,
			First: "2031-03-01", Last: "2031-03-20", Values: []string{"4,000", "3,000", "5,000"}, SpeakerNames: []string{"Kazhar MoD", "Korinsky"}},
		{MeasureDef: news.MeasureDef{ID: mid, Key: pledges + "@late", Label: "Kazhar's pledges", Unit: "USD", What: "money", Owner: "kz", Fate: "pledged", Scope: "total"}, Figures: 1, Articles: 1, Stories: 1, Speakers: 1,
			First: "2031-03-20", Last: "2031-03-20", Values: []string{"$2m"}, SpeakerNames: []string{"Korinsky"}},
	}
	if !reflect.DeepEqual(page.Measures, want) || page.Next != nil {
		t.Errorf("measures = %+v next %v,\nwant %+v", page.Measures, page.Next, want)
	}
	// Paging: one a page, the cursor continues.
	first, err := s.Measures(ctx, news.MeasureCursor{}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Measures) != 1 || first.Measures[0].ID != tid || first.Next == nil {
		t.Fatalf("first page = %+v", first)
	}
	second, err := s.Measures(ctx, *first.Next, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(second.Measures) != 1 || second.Measures[0].ID != mid || second.Next != nil {
		t.Errorf("second page = %+v", second)
	}

	sum, figs, err := s.Measure(ctx, tid)
	if err != nil {
		t.Fatal(err)
	}
	if sum.ID != tid || sum.Figures != 3 {
		t.Errorf("summary = %+v", sum)
	}
	var got []string
	for _, f := range figs {
		got = append(got, f.Article+":"+f.Figure.Text)
	}
	// Ordered by the time each figure refers to, undated first.
	if w := []string{"undated:4,000", "early:3,000", "late:5,000"}; !reflect.DeepEqual(got, w) {
		t.Errorf("figures = %v, want %v", got, w)
	}
	if len(figs) == 3 {
		if f := figs[2]; f.Story != "s2" || f.Family != "late" || f.Sentence != "Late: 5,000 troops." || !f.Published.Equal(day(20)) || f.Index != 0 {
			t.Errorf("late figure = %+v", f)
		}
		if f := figs[1]; f.Family != "early" || f.Figure.Time != "2031-03-01/2031-03-02" {
			t.Errorf("early figure = %+v", f)
		}
	}
	if _, _, err := s.Measure(ctx, "nope"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("unknown measure: %v", err)
	}

	// A later report that does not say whose troops: its 5,000 repeats
	// a value of the Kazhar measure and is counted there; its 9,999 is
	// another measure, the article's own (it says neither whose nor where).
	unowned := func(text string, v float64) news.Figure {
		f := figure(text, v, "personnel||deployed", "Wire", "2031-03-25")
		f.Owner = ""
		return f
	}
	later := &news.Article{ID: "later", URL: "https://a.example/x", Text: "Later: 5,000 and 9,999 troops.", Published: day(25),
		Figures: []news.Figure{unowned("5,000", 5000), unowned("9,999", 9999)}}
	if _, err := s.Put(ctx, []*news.Article{later}); err != nil {
		t.Fatal(err)
	}
	like, err := s.MeasuresLike(ctx, news.MeasureQuery{What: "personnel", Scope: "total", Low: 4500, High: math.Inf(1)}, 10)
	if err != nil || len(like) != 1 || like[0].ID != tid {
		t.Errorf("measures like 4,500 or more = %+v, %v; want the troop measure", like, err)
	}
	if _, err := measure.New(s).Link(ctx); err != nil {
		t.Fatal(err)
	}
	got2, err := s.FigureMeasures(ctx, []string{"later", "early"})
	if err != nil {
		t.Fatal(err)
	}
	want2 := map[string]map[int]string{"later": {0: tid, 1: ledger.ID("personnel||deployed#1@later")}, "early": {0: tid}}
	if !reflect.DeepEqual(got2, want2) {
		t.Errorf("figure measures = %v, want %v", got2, want2)
	}
}
