package figure

// This file reads the syntax layer around a figure: the tokens of its
// number, the counted noun, the verb that governs it and the words that
// modify them.

import (
	"sort"
	"strings"

	"sitrep/internal/annotate/tokens"
	"sitrep/internal/news"
)

// tree answers questions about the tokens and dependencies of one
// article. It reads the token and syntax layers; without a syntax layer
// (len(a.Syntax) != len(a.Tokens)) every tree question answers "none".
type tree struct {
	a      *news.Article
	v      tokens.View
	parsed bool
}

func newTree(a *news.Article) *tree {
	return &tree{a: a, v: tokens.NewView(a.Text, a.Tokens), parsed: len(a.Syntax) == len(a.Tokens) && len(a.Tokens) > 0}
}

// span returns the tokens [lo, hi) inside sp.
func (t *tree) span(sp news.Span) (lo, hi int) {
	ts := t.a.Tokens
	lo = sort.Search(len(ts), func(i int) bool { return ts[i].End > sp.Start })
	hi = lo
	for hi < len(ts) && ts[hi].Start < sp.End {
		hi++
	}
	return lo, hi
}

// low is token i lower-cased ("" out of range).
func (t *tree) low(i int) string { return t.v.Low(i) }

func (t *tree) upos(i int) news.UPOS {
	if !t.parsed || i < 0 || i >= len(t.a.Syntax) {
		return news.UPOSNone
	}
	return t.a.Syntax[i].UPOS
}

func (t *tree) lemma(i int) string {
	if !t.parsed || i < 0 || i >= len(t.a.Syntax) {
		return lemma(t.low(i))
	}
	if l := t.a.Syntax[i].Lemma; l != "" {
		if t.a.Syntax[i].UPOS != news.PROPN {
			return strings.ToLower(l) // (the tagger's lemma table keeps some capitals: "Ditch" for "ditch")
		}
		return l
	}
	return t.low(i)
}

// rel is the relation of token i to its head, without its subtype
// ("nmod" for "nmod:poss"); "" when not parsed.
func (t *tree) rel(i int) string {
	if !t.parsed || i < 0 || i >= len(t.a.Syntax) {
		return ""
	}
	r := t.a.Syntax[i].Rel
	for k := 0; k < len(r); k++ {
		if r[k] == ':' {
			return r[:k]
		}
	}
	return r
}

// fullRel is the relation of token i with its subtype.
func (t *tree) fullRel(i int) string {
	if !t.parsed || i < 0 || i >= len(t.a.Syntax) {
		return ""
	}
	return t.a.Syntax[i].Rel
}

// head is the head of token i, or -1.
func (t *tree) head(i int) int {
	if !t.parsed || i < 0 || i >= len(t.a.Syntax) || !t.a.Syntax[i].Parsed() {
		return -1
	}
	return int(t.a.Syntax[i].Head)
}

// sentence returns the token range [lo, hi) of the sentence holding
// token i.
func (t *tree) sentence(i int) (lo, hi int) {
	ss := t.a.Sentences
	pos := t.a.Tokens[i].Start
	k := sort.Search(len(ss), func(k int) bool { return ss[k].End > pos })
	if k >= len(ss) {
		return i, i + 1
	}
	return t.span(ss[k].Span)
}

// ofGroup says whether token i opens "of them", "of those": the number
// before it counts a part of a group named earlier ("more than 70 of
// them").
func (t *tree) ofGroup(i int) bool {
	if t.low(i) != "of" || t.upos(i+1) != news.PRON {
		return false
	}
	switch t.low(i + 1) {
	case "them", "those", "these", "us":
		return true
	}
	return false
}

// frontedGroup says whether the number at token lo follows a fronted
// "Of those," that opens its sentence: it counts a part of a group named
// before ("Of those, 6 were released").
func (t *tree) frontedGroup(lo int) bool {
	slo, _ := t.sentence(lo)
	return lo == slo+3 && t.low(lo-1) == "," && t.ofGroup(slo)
}

