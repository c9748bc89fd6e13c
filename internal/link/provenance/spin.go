package provenance

import (
	"strings"
	"unicode"
)

// spinSignals measure the pattern a spinner leaves in a copy aligned with
// its source, whatever thesaurus it drew from: many one-word
// substitutions of plain words, spread over the aligned sentences, each
// keeping the replaced word's form class, and reading worse against the
// background model than the original did (or, one signal among several,
// sharing a WordNet synset with it).
type spinSignals struct {
	subs      int // one-word substitutions of plain lower-case words
	sentences int // aligned sentences with at least one of them
	aligned   int // aligned sentences (verbatim, near or edited)
	synonyms  int // pairs sharing a WordNet synset
	disfluent int // pairs whose context the background model has seen less often than the original's
	posKept   int // pairs keeping the replaced word's part of speech
}

// Thresholds of spin from the pattern (tuned on the dev half of the
// held-out articles, docs/BENCHMARKS.md).
const (
	spinMinSubs  = 4    // plain one-word substitutions at least
	spinDensity  = 0.01 // … per word of the article
	spinSpread   = 0.20 // share of aligned sentences carrying one
	spinEvidence = 0.40 // share of pairs that are synonyms or read worse
	spinPOSKept  = 0.50 // share of pairs keeping the part of speech
)

// plainSub reports whether a substitution replaces one plain word by
// another: lower-case letters only (names and figures are edits, not
// spin), neither a function word.
func plainSub(text string, sub wordSub) bool {
	if len(sub.aw) != 1 || len(sub.bw) != 1 {
		return false
	}
	r := []rune(text[sub.a.Start:sub.a.End])
	if len(r) == 0 || unicode.IsUpper(r[0]) {
		return false
	}
	for _, w := range []string{sub.aw[0], sub.bw[0]} {
		if stopwords[w] || len(w) < 3 || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			return false
		}
	}
	return true
}

// add counts one plain substitution.
func (s *spinSignals) add(j *Judge, sub wordSub, synonym, posKept bool) {
	s.subs++
	if synonym {
		s.synonyms++
	}
	if posKept {
		s.posKept++
	}
	a, b := sub.aw[0], sub.bw[0]
	if j.lm != nil {
		ctx := func(w string) int {
			n := 0
			if sub.prev != "" {
				n += j.lm.Bigram(sub.prev, w)
			}
			if sub.next != "" {
				n += j.lm.Bigram(w, sub.next)
			}
			return n
		}
		if orig := ctx(b); orig > 0 && 2*ctx(a) < orig {
			s.disfluent++
		}
	}
}

// spun reports whether the signals show a spun copy of an article of
// words words.
func (s spinSignals) spun(words int) bool {
	n := float64(max(1, s.subs))
	evidence := float64(s.synonyms+s.disfluent) / n
	return s.subs >= spinMinSubs &&
		float64(s.subs)/float64(max(1, words)) >= spinDensity &&
		float64(s.sentences)/float64(max(1, s.aligned)) >= spinSpread &&
		min(1, evidence) >= spinEvidence &&
		float64(s.posKept)/n >= spinPOSKept
}

// score is the confidence of a spun verdict from the signals, 0.5 to 1.
func (s spinSignals) score(words int) float64 {
	n := float64(max(1, s.subs))
	return 0.5 + 0.25*clamp01(float64(s.subs)/float64(max(1, words))/0.05) + 0.25*clamp01(float64(s.synonyms+s.disfluent)/n)
}
