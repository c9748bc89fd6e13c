package quantity

import (
	"testing"
	"time"

	"sitrep/internal/annotate/sentence"
	"sitrep/internal/annotate/timex"
	"sitrep/internal/news"
	"sitrep/internal/sharedtest"
)

type doc struct {
	text string
	toks []news.Token
	pub  time.Time
}

func loadCorpus(b *testing.B) ([]doc, int64) {
	b.Helper()
	var docs []doc
	var size int64
	for _, r := range sharedtest.WarNews(b) {
		docs = append(docs, doc{r.Text, sentence.Tokenize(r.Text), r.Date})
		size += int64(len(r.Text))
	}
	return docs, size
}

// BenchmarkFind measures the quantity stage alone over the corpus; one
// iteration is the whole corpus, so allocs/op ÷ articles is per article.
func BenchmarkFind(b *testing.B) {
	docs, size := loadCorpus(b)
	s := New()
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			s.Find(d.text, d.toks)
		}
	}
	b.ReportMetric(float64(len(docs)), "articles")
}

// BenchmarkStages measures the quantity and timex stages together, the
// figure the issue asks for (tokens are computed once, outside the loop,
// as the sentence stage does before them).
func BenchmarkStages(b *testing.B) {
	docs, size := loadCorpus(b)
	q, tx := New(), timex.New()
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			q.Find(d.text, d.toks)
			tx.Find(d.text, d.toks, d.pub)
		}
	}
	b.ReportMetric(float64(len(docs)), "articles")
}
