package syntax

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"syscall"
	"testing"
	"time"

	"sitrep/internal/annotate/sentence"
	"sitrep/internal/news"
	"sitrep/internal/sharedtest"
	ud "sitrep/internal/syntax"
)

// Sentences written for these tests.
const text = `Ukraine's defence ministry states that 3,000 soldiers crossed the river on Tuesday. Two states sent troops.

Officials said the convoy was hit near the border. The city's mayor didn't comment.`

func stage(tb testing.TB) *Stage {
	tb.Helper()
	if _, err := Model(); err != nil {
		tb.Skipf("models not built: %v", err)
	}
	return New()
}

func analyse(tb testing.TB, s *Stage, text string) *news.Article {
	tb.Helper()
	a := &news.Article{Text: text}
	if err := sentence.New().Process(context.Background(), a); err != nil {
		tb.Fatal(err)
	}
	if err := s.Process(context.Background(), a); err != nil {
		tb.Fatal(err)
	}
	return a
}

func find(a *news.Article, from int, word string) int {
	for i := from; i < len(a.Tokens); i++ {
		if a.Tokens[i].In(a.Text) == word {
			return i
		}
	}
	return -1
}

func TestStage(t *testing.T) {
	s := stage(t)
	a := analyse(t, s, text)
	if len(a.Syntax) != len(a.Tokens) {
		t.Fatalf("%d syntax entries for %d tokens", len(a.Syntax), len(a.Tokens))
	}
	states := find(a, 0, "states")
	if e := a.Syntax[states]; e.UPOS != news.VERB || e.Lemma != "state" || e.Rel != "root" || e.Head != -1 {
		t.Errorf("'ministry states': %+v, want the root verb 'state'", e)
	}
	if e := a.Syntax[find(a, 0, "ministry")]; e.Rel != "nsubj" || int(e.Head) != states {
		t.Errorf("ministry: %+v, want nsubj of states", e)
	}
	noun := find(a, states+1, "states")
	if e := a.Syntax[noun]; e.UPOS != news.NOUN || e.Lemma != "state" {
		t.Errorf("'Two states sent': %+v, want the noun 'state'", e)
	}
	if e := a.Syntax[find(a, 0, "soldiers")]; e.Lemma != "soldier" || e.Rel != "nsubj" {
		t.Errorf("soldiers: %+v", e)
	}
	if e := a.Syntax[find(a, 0, "3,000")]; e.UPOS != news.NUM || e.Rel != "nummod" || int(e.Head) != find(a, 0, "soldiers") {
		t.Errorf("3,000: %+v, want nummod of soldiers", e)
	}
	if e := a.Syntax[find(a, 0, "n't")]; e.Lemma != "not" {
		t.Errorf("n't: %+v", e)
	}
	// Only the sentence with no number and no reporting verb is left
	// unparsed, and it keeps its tags and lemmas.
	last := find(a, 0, "city") - 1 // "The city's mayor didn't comment."
	for i, e := range a.Syntax {
		inLast := i >= last
		if e.Parsed() == inLast {
			t.Errorf("token %d %q: parsed %v", i, a.Tokens[i].In(a.Text), e.Parsed())
		}
		if e.UPOS == news.UPOSNone || e.Lemma == "" {
			t.Errorf("token %d %q: no tag or lemma: %+v", i, a.Tokens[i].In(a.Text), e)
		}
	}
	// Every parsed sentence has exactly one root, and heads stay in the
	// sentence; an unparsed one has head -1 throughout.
	for _, sv := range Sentences(a) {
		if !sv.Parsed {
			for _, tk := range sv.Tokens {
				if tk.Head != -1 || tk.Rel != "" {
					t.Errorf("unparsed sentence: token %+v", tk)
				}
			}
			continue
		}
		roots := 0
		for _, tk := range sv.Tokens {
			if tk.Head == 0 {
				roots++
			}
			if tk.Head < 0 || tk.Head > len(sv.Tokens) || tk.Head == tk.ID {
				t.Errorf("bad head %+v", tk)
			}
		}
		if roots != 1 {
			t.Errorf("sentence %q has %d roots", sv.In(a.Text), roots)
		}
	}
	// The layer is not in the stored JSON.
	js, _ := json.Marshal(a)
	if bytes.Contains(js, []byte("nsubj")) {
		t.Error("the syntax layer leaked into the article JSON")
	}
	var buf bytes.Buffer
	if err := WriteCoNLLU(&buf, a); err != nil {
		t.Fatal(err)
	}
	back, err := ud.ReadCoNLLU(&buf)
	if err != nil {
		t.Fatalf("our CoNLL-U does not read back: %v", err)
	}
	if last := back[len(back)-1]; last.Words[0].Head != -1 || last.Words[0].Rel != "" || last.Words[0].UPOS != news.DET {
		t.Errorf("unparsed sentence read back as %+v", last.Words[0])
	}
}

