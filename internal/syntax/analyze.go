package syntax

import "sitrep/internal/news"

// Analyzer tags, lemmatises and parses sentences. It is immutable and
// safe for concurrent use; the working memory lives in Analysis.
type Analyzer struct {
	Tagger     *Tagger
	Lemmatizer *Lemmatizer
	Parser     *Parser
}

// Analysis is the result for one sentence, and the working memory reused
// from one sentence to the next. Its zero value is ready to use; it must
// not be shared between goroutines.
type Analysis struct {
	// Tags, Lemmas, Heads and Rels have one entry per word. Heads are
	// 1-based word numbers, 0 for the root.
	Tags   []news.UPOS
	Lemmas []string
	Heads  []int32
	Rels   []string

	sc scratch
}

// Analyze fills out for one sentence of words: [Analyzer.Tag], then
// [Analyzer.Parse].
func (a *Analyzer) Analyze(words []string, out *Analysis) {
	a.Tag(words, out)
	a.Parse(words, out)
}

// Tag fills the Tags and Lemmas of out for one sentence of words and
// empties Heads and Rels.
func (a *Analyzer) Tag(words []string, out *Analysis) {
	out.Tags = a.Tagger.tag(words, &out.sc, out.Tags[:0])
	out.Lemmas = out.Lemmas[:0]
	var lem string
	for i, w := range words {
		lem, out.sc.buf = a.Lemmatizer.Lemma(w, out.Tags[i], out.sc.buf)
		out.Lemmas = append(out.Lemmas, lem)
	}
	out.Heads, out.Rels = out.Heads[:0], out.Rels[:0]
}

// Parse fills the Heads and Rels of out for words, whose Tags
// [Analyzer.Tag] has filled. With no parser, it leaves them empty.
func (a *Analyzer) Parse(words []string, out *Analysis) {
	out.Heads, out.Rels = out.Heads[:0], out.Rels[:0]
	if a.Parser == nil {
		return
	}
	a.Parser.parse(words, out.Tags, &out.sc)
	st := &out.sc.st
	for i := 1; i <= len(words); i++ {
		out.Heads = append(out.Heads, st.heads[i])
		out.Rels = append(out.Rels, a.Parser.Labels[st.labels[i]])
	}
}

// Scores counts the words of a gold-tokenised evaluation and those whose
// tag, lemma, head and relation are right.
type Scores struct {
	Words, UPOS, Lemma, UAS, LAS int
}

// Pct returns n as a percentage of the words.
func (s Scores) Pct(n int) float64 {
	if s.Words == 0 {
		return 0
	}
	return 100 * float64(n) / float64(s.Words)
}

// Evaluate analyses the gold-tokenised sentences and scores every word,
// punctuation included (as the CoNLL 2018 shared task does).
func (a *Analyzer) Evaluate(sents []Sentence) Scores {
	var out Analysis
	var s Scores
	for i := range sents {
		g := &sents[i]
		a.Analyze(g.Forms(), &out)
		for j, w := range g.Words {
			s.Words++
			if out.Tags[j] == w.UPOS {
				s.UPOS++
			}
			if out.Lemmas[j] == w.Lemma {
				s.Lemma++
			}
			if len(out.Heads) > 0 && int(out.Heads[j]) == w.Head {
				s.UAS++
				if out.Rels[j] == w.Rel {
					s.LAS++
				}
			}
		}
	}
	return s
}
