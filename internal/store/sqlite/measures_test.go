package sqlite

import (
	"context"
	"fmt"
	"testing"
	"time"

	"sitrep/internal/link/measure"
	"sitrep/internal/link/measure/measuretest"
	"sitrep/internal/news"
	"sitrep/internal/sizetest"
)

func TestMeasureIndex(t *testing.T) {
	s, err := OpenTemp(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	measuretest.Run(t, s)
}

// BenchmarkMeasureStep times the measure link step per article on a store
// whose measures already hold 2,000 or 20,000 figures: each round stores
// 64 new articles of six figures each, over the same 20 measures, and
// links them. Every figure states a value of its own (as a running count
// does), so the measures' distinct values grow with them. ns/op counts
// storing and linking; µs/article is the linking alone (wall clock), and
// cpu-µs/article its CPU time (the process's, so steady on a loaded
// machine), which should not grow with the measures.
func BenchmarkMeasureStep(b *testing.B) {
	for _, stored := range []int{2000, 20000} {
		b.Run(fmt.Sprintf("figures=%d", stored), func(b *testing.B) { benchMeasureStep(b, stored) })
	}
}

func benchMeasureStep(b *testing.B, stored int) {
	ctx := context.Background()
	s, err := OpenTemp(ctx)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	step := measure.New(s)
	const perArticle = 6
	n := 0
	batch := func(k int) {
		arts := make([]*news.Article, k)
		for i := range arts {
			n++
			v := float64(n)
			a := &news.Article{ID: fmt.Sprintf("%016x", n), URL: fmt.Sprintf("https://bench.example/%d", n),
				Text: fmt.Sprintf("Officials said 3,000 troops were sent. Aid of $90m was pledged. Report %d.", n), Story: fmt.Sprintf("s%d", n/10),
				Published: time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n) * time.Hour)}
			a.Sentences = []news.Sentence{{Span: news.Span{Start: 0, End: 38}}, {Span: news.Span{Start: 39, End: 63}}}
			for j := range perArticle {
				a.Figures = append(a.Figures, news.Figure{Span: news.Span{Start: 15, End: 20}, Text: fmt.Sprint(n), Value: &v, Approx: "exact",
					Measure: fmt.Sprintf("personnel|m%d|deployed", (n*7+j*31)%20), What: "personnel", Speaker: fmt.Sprintf("S%d", n%13),
					Time: a.Published.Format("2006-01-02"), Claim: -1})
			}
			arts[i] = a
		}
		if _, err := s.Put(ctx, arts); err != nil {
			b.Fatal(err)
		}
	}
	for range stored / perArticle / 500 {
		batch(500)
	}
	batch(stored / perArticle % 500)
	if _, err := step.Link(ctx); err != nil {
		b.Fatal(err)
	}
	linked, spent, cpu := 0, time.Duration(0), time.Duration(0)
	for b.Loop() {
		batch(64)
		start, startCPU := time.Now(), sizetest.CPUTime()
		k, err := step.Link(ctx)
		if err != nil {
			b.Fatal(err)
		}
		spent += time.Since(start)
		cpu += sizetest.CPUTime() - startCPU
		linked += k
	}
	if linked != 64*b.N {
		b.Fatalf("linked %d articles, want %d", linked, 64*b.N)
	}
	b.ReportMetric(float64(spent.Microseconds())/float64(max(linked, 1)), "µs/article")
	b.ReportMetric(float64(cpu.Microseconds())/float64(max(linked, 1)), "cpu-µs/article")
}

func TestMeasureAggregatesMatchARecount(t *testing.T) {
	s, err := OpenTemp(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	measuretest.RunIncremental(t, s)
	// The check sees a count and a group that a recount would not give.
	ctx := context.Background()
	if _, err := s.w.ExecContext(ctx, `UPDATE measures SET speakers = speakers + 1 WHERE id = 'm-aid'`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.ExecContext(ctx, `UPDATE measure_groups SET first_seq = first_seq + 1000 WHERE measure = 'm-dead' AND kind = 0 AND key = '3,000'`); err != nil {
		t.Fatal(err)
	}
	diffs, err := s.CheckMeasures(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(diffs) != 3 { // the measure, and the group stored and recounted
		t.Errorf("check after corrupting two aggregates: %q", diffs)
	}
}
