package eval

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"sitrep/internal/news"
)

// The hedge of a figure is scored as a set of canonical hedge codes: the
// approximator of the number ("at least", "up to", "about" …) and the
// epistemic hedge of the claim or clause ("reportedly", "believed",
// "estimated", "unverified" …). The gold set writes hedges as the text
// does; words outside these codes ("only", "already", "extra") are not
// scored.

// goldHedgeCodes maps a gold hedge, as written, to its code.
var goldHedgeCodes = map[string]string{
	"about": "about", "around": "about", "roughly": "about", "approximately": "about", "some": "about",
	"nearly": "about", "almost": "about", "close to": "about",
	"at least": "at_least", "no fewer than": "at_least",
	"more than": "more_than", "over": "more_than", "upwards of": "more_than", "just over": "more_than",
	"up to": "up_to", "as many as": "up_to",
	"at most": "at_most", "no more than": "at_most", "never above": "at_most",
	"less than": "less_than", "fewer than": "less_than", "under": "less_than",
	"reportedly": "reported", "reported": "reported",
	"believed": "believed", "believes": "believed",
	"estimated": "estimated", "estimates": "estimated", "an estimated": "estimated",
	"claimed": "claimed", "claims": "claimed", "allegedly": "claimed",
	"unverified": "unverified", "could not be independently verified": "unverified",
	"likely": "likely", "expected": "expected",
	"could": "could", "may": "could", "might": "could",
}

// predictedHedgeCodes maps a figure's Approx (the quantity's approximator
// code) and Hedge to their codes.
var predictedHedgeCodes = map[string]string{
	"about": "about", "at_least": "at_least", "more_than": "more_than", "up_to": "up_to",
	"at_most": "at_most", "less_than": "less_than",
	"reportedly": "reported", "believes": "believed", "estimates": "estimated", "claimed": "claimed",
	"allegedly": "claimed", "unverified": "unverified", "likely": "likely", "expected": "expected",
	"could": "could", "may": "could", "might": "could",
	"some": "about", "roughly": "about", "around": "about", "approximately": "about", "nearly": "about", "almost": "about",
	// a claim's hedges as written
	"believed": "believed", "believe": "believed", "estimated": "estimated", "claims": "claimed",
	"reported": "reported", "expects": "expected", "expect": "expected", "is expected to": "expected",
	"are expected to": "expected", "probably": "likely", "possibly": "could", "unconfirmed": "unverified",
	"not independently verified": "unverified", "could not be independently verified": "unverified",
	"as many as": "up_to", "up to": "up_to",
}

// HedgeSet returns the sorted hedge codes of a list of hedges through
// one of the code tables (words outside it are dropped).
func hedgeSet(hedges []string, codes map[string]string) []string {
	set := map[string]bool{}
	for _, h := range hedges {
		if c, ok := codes[strings.ToLower(strings.TrimSpace(h))]; ok {
			set[c] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// figureHedges is the predicted figure's hedge codes.
func figureHedges(f news.Figure) []string {
	hs := []string{f.Approx, f.Hedge}
	if low := strings.ToLower(f.Text); f.Approx == "about" && (strings.HasPrefix(low, "an estimated ") || strings.HasPrefix(low, "estimated ")) {
		hs = hs[1:] // "an estimated 15,000": an estimate, approximate by nature
	}
	return hedgeSet(hs, predictedHedgeCodes)
}

// scoreHedge compares one found figure's hedges with the gold mention's:
// the figure is right when the two code sets are equal; every gold code
// the figure lacks is a miss and every code it adds an extra.
func (r *LedgerFiguresReport) scoreHedge(id string, f news.Figure, m LedgerMention, examples int) {
	got, want := figureHedges(f), hedgeSet(m.Hedge, goldHedgeCodes)
	if r.HedgeMissed == nil {
		r.HedgeMissed, r.HedgeExtra = map[string]int{}, map[string]int{}
	}
	for _, c := range want {
		if !slices.Contains(got, c) {
			r.HedgeMissed[c]++
		}
	}
	for _, c := range got {
		if !slices.Contains(want, c) {
			r.HedgeExtra[c]++
		}
	}
	if slices.Equal(got, want) {
		r.HedgeOK++
	} else if len(r.Hedges) < examples {
		r.Hedges = append(r.Hedges, fmt.Sprintf("%s %q: got %v, want %v (gold %q)", short(id), m.Phrase, got, want, m.Hedge))
	}
}

// writeHedges prints the hedge line of the report.
func (r LedgerFiguresReport) writeHedges(w *strings.Builder) {
	count := func(m map[string]int) string {
		var parts []string
		for _, k := range slices.Sorted(maps.Keys(m)) {
			parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
		}
		if len(parts) == 0 {
			return "none"
		}
		return strings.Join(parts, ", ")
	}
	fmt.Fprintf(w, "  hedge accuracy %.3f on %d found figures; missed: %s; extra: %s\n",
		ratio(r.HedgeOK, r.Found), r.Found, count(r.HedgeMissed), count(r.HedgeExtra))
}

// LedgerOptions narrow a ledger scoring run: Strata keeps the articles
// of those selection strata ("dev4"; all when empty), AllErrors lists
// every error instead of the first few of each kind.
type LedgerOptions struct {
	Strata    []string
	AllErrors bool
}

// keepStrata narrows the gold set to the articles of the given selection
// strata (all when none is given), with their mentions and the pairs
// whose figures both lie in them.
func (g *LedgerGold) keepStrata(strata []string) error {
	if len(strata) == 0 {
		return nil
	}
	known := map[string]bool{}
	for _, a := range g.Articles {
		known[a.Stratum] = true
	}
	for _, s := range strata {
		if !known[s] {
			return fmt.Errorf("ledger gold %s: no article of stratum %q", g.Split, s)
		}
	}
	keep := map[string]bool{}
	g.Articles = slices.DeleteFunc(g.Articles, func(a LedgerArticle) bool {
		keep[a.ID] = slices.Contains(strata, a.Stratum)
		return !keep[a.ID]
	})
	g.Mentions = slices.DeleteFunc(g.Mentions, func(m LedgerMention) bool { return !keep[m.Article] })
	g.Pairs = slices.DeleteFunc(g.Pairs, func(p LedgerPair) bool { return !keep[p.A.Article] || !keep[p.B.Article] })
	return nil
}
