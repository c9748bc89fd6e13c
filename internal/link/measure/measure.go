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
	rec := Record(a)
	if err := st.s.RecordMeasures(ctx, rec); err != nil {
		return fmt.Errorf("record measures: %w", err)
	}
	return nil
}

// Record is what the step stores for article a: each figure with a
// measure key (ledger.Keys) under its measure, and the measures they
// report.
func Record(a *news.Article) news.MeasureRecord {
	rec := news.MeasureRecord{Article: a.ID}
	family := a.ID
	if a.Provenance != nil && a.Provenance.Family != "" {
		family = a.Provenance.Family
	}
	seen := map[string]bool{}
	keys := ledger.Keys(a)
	for i := range a.Figures {
		f := &a.Figures[i]
		k := keys[i]
		if k == "" {
			continue
		}
		id := ledger.ID(k)
		if !seen[id] {
			seen[id] = true
			label := f.Label
			if label == "" {
				label = k
			}
			rec.Measures = append(rec.Measures, news.MeasureDef{ID: id, Key: k, Label: label, Unit: f.Unit})
		}
		rec.Figures = append(rec.Figures, news.MeasureFigure{Measure: id, Article: a.ID, Index: i, Story: a.Story,
			Family: family, Outlet: a.Outlet, Published: a.Published, Sentence: ledger.SentenceOf(a, f.Span), Figure: *f})
	}
	return rec
}