// actingIt says whether token i is "it" as the subject of a verb with no
// clause of its own: a state or body acting ("It deployed 300 troops"),
// not "It is estimated that …", "It seems to …" or "It was one of …".
func (t *tree) actingIt(i int) bool {
	if t.low(i) != "it" || t.fullRel(i) != "nsubj" {
		return false
	}
	v := t.head(i)
	return t.isVerb(v) && t.child(v, "ccomp") < 0 && t.child(v, "xcomp") < 0 && t.child(v, "csubj") < 0
}

// sentenceBefore returns the first token of the sentence before token
// i's (of i's own sentence when it is the first).
func (t *tree) sentenceBefore(i int) int {
	slo, _ := t.sentence(i)
	if slo > 0 {
		slo, _ = t.sentence(slo - 1)
	}
	return slo
}

// children calls f for each token of i's sentence whose head is i.
func (t *tree) children(i int, f func(c int) bool) {
	if !t.parsed || i < 0 {
		return
	}
	lo, hi := t.sentence(i)
	for c := lo; c < hi; c++ {
		if int(t.a.Syntax[c].Head) == i && t.a.Syntax[c].Parsed() && c != i {
			if !f(c) {
				return
			}
		}
	}
}

// child returns the first child of i with relation rel (subtype
// ignored), or -1.
func (t *tree) child(i int, rel string) int {
	found := -1
	t.children(i, func(c int) bool {
		if t.rel(c) == rel {
			found = c
			return false
		}
		return true
	})
	return found
}

// inComplement says whether token i lies in a clausal complement of
// verb v ("the Institute added that 24% of respondents …"): what v's
// subject says or thinks, not what it has.
func (t *tree) inComplement(v, i int) bool {
	for k, n := i, 0; k >= 0 && n < 12; k, n = t.head(k), n+1 {
		if t.head(k) == v {
			return t.rel(k) == "ccomp"
		}
	}
	return false
}

// caseOf returns the lower-cased preposition (the case child) of i, or "".
func (t *tree) caseOf(i int) string {
	if c := t.child(i, "case"); c >= 0 {
		return t.low(c)
	}
	return ""
}

// hasCase says whether token i has the case word w among its case
// children ("paid for by Germany": "for" and "by").
func (t *tree) hasCase(i int, w string) bool {
	found := false
	t.children(i, func(c int) bool {
		found = t.rel(c) == "case" && t.low(c) == w
		return !found
	})
	return found
}

// isNoun reports whether token i is a noun or proper noun.
func (t *tree) isNoun(i int) bool {
	p := t.upos(i)
	return p == news.NOUN || p == news.PROPN
}

// isVerb reports whether token i is a verb (or an adjective acting as a
// predicate, "dead").
func (t *tree) isVerb(i int) bool { return t.upos(i) == news.VERB }

// anchor returns the token of the quantity span [lo, hi) that the rest of
// the sentence attaches to: the last number, symbol or noun whose head
// lies outside the span; else the last number token; else lo.
func (t *tree) anchor(lo, hi int) int {
	best := -1
	for k := lo; k < hi; k++ {
		h := t.head(k)
		if h >= lo && h < hi {
			continue
		}
		switch t.upos(k) {
		case news.NUM, news.SYM, news.NOUN, news.PROPN, news.X:
			best = k
		}
	}
	if best >= 0 {
		return best
	}
	for k := hi - 1; k >= lo; k-- {
		if t.a.Tokens[k].Kind == news.TokenNumber {
			return k
		}
	}
	return lo
}

// estimateNouns name a count someone keeps: the subject of a verb whose
// object is one ("raised its estimate to", "put the death toll at")
// gives the figures the verb states.
var estimateNouns = map[string]bool{"estimate": true, "toll": true, "tally": true, "count": true,
	"assessment": true, "forecast": true, "projection": true, "figure": true}

