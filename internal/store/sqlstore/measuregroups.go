package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"sitrep/internal/news"
)

// A measure's aggregates (its counts, first and last dates and listed
// values and speakers) are kept by deltas: recording an article takes
// away what its old figures contributed and adds what its new ones do,
// so the cost of one article does not grow with the size of the measures
// it reports. measure_groups (0011_measure_groups.sql) holds, for each
// measure, one row per distinct value as written (kind groupValue), per
// speaker up to case (groupSpeaker, key LOWER(speaker)) and per story
// (groupStory): its figures, the earliest time and article seq among
// them, and (speakers) the least spelling. A measure's stories and
// speakers are its groups of those kinds, its listed values and speakers
// the first groups in (first_time, first_seq, key) order, read from an
// index; its first and last dates are two index seeks. The result is the
// full recount's (CheckMeasures compares them).

// The kinds of measure_groups rows.
const (
	groupValue   = 0
	groupSpeaker = 1
	groupStory   = 2
)

// groupKey names one group of a measure's figures.
type groupKey struct {
	measure string
	kind    int
	key     string
}

func (k groupKey) compare(o groupKey) int {
	return cmp.Or(strings.Compare(k.measure, o.measure), cmp.Compare(k.kind, o.kind), strings.Compare(k.key, o.key))
}

// groupPart is what some figures (one article's, or a whole group's)
// hold of a group: how many, their earliest time (as the column orders
// it: byte-wise in both dialects), earliest article seq and least
// spelling (speakers; the value for values, the story for stories).
type groupPart struct {
	groupKey
	figures int
	time    string
	seq     int64
	shown   string
}

// groupsOf selects the groups of the figures of one article (three
// times the article's seq); stories have no time.
const groupsOf = `SELECT 0, measure, text, COUNT(*), MIN(time), text FROM measure_figures WHERE seq = ? GROUP BY measure, text
	UNION ALL SELECT 1, measure, LOWER(speaker), COUNT(*), MIN(time), MIN(speaker) FROM measure_figures WHERE seq = ? GROUP BY measure, LOWER(speaker)
	UNION ALL SELECT 2, measure, story, COUNT(*), '', story FROM measure_figures WHERE seq = ? AND story <> '' GROUP BY measure, story`

