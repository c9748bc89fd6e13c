package eval

import (
	"strings"

	"sitrep/internal/annotate/sentence"
	"sitrep/internal/news"
	"sitrep/internal/syntax"
)

// SyntaxScores scores tagging, lemmatisation and parsing from raw text:
// each document's text is rebuilt from the "# text" comments (sentences
// of a paragraph joined by a space, paragraphs by a blank line), split
// and tokenised by our own sentence stage, and analysed. A predicted word
// is aligned to the gold word with the same character span; the scores
// are F1 over the gold and predicted words, as in the CoNLL 2018 shared
// task: a word counts for UPOS when it aligns and its tag is right, for
// UAS when its head also aligns to the gold head (or both are roots), for
// LAS when the relation is also right.
//
// Gold words inside a multiword token whose forms do not spell the token
// ("won't" = "wo" + "n't" spells it; a contraction rewritten in the
// treebank does not) all get the span of the whole token, so at most one
// of them can align.
type SyntaxScores struct {
	Gold, Predicted               int
	Words, UPOS, Lemma, UAS, LAS  int
	Sentences, PredictedSentences int
}

// F1 returns 2n/(gold+predicted) as a percentage.
func (s SyntaxScores) F1(n int) float64 {
	if s.Gold+s.Predicted == 0 {
		return 0
	}
	return 100 * 2 * float64(n) / float64(s.Gold+s.Predicted)
}

// wordAt is one word of a document with its span, tag, lemma and
// document-level head (index into the document's words, -1 for a root).
type wordAt struct {
	span  news.Span
	tag   news.UPOS
	lemma string
	head  int
	rel   string
}

// SyntaxRaw scores an analyzer over gold sentences from raw text.
func SyntaxRaw(an *syntax.Analyzer, sents []syntax.Sentence) SyntaxScores {
	var sc SyntaxScores
	start := 0
	for i := 1; i <= len(sents); i++ {
		if i == len(sents) || sents[i].NewDoc {
			scoreSyntaxDoc(an, sents[start:i], &sc)
			start = i
		}
	}
	return sc
}

func scoreSyntaxDoc(an *syntax.Analyzer, sents []syntax.Sentence, sc *SyntaxScores) {
	var text strings.Builder
	var gold []wordAt
	for si, s := range sents {
		if si > 0 {
			if s.NewPar {
				text.WriteString("\n\n")
			} else {
				text.WriteByte(' ')
			}
		}
		base := text.Len()
		text.WriteString(s.Text)
		spans := goldSpans(s)
		first := len(gold)
		for j, w := range s.Words {
			h := -1
			if w.Head > 0 {
				h = first + w.Head - 1
			}
			sp := spans[j]
			gold = append(gold, wordAt{span: news.Span{Start: base + sp.Start, End: base + sp.End}, tag: w.UPOS, lemma: w.Lemma, head: h, rel: w.Rel})
		}
		sc.Sentences++
	}
	doc := text.String()
	toks := sentence.Tokenize(doc)
	var pred []wordAt
	var out syntax.Analysis
	var words []string
	k := 0
	for _, s := range sentence.Split(doc, toks) {
		for k < len(toks) && toks[k].Start < s.Start {
			k++
		}
		first := k
		words = words[:0]
		for ; k < len(toks) && toks[k].End <= s.End; k++ {
			words = append(words, toks[k].In(doc))
		}
		if len(words) == 0 {
			continue
		}
		sc.PredictedSentences++
		an.Analyze(words, &out)
		for j := range words {
			h := -1
			if out.Heads[j] > 0 {
				h = len(pred) - j + int(out.Heads[j]) - 1
			}
			pred = append(pred, wordAt{span: toks[first+j].Span, tag: out.Tags[j], lemma: out.Lemmas[j], head: h, rel: out.Rels[j]})
		}
	}
	bySpan := make(map[news.Span]int, len(gold))
	for i := len(gold) - 1; i >= 0; i-- {
		bySpan[gold[i].span] = i
	}
	align := make([]int, len(pred))
	for i, p := range pred {
		g, ok := bySpan[p.span]
		if !ok {
			g = -1
		}
		align[i] = g
	}
	sc.Gold += len(gold)
	sc.Predicted += len(pred)
	for i, p := range pred {
		g := align[i]
		if g < 0 {
			continue
		}
		gw := gold[g]
		sc.Words++
		if p.tag == gw.tag {
			sc.UPOS++
		}
		if p.lemma == gw.lemma {
			sc.Lemma++
		}
		headOK := p.head < 0 && gw.head < 0 || p.head >= 0 && align[p.head] >= 0 && align[p.head] == gw.head
		if headOK {
			sc.UAS++
			if p.rel == gw.rel {
				sc.LAS++
			}
		}
	}
}

// goldSpans returns the span of every word of s within s.Text: surface
// tokens are found in order in the text; the words of a multiword token
// split its span when their forms spell it.
func goldSpans(s syntax.Sentence) []news.Span {
	spans := make([]news.Span, len(s.Words))
	pos := 0
	find := func(form string) news.Span {
		i := strings.Index(s.Text[pos:], form)
		if i < 0 {
			return news.Span{Start: -1, End: -1}
		}
		sp := news.Span{Start: pos + i, End: pos + i + len(form)}
		pos = sp.End
		return sp
	}
	m := 0
	for j := 0; j < len(s.Words); j++ {
		if m < len(s.Multi) && s.Multi[m].First == j {
			r := s.Multi[m]
			m++
			sp := find(r.Form)
			var joined strings.Builder
			for x := r.First; x <= r.Last && x < len(s.Words); x++ {
				joined.WriteString(s.Words[x].Form)
			}
			off := sp.Start
			for x := r.First; x <= r.Last && x < len(s.Words); x++ {
				if joined.String() == r.Form && sp.Start >= 0 {
					spans[x] = news.Span{Start: off, End: off + len(s.Words[x].Form)}
					off += len(s.Words[x].Form)
				} else {
					spans[x] = sp
				}
			}
			j = r.Last
			continue
		}
		spans[j] = find(s.Words[j].Form)
	}
	return spans
}
