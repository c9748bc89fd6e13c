package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sync"
	"time"

	"sitrep/internal/news"
	"sitrep/internal/store"
)

// The thread index (link/thread's Index and Lister): see the migrations
// 0010_threads.sql. Thread times are fixed-width UTC text in both
// dialects ("" when a thread has no dated article), so both choose among
// the same threads.

// storyThread is a story's thread ("" when it has none) as a column of a
// query over stories s.
const storyThread = `COALESCE((SELECT t.thread FROM thread_stories t WHERE t.story = s.id), '')`

// PendingThreads returns up to n queued article IDs, earliest published
// first, undated last.
func (s *Store) PendingThreads(ctx context.Context, n int) ([]string, error) {
	out, err := s.strings(ctx, s.w, `SELECT a.id FROM thread_queue q JOIN articles a ON a.seq = q.seq
		ORDER BY `+s.d.QueueOrder+` LIMIT ?`, n)
	if err != nil {
		return nil, fmt.Errorf("threads pending: %w", err)
	}
	return out, nil
}

const threadStateCols = `id, title, first_time, last_time, articles, stories, centroid`

func scanThreadState(sc interface{ Scan(...any) error }, cache *centroidCache[news.ThreadState]) (news.ThreadState, error) {
	var (
		st                    news.ThreadState
		first, last, centroid string
	)
	if err := sc.Scan(&st.ID, &st.Title, &first, &last, &st.Articles, &st.Stories, &centroid); err != nil {
		return st, err
	}
	var err error
	if st.First, st.Last, err = parseSpan("thread", st.ID, first, last); err != nil {
		return st, err
	}
	if cache == nil {
		return st, st.DecodeCentroid(centroid)
	}
	w, err := cache.lookup(st.ID, centroid, func() (news.ThreadState, error) {
		c := st
		return c, c.DecodeCentroid(centroid)
	})
	if err != nil {
		return st, err
	}
	st.Terms, st.Entities, st.Measures = w.Terms, w.Entities, w.Measures
	st.TermNorm, st.EntityNorm, st.Roundups = w.TermNorm, w.EntityNorm, w.Roundups
	return st, nil
}

// centroidCache keeps the decoded centroids of the threads ActiveThreads
// and the stories ActiveStories return, keyed by ID and checked against
// the stored text they were decoded from: a centroid is decoded again
// only when its text changed, so the thread and story steps, which read
// the same active threads and stories for article after article, decode
// only those that changed since. Comparing with the text just read makes
// a stale entry impossible, whatever other workers wrote. The states
// share the cached maps; their readers must not modify them (link/thread
// and link/story copy the state they change).
type centroidCache[S any] struct {
	mu      sync.Mutex
	entries map[string]centroidEntry[S]
}

type centroidEntry[S any] struct {
	text  string
	state S // only the weights are used
}

// lookup returns the state decoded from text for id, decoding it (and
// keeping it) when the cache holds none or holds another text.
func (c *centroidCache[S]) lookup(id, text string, decode func() (S, error)) (S, error) {
	c.mu.Lock()
	e, ok := c.entries[id]
	c.mu.Unlock()
	if ok && e.text == text {
		return e.state, nil
	}
	st, err := decode()
	if err != nil {
		return st, err
	}
	c.mu.Lock()
	if c.entries == nil {
		c.entries = map[string]centroidEntry[S]{}
	}
	c.entries[id] = centroidEntry[S]{text: text, state: st}
	c.mu.Unlock()
	return st, nil
}

// keep drops the entries not in ids when the cache holds more than max
// entries.
func (c *centroidCache[S]) keep(ids map[string]bool, max int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) <= max {
		return
	}
	for id := range c.entries {
		if !ids[id] {
			delete(c.entries, id)
		}
	}
}

