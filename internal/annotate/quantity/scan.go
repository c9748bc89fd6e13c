package quantity

// This file walks the tokens: where a quantity may start, and ranges.
// recognise.go reads the number, filter.go drops numbers that are not
// quantities, noun.go attaches what the number counts.

import (
	"strings"

	"sitrep/internal/annotate/tokens"
	"sitrep/internal/news"
)

// scanner finds the quantities of one text. It is used once and thrown
// away; it keeps an arena for lower-cased words so that looking a word up
// costs no allocation.
type scanner struct {
	t *tables
	tokens.View
	syn []news.Syntax // the syntax layer's tags, one per token, when the article has them
	out []news.Quantity
}

// verbAt reports whether the syntax layer tags token k a verb.
func (s *scanner) verbAt(k int) bool {
	return k < len(s.syn) && s.syn[k].UPOS == news.VERB
}

// number is what a run of tokens says about a number before the words
// around it are read.
type number struct {
	first, last int // token indexes, inclusive
	value       float64
	vague       bool    // "thousands": value is not known
	low         float64 // implied lower bound of a vague amount
	kind        string
	unit        string
	currency    string
	scaled      bool
	words       bool   // spelled out
	one         bool   // the word "one" or "a": needs a counted noun
	suffix      string // the part after a hyphen: "man", "strong", "year"
	suffixTok   int    // token holding the suffix (a word), or -1
	skip        bool   // not a quantity: step over first..last
	approx      string
	outOf       bool // "four out of five": a share that may count the noun after it
}

func (s *scanner) run() []news.Quantity {
	n := len(s.Toks)
	for i := 0; i < n; {
		next := s.at(i)
		if next <= i {
			next = i + 1
		}
		i = next
	}
	return s.out
}

func (s *scanner) isHyphen(i int) bool {
	switch s.Tok(i) {
	case "-", "–", "—", "‐", "‑":
		return true
	}
	return false
}

// isMonth reports whether token i names a month; "May" and "March" only
// when capitalised.
func (s *scanner) isMonth(i int) bool {
	if !s.IsWord(i) || !s.Capitalised(i) {
		return false
	}
	return s.t.months[s.Low(i)]
}

// at reads a quantity starting at token i, appends it, and returns the
// index after what it consumed; i (or less) when nothing starts there.
func (s *scanner) at(i int) int {
	tk := s.Toks[i]
	if tk.Kind != news.TokenNumber {
		if tk.Kind == news.TokenPunct {
			if _, ok := s.t.currSign[s.Tok(i)]; !ok {
				return i
			}
		} else if _, ok := s.t.currCode[s.Tok(i)]; !ok {
			w := s.Low(i)
			if !s.t.starts[w] && strings.IndexByte(w, '-') < 0 {
				return i
			}
		}
	}
	w := s.Low(i)
	// An approximator, or "between".
	approx, bound, j := "", byte(0), i
	if w == "between" {
		return s.between(i)
	}
	if list, ok := s.t.approx[w]; ok && s.IsWord(i) && !(w == "about" && s.t.aboutHeads[s.Low(i-1)]) && !(w == "over" && s.t.overVerbs[s.Low(i-1)]) && !(w == "under" && s.Low(i+1) == "one") {
		for _, a := range list {
			if s.matchWords(i, a.words) {
				k := i + len(a.words)
				if s.startsNumber(k) {
					approx, bound, j = a.approx, a.bound, k
				}
				break
			}
		}
	}
	if !s.startsNumber(j) {
		return i
	}
	a, ok := s.number(j)
	if !ok {
		return i
	}
	if a.skip {
		return a.last + 1
	}
	s.fractionOfScale(&a)
	s.suffix(&a)
	s.fractionOfScale(&a) // "two-thirds of a million": the suffix made the fraction
	s.outOf(&a)
	if a.skip {
		return a.last + 1
	}
	// A range: "12 to 20", "10,000-12,000", "two or three".
	if b, end, ok := s.rangeEnd(&a); ok {
		s.emitRange(i, a, b)
		return end
	}
	q, end := s.finish(i, a, approx, bound)
	if q != nil {
		s.out = append(s.out, *q)
	}
	return end
}

// fractionOfScale reads "a third of a million" as one number, a third
// of the scale (not a fraction and then a million).
func (s *scanner) fractionOfScale(n *number) {
	if n.kind != Fraction || s.Low(n.last+1) != "of" {
		return
	}
	switch s.Low(n.last + 2) {
	case "a", "an", "one":
		if sc, ok := s.scaleWord(n.last + 3); ok && sc >= 1000 {
			n.kind, n.value, n.last, n.scaled, n.words = Cardinal, n.value*sc, n.last+3, true, true
			n.suffix, n.suffixTok = "", -1
		}
	}
}

