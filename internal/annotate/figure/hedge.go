package figure

import (
	"strings"

	"sitrep/internal/news"
)

// This file reads a figure's hedge from the syntax layer: the modal or
// hedging adverb of the verb that governs the figure, a hedging verb
// that governs that verb's clause ("officials believe … 400 …", "are
// estimated to have …"), and an approximator shared by a coordination
// ("about 50% in Sweden and 60% in Finland").

// modalHedges are the modal auxiliaries that hedge a clause, by lemma.
var modalHedges = map[string]string{"could": "could", "may": "may", "might": "might"}

// adverbHedges are the adverbs that hedge a clause.
var adverbHedges = map[string]string{"reportedly": "reportedly", "allegedly": "allegedly", "likely": "likely",
	"apparently": "appeared", "possibly": "could", "probably": "likely"}

// verbHedges are the verbs whose complement clause is hedged, by lemma,
// and the hedge they give ("officials believe that 400 …", "are
// estimated to have …", "is expected to reach …").
var verbHedges = map[string]string{"believe": "believes", "estimate": "estimates", "expect": "expected", "anticipate": "expected",
	"claim": "claimed", "allege": "allegedly", "appear": "appeared", "seem": "appeared"}

// governingHedge returns the hedge the syntax layer puts on the figure
// at the token range [lo, hi): found on the verb that governs it (its
// first verb ancestor, at most four steps up) or on a hedging verb that
// governs that verb's clause (two clauses up); "" when there is none or
// no parse. parsed is false without a syntax layer.
func (t *tree) governingHedge(lo, hi int) (hedge string, parsed bool) {
	if !t.parsed || lo >= hi {
		return "", false
	}
	v := t.anchor(lo, hi)
	// "a reported 5,000 troops": a participle on the number or its noun.
	for _, n := range []int{v, t.head(v)} {
		found := ""
		t.children(n, func(c int) bool {
			switch w := t.low(c); {
			case c < v && w == "reported":
				found = "reported"
			case c < v && w == "alleged":
				found = "allegedly"
			case c > v && t.rel(c) == "acl" && verbHedges[t.lemma(c)] == "expected" && t.child(c, "xcomp") > c:
				found = "expected" // "the 4,000 troops expected to join Russian forces"
			}
			return found == ""
		})
		if found != "" && n >= 0 {
			return found, true
		}
	}
	for n := 0; n < 4 && v >= 0 && !t.isVerb(v); n++ {
		v = t.head(v)
	}
	if v < 0 {
		return "", true
	}
	if t.lemma(v) == "report" && t.passive(v) {
		return "reported", true // "40 people were reported killed"
	}
	for step := 0; step < 3 && v >= 0; step++ {
		if h, ok := verbHedges[t.lemma(v)]; ok && step > 0 {
			return h, true
		}
		if h, ok := verbHedges[t.lemma(v)]; ok && step == 0 && (t.passive(v) || h == "expected" && t.child(v, "xcomp") > v) {
			// "are believed to have": the figure's own verb is hedged;
			// "troops expected to join", "expect 5,000 to arrive": an
			// expectation, whoever holds it
			return h, true
		}
		found := ""
		t.children(v, func(c int) bool {
			switch t.rel(c) {
			case "aux":
				if h, ok := modalHedges[t.low(c)]; ok {
					found = h
					return false
				}
			case "advmod":
				if h, ok := adverbHedges[t.low(c)]; ok {
					found = h
					return false
				}
			}
			return true
		})
		if found != "" {
			return found, true
		}
		switch t.rel(v) {
		case "xcomp", "ccomp":
			v = t.head(v)
		default:
			return "", true
		}
	}
	return "", true
}

// passive says whether verb v has a passive auxiliary or subject ("are
// believed", "is estimated").
func (t *tree) passive(v int) bool {
	p := false
	t.children(v, func(c int) bool {
		if r := t.fullRel(c); r == "aux:pass" || r == "nsubj:pass" {
			p = true
			return false
		}
		return true
	})
	return p
}

// sharedApprox returns the approximator a figure shares with the number
// before it in a coordination ("about 50% in Sweden and 60% in Finland":
// 60% is about too): the quantity just before it in its sentence, of the
// same unit and with an approximator, joined by "and" or "or" within
// five words and no verb between; "" when there is none.
func (ix *index) sharedApprox(q news.Quantity, sent news.Span) string {
	if q.Approx != "exact" {
		return ""
	}
	var prev *news.Quantity
	for i := range ix.a.Quantities {
		o := &ix.a.Quantities[i]
		if o.End <= q.Start && o.Start >= sent.Start {
			prev = o
		}
	}
	if prev == nil || prev.Unit != q.Unit || prev.Approx == "exact" || prev.Approx == "" || prev.Approx == "range" || prev.Approx == "vague" {
		return ""
	}
	between := strings.Fields(strings.ToLower(ix.a.Text[prev.End:q.Start]))
	joined := false
	for _, w := range between {
		joined = joined || w == "and" || w == "or"
	}
	if !joined || len(between) > 5 {
		return ""
	}
	t := ix.tree
	lo, hi := t.span(news.Span{Start: prev.End, End: q.Start})
	for k := lo; k < hi; k++ {
		if t.isVerb(k) {
			return ""
		}
	}
	if w := strings.ToLower(strings.Fields(prev.Text)[0]); approxWords[w] && w != "an" {
		return w
	}
	return ""
}
