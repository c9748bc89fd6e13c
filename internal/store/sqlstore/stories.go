package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"sitrep/internal/news"
	"sitrep/internal/store"
)

// The story index (link/story's Index and Lister): see the migrations
// 0004_stories.sql. Story times are fixed-width UTC text in both
// dialects ("" when a story has no dated article), so both choose among
// the same stories.

// PendingStories returns up to n queued article IDs, earliest published
// first, undated last.
func (s *Store) PendingStories(ctx context.Context, n int) ([]string, error) {
	out, err := s.strings(ctx, s.w, `SELECT a.id FROM story_queue q JOIN articles a ON a.seq = q.seq
		ORDER BY `+s.d.QueueOrder+` LIMIT ?`, n)
	if err != nil {
		return nil, fmt.Errorf("stories pending: %w", err)
	}
	return out, nil
}

const stateCols = `id, title, first_time, last_time, articles, centroid`

func scanState(sc interface{ Scan(...any) error }) (news.StoryState, error) {
	return scanStoryState(sc, nil)
}

// scanStoryState scans a story row, its centroid decoded through cache
// when cache is not nil (the weights are then shared: see centroidCache).
func scanStoryState(sc interface{ Scan(...any) error }, cache *centroidCache[news.StoryState]) (news.StoryState, error) {
	var (
		st                    news.StoryState
		first, last, centroid string
	)
	if err := sc.Scan(&st.ID, &st.Title, &first, &last, &st.Articles, &centroid); err != nil {
		return st, err
	}
	var err error
	if st.First, st.Last, err = parseSpan("story", st.ID, first, last); err != nil {
		return st, err
	}
	if cache == nil {
		return st, st.DecodeCentroid(centroid)
	}
	w, err := cache.lookup(st.ID, centroid, func() (news.StoryState, error) {
		c := st
		return c, c.DecodeCentroid(centroid)
	})
	if err != nil {
		return st, err
	}
	st.Terms, st.Entities, st.TermNorm, st.EntityNorm = w.Terms, w.Entities, w.TermNorm, w.EntityNorm
	return st, nil
}

// parseSpan parses the first and last times of a story or thread (what)
// as stored.
func parseSpan(what, id, first, last string) (f, l time.Time, err error) {
	if f, err = parseTime(first); err != nil {
		return f, l, fmt.Errorf("%s %s: first: %w", what, id, err)
	}
	if l, err = parseTime(last); err != nil {
		return f, l, fmt.Errorf("%s %s: last: %w", what, id, err)
	}
	return f, l, nil
}

// ActiveStories returns the stories with a dated article in [from, to]
// and the undated ones, most recently active first. Their weights come
// through the store's centroid cache and must not be modified.
//
// The window's bounds are clamped to the years a stored time can have
// (1–9999): an article dated in the first days of year 1 (a bad date read
// as such) asks for a window starting in year 0, which must not stop the
// link phase.
func (s *Store) ActiveStories(ctx context.Context, from, to time.Time, limit int) ([]news.StoryState, error) {
	from, to = clampYears(from), clampYears(to)
	f, err := TextTime(from)
	if err != nil {
		return nil, fmt.Errorf("active stories: %w", err)
	}
	t, err := TextTime(to)
	if err != nil {
		return nil, fmt.Errorf("active stories: %w", err)
	}
	rows, err := s.query(ctx, s.w, `SELECT `+stateCols+` FROM stories
		WHERE ? = '' OR last_time = '' OR (last_time >= ? AND first_time <= ?)
		ORDER BY last_time DESC, id LIMIT ?`, f, f, t, limit)
	if err != nil {
		return nil, fmt.Errorf("active stories: %w", err)
	}
	defer rows.Close()
	var out []news.StoryState
	ids := map[string]bool{}
	for rows.Next() {
		st, err := scanStoryState(rows, &s.storyCentroids)
		if err != nil {
			return nil, fmt.Errorf("active stories: %w", err)
		}
		out = append(out, st)
		ids[st.ID] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("active stories: %w", err)
	}
	s.storyCentroids.keep(ids, 2*max(limit, 1000))
	return out, nil
}

// FamilyStory returns the story of the earliest clustered article of a
// provenance family, or "".
func (s *Store) FamilyStory(ctx context.Context, family string) (string, error) {
	var id string
	err := s.queryRow(ctx, s.w, `SELECT story FROM story_members WHERE family = ? ORDER BY seq LIMIT 1`, family).Scan(&id)
	if noRows(err) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("family story %s: %w", family, err)
	}
	return id, nil
}

