package quantity

import (
	"math"
	"sitrep/internal/annotate/tokens"
	"strings"

	"sitrep/internal/news"
)

// scanner finds the quantities of one text. It is used once and thrown
// away; it keeps an arena for lower-cased words so that looking a word up
// costs no allocation.
type scanner struct {
	t *tables
	tokens.View
	out []news.Quantity
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
	if list, ok := s.t.approx[w]; ok && s.IsWord(i) && !(w == "about" && s.t.aboutVerbs[s.Low(i-1)]) {
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
	s.suffix(&a)
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

// number reads the number at i: currency sign, digits or words, scale.
func (s *scanner) number(i int) (number, bool) {
	n := number{first: i, suffixTok: -1, kind: Cardinal}
	j := i
	// Currency before the number.
	if s.Kind(j) == news.TokenPunct {
		n.currency = s.t.currSign[s.Tok(j)]
		j++
	} else if c, ok := s.t.currCode[s.Tok(j)]; ok && s.IsNum(j+1) {
		n.currency = c
		j++
	} else if c := s.dollarPrefix(j); c != "" && s.IsNum(j+2) {
		n.currency = c
		j += 2
	}
	if n.currency != "" {
		n.kind = Money
	}
	if s.IsNum(j) {
		if !s.digits(&n, j) {
			return n, false
		}
	} else if n.currency != "" || !s.words(&n, j) {
		return n, false
	}
	return n, true
}

// digits reads a number token at j and what is glued to it.
func (s *scanner) digits(n *number, j int) bool {
	mant, dec, plain, ok := parseDigits(s.Tok(j))
	if !ok {
		return false
	}
	n.last = j
	// "10 000": groups of three digits after an ordinary space, as the
	// extract stage leaves a no-break space. Only after a first group of
	// one to three digits, so "in 2022 100 people" stays apart.
	grouped := false
	if plain && len(s.Tok(j)) <= 3 && !s.IsNum(j-1) {
		for k := j + 1; s.IsNum(k) && s.Toks[k].Start-s.Toks[k-1].End == 1 && s.Text[s.Toks[k-1].End] == ' '; k++ {
			m, _, p, _ := parseDigits(s.Tok(k))
			if !p || len(s.Tok(k)) != 3 {
				break
			}
			mant = mant*1000 + m
			j, n.last, grouped = k, k, true
		}
	}
	n.value = float64(mant) / math.Pow10(dec)
	if n.currency == "" && !grouped {
		if s.notQuantity(n, j, plain) {
			n.skip = true
			return true
		}
	}
	// Glued or following scale, ordinal suffix, plural "s".
	k := j + 1
	if s.IsWord(k) {
		w := s.Low(k)
		glued := s.Touch(j)
		if sc, ok := s.t.scales[w]; ok && (glued || len(w) > 2 || n.currency != "") &&
			!(w == "m" && n.currency == "" && !s.pluralAfter(k)) && !(w == "b" && n.currency == "") {
			n.value = scaleValue(mant, dec, sc)
			n.scaled = true
			n.last = k
			return true
		}
		if h := strings.IndexByte(w, '-'); h > 0 {
			if sc, ok := s.t.scales[w[:h]]; ok && len(w[:h]) > 2 {
				n.value = scaleValue(mant, dec, sc)
				n.scaled = true
				n.suffix = w[h+1:]
				n.suffixTok = k
				n.last = k
				return true
			}
		}
		if glued {
			switch w {
			case "st", "nd", "rd", "th":
				n.kind = Ordinal
				n.last = k
				return true
			case "s":
				n.vague, n.low, n.value = true, 2*n.value, 0
				n.last = k
				return true
			}
		}
	}
	// "1000's", "1000’s".
	if glued := s.Touch(j); glued && (s.Tok(k) == "'" || s.Tok(k) == "’") && s.Touch(k) && s.Low(k+1) == "s" {
		n.vague, n.low, n.value = true, 2*n.value, 0
		n.last = k + 1
		return true
	}
	return true
}

// pluralAfter reports whether a plural noun follows token k: "10m people".
func (s *scanner) pluralAfter(k int) bool {
	return s.IsWord(k+1) && s.t.isPlural(s.Low(k+1))
}

// notQuantity reports whether the number token at j is a year, a day of
// the month, a clock time, a phone number, a label or a model code, and
// sets n.last to the last token of what should be stepped over.
func (s *scanner) notQuantity(n *number, j int, plain bool) bool {
	t := s.t
	prev := s.Low(j - 1)
	v := n.value
	// Phone numbers, slashed numbers and codes.
	if prev == "+" && s.Touch(j-1) || prev == "#" && s.Touch(j-1) {
		n.last = s.chain(j)
		return true
	}
	if s.Touch(j) && (s.Tok(j+1) == "/" || s.Tok(j+1) == ":") && s.IsNum(j+2) && s.Touch(j+1) {
		n.last = s.chain(j)
		if s.IsWord(n.last+1) && t.clock[s.Low(n.last+1)] {
			n.last++
		}
		return true
	}
	if s.Touch(j) && s.isHyphen(j+1) && s.IsNum(j+2) && s.Touch(j+1) {
		a, b := s.Tok(j), s.Tok(j+2)
		if len(a) == 3 && len(b) == 4 && plain || s.Touch(j+2) && s.isHyphen(j+3) && s.IsNum(j+4) {
			n.last = s.chain(j)
			return true
		}
	}
	if s.Touch(j-1) && (prev == "/" || prev == ":" || prev == "." || prev == "-" && s.IsWord(j-2) && s.Touch(j-2)) {
		return true
	}
	if s.IsWord(j-1) && t.labels[prev] {
		return true
	}
	// Clock times: "8 a.m.", "10pm", "0800 GMT".
	if s.IsWord(j+1) && t.clock[s.Low(j+1)] && (s.Touch(j) || s.Low(j+1) != "h") {
		n.last = j + 1
		if s.Low(j+1) == "local" {
			if s.Low(j+2) != "time" {
				return false
			}
			n.last = j + 2
		}
		return true
	}
	// Days of the month.
	if plain && v >= 1 && v <= 31 && v == math.Trunc(v) {
		k := j
		if s.Touch(j) && s.IsWord(j+1) {
			switch s.Low(j + 1) {
			case "st", "nd", "rd", "th":
				k = j + 1
			}
		}
		if s.isMonth(j-1) || s.isMonth(k+1) || s.Low(k+1) == "of" && s.isMonth(k+2) {
			n.last = k
			if s.isMonth(k + 1) {
				n.last = k + 1
			} else if s.Low(k+1) == "of" {
				n.last = k + 2
			}
			// A year after the date: "October 3, 2024", "3 October 2024".
			y := n.last + 1
			if s.Tok(y) == "," {
				y++
			}
			if s.IsNum(y) && len(s.Tok(y)) == 4 {
				n.last = y
			}
			return true
		}
	}
	// Years and decades.
	if plain && len(s.Tok(j)) == 4 && v >= 1800 && v <= 2100 {
		if s.Touch(j) && s.Low(j+1) == "s" {
			n.last = j + 1
			return true
		}
		if s.Touch(j) && (s.Tok(j+1) == "'" || s.Tok(j+1) == "’") && s.Low(j+2) == "s" && v >= 1900 && int(v)%10 == 0 && int(v)%1000 != 0 {
			n.last = j + 2
			return true
		}
		if s.Touch(j) && s.isHyphen(j+1) && s.IsNum(j+2) && s.Touch(j+1) {
			n.last = j + 2 // "2022-23", "2014-2022"
			return true
		}
		if t.yearPrev[prev] || s.isMonth(j-1) || !s.countNounAfter(j) {
			return true
		}
	}
	// Model codes: a number glued to letters that are no unit ("2S19").
	if s.Touch(j) && s.IsWord(j+1) {
		w := s.Low(j + 1)
		if _, ok := t.scales[w]; ok {
			return false
		}
		if _, ok := t.measures[w]; ok {
			return false
		}
		switch w {
		case "st", "nd", "rd", "th", "s", "'s":
			return false
		}
		if h := strings.IndexByte(w, '-'); h > 0 {
			if _, ok := t.scales[w[:h]]; ok {
				return false
			}
		}
		if t.timeUnits[w] {
			return false
		}
		n.last = j + 1
		return true
	}
	return false
}

// chain returns the last token of a run of numbers joined by touching
// punctuation or single spaces: a phone number, a date, a code.
func (s *scanner) chain(j int) int {
	last := j
	for k := j + 1; k < len(s.Toks); k++ {
		if s.IsNum(k) {
			if s.Toks[k].Start-s.Toks[k-1].End > 1 {
				break
			}
			last = k
			continue
		}
		if s.Kind(k) == news.TokenPunct && s.Touch(k-1) && s.Touch(k) && s.IsNum(k+1) {
			switch s.Tok(k) {
			case "-", "/", ":", ".", ")", "(":
				continue
			}
		}
		break
	}
	return last
}

// countNounAfter reports whether a lower-case noun phrase follows the
// number at j, which makes a year-like number a count: "2000 troops".
func (s *scanner) countNounAfter(j int) bool {
	for k := j + 1; k < j+5 && s.IsWord(k); k++ {
		w := s.Low(k)
		if s.t.stop[w] || s.t.timeUnits[w] {
			return false
		}
		if !s.Capitalised(k) {
			return s.t.isPlural(w)
		}
	}
	return false
}

// words reads a spelled-out number at j: "six", "twenty-five", "one
// hundred and fifty", "half a million", "a dozen", "thousands", "tens of
// thousands", "several thousand", "a few", "two-thirds".
func (s *scanner) words(n *number, j int) bool {
	t := s.t
	n.words = true
	w := s.Low(j)
	// Vague amounts.
	if v, ok := t.vague[w]; ok {
		k := j
		if (w == "tens" || w == "hundreds" || w == "dozens") && s.Low(j+1) == "of" {
			if v2, ok := t.vague[s.Low(j+2)]; ok && v2 >= 1000 {
				v *= v2
				k = j + 2
			}
		}
		if k == j && (w == "scores" || w == "tens") && s.Low(k+1) != "of" {
			return false
		}
		n.vague, n.low, n.last = true, 2*v, k
		return true
	}
	switch w {
	case "several", "few", "many":
		if sc, ok := s.scaleWord(j + 1); ok {
			f := 2.0
			if w == "several" {
				f = 3
			}
			n.vague, n.low, n.last = true, f*sc, j+1
			return true
		}
		return false
	case "a", "an":
		nx := s.Low(j + 1)
		switch nx {
		case "few":
			if sc, ok := s.scaleWord(j + 2); ok {
				n.vague, n.low, n.last = true, 2*sc, j+2
				return true
			}
			n.vague, n.low, n.last, n.one = true, 2, j+1, true
			return true
		case "couple", "pair":
			k := j + 2
			if s.Low(k) == "of" {
				k++
			}
			if sc, ok := s.scaleWord(k); ok {
				n.value, n.approx, n.last = 2*sc, About, k
				return true
			}
			return false
		case "dozen":
			n.value, n.last = 12, j+1
			return true
		case "hundred", "thousand", "million", "billion", "trillion":
			n.value, n.last, n.scaled = t.scales[nx], j+1, true
			return s.moreWords(n, j+2)
		}
		if f, ok := t.fractions[nx]; ok && s.Low(j+2) == "of" && nx != "half" {
			n.kind, n.value, n.last = Fraction, f, j+1
			return true
		}
		return false
	case "half":
		if s.Low(j+1) == "of" {
			n.kind, n.value, n.last = Fraction, 0.5, j
			return true
		}
		if a := s.Low(j + 1); a == "a" || a == "an" {
			if sc, ok := s.scaleWord(j + 2); ok {
				n.value, n.last, n.scaled = sc/2, j+2, true
				return true
			}
			if s.Low(j+2) == "dozen" {
				n.value, n.last = 6, j+2
				return true
			}
		}
		return false
	}
	if _, ok := t.ordinals[w]; ok {
		return s.ordinal(n, j)
	}
	// Cardinal words, possibly hyphenated: "twenty-five", "two-thirds",
	// "five-member", "three-year".
	total, cur, k := 0.0, 0.0, j
	seen := false
	lastUnit := -1.0 // the unit word just read, or -1
	for ; k < len(s.Toks) && s.IsWord(k); k++ {
		w := s.Low(k)
		if v, ok := t.units[w]; ok {
			// "twenty five" and "hundred and five" go on; "five six" does not.
			if lastUnit >= 0 && !(lastUnit >= 20 && int(lastUnit)%10 == 0 && v < 10) {
				break
			}
			cur += v
			seen = true
			lastUnit = v
			continue
		}
		lastUnit = -1
		if h := strings.IndexByte(w, '-'); h > 0 {
			head, rest := w[:h], w[h+1:]
			v, ok := t.units[head]
			if !ok {
				break
			}
			if v2, ok := t.units[rest]; ok && v >= 20 && v2 < 10 {
				cur += v + v2 // "twenty-five"
				seen = true
				continue
			}
			cur += v
			seen = true
			n.suffix, n.suffixTok = rest, k
			k++
			break
		}
		if seen && (w == "hundred") {
			cur *= 100
			continue
		}
		if sc, ok := t.scales[w]; ok && seen && len(w) > 2 {
			total += cur * sc
			cur = 0
			n.scaled = true
			continue
		}
		if (w == "dozen" || w == "dozens") && seen {
			cur *= 12
			continue
		}
		if w == "and" && seen && s.Low(k+1) == "a" && s.Low(k+2) == "half" {
			cur += 0.5 // "one and a half million"
			k += 2
			continue
		}
		if w == "and" && seen && n.scaled || w == "and" && seen && cur >= 100 {
			if wordNumber(t, s.Low(k+1)) > 0 {
				continue
			}
		}
		break
	}
	if !seen {
		return false
	}
	n.value = total + cur
	n.last = k - 1
	n.one = n.value == 1 && !n.scaled && n.suffix == ""
	return true
}

// moreWords continues a number after "a hundred", "a thousand": "a
// hundred and fifty".
func (s *scanner) moreWords(n *number, k int) bool {
	if s.Low(k) == "and" {
		if v, ok := s.t.units[s.Low(k+1)]; ok && n.value == 100 {
			n.value += v
			n.last = k + 1
		}
	}
	return true
}

// scaleWord returns the value of a spelled-out scale at k ("thousand").
func (s *scanner) scaleWord(k int) (float64, bool) {
	w := s.Low(k)
	if len(w) <= 2 {
		return 0, false
	}
	if w == "dozen" {
		return 12, true
	}
	v, ok := s.t.scales[w]
	return v, ok
}

// ordinal reads a spelled-out ordinal at j: "the second visit", or a
// fraction after a number word ("one third of").
func (s *scanner) ordinal(n *number, j int) bool {
	w := s.Low(j)
	prev := s.Low(j - 1)
	if !s.t.dets[prev] {
		return false
	}
	if s.Low(j+1) == "of" && s.isMonth(j+2) {
		n.skip, n.last = true, j+2
		return true
	}
	n.kind, n.value, n.last = Ordinal, s.t.ordinals[w], j
	return true
}

// suffix reads what follows the number: percent, currency word, unit,
// time unit (not a quantity), fraction denominator, compound noun.
func (s *scanner) suffix(n *number) {
	t := s.t
	if n.kind == Ordinal || n.kind == Fraction {
		return
	}
	// Hyphenated compounds: "3,000-man", "two-thirds", "three-year".
	if n.suffixTok < 0 && s.Touch(n.last) && s.isHyphen(n.last+1) && s.Touch(n.last+1) && s.IsWord(n.last+2) {
		n.suffix = s.Low(n.last + 2)
		n.suffixTok = n.last + 2
		n.last += 2
	}
	if n.suffix != "" {
		sfx := n.suffix
		if h := strings.IndexByte(sfx, '-'); h > 0 {
			sfx = sfx[:h]
		}
		switch {
		case t.timeUnits[sfx]:
			n.skip = true
		case t.fractions[sfx] != 0 && n.words && sfx != "half":
			n.kind = Fraction
			n.value *= t.fractions[sfx]
		case t.measures[sfx] != "":
			n.kind, n.unit = Measure, t.measures[sfx]
		case sfx == "percent":
			n.kind, n.unit = Percent, "percent"
		}
		return
	}
	k := n.last + 1
	w := s.Low(k)
	switch {
	case n.words && t.fractions[w] != 0 && w != "half" && (s.Low(k+1) == "of" || w[len(w)-1] == 's'):
		n.kind, n.value, n.last, n.one = Fraction, n.value*t.fractions[w], k, false
		return
	case s.Tok(k) == "%" || s.Tok(k) == "٪":
		n.kind, n.unit, n.last = Percent, "percent", k
	case s.IsWord(k) && (w == "percent" || w == "pct" || w == "pc" || w == "p.c." || w == "p.c" || w == "pct."):
		n.kind, n.unit, n.last = Percent, "percent", k
	case w == "per" && s.Low(k+1) == "cent":
		n.kind, n.unit, n.last = Percent, "percent", k+1
	case w == "p." && s.Touch(k) && (s.Low(k+1) == "c" || s.Low(k+1) == "c."):
		n.kind, n.unit, n.last = Percent, "percent", k+1
	case w == "percentage" && (s.Low(k+1) == "points" || s.Low(k+1) == "point"):
		n.kind, n.unit, n.last = Percent, "percentage point", k+1
	case s.IsWord(k) && t.currWord[w] != "" && n.currency == "":
		n.kind, n.currency, n.last = Money, t.currWord[w], k
	case t.dollarPrefix[w] != "" && (s.Low(k+1) == "dollars" || s.Low(k+1) == "dollar") && n.currency == "":
		n.kind, n.currency, n.last = Money, t.dollarPrefix[w], k+1
	case w == "hong" && s.Low(k+1) == "kong" && s.Low(k+2) == "dollars" && n.currency == "":
		n.kind, n.currency, n.last = Money, "HKD", k+2
	case (w == "pounds" || w == "pound") && n.currency == "" && (n.scaled || s.Low(k+1) == "sterling"):
		n.kind, n.currency, n.last = Money, "GBP", k
		if s.Low(k+1) == "sterling" {
			n.last = k + 1
		}
	case s.IsWord(k) && t.timeUnits[w] && n.currency == "":
		n.skip, n.last = true, k
	case (w == "sq" || w == "sq." || w == "square") && t.measures[s.Low(k+1)] != "":
		n.kind, n.unit, n.last = Measure, t.measures[s.Low(k+1)]+"2", k+1
	case s.IsWord(k) && t.measures[w] != "" && n.currency == "" && (s.Touch(n.last) || len(w) > 2 || w == "km" || w == "mm" || w == "kg"):
		n.kind, n.unit, n.last = Measure, t.measures[w], k
	case s.Tok(k) == "°" && (s.Tok(k+1) == "C" || s.Tok(k+1) == "F"):
		n.kind, n.unit, n.last = Measure, "deg"+s.Tok(k+1), k+1
	case w == "m" && n.currency == "" && s.Touch(n.last):
		n.kind, n.unit, n.last = Measure, "m", k
	}
	if n.currency != "" {
		n.kind, n.unit = Money, n.currency
	}
	// A hyphen after the unit: "155-mm", "10-km".
	if n.kind == Measure || n.kind == Percent {
		return
	}
	if n.one && s.Low(n.last+1) == "of" {
		n.skip = true
	}
}

// rangeEnd reads the second half of a range after a: "to 20", "-12,000",
// "or three". It returns the second number and the index after it.
func (s *scanner) rangeEnd(a *number) (number, int, bool) {
	k := a.last + 1
	w := s.Low(k)
	switch {
	case w == "to":
		if s.Low(a.first-1) == "from" {
			return number{}, 0, false
		}
	case w == "-" || w == "–" || w == "—":
		if !(s.Touch(a.last) && s.Touch(k)) && !(w != "-" && !s.Touch(a.last) && !s.Touch(k)) {
			return number{}, 0, false
		}
	case w == "or":
		if !a.words {
			return number{}, 0, false
		}
	default:
		return number{}, 0, false
	}
	if a.vague || a.kind == Ordinal || a.kind == Fraction || a.suffix != "" || !s.startsNumber(k+1) {
		return number{}, 0, false
	}
	b, ok := s.number(k + 1)
	if !ok || b.skip || b.vague || b.kind == Ordinal || b.kind == Fraction {
		return number{}, 0, false
	}
	s.suffix(&b)
	if b.skip {
		return number{}, 0, false
	}
	a2 := *a
	s.merge(&a2, &b)
	if !(a2.value < b.value) {
		return number{}, 0, false
	}
	*a = a2
	return b, b.last + 1, true
}

// merge shares the scale, currency and unit of one end of a range with
// the other: "1.2-1.5 million", "10-15%", "$1m-2m".
func (s *scanner) merge(a, b *number) {
	if b.scaled && !a.scaled && a.value < 1000 && !a.words == !b.words {
		if sc := s.scaleOf(b); sc > 0 {
			a.value *= sc
		}
	}
	if a.kind == Cardinal && b.kind != Cardinal {
		a.kind, a.unit, a.currency = b.kind, b.unit, b.currency
	}
	if b.kind == Cardinal && a.kind != Cardinal {
		b.kind, b.unit, b.currency = a.kind, a.unit, a.currency
	}
}

// scaleOf returns the scale word's value of a scaled number.
func (s *scanner) scaleOf(b *number) float64 {
	for k := b.first; k <= b.last; k++ {
		w := s.Low(k)
		if h := strings.IndexByte(w, '-'); h > 0 {
			w = w[:h]
		}
		if v, ok := s.t.scales[w]; ok && !(len(w) <= 2 && !s.Touch(k-1) && b.currency == "") {
			return v
		}
	}
	return 0
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

// finish turns a number with its approximator into a quantity and reads
// what it counts. It returns nil when the number needs a counted noun it
// does not have ("one").
func (s *scanner) finish(i int, n number, approx string, bound byte) (*news.Quantity, int) {
	q := news.Quantity{
		Span: news.Span{Start: s.Toks[i].Start, End: s.Toks[n.last].End},
		Kind: n.kind,
		Unit: n.unit,
	}
	end := n.last + 1
	switch {
	case n.vague:
		q.Approx = Vague
		lo := n.low
		q.Low = &lo
	default:
		v := n.value
		q.Value = &v
		q.Approx = Exact
		if n.approx != "" {
			q.Approx = n.approx
		}
		if approx != "" {
			q.Approx = approx
		}
		switch bound {
		case 'l':
			q.Low = &v
		case 'h':
			q.High = &v
		}
	}
	q.Text = s.Text[q.Start:q.End]
	end = s.counts(&q, n)
	if n.one && q.Counts == "" {
		return nil, n.last + 1
	}
	if end < n.last+1 {
		end = n.last + 1
	}
	return &q, end
}

// counts fills in Counts, Unit and Modifies from the words after the
// number n, and returns the index after the number (the counted phrase
// is not consumed, so that numbers inside it are still read).
func (s *scanner) counts(q *news.Quantity, n number) int {
	end := n.last + 1
	switch {
	case n.suffix == "strong":
		if a, b, head := s.phrase(end, false); head >= 0 {
			s.setCounts(q, a, b, head)
			q.Modifies = q.Counts
		}
		return end
	case n.suffix == "old" || strings.HasSuffix(n.suffix, "-old"):
		return end
	case n.suffixTok >= 0 && n.kind == Cardinal:
		// "3,000-man battalion": counts the compound's noun.
		st := s.Toks[n.suffixTok]
		w := n.suffix
		off := st.End - len(w)
		if off < st.Start {
			off = st.Start
		}
		span := news.Span{Start: off, End: st.End}
		q.Counts = s.Text[span.Start:span.End]
		q.CountsSpan = &span
		q.Unit = s.t.lemma(w)
		if a, b, head := s.phrase(end, false); head >= 0 {
			_, _ = a, b
			q.Modifies = s.Tok(head)
		}
		return end
	}
	switch n.kind {
	case Money, Measure:
		if a, _, head := s.phrase(end, false); head >= 0 && a == end {
			q.Modifies = s.Text[s.Toks[a].Start:s.Toks[head].End]
		}
		return end
	case Ordinal:
		if _, _, head := s.phrase(end, false); head >= 0 {
			q.Counts = s.Tok(head)
			q.Unit = s.t.lemma(s.Low(head))
			span := s.Toks[head].Span
			q.CountsSpan = &span
		}
		return end
	}
	k := end
	of := s.Low(k) == "of"
	if of {
		k++
	}
	if n.kind == Percent || n.kind == Fraction {
		if !of {
			return end
		}
	}
	if of {
		// "220,000 of the 400,000 households": the second number counts.
		m := k
		if w := s.Low(m); w == "the" || w == "a" || w == "an" || w == "its" || w == "their" {
			m++
		}
		if s.IsNum(m) {
			if b, ok := s.number(m); ok && !b.skip {
				s.suffix(&b)
				if !b.skip {
					if a, c, head := s.phrase(b.last+1, false); head >= 0 {
						s.setCounts(q, a, c, head)
					}
				}
			}
			return end
		}
		if s.t.partitive[s.Low(k)] {
			span := s.Toks[k].Span
			q.Counts = s.Tok(k)
			q.CountsSpan = &span
			return end
		}
		if w := s.Low(k); w == "the" || w == "a" || w == "an" {
			k++
		}
	}
	a, b, head := s.phrase(k, of)
	if head < 0 {
		return end
	}
	s.setCounts(q, a, b, head)
	if n.kind == Percent {
		q.Unit = n.unit
	}
	return end
}

func (s *scanner) setCounts(q *news.Quantity, a, b, head int) {
	span := news.Span{Start: s.Toks[a].Start, End: s.Toks[b].End}
	q.Counts = s.Text[span.Start:span.End]
	q.CountsSpan = &span
	if q.Kind == Cardinal || q.Kind == Ordinal || q.Kind == Fraction {
		q.Unit = s.t.lemma(s.Low(head))
	}
}

// phrase reads the noun phrase that starts at k and returns its first
// and last tokens and its head, or head -1 when there is none. With
// possessive, a leading determiner ("its forces") is allowed.
func (s *scanner) phrase(k int, possessive bool) (first, last, head int) {
	t := s.t
	first, last, head = -1, -1, -1
	// Leading comparatives are not part of what is counted.
	for s.IsWord(k) && t.leading[s.Low(k)] && !s.Capitalised(k) {
		k++
	}
	if possessive {
		switch s.Low(k) {
		case "its", "their", "his", "her", "our", "my", "your", "this", "these", "those", "that":
			if s.IsWord(k + 1) {
				first = k
				k++
			}
		}
	}
	for n := 0; k < len(s.Toks) && n < 8; k, n = k+1, n+1 {
		if !s.IsWord(k) {
			break
		}
		w := s.Low(k)
		capital := s.Capitalised(k)
		if w == "'s" || w == "'" {
			// Possessive: "Russia's forces".
			if head >= 0 && s.IsWord(k+1) && !t.stop[s.Low(k+1)] {
				last = k
				continue
			}
			break
		}
		if w == "and" || w == "or" || w == "&" {
			// Coordinated pre-modifiers: "Patriot and AMRAAM missiles".
			if head >= 0 && !t.isPlural(s.Low(head)) && s.IsWord(k+1) &&
				(s.Capitalised(k+1) || t.adjEd[s.Low(k+1)]) && !t.stop[s.Low(k+1)] {
				last = k
				continue
			}
			break
		}
		if t.stop[w] {
			break
		}
		if _, ok := t.units[w]; ok {
			break
		}
		if capital && head >= 0 && last == head && !s.Capitalised(head) {
			break // "the first time Tarsk has": a new phrase starts
		}
		if !capital {
			switch {
			case strings.HasSuffix(w, "ly") && !t.lyNouns[w]:
				return s.done(first, last, head)
			case strings.HasSuffix(w, "ed") && !t.headEd[w] && len(w) > 3,
				strings.HasSuffix(w, "ing") && !t.ingNouns[w] && len(w) > 4:
				// A participle: an adjective only before a noun.
				if head >= 0 && t.isPlural(s.Low(head)) || !s.nounAt(k+1) {
					return s.done(first, last, head)
				}
			}
		}
		if first < 0 {
			first = k
		}
		last, head = k, k
		if !capital && t.isPlural(w) {
			break // a plural noun ends the phrase
		}
	}
	return s.done(first, last, head)
}

// done trims a phrase that ends on a coordinator or possessive.
func (s *scanner) done(first, last, head int) (int, int, int) {
	if head < 0 {
		return -1, -1, -1
	}
	last = head
	if first < 0 {
		first = head
	}
	return first, last, head
}

// nounAt reports whether token k may be part of a noun phrase.
func (s *scanner) nounAt(k int) bool {
	if !s.IsWord(k) {
		return false
	}
	w := s.Low(k)
	return !s.t.stop[w] && !(strings.HasSuffix(w, "ly") && !s.t.lyNouns[w])
}

// parseDigits parses a number token: ASCII digits with thousands
// separators (comma or a no-break, narrow or thin space) and one decimal
// point. It returns the digits as an integer and the number of decimals;
// plain is true when the token is digits only.
func parseDigits(w string) (mant int64, dec int, plain, ok bool) {
	plain = true
	frac := false
	nd := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= '0' && c <= '9':
			if nd < 18 {
				mant = mant*10 + int64(c-'0')
				if frac {
					dec++
				}
			} else if !frac {
				return 0, 0, false, false
			}
			nd++
		case c == '.':
			frac = true
			plain = false
		default:
			plain = false // separators
		}
	}
	return mant, dec, plain, nd > 0
}

// scaleValue returns mant/10^dec × scale, exactly when it can: 1.3 ×
// million is 1300000, not 1299999.9999999998.
func scaleValue(mant int64, dec int, scale float64) float64 {
	p := int(math.Round(math.Log10(scale)))
	if math.Pow10(p) != scale {
		return float64(mant) / math.Pow10(dec) * scale
	}
	if p >= dec {
		return float64(mant) * math.Pow10(p-dec)
	}
	return float64(mant) / math.Pow10(dec-p)
}

// wordNumber returns the value of a spelled-out number word below a
// hundred ("six", "sixty-one"), or 0.
func wordNumber(t *tables, w string) float64 {
	if v, ok := t.units[w]; ok {
		return v
	}
	if h := strings.IndexByte(w, '-'); h > 0 {
		a, b := t.units[w[:h]], t.units[w[h+1:]]
		if a >= 20 && b > 0 && b < 10 {
			return a + b
		}
	}
	return 0
}

// dollarPrefix returns the currency of "US$", "C$", "HK $" at i, or "".
// A one-letter prefix must touch the sign: "a $250m package" is not AUD.
func (s *scanner) dollarPrefix(i int) string {
	if s.Tok(i+1) != "$" {
		return ""
	}
	w := s.Low(i)
	c := s.t.dollarPrefix[w]
	if len(w) == 1 && !s.Touch(i) {
		return ""
	}
	return c
}
