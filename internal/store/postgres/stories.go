package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"sitrep/internal/news"
	"sitrep/internal/store"
)

// The story index: see migrations/0004_stories.sql and story.Index, which
// Store implements with the same semantics as the SQLite store.

// storyTimeLayout is the fixed-width UTC layout of story times, the
// SQLite store's, so that text order is time order.
const storyTimeLayout = "2006-01-02T15:04:05.000000000Z07:00"

func formatStoryTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(storyTimeLayout)
}

func parseStoryTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.RFC3339Nano, s)
}

// PendingStories returns up to n queued article IDs, earliest published
// first, undated last.
func (s *Store) PendingStories(ctx context.Context, n int) ([]string, error) {
	rows, err := s.pool.Query(ctx, `SELECT a.id FROM story_queue q JOIN articles a ON a.seq = q.seq
		ORDER BY q.published ASC NULLS LAST, q.seq LIMIT $1`, n)
	if err != nil {
		return nil, fmt.Errorf("stories pending: %w", err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("stories pending: %w", err)
	}
	return out, nil
}

const stateCols = `id, title, first_time, last_time, articles, centroid`

func scanState(r pgx.Row) (news.StoryState, error) {
	var (
		st                    news.StoryState
		first, last, centroid string
	)
	if err := r.Scan(&st.ID, &st.Title, &first, &last, &st.Articles, &centroid); err != nil {
		return st, err
	}
	var err error
	if st.First, err = parseStoryTime(first); err != nil {
		return st, fmt.Errorf("story %s: first: %w", st.ID, err)
	}
	if st.Last, err = parseStoryTime(last); err != nil {
		return st, fmt.Errorf("story %s: last: %w", st.ID, err)
	}
	return st, st.DecodeCentroid(centroid)
}

// ActiveStories returns the stories with a dated article in [from, to]
// and the undated ones, most recently active first.
func (s *Store) ActiveStories(ctx context.Context, from, to time.Time, limit int) ([]news.StoryState, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+stateCols+` FROM stories
		WHERE $1 = '' OR last_time = '' OR (last_time >= $1 AND first_time <= $2)
		ORDER BY last_time DESC, id LIMIT $3`, formatStoryTime(from), formatStoryTime(to), limit)
	if err != nil {
		return nil, fmt.Errorf("active stories: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (news.StoryState, error) { return scanState(r) })
	if err != nil {
		return nil, fmt.Errorf("active stories: %w", err)
	}
	return out, nil
}

// FamilyStory returns the story of the earliest clustered article of a
// provenance family, or "".
func (s *Store) FamilyStory(ctx context.Context, family string) (string, error) {
	var id string
	err := s.pool.QueryRow(ctx, `SELECT story FROM story_members WHERE family = $1 ORDER BY seq LIMIT 1`, family).Scan(&id)
	if errNoRows(err) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("family story %s: %w", family, err)
	}
	return id, nil
}

// StoryState returns one story.
func (s *Store) StoryState(ctx context.Context, id string) (news.StoryState, error) {
	st, err := scanState(s.pool.QueryRow(ctx, `SELECT `+stateCols+` FROM stories WHERE id = $1`, id))
	if errNoRows(err) {
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
	if err := s.pool.QueryRow(ctx, `SELECT COALESCE((SELECT df FROM story_df WHERE key = ''), 0)`).Scan(&n); err != nil {
		return nil, 0, fmt.Errorf("doc freqs: %w", err)
	}
	if len(keys) == 0 {
		return out, n, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT key, df FROM story_df WHERE key = ANY($1)`, keys)
	if err != nil {
		return nil, 0, fmt.Errorf("doc freqs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var df int
		if err := rows.Scan(&k, &df); err != nil {
			return nil, 0, fmt.Errorf("doc freqs: %w", err)
		}
		out[k] = df
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("doc freqs: %w", err)
	}
	return out, n, nil
}

// RecordStory stores rec.Story, adds rec.Article to it, counts its keys
// and takes it off the queue, in one transaction; an article no longer
// queued is left as it is.
func (s *Store) RecordStory(ctx context.Context, rec news.StoryRecord) error {
	fail := func(err error) error { return fmt.Errorf("record story %s: %w", rec.Article, err) }
	centroid, err := rec.Story.EncodeCentroid()
	if err != nil {
		return fail(err)
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fail(err)
	}
	defer tx.Rollback(ctx)
	var seq int64
	if err := tx.QueryRow(ctx, `SELECT seq FROM articles WHERE id = $1`, rec.Article).Scan(&seq); err != nil {
		if errNoRows(err) {
			return fail(store.ErrNotFound)
		}
		return fail(err)
	}
	// Only a queued article is recorded: recording twice changes nothing.
	tag, err := tx.Exec(ctx, `DELETE FROM story_queue WHERE seq = $1`, seq)
	if err != nil {
		return fail(err)
	}
	if tag.RowsAffected() == 0 {
		return nil
	}
	batch := &pgx.Batch{}
	batch.Queue(`INSERT INTO stories (id, title, first_time, last_time, articles, centroid)
		VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO UPDATE SET title = excluded.title, first_time = excluded.first_time,
		last_time = excluded.last_time, articles = excluded.articles, centroid = excluded.centroid`,
		rec.Story.ID, rec.Story.Title, formatStoryTime(rec.Story.First), formatStoryTime(rec.Story.Last), rec.Story.Articles, centroid)
	batch.Queue(`INSERT INTO story_members (seq, story, family) VALUES ($1, $2, $3)
		ON CONFLICT (seq) DO UPDATE SET story = excluded.story, family = excluded.family`, seq, rec.Story.ID, rec.Family)
	// One statement for all keys; sorted keys keep concurrent writers
	// from deadlocking on row locks.
	batch.Queue(`INSERT INTO story_df (key, df) SELECT k, 1 FROM unnest($1::text[]) AS k ORDER BY k
		ON CONFLICT (key) DO UPDATE SET df = story_df.df + 1`, append(append([]string(nil), rec.Keys...), ""))
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		return fail(err)
	}
	if err := tx.Commit(ctx); err != nil {
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
	rows, err := s.pool.Query(ctx, `SELECT s.id, s.title, s.first_time, s.last_time, s.articles,
		(SELECT `+independent+` FROM story_members m WHERE m.story = s.id)
		FROM stories s ORDER BY s.last_time = '', s.last_time DESC, s.id LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (news.StorySummary, error) {
		var (
			sum         news.StorySummary
			first, last string
		)
		if err := r.Scan(&sum.ID, &sum.Title, &first, &last, &sum.Articles, &sum.Sources); err != nil {
			return sum, err
		}
		var err error
		if sum.First, err = parseStoryTime(first); err != nil {
			return sum, err
		}
		sum.Last, err = parseStoryTime(last)
		return sum, err
	})
	if err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	return out, nil
}

// StoryArticles returns a story's article IDs in publication order.
func (s *Store) StoryArticles(ctx context.Context, id string) ([]string, error) {
	rows, err := s.pool.Query(ctx, `SELECT a.id FROM story_members m JOIN articles a ON a.seq = m.seq
		WHERE m.story = $1 ORDER BY a.published ASC NULLS LAST, a.seq`, id)
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", id, err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", id, err)
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("story %s: %w", id, store.ErrNotFound)
	}
	return ids, nil
}
