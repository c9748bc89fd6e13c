package attribution

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"sitrep/internal/annotate/entity"
	"sitrep/internal/sharedtest"
)

// devDocs reads PolNeAR dev, skipping when it is absent.
func devDocs(tb testing.TB) []*Document {
	tb.Helper()
	dir := sharedtest.Path(tb, "data", "attribution", "polnear", "dev")
	if _, err := os.Stat(filepath.Join(dir, "attributions")); err != nil {
		tb.Skipf("PolNeAR dev not available: %v", err)
	}
	docs, err := ReadPolNeAR(dir)
	if err != nil {
		tb.Fatal(err)
	}
	return docs
}

func countTokens(docs []*Document) int {
	n := 0
	for _, d := range docs {
		n += len(d.Tokens)
	}
	return n
}

// TestDev guards the committed model's figures on PolNeAR dev (see
// docs/BENCHMARKS.md for the full table) against regressions.
func TestDev(t *testing.T) {
	if testing.Short() {
		t.Skip("scores all of PolNeAR dev")
	}
	docs := devDocs(t)
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	s := Evaluate(m, docs)
	a := s.All
	t.Logf("cue F1 %.3f (exact %.3f), source accuracy %.3f, content token F1 %.3f; reporting verbs cue F1 %.3f, source %.3f",
		a.CueOverlap.F1(), a.CueExact.F1(), a.SourceAccuracy(), a.ContentTokens.F1(), s.Reporting.CueOverlap.F1(), s.Reporting.SourceAccuracy())
	if a.CueOverlap.F1() < 0.76 || a.SourceAccuracy() < 0.89 || a.ContentTokens.F1() < 0.735 || s.Reporting.CueOverlap.F1() < 0.90 {
		t.Error("the committed model scores below its recorded dev figures")
	}
}

// words of each sentence of the documents, for the NER tagger.
func sentenceWords(docs []*Document) [][][]string {
	out := make([][][]string, len(docs))
	for i, d := range docs {
		for _, s := range d.Sentences {
			var ws []string
			for k := s.Start; k < s.End; k++ {
				ws = append(ws, d.Text[d.Tokens[k].Start:d.Tokens[k].End])
			}
			out[i] = append(out[i], ws)
		}
	}
	return out
}

// BenchmarkTag tags the first 30 PolNeAR dev articles (already
// tokenised): the tokens/s metric is what docs/BENCHMARKS.md reports.
func BenchmarkTag(b *testing.B) {
	docs := devDocs(b)[:30]
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			m.Tag(d)
		}
	}
	b.ReportMetric(float64(countTokens(docs))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkNER runs the entity tagger (internal/ner, the embedded model)
// over the same sentences, for comparison.
func BenchmarkNER(b *testing.B) {
	docs := devDocs(b)[:30]
	m, err := entity.Model()
	if err != nil {
		b.Fatal(err)
	}
	sents := sentenceWords(docs)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			m.TagDocument(s)
		}
	}
	b.ReportMetric(float64(countTokens(docs))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkCueLayer runs the cue layer alone (TagCues keeping no cue):
// the cost the claim stage pays on sentences whose cues the rules found.
func BenchmarkCueLayer(b *testing.B) {
	docs := devDocs(b)[:30]
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	none := func(Range) bool { return false }
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			m.TagCues(d, none)
		}
	}
	b.ReportMetric(float64(countTokens(docs))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkModelLoad measures decoding the embedded model, which every
// process that finds claims pays once.
func BenchmarkModelLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(bytes.NewReader(modelFile)); err != nil {
			b.Fatal(err)
		}
	}
}
