package extract

import (
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"sitrep/internal/news"
)

// benchDir is the article-extraction benchmark; it lives outside the
// repository.
const benchDir = "../../../shared/data/article-extraction-benchmark/html"

func loadPages(b *testing.B) [][]byte {
	files, _ := filepath.Glob(filepath.Join(benchDir, "*.html.gz"))
	if len(files) == 0 {
		b.Skip("no benchmark pages")
	}
	var pages [][]byte
	for _, p := range files {
		f, err := os.Open(p)
		if err != nil {
			b.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			b.Fatal(err)
		}
		raw, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, raw)
	}
	return pages
}

// BenchmarkExtractHTML extracts the benchmark's 181 pages; one op is one
// page, and MB/s counts HTML bytes.
func BenchmarkExtractHTML(b *testing.B) {
	pages := loadPages(b)
	for _, bc := range []struct {
		name string
		opts Options
	}{{"default", Options{}}, {"fallback", Options{Fallback: true}}} {
		b.Run(bc.name, func(b *testing.B) {
			ex := New(bc.opts)
			total := 0
			for _, p := range pages {
				total += len(p)
			}
			b.SetBytes(int64(total / len(pages)))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				a := &news.Article{Raw: pages[i%len(pages)], Format: news.FormatHTML}
				_ = ex.Process(context.Background(), a)
				i++
			}
		})
	}
}

// BenchmarkExtractText cleans the seed reports, or the text fixtures when
// the seeds are absent; one op is one report.
func BenchmarkExtractText(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if len(files) == 0 {
		files, _ = filepath.Glob("testdata/*.txt")
	}
	var docs [][]byte
	total := 0
	for _, p := range files {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, raw)
		total += len(raw)
	}
	if len(docs) == 0 {
		b.Skip("no text inputs")
	}
	ex := New(Options{})
	b.SetBytes(int64(total / len(docs)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		a := &news.Article{Raw: docs[i%len(docs)], Format: news.FormatText}
		_ = ex.Process(context.Background(), a)
		i++
	}
}