// ActiveThreads returns the threads with a dated article in [from, to]
// and the undated ones, most recently active first. Their weights come
// through the store's centroid cache and must not be modified.
func (s *Store) ActiveThreads(ctx context.Context, from, to time.Time, limit int) ([]news.ThreadState, error) {
	f, err := TextTime(from)
	if err != nil {
		return nil, fmt.Errorf("active threads: %w", err)
	}
	t, err := TextTime(to)
	if err != nil {
		return nil, fmt.Errorf("active threads: %w", err)
	}
	rows, err := s.query(ctx, s.w, `SELECT `+threadStateCols+` FROM threads
		WHERE ? = '' OR last_time = '' OR (last_time >= ? AND first_time <= ?)
		ORDER BY last_time DESC, id LIMIT ?`, f, f, t, limit)
	if err != nil {
		return nil, fmt.Errorf("active threads: %w", err)
	}
	defer rows.Close()
	var out []news.ThreadState
	ids := map[string]bool{}
	for rows.Next() {
		st, err := scanThreadState(rows, &s.centroids)
		if err != nil {
			return nil, fmt.Errorf("active threads: %w", err)
		}
		out = append(out, st)
		ids[st.ID] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("active threads: %w", err)
	}
	s.centroids.keep(ids, 2*max(limit, 1000))
	return out, nil
}

// StoryThread returns the thread of a story, or "".
func (s *Store) StoryThread(ctx context.Context, story string) (string, error) {
	var id string
	err := s.queryRow(ctx, s.w, `SELECT thread FROM thread_stories WHERE story = ?`, story).Scan(&id)
	if noRows(err) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("story thread %s: %w", story, err)
	}
	return id, nil
}

