package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"sitrep/internal/source"
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
