package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"

	"sitrep/internal/news"
	"sitrep/internal/store"
)

// The global measure index (link/measure's Index and Lister): see the
// migrations 0009_measures.sql and 0011_measure_groups.sql (the
// aggregates, kept by deltas in measuregroups.go). A figure's time is the first date of the
// time it refers to ('' when none), text in both dialects, so both order
// a measure's figures alike.

// PendingMeasures returns up to n queued article IDs, earliest published
// first, undated last.
func (s *Store) PendingMeasures(ctx context.Context, n int) ([]string, error) {
	out, err := s.strings(ctx, s.w, `SELECT a.id FROM measure_queue q JOIN articles a ON a.seq = q.seq
		ORDER BY `+s.d.QueueOrder+` LIMIT ?`, n)
	if err != nil {
		return nil, fmt.Errorf("measures pending: %w", err)
	}
	return out, nil
}

// RecordMeasures stores an article's figures under their measures,
// updates the aggregates of the measures they touch (before and after)
// by what the article takes away and adds, and takes the article off the
// queue, in one transaction; an article no longer queued is left as it
// is. The work is bounded by the article's own figures and groups, not
// by the size of the measures it reports (measureDelta).
func (s *Store) RecordMeasures(ctx context.Context, rec news.MeasureRecord) error {
	fail := func(err error) error { return fmt.Errorf("record measures %s: %w", rec.Article, err) }
	docs := make([]string, len(rec.Figures))
	for i, f := range rec.Figures {
		b, err := json.Marshal(f)
		if err != nil {
			return fail(err)
		}
		docs[i] = string(b)
	}
	err := s.recordArticle(ctx, rec.Article, func(tx *sql.Tx, seq int64) error {
		res, err := s.exec(ctx, tx, `DELETE FROM measure_queue WHERE seq = ?`, seq)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		// What the article reported before (a re-queued article) is
		// taken away from its measures.
		old, err := s.articleGroups(ctx, tx, seq)
		if err != nil {
			return err
		}
		if len(old) > 0 {
			if _, err := s.exec(ctx, tx, `DELETE FROM measure_figures WHERE seq = ?`, seq); err != nil {
				return err
			}
		}
		// Sorted, distinct IDs keep concurrent writers from deadlocking
		// on row locks.
		defs := slices.Clone(rec.Measures)
		slices.SortFunc(defs, func(a, b news.MeasureDef) int { return strings.Compare(a.ID, b.ID) })
		defs = slices.CompactFunc(defs, func(a, b news.MeasureDef) bool { return a.ID == b.ID })
		err = chunks(defs, func(part []news.MeasureDef) error {
			args := make([]any, 0, 9*len(part))
			for _, d := range part {
				args = append(args, d.ID, d.Key, d.Label, d.Unit, d.What, d.Owner, d.Fate, d.Place, d.Scope)
			}
			_, err := s.exec(ctx, tx, `INSERT INTO measures (id, key, label, unit, what, owner, fate, place, scope) VALUES `+
				tuples(len(part), "(?, ?, ?, ?, ?, ?, ?, ?, ?)")+` ON CONFLICT (id) DO NOTHING`, args...)
			return err
		})
		if err != nil {
			return err
		}
		idx := make([]int, len(rec.Figures))
		for i := range idx {
			idx[i] = i
		}
		err = chunks(idx, func(part []int) error {
			args := make([]any, 0, 10*len(part))
			for _, i := range part {
				f := rec.Figures[i]
				t, _, _ := strings.Cut(f.Figure.Time, "/")
				args = append(args, seq, f.Index, f.Measure, f.Story, f.Figure.Speaker, f.Figure.Text, t,
					finite(f.Low), finite(f.High), docs[i])
			}
			_, err := s.exec(ctx, tx, `INSERT INTO measure_figures (seq, idx, measure, story, speaker, text, time, lo, hi, doc)
				VALUES `+tuples(len(part), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"), args...)
			return err
		})
		if err != nil {
			return err
		}
		var added []groupPart
		if len(rec.Figures) > 0 {
			if added, err = s.articleGroups(ctx, tx, seq); err != nil {
				return err
			}
		}
		spans := map[string]float64{}
		for _, f := range rec.Figures {
			spans[f.Measure] = max(spans[f.Measure], spanOf(f.Low, f.High))
		}
		return s.applyMeasureDelta(ctx, tx, seq, old, added, spans)
	})
	if err != nil {
		return fail(err)
	}
	return nil
}

// finite is v, or NULL for an open (infinite or NaN) bound.
func finite(v float64) any {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return nil
	}
	return v
}

// spanFar is the span (measures.span) of a figure with a bound beyond
// ±1e300, where hi - lo could overflow: MeasuresLike reads all such a
// measure's figures.
const spanFar = "1e300"

// spanOf is the span of a figure with bounds lo and hi, as 0011 fills
// measures.span: 0 for an open bound (stored NULL, never matched) or
// reversed bounds, more than spanFar for a bound beyond it.
func spanOf(lo, hi float64) float64 {
	switch {
	case math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0):
		return 0
	case lo < -1e300 || hi > 1e300:
		return 1e301
	case hi > lo:
		return hi - lo
	}
	return 0
}

