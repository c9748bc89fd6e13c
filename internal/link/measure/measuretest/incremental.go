package measuretest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"sitrep/internal/news"
)

// Checked is a store that keeps a measure's aggregates by deltas and can
// check them against a recount of its figures.
type Checked interface {
	Store
	// RequeueMeasures puts stored articles back in the measure queue.
	RequeueMeasures(ctx context.Context, ids []string) error
	// CheckMeasures returns a line for each stored aggregate that
	// differs from a recount; none when they agree.
	CheckMeasures(ctx context.Context) ([]string, error)
}

// RunIncremental records a mixed sequence of first records, identical
// re-records and replacements (figures moved to other measures, values,
// speakers, stories and times; figures dropped; whole articles emptied)
// on an empty store, and after each round requires its aggregates to be
// those of a recount from scratch.
func RunIncremental(t *testing.T, s Checked) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(17, 4))
	defs := []news.MeasureDef{
		{ID: "m-troops", Key: "personnel|kz|deployed", Label: "Kazhar troops", What: "personnel", Owner: "kz", Fate: "deployed", Scope: "total"},
		{ID: "m-dead", Key: "people|vl|killed", Label: "Velmar dead", What: "people", Owner: "vl", Fate: "killed", Scope: "total"},
		{ID: "m-aid", Key: "money|kz|pledged", Label: "Kazhar aid", Unit: "USD", What: "money", Owner: "kz", Fate: "pledged", Scope: "total"},
	}
	// Small pools, so that groups gather many figures and change their
	// earliest figure; more values than a measure lists.
	values := []string{"1,000", "2,000", "3,000", "4,000", "5,000", "6,000", "7,000", "8,000", "9,000", "10,000", "about 1,000", "3000"}
	speakers := []string{"", "Kazhar MoD", "kazhar mod", "KAZHAR MOD", "Korinsky", "korinsky", "Wire", "the governor", "The Governor"}
	stories := []string{"", "", "s1", "s2", "s3"}
	times := []string{"", "", "2031-03-01", "2031-03-02", "2031-03-02/2031-03-04", "2031-03-10", "2031-02-27"}
	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	// record is a random set of figures for article id, or none.
	record := func(id string) news.MeasureRecord {
		rec := news.MeasureRecord{Article: id}
		used := map[string]bool{}
		for i := range rng.IntN(5) {
			d := defs[rng.IntN(len(defs))]
			if !used[d.ID] {
				used[d.ID] = true
				rec.Measures = append(rec.Measures, d)
			}
			v := float64(1000 * (1 + rng.IntN(10)))
			rec.Figures = append(rec.Figures, news.MeasureFigure{Measure: d.ID, Article: id, Index: i, Story: pick(stories),
				Figure: news.Figure{Text: pick(values), Speaker: pick(speakers), Time: pick(times), Claim: -1}, Low: v, High: v})
		}
		return rec
	}
	var ids []string
	last := map[string]news.MeasureRecord{}
	check := func(round string) {
		t.Helper()
		diffs, err := s.CheckMeasures(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range diffs {
			t.Errorf("%s: %s", round, d)
		}
		if len(diffs) > 0 {
			t.FailNow()
		}
	}
	// First, by hand: the least spelling of a speaker, the earliest
	// time and the earliest article of a group leave with the article
	// that held them.
	said := func(id, speaker, when string) news.MeasureRecord {
		return news.MeasureRecord{Article: id, Measures: defs[:1], Figures: []news.MeasureFigure{{Measure: defs[0].ID, Article: id,
			Figure: news.Figure{Text: "1,000", Speaker: speaker, Time: when, Claim: -1}, Low: 1000, High: 1000}}}
	}
	var arts []*news.Article
	for _, id := range []string{"hand0", "hand1"} {
		arts = append(arts, &news.Article{ID: id, URL: "https://inc.example/" + id, Text: "Report " + id + "."})
	}
	if _, err := s.Put(ctx, arts); err != nil {
		t.Fatal(err)
	}
	for _, rec := range []news.MeasureRecord{said("hand0", "KAZHAR MOD", "2031-03-06"), said("hand1", "Kazhar MoD", "2031-03-01")} {
		if err := s.RecordMeasures(ctx, rec); err != nil {
			t.Fatal(err)
		}
		last[rec.Article] = rec
	}
	check("by hand, added")
	if err := s.RequeueMeasures(ctx, []string{"hand0"}); err != nil {
		t.Fatal(err)
	}
	last["hand0"] = said("hand0", "kazhar mod", "2031-03-06")
	if err := s.RecordMeasures(ctx, last["hand0"]); err != nil {
		t.Fatal(err)
	}
	check("by hand, recorded again")
	ids = append(ids, "hand0", "hand1")

	for round := range 12 {
		// New articles.
		var arts []*news.Article
		for range 6 {
			id := fmt.Sprintf("art%03d", len(ids))
			ids = append(ids, id)
			arts = append(arts, &news.Article{ID: id, URL: "https://inc.example/" + id, Text: "Report " + id + "."})
		}
		if _, err := s.Put(ctx, arts); err != nil {
			t.Fatal(err)
		}
		for _, a := range arts {
			rec := record(a.ID)
			if err := s.RecordMeasures(ctx, rec); err != nil {
				t.Fatal(err)
			}
			last[a.ID] = rec
		}
		check(fmt.Sprintf("round %d, added", round))
		// Earlier articles again: the same figures, or new ones.
		var again []string
		for _, id := range ids {
			if rng.IntN(3) == 0 {
				again = append(again, id)
			}
		}
		if err := s.RequeueMeasures(ctx, again); err != nil {
			t.Fatal(err)
		}
		for _, id := range again {
			rec := last[id]
			if rng.IntN(3) > 0 {
				rec = record(id)
			}
			if err := s.RecordMeasures(ctx, rec); err != nil {
				t.Fatal(err)
			}
			last[id] = rec
		}
		check(fmt.Sprintf("round %d, recorded again", round))
	}
	// The sequence was not trivial: the measures hold many figures and
	// list no more than they may.
	page, err := s.Measures(ctx, news.MeasureCursor{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Measures) != len(defs) {
		t.Fatalf("%d measures, want %d", len(page.Measures), len(defs))
	}
	for _, m := range page.Measures {
		if m.Figures < 20 || m.Speakers < 3 || len(m.Values) != news.MaxMeasureListed {
			t.Errorf("measure %s: %d figures, %d speakers, values %q: the sequence should fill it", m.ID, m.Figures, m.Speakers, m.Values)
		}
	}
}
