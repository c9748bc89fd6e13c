package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"sitrep/internal/news"
	"sitrep/internal/pipeline"
	"sitrep/internal/sizetest"
	"sitrep/internal/source"
	"sitrep/internal/wiring"
)

// BenchmarkRun measures a whole run (read, extract, split, store in a
// temporary SQLite file) over public corpora in ../shared/data, when present.
func BenchmarkRun(b *testing.B) {
	data := filepath.Join("..", "..", "..", "shared", "data")
	for _, bc := range []struct{ name, path string }{
		{"html", filepath.Join(data, "article-extraction-benchmark", "html")},
		{"jsonl", filepath.Join(data, "ukraine-war-news", "articles.jsonl")},
	} {
		b.Run(bc.name, func(b *testing.B) {
			if _, err := os.Stat(bc.path); err != nil {
				b.Skipf("data not available: %v", err)
			}
			b.ReportAllocs()
			var sum Summary
			for b.Loop() {
				b.StopTimer()
				s := openStore(b)
				b.StartTimer()
				var err error
				sum, err = Run(context.Background(), source.Files(context.Background(), []string{bc.path}, source.Options{}), s, Options{})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(sum.Bytes)
			b.ReportMetric(float64(sum.Stored+sum.Duplicates)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// BenchmarkArticleSize runs every stage over one article of ordinary
// prose of each size, with the annotation cap at 4 MiB; SITREP_BENCH_30MB=1
// adds 30 MB (over the cap, so it measures extraction and the cap's early
// stop).
func BenchmarkArticleSize(b *testing.B) {
	sizes := []int{100 << 10, 300 << 10, 1 << 20, 3 << 20}
	if os.Getenv("SITREP_BENCH_30MB") != "" {
		sizes = append(sizes, 30<<20)
	}
	steps := wiring.Stages()
	for _, n := range sizes {
		b.Run(sizeName(n), func(b *testing.B) {
			text := []byte(sizetest.Prose(n))
			p := pipeline.New(1, steps...).WithLimits(pipeline.Limits{MaxText: 4 << 20})
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				a := &news.Article{Path: "big.txt", Raw: text}
				if err := p.Process(context.Background(), a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func sizeName(n int) string {
	if n >= 1<<20 {
		return strconv.Itoa(n>>20) + "MB"
	}
	return strconv.Itoa(n>>10) + "KB"
}
