package entity

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"sitrep/internal/annotate/sentence"
	"sitrep/internal/ner"
	"sitrep/internal/news"
)

const benchText = `Ukrainian President Volodymyr Zelensky said on Tuesday that 3,000 North Korean troops were already at military bases near the front line. Russia and North Korea entered into a strategic partnership in June, which includes a mutual defence clause. The Institute for the Study of War (ISW) said Moscow would use them in the Kursk region. German Foreign Minister Annalena Baerbock said President Putin was dragging Asia into the war. `

// BenchmarkStage measures tokenisation and tagging with resolution; the
// tokens/s metric is what docs/BENCHMARKS.md reports.
func BenchmarkStage(b *testing.B) {
	text := strings.Repeat(benchText, 20)
	s := New()
	tok := sentence.New()
	ntok := len(sentence.Tokenize(text))
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		a := &news.Article{Text: text}
		tok.Process(context.Background(), a)
		if err := s.Process(context.Background(), a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func FuzzStage(f *testing.F) {
	f.Add(benchText)
	f.Add("Kim (KJU) Kim ( ) 's ’s the Ukrainian president")
	f.Add("\xff\xfe Pyongyang\n\nKyiv's president (")
	s := New()
	tok := sentence.New()
	f.Fuzz(func(t *testing.T, text string) {
		a := &news.Article{Text: text}
		tok.Process(context.Background(), a)
		if err := s.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		for _, m := range a.Entities {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || m.Text != text[m.Start:m.End] {
				t.Fatalf("bad mention %+v", m)
			}
			if utf8.ValidString(text) && !utf8.ValidString(m.Text) {
				t.Fatalf("mention splits a rune: %+v", m)
			}
		}
	})
}

// BenchmarkModelLoad measures decoding the embedded recogniser, which
// every process that tags entities pays once.
func BenchmarkModelLoad(b *testing.B) {
	for b.Loop() {
		if _, err := ner.Load(bytes.NewReader(modelFile)); err != nil {
			b.Fatal(err)
		}
	}
}
