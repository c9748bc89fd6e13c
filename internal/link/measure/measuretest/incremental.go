package measuretest

import (
	"context"
	"fmt"
	"math"
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
			lo, hi := v, v
			switch rng.IntN(30) {
			case 0, 1, 2, 3, 4, 5: // about v
				lo, hi = v*0.9, v*1.1
			case 6, 7: // a vague count
				lo, hi = math.NaN(), math.NaN()
			case 8: // at least v
				hi = math.Inf(1)
			case 9: // a bound too far for a span
				hi = 2e300
			}
			rec.Figures = append(rec.Figures, news.MeasureFigure{Measure: d.ID, Article: id, Index: i, Story: pick(stories),
				Figure: news.Figure{Text: pick(values), Speaker: pick(speakers), Time: pick(times), Claim: -1}, Low: lo, High: hi})
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
	// MeasuresLike finds the measures holding a figure that overlaps a
	// number, a range or an open range, those ending exactly at the
	// bounds of a stored figure too.
	type query struct{ lo, hi float64 }
	queries := []query{{500, 500}, {4000, 4000}, {4100, 4300}, {9500, math.Inf(1)}, {math.Inf(-1), 950}, {3e300, 3e300}, {1e299, 1e299}}
	for _, rec := range last {
		for _, f := range rec.Figures {
			queries = append(queries, query{f.Low, f.Low}, query{f.High, f.High}, query{f.High, f.High + 1}, query{f.Low - 1, f.Low})
		}
	}
	likes := 0
	for _, d := range defs {
		for _, q := range queries {
			if math.IsNaN(q.lo) || math.IsNaN(q.hi) {
				continue
			}
			want := false
			for _, rec := range last {
				for _, f := range rec.Figures {
					// Stored open bounds are NULL: they never overlap.
					open := math.IsNaN(f.Low) || math.IsNaN(f.High) || math.IsInf(f.Low, 0) || math.IsInf(f.High, 0)
					want = want || (f.Measure == d.ID && !open && f.Low <= q.hi && f.High >= q.lo)
				}
			}
			got, err := s.MeasuresLike(ctx, news.MeasureQuery{What: d.What, Scope: d.Scope, Low: q.lo, High: q.hi}, 10)
			if err != nil {
				t.Fatal(err)
			}
			if (len(got) == 1 && got[0].ID == d.ID) != want || len(got) > 1 {
				t.Errorf("measures like %s %v: %v, want it found %v", d.ID, q, got, want)
			}
			if want {
				likes++
			}
		}
	}
	if likes == 0 || likes == len(defs)*len(queries) {
		t.Errorf("%d of %d like queries find their measure: the queries should find some and miss some", likes, len(defs)*len(queries))
	}

	// A few figures of a measure of their own: MeasuresLike must reach
	// back from a figure's high bound to its low one, also where the
	// subtraction rounds up (1.1 and 1.1e7/3), and numbers just past the
	// bounds miss.
	vehicles := news.MeasureDef{ID: "m-vehicles", Key: "vehicles|kz|lost", Label: "Kazhar vehicles lost", What: "vehicles", Owner: "kz", Fate: "lost", Scope: "total"}
	bounds := []query{{100, 100}, {900, 1100}, {1.1, 1.1 * 1e7 / 3}, {5e6, 6e6}}
	sparse := news.MeasureRecord{Article: "sparse", Measures: []news.MeasureDef{vehicles}}
	for i, b := range bounds {
		sparse.Figures = append(sparse.Figures, news.MeasureFigure{Measure: vehicles.ID, Article: "sparse", Index: i,
			Figure: news.Figure{Text: fmt.Sprint(b.lo), Claim: -1}, Low: b.lo, High: b.hi})
	}
	if _, err := s.Put(ctx, []*news.Article{{ID: "sparse", URL: "https://inc.example/sparse", Text: "Sparse."}}); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordMeasures(ctx, sparse); err != nil {
		t.Fatal(err)
	}
	for _, b := range bounds {
		for _, q := range []query{{b.lo, b.lo}, {b.hi, b.hi}, {b.hi, math.Inf(1)}, {math.Inf(-1), b.lo},
			{math.Nextafter(b.hi, math.Inf(1)), math.Nextafter(b.hi, math.Inf(1))}, {math.Nextafter(b.lo, 0), math.Nextafter(b.lo, 0)}} {
			want := false
			for _, f := range bounds {
				want = want || (f.lo <= q.hi && f.hi >= q.lo)
			}
			got, err := s.MeasuresLike(ctx, news.MeasureQuery{What: vehicles.What, Scope: vehicles.Scope, Low: q.lo, High: q.hi}, 10)
			if err != nil {
				t.Fatal(err)
			}
			if (len(got) == 1) != want {
				t.Errorf("vehicles like %v: %v, want it found %v", q, got, want)
			}
		}
	}

	// The sequence was not trivial: the measures hold many figures and
	// list no more than they may.
	page, err := s.Measures(ctx, news.MeasureCursor{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Measures) != len(defs)+1 {
		t.Fatalf("%d measures, want %d", len(page.Measures), len(defs)+1)
	}
	for _, m := range page.Measures {
		if m.ID == vehicles.ID {
			continue
		}
		if m.Figures < 20 || m.Speakers < 3 || len(m.Values) != news.MaxMeasureListed {
			t.Errorf("measure %s: %d figures, %d speakers, values %q: the sequence should fill it", m.ID, m.Figures, m.Speakers, m.Values)
		}
	}
}
