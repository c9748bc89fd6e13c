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
	// figures with rec.Figures, recounts the measures the article's
	// figures report (before and after), and takes the article off the
	// queue, in one transaction. An article no longer queued is left as
	// it is, so recording twice changes nothing.
	RecordMeasures(ctx context.Context, rec news.MeasureRecord) error
}

// MaxFigures bounds the figures Lister.Measure returns, so that reading a
// measure costs the same however many reports it has.
const MaxFigures = 5000

// Lister reads the global measures for the CLI, the API and the pages.
type Lister interface {
	// Measures lists measures, most articles first, then by ID, after
	// the cursor a previous page returned (the zero cursor for the first
	// page); limit <= 0 means 100, and it is capped at 1,000.
	Measures(ctx context.Context, after news.MeasureCursor, limit int) (news.MeasurePage, error)
	// Measure returns one measure and its figures (at most MaxFigures)
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

// likeLimit bounds the measures of one kind Resolve considers.
const likeLimit = 50

// Resolve finds the global measure of each measure key of article a
// (ledger.Keys): the measure of that key when the index knows it; else
// the most reported measure that the key's figures fit (ledger.Fits: the
// same kind of thing and scope, owner, fate and place the same or
// unstated on one side) and that holds a value one of them agrees with
// (their bounds overlap: a report repeating a figure with fewer words, or
// with more); else a new measure of the key's own. It returns key →
// measure.
func Resolve(ctx context.Context, idx Index, a *news.Article) (map[string]news.MeasureDef, error) {
	keys := ledger.Keys(a)
	first := map[string]int{} // key → its first figure
	var ids []string
	for i, k := range keys {
		if _, ok := first[k]; k != "" && !ok {
			first[k] = i
			ids = append(ids, ledger.ID(k))
		}
	}
	out := map[string]news.MeasureDef{}
	if len(ids) == 0 {
		return out, nil
	}
	known, err := idx.MeasureDefs(ctx, ids)
	if err != nil {
		return nil, err
	}
	byID := map[string]news.MeasureDef{}
	for _, d := range known {
		byID[d.ID] = d
	}
	for i, k := range keys {
		if k == "" || first[k] != i {
			continue
		}
		if d, ok := byID[ledger.ID(k)]; ok {
			out[k] = d
			continue
		}
		f := &a.Figures[i]
		def := news.MeasureDef{ID: ledger.ID(k), Key: k, Label: f.Label, Unit: f.Unit,
			What: f.What, Owner: f.Owner, Fate: f.Fate, Place: f.Place, Scope: f.Scope}
		if def.Label == "" {
			def.Label = k
		}
		if f.What != "" {
			found := false
			for j := i; j < len(keys) && !found; j++ {
				if keys[j] != k {
					continue
				}
				lo, hi := ledger.Interval(&a.Figures[j])
				like, err := idx.MeasuresLike(ctx, news.MeasureQuery{What: f.What, Scope: f.Scope, Low: lo, High: hi}, likeLimit)
				if err != nil {
					return nil, err
				}
				for _, d := range like {
					if ledger.Fits(f, d) {
						def, found = d, true
						break
					}
				}
			}
		}
		out[k] = def
	}
	return out, nil
}

// Record is what the step stores for article a: each figure with a
// measure key (ledger.Keys) under the measure Resolve found for it, and
// those measures.
func Record(a *news.Article, measures map[string]news.MeasureDef) news.MeasureRecord {
	rec := news.MeasureRecord{Article: a.ID}
	family := a.ID
	if a.Provenance != nil && a.Provenance.Family != "" {
		family = a.Provenance.Family
	}
	seen := map[string]bool{}
	keys := ledger.Keys(a)
	for i := range a.Figures {
		f := &a.Figures[i]
		def, ok := measures[keys[i]]
		if keys[i] == "" || !ok {
			continue
		}
		if !seen[def.ID] {
			seen[def.ID] = true
			rec.Measures = append(rec.Measures, def)
		}
		lo, hi := ledger.Interval(f)
		rec.Figures = append(rec.Figures, news.MeasureFigure{Measure: def.ID, Article: a.ID, Index: i, Story: a.Story,
			Family: family, Outlet: a.Outlet, Published: a.Published, Sentence: ledger.SentenceOf(a, f.Span), Figure: *f,
			Low: lo, High: hi})
	}
	return rec
}