// countNouns name what an estimate counts; with an estimateVerb they
// state one: "the general staff put Russian losses at 300 tanks", "put
// the number at 4,000" (but "increased the number of troops to 9,000" is
// a deed, not an estimate).
var countNouns = map[string]bool{"loss": true, "losses": true, "casualty": true, "casualties": true, "number": true, "total": true}

// actsAgainst are verbs (lemmas) whose subject, in the active voice,
// acts on people it does not own: sanctions, indictments and bans.
var actsAgainst = tokens.Set(`sanction blacklist indict ban prosecute sue`)

// reportVerbs report or show a count without acting on what it counts
// (lemmas): "Russia displayed 30 pieces of captured equipment" says
// nothing of whose they were.
var reportVerbs = map[string]bool{"say": true, "tell": true, "report": true, "reveal": true, "show": true, "find": true,
	"suggest": true, "indicate": true, "claim": true, "allege": true, "note": true, "write": true, "confirm": true,
	"display": true, "exhibit": true, "parade": true}

// estimateVerbs set a count at a value.
var estimateVerbs = map[string]bool{"put": true, "place": true, "peg": true, "set": true, "estimate": true, "revise": true}

// oddsVerbs give a chance its size: "gave his party a two-in-three
// chance", "sees a 60% chance", "puts the odds at".
var oddsVerbs = tokens.Set(`give put see rate estimate assign`)

// estimator returns the subject of the verb whose estimate quantity q
// states when no claim holds it: "US officials increased their estimate
// of the force to 190,000 troops", "Kyiv put the death toll at 2,300".
// The subject is named (a pronoun gives nothing): its entity's name and
// ID when the entity layer has one, else its words.
func (ix *index) estimator(q news.Quantity) (name, entity string, span news.Span, ok bool) {
	t := ix.tree
	if !t.parsed {
		return "", "", news.Span{}, false
	}
	lo, hi := t.span(q.Span)
	if lo >= hi || q.Unit == "vote" || ix.scoreSide(lo, hi) {
		// "had a tally of 97-0", "a tally of 97 votes": a vote's
		// record, which its subject did not estimate.
		return "", "", news.Span{}, false
	}
	// Up from the quantity to the verb with the estimate as its object,
	// through the phrases it may hang on ("… of the force massed on the
	// border to 190,000 troops").
	v := t.anchor(lo, hi)
	counted := -1 // the noun the number counts: "faces 29 counts" counts charges, it is no tally
	if t.rel(v) == "nummod" {
		counted = t.head(v)
	}
	if s := t.possessedEstimate(v); s >= 0 {
		return ix.namedSubject(s)
	}
	// "put forward an estimate of 5,000 dead", as written, when the
	// parser did not hang the number on the noun.
	if e := lo - 2; e >= 0 && t.low(lo-1) == "of" && estimateNouns[t.lemma(e)] && t.rel(e) == "obj" && t.isVerb(t.head(e)) {
		return ix.namedSubject(t.child(t.head(e), "nsubj"))
	}
	at := false // the number hangs on the verb by "at": "put his net worth at $45bn"
	for k := 0; ; k++ {
		if k == 8 || v < 0 {
			return "", "", news.Span{}, false
		}
		if t.isVerb(v) {
			if o := t.child(v, "obj"); o >= 0 && (o != counted && (estimateNouns[t.lemma(o)] || (countNouns[t.lemma(o)] || at && t.isNoun(o)) && estimateVerbs[t.lemma(v)]) ||
				chanceNouns[t.lemma(o)] && oddsVerbs[t.lemma(v)]) {
				break
			}
		}
		switch r := t.rel(v); {
		case r == "obl" || r == "nmod" || r == "nummod" || r == "obj" || r == "appos" || r == "acl":
			at = r == "obl" && t.caseOf(v) == "at"
			v = t.head(v)
		case (r == "amod" || r == "compound") && chanceNouns[t.lemma(t.head(v))]:
			v = t.head(v) // "a two-in-three chance", "a 60% chance"
		default:
			v = -1
		}
	}
	return ix.namedSubject(t.child(v, "nsubj"))
}

