package measure

import (
	"testing"
	"time"

	"sitrep/internal/ledger"
	"sitrep/internal/news"
)

func TestRecord(t *testing.T) {
	v := 3000.0
	a := &news.Article{ID: "a", Story: "s1", Outlet: "Wire", Published: time.Date(2031, 3, 1, 0, 0, 0, 0, time.UTC),
		Text:      "Kazhar sent 3,000 troops. Three more came. Kazhar sent 3,000 troops again.",
		Sentences: []news.Sentence{{Span: news.Span{Start: 0, End: 25}}, {Span: news.Span{Start: 26, End: 41}}, {Span: news.Span{Start: 42, End: 74}}},
		Figures: []news.Figure{
			{Span: news.Span{Start: 12, End: 17}, Text: "3,000", Value: &v, Measure: "personnel|kz|deployed", Label: "Kazhar troops deployed", Unit: "troop"},
			{Span: news.Span{Start: 26, End: 31}, Text: "Three", Value: &v},
			{Span: news.Span{Start: 55, End: 60}, Text: "3,000", Value: &v, Measure: "personnel|kz|deployed"},
		}}
	defs := map[string]news.MeasureDef{"personnel|kz|deployed": {ID: ledger.ID("personnel|kz|deployed"), Key: "personnel|kz|deployed", Label: "Kazhar troops deployed"}}
	rec := Record(a, defs)
	if len(rec.Measures) != 1 || rec.Measures[0].ID != ledger.ID("personnel|kz|deployed") || rec.Measures[0].Label != "Kazhar troops deployed" {
		t.Errorf("measures = %+v, want the one troop measure with its label", rec.Measures)
	}
	if len(rec.Figures) != 2 {
		t.Fatalf("figures = %+v, want the two with a measure", rec.Figures)
	}
	f := rec.Figures[1]
	if f.Index != 2 || f.Family != "a" || f.Story != "s1" || f.Sentence != "Kazhar sent 3,000 troops again." || f.Outlet != "Wire" {
		t.Errorf("second figure = %+v", f)
	}
}