// TestParseAllSame checks that selective parsing changes nothing in the
// sentences it parses, and that NewParseAll parses every sentence.
func TestParseAllSame(t *testing.T) {
	stage(t)
	sel := analyse(t, New(), text)
	all := analyse(t, NewParseAll(), text)
	parsed := 0
	for i, e := range sel.Syntax {
		f := all.Syntax[i]
		if !f.Parsed() {
			t.Errorf("parse-all left token %d unparsed", i)
		}
		if e.Parsed() {
			parsed++
			if e != f {
				t.Errorf("token %d: selective %+v, full %+v", i, e, f)
			}
		} else if e.UPOS != f.UPOS || e.Lemma != f.Lemma || e.Head != -1 {
			t.Errorf("token %d: unparsed %+v, full %+v", i, e, f)
		}
	}
	if parsed == 0 || parsed == len(sel.Syntax) {
		t.Errorf("%d of %d tokens parsed; want some but not all", parsed, len(sel.Syntax))
	}
}

func TestNeedsParse(t *testing.T) {
	for _, c := range []struct {
		words  []string
		tags   []news.UPOS
		lemmas []string
		want   bool
	}{
		{[]string{"It", "rained"}, []news.UPOS{news.PRON, news.VERB}, []string{"it", "rain"}, false},
		{[]string{"Two", "died"}, []news.UPOS{news.NUM, news.VERB}, []string{"two", "die"}, true},
		{[]string{"In", "2024"}, []news.UPOS{news.ADP, news.PROPN}, []string{"in", "2024"}, true},
		{[]string{"He", "said", "so"}, []news.UPOS{news.PRON, news.VERB, news.ADV}, []string{"he", "say", "so"}, true},
		{[]string{"Baltic", "states"}, []news.UPOS{news.PROPN, news.NOUN}, []string{"Baltic", "state"}, true},
	} {
		if got := NeedsParse(c.words, c.tags, c.lemmas); got != c.want {
			t.Errorf("NeedsParse(%q) = %v, want %v", c.words, got, c.want)
		}
	}
}

func TestStageEmptyAndReuse(t *testing.T) {
	s := stage(t)
	a := analyse(t, s, "")
	if len(a.Syntax) != 0 {
		t.Errorf("empty text: %d entries", len(a.Syntax))
	}
	a = analyse(t, s, strings.Repeat("word ", 400))
	if len(a.Syntax) != 400 {
		t.Errorf("got %d entries for 400 tokens", len(a.Syntax))
	}
}