// outOf reads "four out of five" and "one in five" as one share: a
// fraction of value 4/5, 1/5. ("Two in 2022", "three in 10 days" are
// not shares: "in" takes one, or a round denominator, not a year or a
// time.)
func (s *scanner) outOf(n *number) {
	k := n.last + 1
	var from int
	switch {
	case s.Low(k) == "out" && s.Low(k+1) == "of":
		from = k + 2
	case s.Low(k) == "in":
		from = k + 1
	default:
		return
	}
	if n.vague || n.kind != Cardinal || !s.startsNumber(from) {
		return
	}
	b, ok := s.number(from)
	if !ok || b.skip || b.vague || b.kind != Cardinal || b.value <= 0 || b.value < n.value {
		return
	}
	if from == k+1 {
		round := b.value == 10 || b.value == 100 || b.value == 1000 || b.value == 1e4 || b.value == 1e5 || b.value == 1e6
		if n.value >= b.value || n.value != 1 && !round || b.value >= 1000 && b.value < 2100 && !b.scaled && !round ||
			s.t.timeUnits[s.Low(b.last+1)] || b.currency != "" {
			return
		}
	}
	n.kind, n.value, n.last, n.outOf = Fraction, n.value/b.value, b.last, true
}

// changeStems start the verbs and nouns that say a number changed: "rose
// from 60 to 71 percent" is two numbers, not a range.
var changeStems = []string{"ris", "rose", "grow", "grew", "increas", "decreas", "fell", "fall", "drop", "declin",
	"jump", "climb", "soar", "surg", "plung", "slip", "cut", "reduc", "rais", "boost", "lift", "lower", "shr",
	"doubl", "tripl", "swell", "swoll", "went", "gone", "go", "chang", "mov", "expand", "up", "down", "shift"}

// changeBefore reports whether one of the few words before token k says a
// number changed.
func (s *scanner) changeBefore(k int) bool {
	if w := s.Low(k - 1); w == "'s" || w == "’s" {
		return true // "France's rose from 300 to 969, and Italy's from 350 to 385": the change elided
	}
	for m, seen := k-1, 0; m >= 0 && seen < 4; m-- {
		if w := s.Tok(m); w == "“" || w == "\"" || w == "‘" {
			continue // 'has risen “from 300 to 969”': an opening quotation mark
		}
		seen++
		if !s.IsWord(m) {
			return false
		}
		w := s.Low(m)
		for _, st := range changeStems {
			if strings.HasPrefix(w, st) {
				return true
			}
		}
	}
	return false
}

// matchWords reports whether the tokens from i spell words.
func (s *scanner) matchWords(i int, words []string) bool {
	for k, w := range words {
		if !s.IsWord(i+k) || s.Low(i+k) != w {
			return false
		}
	}
	return true
}

// startsNumber reports whether a number may start at token i.
func (s *scanner) startsNumber(i int) bool {
	if i >= len(s.Toks) {
		return false
	}
	switch s.Toks[i].Kind {
	case news.TokenNumber:
		return true
	case news.TokenPunct:
		_, ok := s.t.currSign[s.Tok(i)]
		return ok && s.IsNum(i+1) && s.Toks[i+1].Start-s.Toks[i].End <= 1
	}
	w := s.Low(i)
	if _, ok := s.t.currCode[s.Tok(i)]; ok && s.IsNum(i+1) {
		return true
	}
	if s.dollarPrefix(i) != "" {
		return true
	}
	if _, ok := s.t.units[w]; ok {
		return true
	}
	if _, ok := s.t.vague[w]; ok {
		return true
	}
	switch w {
	case "a", "an", "half", "several", "few", "many", "one-third", "one-half":
		return true
	}
	if h := strings.IndexByte(w, '-'); h > 0 {
		if _, ok := s.t.units[w[:h]]; ok {
			return true
		}
	}
	if _, ok := s.t.ordinals[w]; ok {
		return true
	}
	return false
}

// between reads "between 3,000 and 5,000".
func (s *scanner) between(i int) int {
	if !s.startsNumber(i + 1) {
		return i
	}
	a, ok := s.number(i + 1)
	if !ok || a.skip || a.vague {
		return i
	}
	s.suffix(&a)
	if a.skip || s.Low(a.last+1) != "and" || !s.startsNumber(a.last+2) {
		return i
	}
	b, ok := s.number(a.last + 2)
	if !ok || b.skip || b.vague {
		return i
	}
	s.suffix(&b)
	if b.skip {
		return i
	}
	s.merge(&a, &b)
	if !(a.value < b.value) {
		return i
	}
	s.emitRange(i, a, b)
	return b.last + 1
}

// emitRange appends a range quantity spanning tokens i..b.last.
func (s *scanner) emitRange(i int, a, b number) {
	lo, hi := a.value, b.value
	q := news.Quantity{
		Span:   news.Span{Start: s.Toks[i].Start, End: s.Toks[b.last].End},
		Kind:   b.kind,
		Approx: Range,
		Low:    &lo,
		High:   &hi,
		Unit:   b.unit,
	}
	q.Text = s.Text[q.Start:q.End]
	s.counts(&q, b)
	s.out = append(s.out, q)
}