// scoreSide says whether the number at tokens lo..hi is one side of a
// score or vote written with a hyphen ("97-0", "52-48").
func (ix *index) scoreSide(lo, hi int) bool {
	t := ix.tree
	num := func(i int) bool { return i >= 0 && i < len(t.a.Tokens) && t.a.Tokens[i].Kind == news.TokenNumber }
	dash := func(i int) bool { w := t.low(i); return w == "-" || w == "–" }
	return dash(hi) && num(hi+1) && t.v.Touch(hi-1) && t.v.Touch(hi) ||
		lo >= 2 && dash(lo-1) && num(lo-2) && t.v.Touch(lo-2) && t.v.Touch(lo-1)
}

// possessedEstimate returns the owner of an estimate the quantity at
// token a counts in, "the Kremlin's estimate of 5,000 deaths" → Kremlin,
// or -1.
func (t *tree) possessedEstimate(a int) int {
	for n, k := a, 0; n >= 0 && k < 3; n, k = t.head(n), k+1 {
		if t.rel(n) != "nummod" && t.rel(n) != "nmod" && n != a {
			return -1
		}
		h := t.head(n)
		if h < 0 || !estimateNouns[t.lemma(h)] || t.rel(n) != "nmod" || t.caseOf(n) != "of" {
			continue
		}
		p := -1
		t.children(h, func(c int) bool {
			if t.fullRel(c) == "nmod:poss" && t.isNoun(c) {
				p = c
			}
			return p < 0
		})
		return p
	}
	return -1
}

// namedSubject returns the name (its entity's canonical name when the
// entity layer has one) and span of the noun phrase headed by s; ok
// false for a pronoun or no noun.
func (ix *index) namedSubject(s int) (name, entity string, span news.Span, ok bool) {
	t := ix.tree
	if s < 0 || t.upos(s) == news.PRON || !t.isNoun(s) {
		return "", "", news.Span{}, false
	}
	first := s
	for k := s - 1; k >= 0 && t.head(k) == s; k-- {
		switch t.rel(k) {
		case "compound", "amod", "flat", "nmod":
			first = k
		}
		if t.rel(k) != "compound" && t.rel(k) != "amod" && t.rel(k) != "flat" && t.rel(k) != "nmod" {
			break
		}
	}
	span = news.Span{Start: ix.a.Tokens[first].Start, End: ix.a.Tokens[s].End}
	name = span.In(ix.a.Text)
	if m := ix.mentionAt(s); m >= 0 {
		e := ix.a.Entities[m]
		entity = e.Entity
		if e.Canonical != "" && e.Start <= span.Start && e.End >= span.End {
			name = e.Canonical
		}
	}
	return name, entity, span, true
}

// verbOf returns the verb that governs the tokens of sp (their anchor or
// its first verb ancestor, four steps up at most), or -1.
func (t *tree) verbOf(sp news.Span) int {
	lo, hi := t.span(sp)
	if lo >= hi {
		return -1
	}
	v := t.anchor(lo, hi)
	for n := 0; v >= 0 && n < 4 && !t.isVerb(v); n++ {
		v = t.head(v)
	}
	if !t.isVerb(v) {
		return -1
	}
	return v
}

// objectOf returns the verb whose object the tokens of sp are (the
// anchor's head when the anchor, or the noun it counts, is "obj"), or -1.
func (t *tree) objectOf(sp news.Span) int {
	lo, hi := t.span(sp)
	if lo >= hi {
		return -1
	}
	for k, n := t.anchor(lo, hi), 0; k >= 0 && n < 2; k, n = t.head(k), n+1 {
		if t.rel(k) == "obj" {
			return t.head(k)
		}
	}
	return -1
}
