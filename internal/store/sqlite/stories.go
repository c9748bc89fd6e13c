package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"sitrep/internal/news"
	"sitrep/internal/store"
)

// The story index: see migrations/0004_stories.sql and story.Index,
// which Store implements.

// PendingStories returns up to n queued article IDs, earliest published
// first, undated last.
func (s *Store) PendingStories(ctx context.Context, n int) ([]string, error) {
	rows, err := s.w.QueryContext(ctx, `SELECT a.id FROM story_queue q JOIN articles a ON a.seq = q.seq
		ORDER BY q.undated, q.published, q.seq LIMIT ?`, n)
	if err != nil {
		return nil, fmt.Errorf("stories pending: %w", err)
	}
	return scanStrings(rows, "stories pending")
}

func scanStrings(rows *sql.Rows, what string) ([]string, error) {
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

const stateCols = `id, title, first_time, last_time, articles, centroid`

func scanState(sc interface{ Scan(...any) error }) (news.StoryState, error) {
	var (
		st          news.StoryState
		first, last string
		centroid    string
	)
	if err := sc.Scan(&st.ID, &st.Title, &first, &last, &st.Articles, &centroid); err != nil {
		return st, err
	}
	var err error
	if st.First, err = parseTime(first); err != nil {
		return st, fmt.Errorf("story %s: first: %w", st.ID, err)
	}
	if st.Last, err = parseTime(last); err != nil {
		return st, fmt.Errorf("story %s: last: %w", st.ID, err)
	}
	return st, st.DecodeCentroid(centroid)
}

// ActiveStories returns the stories with a dated article in [from, to]
// and the undated ones, most recently active first.
func (s *Store) ActiveStories(ctx context.Context, from, to time.Time, limit int) ([]news.StoryState, error) {
	f, err := formatTime(from)
	if err != nil {
		return nil, fmt.Errorf("active stories: %w", err)
	}
	t, err := formatTime(to)
	if err != nil {
		return nil, fmt.Errorf("active stories: %w", err)
	}
	rows, err := s.w.QueryContext(ctx, `SELECT `+stateCols+` FROM stories
		WHERE ?1 = '' OR last_time = '' OR (last_time >= ?1 AND first_time <= ?2)
		ORDER BY last_time DESC, id LIMIT ?3`, f, t, limit)
	if err != nil {
		return nil, fmt.Errorf("active stories: %w", err)
	}
	defer rows.Close()
	var out []news.StoryState
	for rows.Next() {
		st, err := scanState(rows)
		if err != nil {
			return nil, fmt.Errorf("active stories: %w", err)
		}
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("active stories: %w", err)
	}
	return out, nil
}

// FamilyStory returns the story of the earliest clustered article of a
// provenance family, or "".
func (s *Store) FamilyStory(ctx context.Context, family string) (string, error) {
	var id string
	err := s.w.QueryRowContext(ctx, `SELECT story FROM story_members WHERE family = ? ORDER BY seq LIMIT 1`, family).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("family story %s: %w", family, err)
	}
	return id, nil
}

// StoryState returns one story.
func (s *Store) StoryState(ctx context.Context, id string) (news.StoryState, error) {
	st, err := scanState(s.w.QueryRowContext(ctx, `SELECT `+stateCols+` FROM stories WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
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
	const chunk = 500
	for i := 0; i < len(keys); i += chunk {
		part := keys[i:min(i+chunk, len(keys))]
		args := make([]any, len(part))
		for j, k := range part {
			args[j] = k
		}
		rows, err := s.w.QueryContext(ctx, `SELECT key, df FROM story_df WHERE key IN (?`+strings.Repeat(",?", len(part)-1)+`)`, args...)
		if err != nil {
			return nil, 0, fmt.Errorf("doc freqs: %w", err)
		}
		for rows.Next() {
			var k string
			var df int
			if err := rows.Scan(&k, &df); err != nil {
				rows.Close()
				return nil, 0, fmt.Errorf("doc freqs: %w", err)
			}
			out[k] = df
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, 0, fmt.Errorf("doc freqs: %w", err)
		}
	}
	return out, n, nil
}

// RecordStory stores rec.Story, adds rec.Article to it, counts its keys
// and takes it off the queue, in one transaction; an article no longer
// queued is left as it is.
func (s *Store) RecordStory(ctx context.Context, rec news.StoryRecord) error {
	fail := func(err error) error { return fmt.Errorf("record story %s: %w", rec.Article, err) }
	first, err := formatTime(rec.Story.First)
	if err != nil {
		return fail(err)
	}
	last, err := formatTime(rec.Story.Last)
	if err != nil {
		return fail(err)
	}
	centroid, err := rec.Story.EncodeCentroid()
	if err != nil {
		return fail(err)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fail(err)
	}
	defer tx.Rollback()
	var seq int64
	if err := tx.QueryRowContext(ctx, `SELECT seq FROM articles WHERE id = ?`, rec.Article).Scan(&seq); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return fail(store.ErrNotFound)
		}
		return fail(err)
	}
	// Only a queued article is recorded: recording twice changes nothing.
	res, err := tx.ExecContext(ctx, `DELETE FROM story_queue WHERE seq = ?`, seq)
	if err != nil {
		return fail(err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO stories (id, title, first_time, last_time, articles, centroid)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title, first_time = excluded.first_time,
		last_time = excluded.last_time, articles = excluded.articles, centroid = excluded.centroid`,
		rec.Story.ID, rec.Story.Title, first, last, rec.Story.Articles, centroid); err != nil {
		return fail(err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO story_members (seq, story, family) VALUES (?, ?, ?)
		ON CONFLICT (seq) DO UPDATE SET story = excluded.story, family = excluded.family`, seq, rec.Story.ID, rec.Family); err != nil {
		return fail(err)
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO story_df (key, df) VALUES (?, 1) ON CONFLICT (key) DO UPDATE SET df = df + 1`)
	if err != nil {
		return fail(err)
	}
	defer ins.Close()
	for _, k := range append(append([]string(nil), rec.Keys...), "") {
		if _, err := ins.ExecContext(ctx, k); err != nil {
			return fail(err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fail(err)
	}
	return nil
}

// independent counts a story's provenance families; an article with no
// recorded family counts as its own.
const independent = `COUNT(DISTINCT CASE WHEN m.family = '' THEN 'seq:' || m.seq ELSE m.family END)`

// Stories lists stories, most recently active first, undated last; only
// the listed stories' members are counted.
func (s *Store) Stories(ctx context.Context, limit int) ([]news.StorySummary, error) {
	if limit <= 0 {
		limit = DefaultLimit
	}
	rows, err := s.r.QueryContext(ctx, `SELECT s.id, s.title, s.first_time, s.last_time, s.articles,
		(SELECT `+independent+` FROM story_members m WHERE m.story = s.id)
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
		if err := rows.Scan(&sum.ID, &sum.Title, &first, &last, &sum.Articles, &sum.Sources); err != nil {
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
	rows, err := s.r.QueryContext(ctx, `SELECT a.id FROM story_members m JOIN articles a ON a.seq = m.seq
		WHERE m.story = ? ORDER BY a.published = '', a.published, a.seq`, id)
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", id, err)
	}
	ids, err := scanStrings(rows, "story "+id)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("story %s: %w", id, store.ErrNotFound)
	}
	return ids, nil
}