// StoryState returns one story.
func (s *Store) StoryState(ctx context.Context, id string) (news.StoryState, error) {
	st, err := scanState(s.queryRow(ctx, s.w, `SELECT `+stateCols+` FROM stories WHERE id = ?`, id))
	if noRows(err) {
		return st, fmt.Errorf("story %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return st, fmt.Errorf("story %s: %w", id, err)
	}
	return st, nil
}

// DocFreqs returns the document frequencies of keys and the number of
// clustered articles.
func (s *Store) DocFreqs(ctx context.Context, keys []string) (map[string]int, int, error) {
	out := make(map[string]int, len(keys))
	n := 0
	if err := s.w.QueryRowContext(ctx, `SELECT COALESCE((SELECT df FROM story_df WHERE key = ''), 0)`).Scan(&n); err != nil {
		return nil, 0, fmt.Errorf("doc freqs: %w", err)
	}
	err := chunks(keys, func(part []string) error {
		cond, args := in(s.d, "key", part)
		rows, err := s.query(ctx, s.w, `SELECT key, df FROM story_df WHERE `+cond, args...)
		if err != nil {
			return err
		}
		return scanCounts(rows, out)
	})
	if err != nil {
		return nil, 0, fmt.Errorf("doc freqs: %w", err)
	}
	return out, n, nil
}

// RecordStory stores rec.Story, adds rec.Article to it, counts its keys
// and takes it off the queue, in one transaction; an article no longer
// queued is left as it is.
func (s *Store) RecordStory(ctx context.Context, rec news.StoryRecord) error {
	fail := func(err error) error { return fmt.Errorf("record story %s: %w", rec.Article, err) }
	first, err := TextTime(rec.Story.First)
	if err != nil {
		return fail(err)
	}
	last, err := TextTime(rec.Story.Last)
	if err != nil {
		return fail(err)
	}
	centroid, err := rec.Story.EncodeCentroid()
	if err != nil {
		return fail(err)
	}
	err = s.recordArticle(ctx, rec.Article, func(tx *sql.Tx, seq int64) error {
		// Only a queued article is recorded: recording twice changes nothing.
		res, err := s.exec(ctx, tx, `DELETE FROM story_queue WHERE seq = ?`, seq)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		if _, err := s.exec(ctx, tx, `INSERT INTO stories (id, title, first_time, last_time, articles, centroid)
			VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title, first_time = excluded.first_time,
			last_time = excluded.last_time, articles = excluded.articles, centroid = excluded.centroid`,
			rec.Story.ID, rec.Story.Title, first, last, rec.Story.Articles, centroid); err != nil {
			return err
		}
		if _, err := s.exec(ctx, tx, `INSERT INTO story_members (seq, story, family) VALUES (?, ?, ?)
			ON CONFLICT (seq) DO UPDATE SET story = excluded.story, family = excluded.family`, seq, rec.Story.ID, rec.Family); err != nil {
			return err
		}
		// The key "" counts the clustered articles. Sorted, distinct keys
		// keep concurrent writers from deadlocking on row locks and one
		// statement from updating a row twice.
		keys := append(slices.Clone(rec.Keys), "")
		slices.Sort(keys)
		keys = slices.Compact(keys)
		err = chunks(keys, func(part []string) error {
			args := make([]any, len(part))
			for i, k := range part {
				args[i] = k
			}
			_, err := s.exec(ctx, tx, `INSERT INTO story_df (key, df) VALUES `+tuples(len(part), "(?, 1)")+`
				ON CONFLICT (key) DO UPDATE SET df = story_df.df + 1`, args...)
			return err
		})
		if err != nil {
			return err
		}
		return nil
	})
	if err != nil {
		return fail(err)
	}
	return nil
}

// independent counts a story's provenance families; an article with no
// recorded family counts as its own.
const independent = `COUNT(DISTINCT CASE WHEN m.family = '' THEN 'seq:' || m.seq ELSE m.family END)`

// origins counts a story's independent origins (the origin column,
// migration 0008) and outlets over its members joined to articles (a);
// an article with no recorded origin counts as its own.
const (
	origins = `COUNT(DISTINCT CASE WHEN a.origin = '' THEN 'id:' || a.id ELSE a.origin END)`
	outlets = `COUNT(DISTINCT CASE WHEN a.outlet = '' THEN NULL ELSE a.outlet END)`
)

// Stories lists stories, most recently active first, undated last; only
// the listed stories' members are counted.
func (s *Store) Stories(ctx context.Context, limit int) ([]news.StorySummary, error) {
	if limit <= 0 {
		limit = DefaultLimit
	}
	rows, err := s.query(ctx, s.r, `SELECT s.id, s.title, s.first_time, s.last_time, s.articles,
		(SELECT `+independent+` FROM story_members m WHERE m.story = s.id),
		(SELECT `+origins+` FROM story_members m JOIN articles a ON a.seq = m.seq WHERE m.story = s.id),
		(SELECT `+outlets+` FROM story_members m JOIN articles a ON a.seq = m.seq WHERE m.story = s.id),
		`+storyThread+`
		FROM stories s ORDER BY s.last_time = '', s.last_time DESC, s.id LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	defer rows.Close()
	var out []news.StorySummary
	for rows.Next() {
		var (
			sum         news.StorySummary
			first, last string
		)
		if err := rows.Scan(&sum.ID, &sum.Title, &first, &last, &sum.Articles, &sum.Sources, &sum.Origins, &sum.Outlets, &sum.Thread); err != nil {
			return nil, fmt.Errorf("stories: %w", err)
		}
		if sum.First, err = parseTime(first); err != nil {
			return nil, fmt.Errorf("stories: %w", err)
		}
		if sum.Last, err = parseTime(last); err != nil {
			return nil, fmt.Errorf("stories: %w", err)
		}
		out = append(out, sum)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	return out, nil
}

// StoryArticles returns a story's article IDs in publication order.
func (s *Store) StoryArticles(ctx context.Context, id string) ([]string, error) {
	ids, err := s.strings(ctx, s.r, `SELECT a.id FROM story_members m JOIN articles a ON a.seq = m.seq
		WHERE m.story = ? ORDER BY `+s.d.Undated+`, a.published, a.seq`, id)
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", id, err)
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("story %s: %w", id, store.ErrNotFound)
	}
	return ids, nil
}

// clampYears moves a non-zero time into the years 1–9999 that TextTime
// accepts.
func clampYears(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	lo, hi := time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC), time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)
	if t.Before(lo) {
		return lo
	}
	if t.After(hi) {
		return hi
	}
	return t
}
