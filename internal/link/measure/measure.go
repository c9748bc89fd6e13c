// Package measure is the link phase's global measure step: it puts every
// figure of every stored article under its global measure, across
// stories, so that the ledger of a measure (ledger.Line) spans every
// story and article that reports it. A figure's measure is the one its
// key names (ledger.Key, the figure stage's structured measure); its ID is
// ledger.ID of the key, the same in every store. The step runs after the
// story step (it records each figure's story and provenance family) and
// is incremental: a trigger queues each new article, and recording one
// article touches only its own figures and the counts of the measures
// they report.
package measure

import (
	"context"
	"fmt"
	"math"

	"sitrep/internal/annotate/figure"
	"sitrep/internal/ledger"
	"sitrep/internal/link"
	"sitrep/internal/news"
)

// Index is the store's global measure index.
type Index interface {
	// MeasureDefs returns the known measures among ids.
	MeasureDefs(ctx context.Context, ids []string) ([]news.MeasureDef, error)
	// MeasuresLike returns up to limit measures of q's What and Scope
	// holding a figure whose bounds (MeasureFigure.Low, High) overlap
	// [q.Low, q.High], most articles first, then by ID.
	MeasuresLike(ctx context.Context, q news.MeasureQuery, limit int) ([]news.MeasureDef, error)
	// PendingMeasures returns up to n article IDs whose figures are not
	// yet indexed, earliest published first, undated last, then in
	// storage order.
	PendingMeasures(ctx context.Context, n int) ([]string, error)
	// RecordMeasures stores rec: it adds rec.Measures that are new
	// (a known measure keeps its label), replaces the article's indexed
	// figures with rec.Figures, updates the counts and lists of the
	// measures the article's figures report (before and after) to what a
	// recount would give, at a cost that does not grow with those
	// measures, and takes the article off the queue, in one transaction. An article no longer queued is left as
	// it is, so recording twice changes nothing.
	RecordMeasures(ctx context.Context, rec news.MeasureRecord) error
}

// Lister reads the global measures for the CLI, the API and the pages.
type Lister interface {
	// Measures lists measures, most articles first, then by ID, after
	// the cursor a previous page returned (the zero cursor for the first
	// page); limit <= 0 means 100, and it is capped at 1,000.
	Measures(ctx context.Context, after news.MeasureCursor, limit int) (news.MeasurePage, error)
	// Measure returns one measure and its figures (at most news.MaxMeasureFigures)
	// ordered by the time they refer to, or an error wrapping
	// news.ErrNotFound.
	Measure(ctx context.Context, id string) (news.MeasureSummary, []news.MeasureFigure, error)
	// FigureMeasures returns the measure of each indexed figure of the
	// articles ids: article ID → figure index → measure ID.
	FigureMeasures(ctx context.Context, ids []string) (map[string]map[int]string, error)
}

// Store is the store the step works on.
type Store interface {
	Index
	Article(ctx context.Context, id string) (*news.Article, error)
}

// Step is the global measure step.
type Step struct{ s Store }

// New returns the step over s.
func New(s Store) *Step { return &Step{s: s} }

// Link indexes the figures of every pending article.
func (st *Step) Link(ctx context.Context) (int, error) {
	return link.Drain(ctx, 64, st.s.PendingMeasures, func(id string) string { return id }, st.linkOne)
}

func (st *Step) linkOne(ctx context.Context, id string) error {
	a, err := st.s.Article(ctx, id)
	if err != nil {
		return err
	}
	measures, err := Resolve(ctx, st.s, a)
	if err != nil {
		return err
	}
	if err := st.s.RecordMeasures(ctx, Record(a, measures)); err != nil {
		return fmt.Errorf("record measures: %w", err)
	}
	return nil
}

// minShared is the smallest count another report can repeat as evidence
// of the same measure.
const minShared = 10

// likeLimit bounds the measures of one kind Resolve considers.
const likeLimit = 50

