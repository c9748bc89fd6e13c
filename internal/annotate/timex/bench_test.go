package timex

import (
	"testing"

	"sitrep/internal/annotate/sentence"
	"sitrep/internal/news"
	"sitrep/internal/sharedtest"
)

// BenchmarkFind measures the timex stage alone over real war reports;
// one iteration is the whole corpus. It skips when the corpus is absent.
func BenchmarkFind(b *testing.B) {
	items := sharedtest.WarNews(b)
	toks := make([][]news.Token, len(items))
	var size int64
	for i, r := range items {
		toks[i] = sentence.Tokenize(r.Text)
		size += int64(len(r.Text))
	}
	s := New()
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for i, r := range items {
			s.Find(r.Text, toks[i], r.Date)
		}
	}
	b.ReportMetric(float64(len(items)), "articles")
}
