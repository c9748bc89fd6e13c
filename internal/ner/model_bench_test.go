package ner_test

import (
	"syscall"
	"testing"
	"time"

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
	before := cpuTime()
	for b.Loop() {
		for _, s := range sents {
			m.TagDocument(s)
		}
	}
	// On a shared machine wall-clock speed says more about the other
	// processes than about the tagger; CPU time does not.
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(n)*float64(b.N)/(cpuTime()-before).Seconds(), "tokens/cpu-s")
}

// cpuTime returns the user CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano())
}