// ThreadState returns one thread.
func (s *Store) ThreadState(ctx context.Context, id string) (news.ThreadState, error) {
	st, err := scanThreadState(s.queryRow(ctx, s.w, `SELECT `+threadStateCols+` FROM threads WHERE id = ?`, id), nil)
	if noRows(err) {
		return st, fmt.Errorf("thread %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return st, fmt.Errorf("thread %s: %w", id, err)
	}
	return st, nil
}

// ThreadDocFreqs returns the thread step's document frequencies of keys
// and the number of linked articles.
func (s *Store) ThreadDocFreqs(ctx context.Context, keys []string) (map[string]int, int, error) {
	out := make(map[string]int, len(keys))
	n := 0
	if err := s.w.QueryRowContext(ctx, `SELECT COALESCE((SELECT df FROM thread_df WHERE key = ''), 0)`).Scan(&n); err != nil {
		return nil, 0, fmt.Errorf("thread doc freqs: %w", err)
	}
	err := chunks(keys, func(part []string) error {
		cond, args := in(s.d, "key", part)
		rows, err := s.query(ctx, s.w, `SELECT key, df FROM thread_df WHERE `+cond, args...)
		if err != nil {
			return err
		}
		return scanCounts(rows, out)
	})
	if err != nil {
		return nil, 0, fmt.Errorf("thread doc freqs: %w", err)
	}
	return out, n, nil
}

// RecordThread stores rec in one transaction; an article no longer
// queued is left as it is.
func (s *Store) RecordThread(ctx context.Context, rec news.ThreadRecord) error {
	fail := func(err error) error { return fmt.Errorf("record thread %s: %w", rec.Article, err) }
	first, err := TextTime(rec.Thread.First)
	if err != nil {
		return fail(err)
	}
	last, err := TextTime(rec.Thread.Last)
	if err != nil {
		return fail(err)
	}
	centroid, err := rec.Thread.EncodeCentroid()
	if err != nil {
		return fail(err)
	}
	err = s.recordArticle(ctx, rec.Article, func(tx *sql.Tx, seq int64) error {
		// Only a queued article is recorded: recording twice changes nothing.
		res, err := s.exec(ctx, tx, `DELETE FROM thread_queue WHERE seq = ?`, seq)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		t := rec.Thread
		if _, err := s.exec(ctx, tx, `INSERT INTO threads (id, title, first_time, last_time, articles, stories, centroid)
			VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title, first_time = excluded.first_time,
			last_time = excluded.last_time, articles = excluded.articles, stories = excluded.stories, centroid = excluded.centroid`,
			t.ID, t.Title, first, last, t.Articles, t.Stories, centroid); err != nil {
			return err
		}
		if _, err := s.exec(ctx, tx, `INSERT INTO thread_stories (story, thread) VALUES (?, ?)
			ON CONFLICT (story) DO UPDATE SET thread = excluded.thread`, rec.Story, t.ID); err != nil {
			return err
		}
		for _, g := range rec.Merged {
			if g == t.ID {
				continue
			}
			if _, err := s.exec(ctx, tx, `UPDATE thread_stories SET thread = ? WHERE thread = ?`, t.ID, g); err != nil {
				return err
			}
			if _, err := s.exec(ctx, tx, `DELETE FROM threads WHERE id = ?`, g); err != nil {
				return err
			}
		}
		for _, e := range rec.Events {
			at, err := TextTime(e.At)
			if err != nil {
				return err
			}
			if _, err := s.exec(ctx, tx, `INSERT INTO thread_events (kind, thread, other, article, story, at, score)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, e.Kind, e.Thread, e.Other, e.Article, e.Story, at, e.Score); err != nil {
				return err
			}
		}
		// The key "" counts the linked articles; sorted, distinct keys
		// (see RecordStory).
		keys := append(slices.Clone(rec.Keys), "")
		slices.Sort(keys)
		keys = slices.Compact(keys)
		return chunks(keys, func(part []string) error {
			args := make([]any, len(part))
			for i, k := range part {
				args[i] = k
			}
			_, err := s.exec(ctx, tx, `INSERT INTO thread_df (key, df) VALUES `+tuples(len(part), "(?, 1)")+`
				ON CONFLICT (key) DO UPDATE SET df = thread_df.df + 1`, args...)
			return err
		})
	})
	if err != nil {
		return fail(err)
	}
	return nil
}

// threadMembers selects the articles (a) of thread ? through its
// stories.
const threadMembers = `FROM thread_stories t JOIN story_members m ON m.story = t.story
	JOIN articles a ON a.seq = m.seq WHERE t.thread = th.id`

// threadSummaryCols are a ThreadSummary's columns over threads th. A
// thread is headed by its biggest titled story (the earliest of equals),
// not by whichever report happened to start it; its own title (its first
// article's) is the fallback.
const threadSummaryCols = `th.id,
	COALESCE((SELECT s.title FROM thread_stories ts JOIN stories s ON s.id = ts.story
		WHERE ts.thread = th.id AND s.title <> '' ORDER BY s.articles DESC, s.first_time = '', s.first_time, s.id LIMIT 1), th.title),
	th.first_time, th.last_time, th.articles, th.stories,
	(SELECT ` + outlets + ` ` + threadMembers + `),
	(SELECT ` + origins + ` ` + threadMembers + `)`

func scanThreadSummary(sc interface{ Scan(...any) error }) (news.ThreadSummary, error) {
	var (
		sum         news.ThreadSummary
		first, last string
	)
	if err := sc.Scan(&sum.ID, &sum.Title, &first, &last, &sum.Articles, &sum.Stories, &sum.Outlets, &sum.Origins); err != nil {
		return sum, err
	}
	var err error
	if sum.First, err = parseTime(first); err != nil {
		return sum, fmt.Errorf("thread %s: %w", sum.ID, err)
	}
	if sum.Last, err = parseTime(last); err != nil {
		return sum, fmt.Errorf("thread %s: %w", sum.ID, err)
	}
	return sum, nil
}

// Threads lists threads, most articles first, then by ID, after the
// cursor.
func (s *Store) Threads(ctx context.Context, after news.ThreadCursor, limit int) (news.ThreadPage, error) {
	limit = pageLimit(limit)
	where, args := "", []any{}
	if after.ID != "" {
		where, args = `WHERE th.articles < ? OR (th.articles = ? AND th.id > ?)`, []any{after.Articles, after.Articles, after.ID}
	}
	rows, err := s.query(ctx, s.r, `SELECT `+threadSummaryCols+` FROM threads th `+where+
		` ORDER BY th.articles DESC, th.id LIMIT ?`, append(args, limit+1)...)
	if err != nil {
		return news.ThreadPage{}, fmt.Errorf("threads: %w", err)
	}
	defer rows.Close()
	page := news.ThreadPage{Threads: []news.ThreadSummary{}}
	for rows.Next() {
		t, err := scanThreadSummary(rows)
		if err != nil {
			return news.ThreadPage{}, fmt.Errorf("threads: %w", err)
		}
		page.Threads = append(page.Threads, t)
	}
	if err := rows.Err(); err != nil {
		return news.ThreadPage{}, fmt.Errorf("threads: %w", err)
	}
	if len(page.Threads) > limit {
		page.Threads = page.Threads[:limit]
		l := page.Threads[limit-1]
		page.Next = &news.ThreadCursor{Articles: l.Articles, ID: l.ID}
	}
	return page, nil
}

// Thread returns one thread with its stories, measures and log.
func (s *Store) Thread(ctx context.Context, id string) (news.ThreadDetail, error) {
	fail := func(err error) (news.ThreadDetail, error) {
		return news.ThreadDetail{}, fmt.Errorf("thread %s: %w", id, err)
	}
	sum, err := scanThreadSummary(s.queryRow(ctx, s.r, `SELECT `+threadSummaryCols+` FROM threads th WHERE th.id = ?`, id))
	if noRows(err) {
		return fail(store.ErrNotFound)
	}
	if err != nil {
		return fail(err)
	}
	d := news.ThreadDetail{Thread: sum, Stories: []news.StorySummary{}, Measures: []news.ThreadMeasure{}, Events: []news.ThreadEvent{}}
	rows, err := s.query(ctx, s.r, `SELECT s.id, s.title, s.first_time, s.last_time, s.articles,
		(SELECT `+independent+` FROM story_members m WHERE m.story = s.id),
		(SELECT `+origins+` FROM story_members m JOIN articles a ON a.seq = m.seq WHERE m.story = s.id),
		(SELECT `+outlets+` FROM story_members m JOIN articles a ON a.seq = m.seq WHERE m.story = s.id)
		FROM thread_stories t JOIN stories s ON s.id = t.story WHERE t.thread = ?
		ORDER BY s.last_time = '', s.last_time DESC, s.id LIMIT ?`, id, news.MaxThreadStories)
	if err != nil {
		return fail(err)
	}
	for rows.Next() {
		var (
			st          news.StorySummary
			first, last string
		)
		if err := rows.Scan(&st.ID, &st.Title, &first, &last, &st.Articles, &st.Sources, &st.Origins, &st.Outlets); err != nil {
			rows.Close()
			return fail(err)
		}
		if st.First, err = parseTime(first); err == nil {
			st.Last, err = parseTime(last)
		}
		if err != nil {
			rows.Close()
			return fail(err)
		}
		st.Thread = id
		d.Stories = append(d.Stories, st)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	// The global measures its articles report; an article's own measure
	// (a key that names no one thing, stored under key@article) is left
	// out.
	rows, err = s.query(ctx, s.r, `SELECT f.measure, ms.label, count(DISTINCT f.seq), count(*)
		FROM thread_stories t JOIN measure_figures f ON f.story = t.story JOIN measures ms ON ms.id = f.measure
		WHERE t.thread = ? AND ms.key NOT LIKE '%@%'
		GROUP BY f.measure, ms.label ORDER BY count(DISTINCT f.seq) DESC, f.measure LIMIT ?`, id, news.MaxThreadMeasures)
	if err != nil {
		return fail(err)
	}
	for rows.Next() {
		var m news.ThreadMeasure
		if err := rows.Scan(&m.ID, &m.Label, &m.Articles, &m.Figures); err != nil {
			rows.Close()
			return fail(err)
		}
		d.Measures = append(d.Measures, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	rows, err = s.query(ctx, s.r, `SELECT kind, thread, other, article, story, at, score FROM thread_events
		WHERE thread = ? OR other = ? ORDER BY id LIMIT ?`, id, id, news.MaxThreadStories)
	if err != nil {
		return fail(err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			e  news.ThreadEvent
			at string
		)
		if err := rows.Scan(&e.Kind, &e.Thread, &e.Other, &e.Article, &e.Story, &at, &e.Score); err != nil {
			return fail(err)
		}
		if e.At, err = parseTime(at); err != nil {
			return fail(err)
		}
		d.Events = append(d.Events, e)
	}
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	return d, nil
}

// StoryThreads returns the thread of each of the stories ids that has
// one.
func (s *Store) StoryThreads(ctx context.Context, ids []string) (map[string]string, error) {
	out := map[string]string{}
	err := chunks(ids, func(part []string) error {
		cond, args := in(s.d, "story", part)
		rows, err := s.query(ctx, s.r, `SELECT story, thread FROM thread_stories WHERE `+cond, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var st, th string
			if err := rows.Scan(&st, &th); err != nil {
				return err
			}
			out[st] = th
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("story threads: %w", err)
	}
	return out, nil
}