// Resolve finds the global measure of each figure of article a that has
// a measure key (ledger.Keys). A key's figures that repeat a number
// (ledger.Near) of a measure the key fits (ledger.Fits: the same kind of
// thing and scope, owner, fate and place the same or unstated on one
// side) are that measure: the key goes to the most specific such measure
// (most stated fields), first among the article's earlier keys, then in
// the index (most reported first; there the two must also agree on whose
// or where, see joinsByNumber), and of its figures those whose own number
// is one of that measure's go there. The others, and every figure of a
// key that joins nothing, go to the key's own measure, known or new; a
// vague measure is the article's own (ownIfVague). It returns a measure
// for each figure (the zero MeasureDef for a figure with no key).
func Resolve(ctx context.Context, idx Index, a *news.Article) ([]news.MeasureDef, error) {
	keys := ledger.Keys(a)
	first := map[string]int{} // key → its first figure
	var ids []string
	for i, k := range keys {
		if _, ok := first[k]; k != "" && !ok {
			first[k] = i
			ids = append(ids, ledger.ID(k))
		}
	}
	out := make([]news.MeasureDef, len(keys))
	if len(ids) == 0 {
		return out, nil
	}
	nums := numbersByKey(a, keys)
	known, err := idx.MeasureDefs(ctx, ids)
	if err != nil {
		return nil, err
	}
	byID := map[string]news.MeasureDef{}
	for _, d := range known {
		byID[d.ID] = d
	}
	figs := map[string][]int{} // key → its figures
	for j, k := range keys {
		figs[k] = append(figs[k], j)
	}
	joined := map[string]news.MeasureDef{} // key → the measure it joined, or its own
	var order []string                     // the keys resolved so far
	for i, k := range keys {
		if k == "" || first[k] != i {
			continue
		}
		f := &a.Figures[i]
		def, ok := byID[ledger.ID(k)]
		if !ok {
			def = news.MeasureDef{ID: ledger.ID(k), Key: k, Label: f.Label, Unit: f.Unit,
				What: f.What, Owner: f.Owner, Fate: f.Fate, Place: f.Place, Scope: f.Scope}
			if def.Label == "" {
				def.Label = k
			}
		}
		// The best measure the key fits, and takes: which of the key's
		// figures it takes, those that state one of its numbers (one of
		// its key's numbers in the article, or one the index matched).
		best, found := news.MeasureDef{}, false
		var takes func(j int) bool
		if f.What != "" {
			consider := func(d news.MeasureDef, take func(int) bool) {
				if ledger.Fits(f, d) && (!found || stated(d) > stated(best)) {
					best, found, takes = d, true, take
				}
			}
			sameNumber := func(k2 string) func(int) bool {
				return func(j int) bool {
					x, ok := amountOf(&a.Figures[j])
					return ok && nums.holds(k2, x)
				}
			}
			for _, k2 := range order {
				if nums.agree(k, k2) {
					consider(joined[k2], sameNumber(k2))
				}
			}
			for j := i + 1; j < len(keys); j++ {
				// A later key of the article that states more.
				if k2 := keys[j]; k2 != "" && k2 != k && first[k2] == j && nums.agree(k, k2) {
					g := &a.Figures[j]
					if d := (news.MeasureDef{ID: ledger.ID(k2), Key: k2, Label: g.Label, Unit: g.Unit, What: g.What, Owner: g.Owner, Fate: g.Fate, Place: g.Place, Scope: g.Scope}); stated(d) > stated(def) {
						consider(ownIfVague(d, a.ID), sameNumber(k2))
					}
				}
			}
			if !found {
				matched := map[string]map[int]bool{} // measure → the figures that repeat its number
				for _, j := range figs[k] {
					lo, hi, ok := ledger.Near(&a.Figures[j])
					if !ok || hi < minShared && f.What != "money" && f.Scope != news.ScopeShare {
						// A small count ("two countries", "five people")
						// repeats by chance: no evidence of one thing.
						continue
					}
					like, err := idx.MeasuresLike(ctx, news.MeasureQuery{What: f.What, Scope: f.Scope, Low: lo, High: hi}, likeLimit)
					if err != nil {
						return nil, err
					}
					for _, d := range like {
						if joinsByNumber(f, d, lo) {
							if matched[d.ID] == nil {
								matched[d.ID] = map[int]bool{}
							}
							matched[d.ID][j] = true
							consider(d, func(j int) bool { return matched[d.ID][j] })
						}
					}
				}
			}
		}
		if def.Key == k {
			def = ownIfVague(def, a.ID)
		}
		if !found || ok && stated(best) < stated(def) {
			// A known key leaves its measure only for one that says as
			// much; a new key joins the measure whose number it repeats
			// even when that measure says less (an earlier report that
			// named no donor).
			best, takes = def, func(int) bool { return true }
		}
		joined[k] = best
		for _, j := range figs[k] {
			if takes(j) {
				out[j] = best
			} else {
				out[j] = def
			}
		}
		order = append(order, k)
	}
	return out, nil
}

// ownIfVague returns measure d, new to the index from article id, as
// the article's own measure (its key gets "@" and the article ID) when it
// names no one thing in the world: it states neither whose nor where
// ("people killed", "money", a bare count), or neither what happened
// (figure.KeyFate) nor where ("troops (Russia)": an army's size, a
// garrison, a unit are all that), or it is known by its amount (a
// package of money, an increment or a part is one event). Such a measure
// does not gather every article's unrelated counts; other reports join it
// only by repeating its number.
func ownIfVague(d news.MeasureDef, id string) news.MeasureDef {
	if located(d) && (figure.KeyFate(d.Fate, d.What, d.Scope) != "" || d.Place != "") && !byNumber(d) {
		return d
	}
	d.Key += "@" + id
	d.ID = ledger.ID(d.Key)
	return d
}

// minUnnamed is the smallest number by which a figure that says neither
// whose nor where may join another report's measure.
const minUnnamed = 1000

