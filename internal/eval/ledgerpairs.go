package eval

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"sitrep/internal/ledger"
	"sitrep/internal/link/measure"
	"sitrep/internal/news"
	"sitrep/internal/store/sqlite"
)

// LedgerPairsReport scores the ledger on the gold figure pairs of one
// split. A gold figure is matched to the first predicted figure whose
// span overlaps it; a pair is predicted the same measure when both
// figures are found and the measure link step counted them in one global
// measure (GlobalMeasures), and its predicted relation is then
// ledger.Relate's, else ledger.Pair's (part_of, increment or unrelated);
// a pair with a figure not found is predicted unrelated and not the same
// measure.
type LedgerPairsReport struct {
	Pairs int `json:"pairs"`
	// Missing counts pairs with a gold figure the system did not find.
	Missing int `json:"missing"`
	// SameTP, SameFP and SameFN count same-measure pairs predicted and
	// gold, predicted only, and gold only.
	SameTP int `json:"same_tp"`
	SameFP int `json:"same_fp"`
	SameFN int `json:"same_fn"`
	// RelationOK counts pairs whose predicted relation is the gold one;
	// Confusion counts gold → predicted relations.
	RelationOK int                       `json:"relation_ok"`
	Confusion  map[string]map[string]int `json:"confusion"`
	// Contradictions counts pairs predicted contradictions, and
	// ContradictionsRight those the gold calls contradictions;
	// Breakdowns counts gold part_of and increment pairs predicted
	// contradictions (it must be 0).
	Contradictions      int `json:"contradictions"`
	ContradictionsRight int `json:"contradictions_right"`
	Breakdowns          int `json:"breakdowns_called_contradictions"`
	// Examples of errors for the reader.
	Wrong []string `json:"wrong,omitempty"`
}

// Precision, Recall and F1 of the same-measure pairs.
func (r LedgerPairsReport) Precision() float64 { return ratio(r.SameTP, r.SameTP+r.SameFP) }

// Recall of the same-measure pairs.
func (r LedgerPairsReport) Recall() float64 { return ratio(r.SameTP, r.SameTP+r.SameFN) }

// F1 of the same-measure pairs.
func (r LedgerPairsReport) F1() float64 {
	p, rc := r.Precision(), r.Recall()
	if p+rc == 0 {
		return 0
	}
	return 2 * p * rc / (p + rc)
}

// RelationAccuracy is the share of pairs with the gold relation.
func (r LedgerPairsReport) RelationAccuracy() float64 { return ratio(r.RelationOK, r.Pairs) }

// pairRelation maps a ledger relation to the gold set's labels: a total
// is the other side of an increment.
func pairRelation(rel string) string {
	if rel == ledger.RelTotal {
		return ledger.RelIncrement
	}
	return rel
}

// GlobalMeasures runs the measure link step over arts in a temporary
// SQLite store (in publication order, as a store links them) and returns
// the global measure of each figure: article ID → figure index → measure.
func GlobalMeasures(ctx context.Context, arts []*news.Article) (map[string]map[int]string, error) {
	s, err := sqlite.OpenTemp(ctx)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	if _, err := s.Put(ctx, arts); err != nil {
		return nil, err
	}
	if _, err := measure.New(s).Link(ctx); err != nil {
		return nil, err
	}
	ids := make([]string, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
	}
	return s.FigureMeasures(ctx, ids)
}

// ScoreLedgerPairs scores the pairs of g against the annotated articles
// (by ID) and the global measure of each of their figures (article ID →
// figure index → measure, from GlobalMeasures).
// all lists every wrong pair, not the first few.
func ScoreLedgerPairs(g *LedgerGold, arts map[string]*news.Article, measures map[string]map[int]string, all bool) *LedgerPairsReport {
	examples := 12
	if all {
		examples = 1 << 30
	}
	r := &LedgerPairsReport{Confusion: map[string]map[string]int{}}
	find := func(ref LedgerRef) (*news.Article, int) {
		a := arts[ref.Article]
		if a == nil {
			return nil, -1
		}
		for i, f := range a.Figures {
			if f.Start < ref.Offset+len(ref.Phrase) && ref.Offset < f.End {
				return a, i
			}
		}
		return a, -1
	}
	for _, p := range g.Pairs {
		r.Pairs++
		a, i := find(p.A)
		b, j := find(p.B)
		rel, same := ledger.RelUnrelated, false
		ma, mb := "", ""
		if i < 0 || j < 0 {
			r.Missing++
		} else {
			ma, mb = measures[a.ID][i], measures[b.ID][j]
			same = ma != "" && ma == mb
			rel = pairRelation(ledger.Pair(a, i, b, j, same))
		}
		switch {
		case same && p.SameMeasure:
			r.SameTP++
		case same:
			r.SameFP++
		case p.SameMeasure:
			r.SameFN++
		}
		if r.Confusion[p.Relation] == nil {
			r.Confusion[p.Relation] = map[string]int{}
		}
		r.Confusion[p.Relation][rel]++
		if rel == p.Relation {
			r.RelationOK++
		}
		if (rel != p.Relation || same != p.SameMeasure) && len(r.Wrong) < examples && i >= 0 && j >= 0 {
			r.Wrong = append(r.Wrong, fmt.Sprintf("%s %q / %s %q: %s, want %s%s (measures %s, %s)", short(p.A.Article), p.A.Phrase,
				short(p.B.Article), p.B.Phrase, rel, p.Relation, sameNote(same, p.SameMeasure), ma, mb))
		}
		if rel == ledger.RelContradiction {
			r.Contradictions++
			if p.Relation == ledger.RelContradiction {
				r.ContradictionsRight++
			}
			if p.Relation == ledger.RelPartOf || p.Relation == ledger.RelIncrement {
				r.Breakdowns++
			}
		}
	}
	return r
}

// sameNote says how a wrong same-measure judgement went, for an example
// of an error ("" when it was right).
func sameNote(got, want bool) string {
	switch {
	case got == want:
		return ""
	case got:
		return ", not the same measure"
	}
	return ", the same measure"
}

// Write prints the report.
func (r LedgerPairsReport) Write(w io.Writer) error {
	contra := "none predicted"
	if r.Contradictions > 0 {
		contra = fmt.Sprintf("%.3f (%d of %d)", ratio(r.ContradictionsRight, r.Contradictions), r.ContradictionsRight, r.Contradictions)
	}
	_, err := fmt.Fprintf(w, "  pairs: %d (%d with a figure not found)\n"+
		"  same-measure pairs precision %.3f  recall %.3f  F1 %.3f (tp %d, fp %d, fn %d)\n"+
		"  relation accuracy %.3f\n"+
		"  contradiction precision %s; part_of/increment pairs called contradictions: %d\n",
		r.Pairs, r.Missing, r.Precision(), r.Recall(), r.F1(), r.SameTP, r.SameFP, r.SameFN,
		r.RelationAccuracy(), contra, r.Breakdowns)
	for _, gold := range slices.Sorted(maps.Keys(r.Confusion)) {
		var parts []string
		for _, got := range slices.Sorted(maps.Keys(r.Confusion[gold])) {
			parts = append(parts, fmt.Sprintf("%s %d", got, r.Confusion[gold][got]))
		}
		fmt.Fprintf(w, "    gold %s → %s\n", gold, strings.Join(parts, ", "))
	}
	for _, s := range r.Wrong {
		fmt.Fprintf(w, "  relation: %s\n", s)
	}
	return err
}