// clamp is v with infinities (and NaN, an unknown bound) at the ends of
// the float64 range, so that a comparison with it always holds.
func clamp(v float64) float64 {
	switch {
	case math.IsNaN(v):
		return 0
	case v > math.MaxFloat64:
		return math.MaxFloat64
	case v < -math.MaxFloat64:
		return -math.MaxFloat64
	}
	return v
}

const defCols = `id, key, label, unit, what, owner, fate, place, scope`

func (s *Store) defs(ctx context.Context, q string, args ...any) ([]news.MeasureDef, error) {
	rows, err := s.query(ctx, s.w, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []news.MeasureDef
	for rows.Next() {
		var d news.MeasureDef
		if err := rows.Scan(&d.ID, &d.Key, &d.Label, &d.Unit, &d.What, &d.Owner, &d.Fate, &d.Place, &d.Scope); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// MeasureDefs returns the known measures among ids.
func (s *Store) MeasureDefs(ctx context.Context, ids []string) ([]news.MeasureDef, error) {
	var out []news.MeasureDef
	err := chunks(ids, func(part []string) error {
		cond, args := in(s.d, "id", part)
		ds, err := s.defs(ctx, `SELECT `+defCols+` FROM measures WHERE `+cond+` ORDER BY id`, args...)
		out = append(out, ds...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("measure defs: %w", err)
	}
	return out, nil
}

// MeasuresLike returns up to limit measures of q's kind holding a figure
// whose number overlaps q's (a figure stating none never does), most
// articles first, then by ID.
func (s *Store) MeasuresLike(ctx context.Context, q news.MeasureQuery, limit int) ([]news.MeasureDef, error) {
	// A figure overlapping [low, high] has its low bound in
	// [low - span, high] (measures.span): one range of the index
	// measure_figures_bounds. The range is widened a little for the
	// rounding of the subtraction; the overlap test itself is exact.
	low, high := clamp(q.Low), clamp(q.High)
	out, err := s.defs(ctx, `SELECT `+defCols+` FROM measures m WHERE m.what = ? AND m.scope = ?
		AND EXISTS (SELECT 1 FROM measure_figures f WHERE f.measure = m.id
			AND f.lo >= (CASE WHEN m.span <= `+spanFar+` THEN ? - m.span * 1.000001 ELSE ? END)
			AND f.lo <= ? AND f.hi >= ?)
		ORDER BY m.articles DESC, m.id LIMIT ?`, q.What, q.Scope, low-math.Abs(low)*1e-6, math.Inf(-1), high, low, limit)
	if err != nil {
		return nil, fmt.Errorf("measures like %s/%s: %w", q.What, q.Scope, err)
	}
	return out, nil
}

// FigureMeasures returns the measure of each indexed figure of the
// articles ids: article ID → figure index → measure ID.
func (s *Store) FigureMeasures(ctx context.Context, ids []string) (map[string]map[int]string, error) {
	out := map[string]map[int]string{}
	err := chunks(ids, func(part []string) error {
		cond, args := in(s.d, "a.id", part)
		rows, err := s.query(ctx, s.r, `SELECT a.id, f.idx, f.measure FROM measure_figures f JOIN articles a ON a.seq = f.seq WHERE `+cond, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var (
				id, m string
				idx   int
			)
			if err := rows.Scan(&id, &idx, &m); err != nil {
				return err
			}
			if out[id] == nil {
				out[id] = map[int]string{}
			}
			out[id][idx] = m
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("figure measures: %w", err)
	}
	return out, nil
}

// listed is the JSON of measures.listed.
type listed struct {
	Values   []string `json:"values"`
	Speakers []string `json:"speakers"`
}

const measureCols = `id, key, label, unit, what, owner, fate, place, scope, figures, articles, stories, speakers, first_time, last_time, listed`

func scanMeasure(sc interface{ Scan(...any) error }) (news.MeasureSummary, error) {
	var (
		m news.MeasureSummary
		j string
		l listed
	)
	if err := sc.Scan(&m.ID, &m.Key, &m.Label, &m.Unit, &m.What, &m.Owner, &m.Fate, &m.Place, &m.Scope, &m.Figures, &m.Articles, &m.Stories, &m.Speakers, &m.First, &m.Last, &j); err != nil {
		return m, err
	}
	if err := json.Unmarshal([]byte(j), &l); err != nil {
		return m, fmt.Errorf("measure %s: listed: %w", m.ID, err)
	}
	m.Values, m.SpeakerNames = l.Values, l.Speakers
	if m.Values == nil {
		m.Values = []string{}
	}
	if m.SpeakerNames == nil {
		m.SpeakerNames = []string{}
	}
	return m, nil
}

// Measures lists measures, most articles first, then by ID, after the
// cursor.
func (s *Store) Measures(ctx context.Context, after news.MeasureCursor, limit int) (news.MeasurePage, error) {
	limit = pageLimit(limit)
	where, args := "", []any{}
	if after.ID != "" {
		where, args = `WHERE articles < ? OR (articles = ? AND id > ?)`, []any{after.Articles, after.Articles, after.ID}
	}
	rows, err := s.query(ctx, s.r, `SELECT `+measureCols+` FROM measures `+where+
		` ORDER BY articles DESC, id LIMIT ?`, append(args, limit+1)...)
	if err != nil {
		return news.MeasurePage{}, fmt.Errorf("measures: %w", err)
	}
	defer rows.Close()
	page := news.MeasurePage{Measures: []news.MeasureSummary{}}
	for rows.Next() {
		m, err := scanMeasure(rows)
		if err != nil {
			return news.MeasurePage{}, fmt.Errorf("measures: %w", err)
		}
		page.Measures = append(page.Measures, m)
	}
	if err := rows.Err(); err != nil {
		return news.MeasurePage{}, fmt.Errorf("measures: %w", err)
	}
	if len(page.Measures) > limit {
		page.Measures = page.Measures[:limit]
		last := page.Measures[limit-1]
		page.Next = &news.MeasureCursor{Articles: last.Articles, ID: last.ID}
	}
	return page, nil
}

// Measure returns one measure and its figures (at most
// news.MaxMeasureFigures) in the order of the times they refer to.
func (s *Store) Measure(ctx context.Context, id string) (news.MeasureSummary, []news.MeasureFigure, error) {
	m, err := scanMeasure(s.queryRow(ctx, s.r, `SELECT `+measureCols+` FROM measures WHERE id = ?`, id))
	if noRows(err) {
		return m, nil, fmt.Errorf("measure %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return m, nil, fmt.Errorf("measure %s: %w", id, err)
	}
	docs, err := s.strings(ctx, s.r, `SELECT doc FROM measure_figures WHERE measure = ?
		ORDER BY time, seq, idx LIMIT ?`, id, news.MaxMeasureFigures)
	if err != nil {
		return m, nil, fmt.Errorf("measure %s: %w", id, err)
	}
	figs := make([]news.MeasureFigure, len(docs))
	for i, d := range docs {
		if err := json.Unmarshal([]byte(d), &figs[i]); err != nil {
			return m, nil, fmt.Errorf("measure %s: figure %d: %w", id, i, err)
		}
	}
	return m, figs, nil
}
