package ner_test

import (
	"testing"

	"sitrep/internal/annotate/entity"
	"sitrep/internal/ner"
)

// BenchmarkTagCommitted measures the committed model (two passes, the
// lexicon, clusters) on CoNLL-2003 test; tokens/s per core is what
// docs/BENCHMARKS.md reports.
func BenchmarkTagCommitted(b *testing.B) {
	docs, err := ner.ReadCoNLLFile("../../../shared/data/conll2003/test.txt")
	if err != nil {
		b.Skip("CoNLL-2003 not present")
	}
	m, err := entity.Model()
	if err != nil {
		b.Fatal(err)
	}
	sents := make([][][]string, len(docs))
	for i, d := range docs {
		for _, s := range d.Sentences {
			sents[i] = append(sents[i], s.Words)
		}
	}
	n := ner.Tokens(docs)
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			m.TagDocument(s)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
