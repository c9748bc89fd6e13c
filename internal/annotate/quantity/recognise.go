package quantity

// This file recognises numbers: digits with what is glued to them,
// spelled-out numbers and ordinals, scales, currencies, units, ranges.

import (
	"math"
	"strings"

	"sitrep/internal/annotate/tokens"
	"sitrep/internal/news"
)

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

// decade reports whether v with a glued plural "s" names a decade or an
// age bracket ("70s", "1960s", "in their 20s") rather than a vague count
// ("100s", "1000s"): tens below a hundred, or a year's decade.
func decade(v float64) bool {
	if v != math.Trunc(v) || int(v)%10 != 0 {
		return false
	}
	return v >= 10 && v < 100 || v >= 1800 && v <= 2100
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
			// ("2-million-strong"; an abbreviation only glued to an amount:
			// "$70m-worth".)
			if sc, ok := s.t.scales[w[:h]]; ok && (len(w[:h]) > 2 || glued && n.currency != "") {
				n.value = scaleValue(mant, dec, sc)
				n.scaled = true
				n.last = k
				if len(w[:h]) > 2 {
					n.suffix = w[h+1:]
					n.suffixTok = k
				}
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
				n.last = k
				if decade(n.value) {
					n.skip = true // "the 70s", "in their 20s", "the 1960s"
					return true
				}
				n.vague, n.low, n.value = true, 2*n.value, 0
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
			k := j + 1
			if sc2, ok := s.scaleWord(k + 1); ok && sc2 > sc && sc2 >= 1000 {
				sc, k = sc*sc2, k+1 // "several hundred thousand"
			}
			n.vague, n.low, n.last = true, f*sc, k
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
			if rest == "and-a-half" {
				cur += v + 0.5 // "two-and-a-half"
				seen = true
				continue
			}
			if sfx, ok := strings.CutPrefix(rest, "and-a-half-"); ok {
				cur += v + 0.5 // "a one-and-a-half-hour meeting"
				seen = true
				n.suffix, n.suffixTok = sfx, k
				k++
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
		if w == "and" && seen && s.Low(k+1) == "half" {
			cur += 0.5 // "two and half years", as some write it
			k++
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
	// "a hundred thousand", "a thousand million": a larger scale
	// multiplies the one before.
	if sc, ok := s.scaleWord(k); ok && sc > n.value {
		n.value *= sc
		n.last = k
		return true
	}
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
		of, _ := strings.CutPrefix(n.suffix, "in-") // "" for a bare "in"
		switch {
		case sfx == "in" && n.words && wordNumber(t, of) > n.value:
			// "a one-in-three chance": the odds "1 in 3" read as a share.
			n.kind, n.value, n.outOf = Fraction, n.value/wordNumber(t, of), true
			n.suffix, n.suffixTok = "", -1
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
	case n.words && t.fractions[w] != 0 && w != "half" && (s.Low(k+1) == "of" || s.pluralFraction(n, w)):
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
	case n.currency == "" && s.poundsOfThing(k):
		n.kind, n.unit, n.last = Measure, "lb", k
	case (w == "pounds" || w == "pound") && n.currency == "" && (n.scaled || s.Low(k+1) == "sterling"):
		n.kind, n.currency, n.last = Money, "GBP", k
		if s.Low(k+1) == "sterling" {
			n.last = k + 1
		}
	case s.IsWord(k) && t.timeUnits[w] && n.currency == "":
		n.skip, n.last = true, k
	case (w == "sq" || w == "sq." || w == "square") && t.measures[s.Low(k+1)] != "":
		n.kind, n.unit, n.last = Measure, t.measures[s.Low(k+1)]+"2", k+1
	case w == "cubic" && t.measures[s.Low(k+1)] != "":
		n.kind, n.unit, n.last = Measure, t.measures[s.Low(k+1)]+"3", k+1
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
		// "from 5,000 to 7,000 soldiers" is a range; "rose from 60 to 71
		// percent" two numbers.
		if s.Low(a.first-1) == "from" && s.changeBefore(a.first-1) {
			return number{}, 0, false
		}
	case w == "-" || w == "–" || w == "—":
		if !(s.Touch(a.last) && s.Touch(k)) && !(w != "-" && !s.Touch(a.last) && !s.Touch(k)) {
			return number{}, 0, false
		}
	case w == "or":
		// "two or three"; digits only when the first leaves off the
		// thousands of the second ("70 or 80,000").
		if !a.words && !s.elidedOr(a, k) {
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
	if a.kind != Cardinal && b.kind != Cardinal && (a.kind != b.kind || a.currency != b.currency || a.unit != b.unit) {
		return number{}, 0, false // "rocketed 18% to $139": a change and a level, not a range
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
// the other: "1.2-1.5 million", "10-15%", "$1m-2m", and the thousands
// the speaker left off the first end ("70 to 80,000").
func (s *scanner) merge(a, b *number) {
	if b.scaled && !a.scaled && a.value < 1000 && !a.words == !b.words {
		if sc := s.scaleOf(b); sc > 0 {
			a.value *= sc
		}
	}
	if s.elidedThousands(a, b) {
		a.value *= 1000
	}
	if a.kind == Cardinal && b.kind != Cardinal {
		a.kind, a.unit, a.currency = b.kind, b.unit, b.currency
	}
	if b.kind == Cardinal && a.kind != Cardinal {
		b.kind, b.unit, b.currency = a.kind, a.unit, a.currency
	}
}

// elidedThousands reports whether the first end of a range of digits
// leaves off the thousands its second end writes out: "70 to 80,000",
// "between 5 and 10,000", "20-30,000" (70,000 to 80,000 …), not "500 to
// 1,000" or "from 60 to 71,000" read as a change.
func (s *scanner) elidedThousands(a, b *number) bool {
	if a.words || b.words || a.scaled || b.scaled || a.kind != Cardinal || b.kind != Cardinal {
		return false
	}
	if a.value < 1 || a.value >= 1000 || a.value != math.Trunc(a.value) || b.value < 1000 || math.Mod(b.value, 1000) != 0 {
		return false
	}
	if !strings.HasSuffix(s.Tok(b.last), "000") {
		return false
	}
	return a.value*1000 <= b.value && b.value < a.value*10000
}

// elidedOr reports whether the digits after "or" at k complete a with
// its elided thousands.
func (s *scanner) elidedOr(a *number, k int) bool {
	if !s.IsNum(k + 1) {
		return false
	}
	b, ok := s.number(k + 1)
	return ok && !b.skip && s.elidedThousands(a, &b)
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

// moneyNouns name money after "pounds of" (poundsOfThing).
var moneyNouns = tokens.Set(`money cash funding funds investment investments aid spending debt debts taxpayers
	taxpayer revenue revenues profit profits savings losses assets sales contracts cuts support subsidies public`)

// poundsOfThing says whether token k is "pound(s)" weighing what an "of"
// after it names ("300 pounds of cocaine"), not money: none of the three
// words after the "of" names money ("millions of pounds of taxpayers'
// money").
func (s *scanner) poundsOfThing(k int) bool {
	if w := s.Low(k); w != "pounds" && w != "pound" || s.Low(k+1) != "of" {
		return false
	}
	for i := k + 2; i < k+5; i++ {
		if moneyNouns[strings.TrimSuffix(strings.TrimSuffix(s.Low(i), "'"), "’")] {
			return false
		}
	}
	return true
}

// pluralFraction says whether a number and the plural fraction word w
// after it, with no "of" ("two thirds backed it"), are a fraction: not
// when they make one or more ("six quarters" of a year are time), nor
// after a word that opens a span of time ("the past three quarters").
func (s *scanner) pluralFraction(n *number, w string) bool {
	if w[len(w)-1] != 's' || n.value*s.t.fractions[w] >= 1 {
		return false
	}
	return !spanOpeners[s.Low(n.first-1)]
}

// spanOpeners open a span of time counted in quarters or other parts.
var spanOpeners = tokens.Set(`past last next first previous recent coming following consecutive straight`)
