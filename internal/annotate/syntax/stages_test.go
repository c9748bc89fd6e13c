package syntax_test

import (
	"context"
	"strings"
	"testing"

	"sitrep/internal/annotate/syntax"
	"sitrep/internal/news"
	"sitrep/internal/pipeline"
	"sitrep/internal/sharedtest"
	"sitrep/internal/wiring"
)

// BenchmarkAllStages runs every per-article stage of wiring.Stages() over
// the first 200 war-news articles, with and without the syntax stage;
// words/s is what docs/BENCHMARKS.md reports.
func BenchmarkAllStages(b *testing.B) {
	items := sharedtest.WarNews(b)
	items = items[:min(200, len(items))]
	words := 0
	for _, it := range items {
		words += len(strings.Fields(it.Text))
	}
	for _, withSyntax := range []bool{true, false} {
		name := "with-syntax"
		if !withSyntax {
			name = "without-syntax"
		}
		b.Run(name, func(b *testing.B) {
			var steps []pipeline.Step
			for _, st := range wiring.Stages() {
				if st.Name != "syntax" || withSyntax {
					steps = append(steps, st)
				}
			}
			b.ReportAllocs()
			cpu0 := syntax.CPUTime()
			for b.Loop() {
				for _, it := range items {
					a := &news.Article{Raw: []byte(it.Text), Format: news.FormatText, Published: it.Date}
					for _, st := range steps {
						if err := st.Stage.Process(context.Background(), a); err != nil {
							b.Fatalf("%s: %v", st.Name, err)
						}
					}
				}
			}
			b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
			b.ReportMetric(float64(words)*float64(b.N)/(syntax.CPUTime()-cpu0).Seconds(), "words/cpu-s")
		})
	}
}
