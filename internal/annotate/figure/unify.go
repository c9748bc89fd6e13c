package figure

import "sitrep/internal/news"

// unifyWindow is how many sentences apart two figures of an article may
// stand for one to complete the other.
const unifyWindow = 3

// unify gives a figure that leaves whose it is unsaid the owner of an
// earlier figure of its article that counts the same thing: "Russia has
// moved 100,000 troops to the border … a week later about 130,000
// soldiers were there". Reports name the owner once and then drop it; a
// measure keyed on the unsaid owner would split one count in two.
//
// A figure g completes f when g comes at most unifyWindow sentences
// before it, both count the same class of thing in the same kind of
// quantity, from the same speaker, in scopes that count alike
// (news.SameCount), g names an owner, and g's fate and place are f's
// where f states them. When the figures that could complete f disagree
// ("Russia lost 500 soldiers, Ukraine 300 … 200 soldiers"), f is left
// as it is; so is a count its sentence puts across the world.
func (ix *index) unify(figs []news.Figure) {
	type given struct {
		i     int
		owner string
	}
	var out []given // applied at the end: an owner given here gives no other
	kind := func(f *news.Figure) string { return ix.a.Quantities[f.Quantity].Kind }
	for i := range figs {
		f := &figs[i]
		sent := ix.sentenceOf(f.Start)
		if f.What == "" || f.Owner != "" || sent < 0 || ix.noDonor[f.Quantity] || ix.worldwide(ix.a.Sentences[sent].Span) {
			continue
		}
		var pick *news.Figure
		for j := i - 1; j >= 0; j-- {
			g := &figs[j]
			if sent-ix.sentenceOf(g.Start) > unifyWindow {
				break // (figures stand in text order)
			}
			if g.What != f.What || g.Speaker != f.Speaker || !news.SameCount(g.Scope, f.Scope) || kind(g) != kind(f) {
				continue
			}
			if !completes(g, f) {
				continue
			}
			if pick != nil && pick.Owner != g.Owner {
				pick = nil
				break
			}
			pick = g
		}
		if pick != nil {
			out = append(out, given{i, pick.Owner})
		}
	}
	for _, g := range out {
		figs[g.i].Owner = g.owner
	}
}

// worldwide says whether sentence sp puts what its figures count across
// the world ("billions of people around the world", "10% in all
// countries"): no one state's.
func (ix *index) worldwide(sp news.Span) bool {
	t := ix.tree
	lo, hi := t.span(sp)
	for k := lo; k < hi; k++ {
		switch t.low(k) {
		case "world", "worldwide", "globe", "globally":
			return true
		case "all", "every":
			if n := t.low(k + 1); n == "countries" || n == "country" || n == "nations" || n == "nation" {
				return true
			}
		}
	}
	return false
}

// completes says whether g names an owner and states the fate and the
// place of f where f states them.
func completes(g, f *news.Figure) bool {
	ff := KeyFate(f.Fate, f.What, f.Scope)
	return g.Owner != "" && (ff == "" || ff == KeyFate(g.Fate, g.What, g.Scope)) && (f.Place == "" || f.Place == g.Place)
}