// CPUTime returns the CPU time the process has used so far. On a machine
// shared with other work, tokens per CPU second measure speed per core
// better than tokens per wall-clock second.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// report adds tokens per wall-clock and per CPU second.
func report(b *testing.B, tokens int, cpu0 time.Duration) {
	n := float64(tokens) * float64(b.N)
	b.ReportMetric(n/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(n/(CPUTime()-cpu0).Seconds(), "tokens/cpu-s")
}

// benchArticles returns the texts of the first 200 articles of the
// war-news corpus.
func benchArticles(b testing.TB) []string {
	items := sharedtest.WarNews(b)
	var out []string
	for _, it := range items[:min(200, len(items))] {
		out = append(out, it.Text)
	}
	return out
}

// BenchmarkStage measures the stage on real articles (tokens and
// sentences from the sentence stage made beforehand), parsing the
// sentences NeedsParse selects and parsing all; tokens/s, the share of
// tokens parsed and allocs/op (per article) are what docs/BENCHMARKS.md
// reports.
func BenchmarkStage(b *testing.B) {
	stage(b)
	texts := benchArticles(b)
	arts := make([]*news.Article, len(texts))
	ntok := 0
	for i, t := range texts {
		arts[i] = &news.Article{Text: t}
		sentence.New().Process(context.Background(), arts[i])
		ntok += len(arts[i].Tokens)
	}
	for _, all := range []bool{false, true} {
		name, s := "selective", New()
		if all {
			name, s = "parse-all", NewParseAll()
		}
		b.Run(name, func(b *testing.B) {
			i, parsed, seen := 0, 0, 0
			b.ReportAllocs()
			cpu0 := CPUTime()
			for b.Loop() {
				a := arts[i%len(arts)]
				a.Syntax = nil
				if err := s.Process(context.Background(), a); err != nil {
					b.Fatal(err)
				}
				for _, e := range a.Syntax {
					if e.Parsed() {
						parsed++
					}
				}
				seen += len(a.Syntax)
				i++
			}
			report(b, ntok/len(arts), cpu0)
			b.ReportMetric(100*float64(parsed)/float64(max(seen, 1)), "%parsed")
		})
	}
}

// sentencesOf returns the token texts of every sentence of the articles.
func sentencesOf(b testing.TB) ([][]string, int) {
	var out [][]string
	n := 0
	for _, t := range benchArticles(b) {
		a := &news.Article{Text: t}
		sentence.New().Process(context.Background(), a)
		k := 0
		for _, s := range a.Sentences {
			var ws []string
			for ; k < len(a.Tokens) && a.Tokens[k].End <= s.End; k++ {
				ws = append(ws, a.Tokens[k].In(t))
			}
			if len(ws) > 0 {
				out = append(out, ws)
				n += len(ws)
			}
		}
	}
	return out, n
}

// BenchmarkModelLoad measures decoding the embedded tagger, lemmatiser
// and parser, which every process that parses pays once.
func BenchmarkModelLoad(b *testing.B) {
	for b.Loop() {
		tb, err := data.ReadFile("data/tagger.model.gz")
		if err != nil {
			b.Fatal(err)
		}
		pb, err := data.ReadFile("data/parser.model.gz")
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := ud.LoadTagger(bytes.NewReader(tb)); err != nil {
			b.Fatal(err)
		}
		if _, err := ud.LoadParser(bytes.NewReader(pb)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTagger measures the tagger alone (both passes).
func BenchmarkTagger(b *testing.B) {
	stage(b)
	an, _ := Model()
	sents, n := sentencesOf(b)
	var tags []news.UPOS
	b.ResetTimer()
	cpu0 := CPUTime()
	for b.Loop() {
		for _, s := range sents {
			tags = an.Tagger.Tag(s, tags[:0])
		}
	}
	report(b, n, cpu0)
}

// BenchmarkParser measures the parser alone, on tags from the tagger.
func BenchmarkParser(b *testing.B) {
	stage(b)
	an, _ := Model()
	sents, n := sentencesOf(b)
	tags := make([][]news.UPOS, len(sents))
	for i, s := range sents {
		tags[i] = an.Tagger.Tag(s, nil)
	}
	var heads []int32
	var rels []string
	b.ResetTimer()
	cpu0 := CPUTime()
	for b.Loop() {
		for i, s := range sents {
			heads, rels = an.Parser.Parse(s, tags[i], heads[:0], rels[:0])
		}
	}
	report(b, n, cpu0)
}

func FuzzStage(f *testing.F) {
	f.Add(text)
	f.Add("\xff\xfe ’s ( ) -- ...\n\nA")
	s := stage(f)
	f.Fuzz(func(t *testing.T, text string) {
		a := analyse(t, s, text)
		if len(a.Syntax) != len(a.Tokens) {
			t.Fatalf("%d entries for %d tokens", len(a.Syntax), len(a.Tokens))
		}
		for i, e := range a.Syntax {
			if e.Head < -1 || int(e.Head) >= len(a.Tokens) || int(e.Head) == i {
				t.Fatalf("token %d: bad head %d", i, e.Head)
			}
		}
	})
}

// TestNumbersAreNUM checks that a word of digits is tagged NUM wherever
// it stands, as UD tags nearly all of them: after "to" it is not an
// infinitive, and after "from" not a name.
func TestNumbersAreNUM(t *testing.T) {
	s := stage(t)
	a := analyse(t, s, "The port index climbed to 61.7 in March from 58.2 in February, and 3,000 ships docked.")
	for _, w := range []string{"61.7", "58.2", "3,000"} {
		if k := find(a, 0, w); k < 0 || a.Syntax[k].UPOS != news.NUM {
			t.Errorf("%s: tag %v, want NUM", w, a.Syntax[max(k, 0)].UPOS)
		}
	}
}