// joinsByNumber says whether figure f, which repeats a number (at least
// lo) of another report's measure d that it fits, is counted there. Two
// reports share a thing, not just a number, when both say whose or where
// and agree on it; or when f names neither but states what happened,
// as d does, to a number too large to repeat by chance ("5,000 troops
// were deployed" after "Kazhar deployed 5,000 troops"). "At least 10
// people killed" named nowhere is not the 10 killed in a place another
// report named, and an amount named nowhere joins no one's package. Short
// of a shared place, the two must also agree on what happened
// (figure.KeyFate): "facing 70,000 Russian troops" is not "70,000
// Russian troops killed"; an amount of money joins its package whatever
// verb each report puts it under.
func joinsByNumber(f *news.Figure, d news.MeasureDef, lo float64) bool {
	if f.Place != "" && f.Place == d.Place {
		return true
	}
	if !byNumber(d) && figure.KeyFate(f.Fate, f.What, f.Scope) != figure.KeyFate(d.Fate, d.What, d.Scope) {
		return false
	}
	if f.Owner != "" && f.Owner == d.Owner {
		return true
	}
	return f.Owner == "" && f.Place == "" && located(d) && f.Fate != "" && d.Fate != "" && lo >= minUnnamed && !byNumber(d)
}

// located says whether a measure states whose or where it is.
func located(d news.MeasureDef) bool { return d.Owner != "" || d.Place != "" }

// byNumber says whether a measure is known by its amount rather than by
// its key: an amount of money (one package is not another of the same
// donor; a share of money, "2.5% of GDP on defence", is a level and is
// known by its key), an increment, a part or one attack's toll (one
// strike's dead are not another's).
func byNumber(d news.MeasureDef) bool {
	return d.What == "money" && d.Scope != news.ScopeShare || d.Scope == news.ScopeIncrement || d.Scope == news.ScopePart || d.Scope == news.ScopeEvent
}

// stated counts the stated fields of a measure among owner, fate and
// place.
func stated(d news.MeasureDef) int {
	n := 0
	for _, s := range []string{d.Owner, d.Fate, d.Place} {
		if s != "" {
			n++
		}
	}
	return n
}

// amount is a number a figure states (ledger.Near's interval) and where
// the figure starts in the text.
type amount struct {
	lo, hi float64
	at     int
}

// nearBytes is how close in the text two figures of one article must be
// for a small count (below minShared) in both to be one count: "four
// soldiers were killed … the four soldiers", not a live blog's "Deaths:
// 5" and, pages on, "5 people in intensive care".
const nearBytes = 2000

// repeats says whether amounts x and y state one number.
func (x amount) repeats(y amount) bool {
	d := x.at - y.at
	return x.lo <= y.hi && y.lo <= x.hi && (x.hi >= minShared || -nearBytes <= d && d <= nearBytes)
}

// numbers holds, for each measure key of an article, the amounts its
// figures state.
type numbers map[string][]amount

// numbersByKey gathers the numbers of a's figures by their keys.
func numbersByKey(a *news.Article, keys []string) numbers {
	n := numbers{}
	for i, k := range keys {
		if k == "" {
			continue
		}
		if x, ok := amountOf(&a.Figures[i]); ok {
			n[k] = append(n[k], x)
		}
	}
	return n
}

// amountOf is the amount figure f states, if it states a number.
func amountOf(f *news.Figure) (amount, bool) {
	lo, hi, ok := ledger.Near(f)
	return amount{lo, hi, f.Start}, ok
}

// agree says whether a figure of key k and a figure of key k2 state one
// number.
func (n numbers) agree(k, k2 string) bool {
	for _, x := range n[k] {
		if n.holds(k2, x) {
			return true
		}
	}
	return false
}

// holds says whether a figure of key k states amount x.
func (n numbers) holds(k string, x amount) bool {
	for _, y := range n[k] {
		if x.repeats(y) {
			return true
		}
	}
	return false
}

// Record is what the step stores for article a: each figure with a
// measure (Resolve's, by figure index) under it, and those measures.
func Record(a *news.Article, measures []news.MeasureDef) news.MeasureRecord {
	rec := news.MeasureRecord{Article: a.ID}
	family := a.ID
	if a.Provenance != nil && a.Provenance.Family != "" {
		family = a.Provenance.Family
	}
	seen := map[string]bool{}
	for i := range a.Figures {
		f := &a.Figures[i]
		if i >= len(measures) || measures[i].ID == "" {
			continue
		}
		def := measures[i]
		if !seen[def.ID] {
			seen[def.ID] = true
			rec.Measures = append(rec.Measures, def)
		}
		lo, hi, ok := ledger.Near(f)
		if !ok {
			lo, hi = math.NaN(), math.NaN()
		}
		rec.Figures = append(rec.Figures, news.MeasureFigure{Measure: def.ID, Article: a.ID, Index: i, Story: a.Story,
			Family: family, Outlet: a.Outlet, Published: a.Published, Sentence: ledger.SentenceOf(a, f.Span), Figure: *f,
			Low: lo, High: hi})
	}
	return rec
}
