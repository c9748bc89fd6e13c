package quantity

// This file attaches a recognised number to what it counts: the noun
// phrase after it ("3,000 troops") and the quantity it becomes.

import (
	"strings"

	"sitrep/internal/annotate/tokens"
	"sitrep/internal/news"
)

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
	if end < len(s.Toks) {
		if tokens.ParagraphBreak(s.Text[s.Toks[n.last].End:s.Toks[end].Start]) >= 0 {
			return end // a line ends after the number ("Vadim Krasikov, 58" as a heading): nothing on the next counts
		}
	}
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
		if !of && !n.outOf {
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
	if head == b && s.poundsOfThing(head) {
		// "tens of thousands of pounds of cocaine": a weight (as
		// "300 pounds of cocaine" is, see suffix), of what the second
		// "of" names.
		q.Kind, q.Unit = Measure, "lb"
		if a2, _, h2 := s.phrase(b+2, true); h2 >= 0 && a2 == b+2 {
			q.Modifies = s.Text[s.Toks[a2].Start:s.Toks[h2].End]
		}
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
	participle := false // the word before was a participle read as an adjective
	for n := 0; k < len(s.Toks) && n < 8; k, n = k+1, n+1 {
		if s.scareQuoted(k) {
			// "1,500 “peacekeeper” troops": a modifier in scare quotes.
			if first < 0 {
				first = k + 1
			}
			last, head = k+1, k+1
			k += 2
			continue
		}
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
		if t.stop[w] && s.Tok(k) != "US" { // ("US service members": the state, not the pronoun)
			break
		}
		if (w == "last" || w == "next") && s.IsWord(k+1) && (t.timeUnits[s.Low(k+1)] || t.months[s.Low(k+1)]) {
			break // "a 6-3 vote last month", "ruled 6-3 last month": a time of its own
		}
		if head >= 0 && s.verbAt(k) {
			break // "half of the province shares a border": the verb of the clause
		}
		if _, ok := t.units[w]; ok {
			break
		}
		if capital && head >= 0 && last == head && !s.Capitalised(head) && !participle {
			break // "the first time Tarsk has": a new phrase starts
		}
		participle = false
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
				participle = true // a name may follow: "33 alleged Kurdish militants"
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

// scareQuoted says whether token k opens a single word in quotation
// marks that a word follows: a modifier set off in scare quotes.
func (s *scanner) scareQuoted(k int) bool {
	quote := func(i int) bool {
		switch s.Tok(i) {
		case "\"", "“", "”":
			return true
		}
		return false
	}
	return k+3 < len(s.Toks) && quote(k) && s.IsWord(k+1) && quote(k+2) && s.IsWord(k+3) &&
		s.Toks[k].End == s.Toks[k+1].Start && s.Toks[k+1].End == s.Toks[k+2].Start
}

// done trims a phrase that ends on a coordinator or possessive. A
// participle or adjective of what happened ("thousands wounded", "32
// dead") is not a counted noun: the phrase is then empty.
func (s *scanner) done(first, last, head int) (int, int, int) {
	if head < 0 || s.t.headEd[s.Low(head)] {
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