// articleGroups returns what the stored figures of article seq hold of
// each group.
func (s *Store) articleGroups(ctx context.Context, tx *sql.Tx, seq int64) ([]groupPart, error) {
	rows, err := s.query(ctx, tx, groupsOf, seq, seq, seq)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []groupPart
	for rows.Next() {
		p := groupPart{seq: seq}
		if err := rows.Scan(&p.kind, &p.measure, &p.key, &p.figures, &p.time, &p.shown); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// applyMeasureDelta updates the aggregates of the measures article seq
// reported before (old) or reports now (added), its figures being
// replaced already; spans holds the span of its new figures in each
// measure (spanOf), which the measure's span grows to.
func (s *Store) applyMeasureDelta(ctx context.Context, tx *sql.Tx, seq int64, old, added []groupPart, spans map[string]float64) error {
	deltas := map[string]*measureDelta{}
	delta := func(id string) *measureDelta {
		if deltas[id] == nil {
			deltas[id] = &measureDelta{}
		}
		return deltas[id]
	}
	oldBy, newBy := map[groupKey]groupPart{}, map[groupKey]groupPart{}
	for _, p := range old {
		oldBy[p.groupKey] = p
		if p.kind == groupValue { // every figure is in one value group
			delta(p.measure).before += p.figures
		}
	}
	for _, p := range added {
		newBy[p.groupKey] = p
		if p.kind == groupValue {
			delta(p.measure).after += p.figures
		}
	}
	if len(deltas) == 0 {
		return nil
	}
	ids := slices.Sorted(maps.Keys(deltas))
	// Updating the measures first, in ID order, takes their row locks,
	// so no other writer changes their groups until this one commits.
	for _, id := range ids {
		d := deltas[id]
		if _, err := s.exec(ctx, tx, `UPDATE measures SET figures = figures + ?, articles = articles + ?,
			span = CASE WHEN span < ? THEN ? ELSE span END WHERE id = ?`,
			d.after-d.before, b2i(d.after > 0)-b2i(d.before > 0), spans[id], spans[id], id); err != nil {
			return err
		}
	}
	keys := slices.Collect(maps.Keys(oldBy))
	for k := range newBy {
		if _, ok := oldBy[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, groupKey.compare)
	cur, err := s.groups(ctx, tx, keys)
	if err != nil {
		return err
	}
	var gone []groupKey
	var put []groupPart    // upserted: shown is a candidate the column's least spelling may keep
	var recount []groupKey // groups whose earliest figure this article was and no longer is
	for _, k := range keys {
		o, n := oldBy[k], newBy[k]
		c, exists := cur[k]
		total := n.figures - o.figures
		if exists {
			total += c.figures
		}
		counted := k.kind != groupValue
		switch {
		case total <= 0:
			if exists {
				gone = append(gone, k)
				if counted {
					delta(k.measure).count(k.kind, -1)
				}
			}
			continue
		case !exists:
			g := groupPart{groupKey: k, figures: total, time: n.time, seq: seq, shown: n.shown}
			if k.kind == groupStory { // only counted
				g.seq = 0
			}
			put = append(put, g)
			if counted {
				delta(k.measure).count(k.kind, +1)
			}
			continue
		}
		g := c
		g.figures = total
		if n.figures > 0 {
			g.shown = n.shown
		}
		if k.kind != groupStory {
			again := false
			// The earliest time: the article's old figures held it
			// unless theirs is later.
			switch {
			case o.figures > 0 && o.time == c.time:
				if n.figures > 0 && n.time <= c.time {
					g.time = n.time
				} else {
					again = true
				}
			case n.figures > 0 && n.time < c.time:
				g.time = n.time
			}
			// The earliest article: this one keeps it while it has a
			// figure in the group.
			switch {
			case o.figures > 0 && c.seq == seq:
				again = again || n.figures == 0
			case n.figures > 0 && seq < c.seq:
				g.seq = seq
			}
			// The least spelling, compared in the column's collation
			// by the upsert unless the article's old figures held it.
			if k.kind == groupSpeaker && o.figures > 0 && o.shown == c.shown && !(n.figures > 0 && n.shown == c.shown) {
				again = true
			}
			if again {
				recount = append(recount, k)
			}
		}
		put = append(put, g)
	}
	if err := chunks(gone, func(part []groupKey) error {
		cond, args := groupsWhere(part)
		_, err := s.exec(ctx, tx, `DELETE FROM measure_groups WHERE `+cond, args...)
		return err
	}); err != nil {
		return err
	}
	if err := chunks(put, func(part []groupPart) error {
		args := make([]any, 0, 7*len(part))
		for _, g := range part {
			args = append(args, g.measure, g.kind, g.key, g.figures, g.time, g.seq, g.shown)
		}
		_, err := s.exec(ctx, tx, `INSERT INTO measure_groups (measure, kind, key, figures, first_time, first_seq, shown) VALUES `+
			tuples(len(part), "(?, ?, ?, ?, ?, ?, ?)")+` ON CONFLICT (measure, kind, key) DO UPDATE SET figures = excluded.figures,
			first_time = excluded.first_time, first_seq = excluded.first_seq,
			shown = CASE WHEN excluded.shown < measure_groups.shown THEN excluded.shown ELSE measure_groups.shown END`, args...)
		return err
	}); err != nil {
		return err
	}
	for _, k := range recount {
		// Rare: a re-recorded article that held the group's earliest
		// figure and no longer does. This reads the measure's figures.
		col, shown := "f.text", "MIN(f.text)"
		if k.kind == groupSpeaker {
			col, shown = "LOWER(f.speaker)", "MIN(f.speaker)"
		}
		if _, err := s.exec(ctx, tx, `UPDATE measure_groups SET first_time = g.t, first_seq = g.s, shown = g.shown
			FROM (SELECT MIN(f.time) AS t, MIN(f.seq) AS s, `+shown+` AS shown FROM measure_figures f
				WHERE f.measure = ? AND `+col+` = ?) AS g
			WHERE measure_groups.measure = ? AND measure_groups.kind = ? AND measure_groups.key = ?`,
			k.measure, k.key, k.measure, k.kind, k.key); err != nil {
			return err
		}
	}
	for _, id := range ids {
		l, err := s.relist(ctx, tx, id)
		if err != nil {
			return err
		}
		d := deltas[id]
		if _, err := s.exec(ctx, tx, `UPDATE measures SET stories = stories + ?, speakers = speakers + ?,
			first_time = COALESCE((SELECT f.time FROM measure_figures f WHERE f.measure = ? AND f.time > '' ORDER BY f.time LIMIT 1), ''),
			last_time = COALESCE((SELECT f.time FROM measure_figures f WHERE f.measure = ? ORDER BY f.time DESC LIMIT 1), ''),
			listed = ? WHERE id = ?`, d.stories, d.speakers, id, id, l, id); err != nil {
			return err
		}
	}
	return nil
}

// measureDelta is what recording an article changes of one measure: its
// figures before and after, and its stories and speakers gained (or
// lost).
type measureDelta struct{ before, after, stories, speakers int }

// count adds n to the measure's count of groups of kind.
func (d *measureDelta) count(kind, n int) {
	if kind == groupSpeaker {
		d.speakers += n
	} else {
		d.stories += n
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// groupsWhere is the condition that a measure_groups row is one of keys,
// and its arguments.
func groupsWhere(keys []groupKey) (string, []any) {
	conds := make([]string, len(keys))
	args := make([]any, 0, 3*len(keys))
	for i, k := range keys {
		conds[i] = "(measure = ? AND kind = ? AND key = ?)"
		args = append(args, k.measure, k.kind, k.key)
	}
	return strings.Join(conds, " OR "), args
}

// groups reads the stored groups among keys.
func (s *Store) groups(ctx context.Context, tx *sql.Tx, keys []groupKey) (map[groupKey]groupPart, error) {
	out := map[groupKey]groupPart{}
	err := chunks(keys, func(part []groupKey) error {
		cond, args := groupsWhere(part)
		rows, err := s.query(ctx, tx, `SELECT measure, kind, key, figures, first_time, first_seq, shown FROM measure_groups WHERE `+cond, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var g groupPart
			if err := rows.Scan(&g.measure, &g.kind, &g.key, &g.figures, &g.time, &g.seq, &g.shown); err != nil {
				return err
			}
			out[g.groupKey] = g
		}
		return rows.Err()
	})
	return out, err
}

// relist returns the JSON of measure id's listed values and speakers:
// the first distinct ones in the order of their figures' times.
func (s *Store) relist(ctx context.Context, tx *sql.Tx, id string) (string, error) {
	var l listed
	var err error
	list := func(kind int) ([]string, error) {
		return s.strings(ctx, tx, `SELECT shown FROM measure_groups WHERE measure = ? AND kind = ?
			ORDER BY first_time, first_seq, key LIMIT ?`, id, kind, news.MaxMeasureListed)
	}
	if l.Values, err = list(groupValue); err != nil {
		return "", err
	}
	if l.Speakers, err = list(groupSpeaker); err != nil {
		return "", err
	}
	b, err := json.Marshal(l)
	return string(b), err
}

// RequeueMeasures puts the stored articles among ids back in the measure
// step's queue (unless they are in it), so that the step records their
// figures again: after a revision, or a change of their story.
func (s *Store) RequeueMeasures(ctx context.Context, ids []string) error {
	tx, err := s.begin(ctx)
	if err != nil {
		return fmt.Errorf("requeue measures: begin: %w", err)
	}
	defer tx.Rollback()
	if err := s.enqueue(ctx, tx, "measure_queue", ids); err != nil {
		return fmt.Errorf("requeue measures: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("requeue measures: commit: %w", err)
	}
	return nil
}
