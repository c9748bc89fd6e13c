package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"sitrep/internal/news"
)

// CheckMeasures recounts every measure from its stored figures, as the
// measure index did before it kept its aggregates by deltas, and returns
// one line for each stored aggregate that differs from the recount (a
// measure's counts, dates or listed values and speakers, or a row of
// measure_groups); none when they agree. It reads every figure: it is
// for tests and for checking a store, not for the link step.
func (s *Store) CheckMeasures(ctx context.Context) ([]string, error) {
	fail := func(err error) ([]string, error) { return nil, fmt.Errorf("check measures: %w", err) }
	var out []string
	rows, err := s.query(ctx, s.w, `SELECT m.id, m.figures, m.articles, m.stories, m.speakers, m.first_time, m.last_time, m.listed,
			COALESCE(c.figures, 0), COALESCE(c.articles, 0), COALESCE(c.stories, 0), COALESCE(c.speakers, 0),
			COALESCE(c.first_time, ''), COALESCE(c.last_time, '')
		FROM measures m LEFT JOIN (SELECT f.measure, COUNT(*) AS figures, COUNT(DISTINCT f.seq) AS articles,
				COUNT(DISTINCT NULLIF(f.story, '')) AS stories, COUNT(DISTINCT LOWER(f.speaker)) AS speakers,
				COALESCE(MIN(NULLIF(f.time, '')), '') AS first_time, MAX(f.time) AS last_time
			FROM measure_figures f GROUP BY f.measure) AS c ON c.measure = m.id
		ORDER BY m.id`)
	if err != nil {
		return fail(err)
	}
	type stored struct {
		id     string
		counts [4]int
		dates  [2]string
		listed string
	}
	var all []stored
	for rows.Next() {
		var m stored
		var want [4]int
		var wantDates [2]string
		if err := rows.Scan(&m.id, &m.counts[0], &m.counts[1], &m.counts[2], &m.counts[3], &m.dates[0], &m.dates[1], &m.listed,
			&want[0], &want[1], &want[2], &want[3], &wantDates[0], &wantDates[1]); err != nil {
			rows.Close()
			return fail(err)
		}
		if m.counts != want || m.dates != wantDates {
			out = append(out, fmt.Sprintf("measure %s: figures, articles, stories, speakers %v, dates %q; recount %v, %q",
				m.id, m.counts, m.dates, want, wantDates))
		}
		all = append(all, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	for _, m := range all {
		want, err := s.recountListed(ctx, s.w, m.id)
		if err != nil {
			return fail(err)
		}
		var got listed
		if err := json.Unmarshal([]byte(m.listed), &got); err != nil {
			return fail(fmt.Errorf("measure %s: listed: %w", m.id, err))
		}
		if !slices.Equal(got.Values, want.Values) || !slices.Equal(got.Speakers, want.Speakers) {
			out = append(out, fmt.Sprintf("measure %s: listed %q %q; recount %q %q", m.id, got.Values, got.Speakers, want.Values, want.Speakers))
		}
	}
	groups := func(q string) ([]string, error) {
		rows, err := s.query(ctx, s.w, q)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var g groupPart
			if err := rows.Scan(&g.measure, &g.kind, &g.key, &g.figures, &g.time, &g.seq, &g.shown); err != nil {
				return nil, err
			}
			out = append(out, fmt.Sprintf("group %s/%d/%q: %d figures, first %q, seq %d, shown %q", g.measure, g.kind, g.key, g.figures, g.time, g.seq, g.shown))
		}
		slices.Sort(out)
		return out, rows.Err()
	}
	have, err := groups(`SELECT measure, kind, key, figures, first_time, first_seq, shown FROM measure_groups`)
	if err != nil {
		return fail(err)
	}
	want, err := groups(`SELECT measure, 0, text, COUNT(*), MIN(time), MIN(seq), text FROM measure_figures GROUP BY measure, text
		UNION ALL SELECT measure, 1, LOWER(speaker), COUNT(*), MIN(time), MIN(seq), MIN(speaker) FROM measure_figures GROUP BY measure, LOWER(speaker)
		UNION ALL SELECT measure, 2, story, COUNT(*), '', 0, story FROM measure_figures WHERE story <> '' GROUP BY measure, story`)
	if err != nil {
		return fail(err)
	}
	for _, g := range have {
		if _, found := slices.BinarySearch(want, g); !found {
			out = append(out, "stored "+g+", not in the recount")
		}
	}
	for _, g := range want {
		if _, found := slices.BinarySearch(have, g); !found {
			out = append(out, "recount "+g+", not stored")
		}
	}
	return out, nil
}

// recountListed lists the first distinct values and speakers of measure
// id from its figures, in the order of their times.
func (s *Store) recountListed(ctx context.Context, db querier, id string) (listed, error) {
	var l listed
	var err error
	l.Values, err = s.strings(ctx, db, `SELECT text FROM measure_figures WHERE measure = ?
		GROUP BY text ORDER BY MIN(time), MIN(seq), text LIMIT ?`, id, news.MaxMeasureListed)
	if err != nil {
		return l, err
	}
	l.Speakers, err = s.strings(ctx, db, `SELECT MIN(speaker) FROM measure_figures WHERE measure = ?
		GROUP BY LOWER(speaker) ORDER BY MIN(time), MIN(seq), LOWER(speaker) LIMIT ?`, id, news.MaxMeasureListed)
	return l, err
}
