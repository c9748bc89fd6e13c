// Package sqlstore holds sitrep's store queries, written once over
// database/sql for both SQL back ends. A Dialect names what differs
// between them (placeholders, list arguments, how a missing publication
// time is kept and ordered, full-text search, the migration lock);
// internal/store/sqlite and internal/store/postgres open a database,
// give their dialect and their migrations, and embed the Store this
// package builds.
//
// The files follow the nouns: articles.go (Put, Update, Article, Count,
// Search), browse.go (the pages' reads, store.Browser), entities.go,
// provenance.go and stories.go (the link steps' indexes) and migrate.go
// (versioned migrations).
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"sitrep/internal/news"
	"sitrep/internal/store"
)

// Limits of a page of articles, entities or stories.
const (
	DefaultLimit = 100
	MaxLimit     = 1000
)

// Dialect is what differs between the SQL back ends. The queries in
// this package are written with ? placeholders and the conditions and
// orders below; a store fills one Dialect and passes it to New.
type Dialect struct {
	// Name names the back end in errors ("sqlite", "postgres").
	Name string
	// Numbered is true when the driver's placeholders are $1, $2, …
	// rather than ?.
	Numbered bool
	// Arrays is true when a list binds as one array argument
	// (col = ANY(?)), false when it binds one placeholder per element
	// (col IN (?, …)).
	Arrays bool
	// Time encodes a time for a publication-time column (zero means
	// unknown).
	Time func(time.Time) (any, error)
	// Published reads the publication time of an article (aliased a) as
	// RFC 3339 text: NULL or '' when it is unknown.
	Published string
	// Undated holds for an article (aliased a) with no publication time.
	Undated string
	// ListOrder is the one order of article listings (articles aliased
	// a): newest first, undated last, then by ID.
	ListOrder string
	// After returns the condition, and its arguments, that keeps the
	// articles after the one whose ID is id and whose published column
	// holds published (as the driver scans it into an any) in ListOrder.
	After func(published any, id string) (string, []any)
	// QueueOrder orders a link queue (aliased q): earliest published
	// first, undated last, then in storage order.
	QueueOrder string
	// Enqueue is the column list and the select list (over articles
	// aliased a) that put an article in a link queue.
	Enqueue [2]string
	// IndexText, if not empty, adds the articles whose seq is above its
	// one argument to the full-text index; Put runs it once per batch.
	IndexText string
	// SearchFrom is the FROM and WHERE clauses of the full-text query
	// (articles aliased a), with one argument, the match; SearchOrder its
	// ORDER BY, best first; Snippet the expression of a hit's snippet,
	// its matched words between store.HitMarks. SearchMatch turns
	// alternatives of words (an article matches every word of one) into
	// the match.
	SearchFrom  string
	SearchOrder string
	Snippet     string
	SearchMatch func(alts [][]string) string
	// NoNUL rejects articles holding the NUL character, which
	// PostgreSQL's text and jsonb refuse.
	NoNUL bool
	// MigrationLock, if not empty, is run first in the migration
	// transaction, to keep concurrent openers out.
	MigrationLock string
	// MigrationTable creates the schema_migrations table if needed.
	MigrationTable string
	// Now is the database clock's current time in seconds since the Unix
	// epoch, as a float (link leases expire by it, so workers on other
	// machines need not agree on the time).
	Now string
}

// Store is an article store over one database: the writer runs writes
// and the link phase's reads, the reader serves listings and pages. They
// may be the same pool.
type Store struct {
	w, r *sql.DB
	d    *Dialect
	// centroids and storyCentroids cache decoded thread and story
	// centroids (see ActiveThreads and ActiveStories).
	centroids      centroidCache[news.ThreadState]
	storyCentroids centroidCache[news.StoryState]
	stmts          stmtCache
}

// New returns the store over the writer w and reader r in dialect d.
func New(w, r *sql.DB, d Dialect) *Store { return &Store{w: w, r: r, d: &d} }

var _ store.Store = (*Store)(nil)

// Close closes the prepared statements; the store that opened the
// databases closes them after.
func (s *Store) Close() error {
	s.stmts.mu.Lock()
	defer s.stmts.mu.Unlock()
	var err error
	for k, st := range s.stmts.m {
		err = errors.Join(err, st.Close())
		delete(s.stmts.m, k)
	}
	return err
}

// maxStmts bounds the statement cache: queries with a list argument
// differ in their number of placeholders, and past the bound a query
// runs unprepared.
const maxStmts = 512

// stmtCache holds the store's prepared statements by pool and query
// text. SQLite parses a query every time it runs unprepared; on a real
// corpus that parsing was a twentieth of an ingest's CPU and a sixth of
// the link tests'.
type stmtCache struct {
	mu sync.Mutex
	m  map[stmtKey]*sql.Stmt
	// missed holds the queries a transaction ran unprepared, to be
	// prepared on the writer before the next transaction begins: while
	// one is open, SQLite's only writer connection is taken.
	missed map[string]bool
}

type stmtKey struct {
	db *sql.DB
	q  string
}

// prepared returns the cached statement for the bound query q on db (a
// pool or a transaction on the writer), preparing it on a pool the
// first time, or nil when q runs unprepared.
func (s *Store) prepared(ctx context.Context, db querier, q string) *sql.Stmt {
	c := &s.stmts
	switch db := db.(type) {
	case *sql.DB:
		k := stmtKey{db, q}
		c.mu.Lock()
		st, ok := c.m[k]
		full := len(c.m) >= maxStmts
		c.mu.Unlock()
		if ok || full {
			return st
		}
		// Prepared without the lock: preparing waits for a connection,
		// which a transaction needing the lock may hold.
		st, err := db.PrepareContext(ctx, q)
		if err != nil {
			return nil // run unprepared, to report the error there
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		if old, ok := c.m[k]; ok {
			st.Close()
			return old
		}
		if c.m == nil {
			c.m = map[stmtKey]*sql.Stmt{}
		}
		c.m[k] = st
		return st
	case *sql.Tx:
		c.mu.Lock()
		st, ok := c.m[stmtKey{s.w, q}]
		if !ok && len(c.m)+len(c.missed) < maxStmts {
			if c.missed == nil {
				c.missed = map[string]bool{}
			}
			c.missed[q] = true
		}
		c.mu.Unlock()
		if !ok {
			return nil
		}
		return db.StmtContext(ctx, st)
	}
	return nil
}

// begin starts a write transaction, first preparing the statements
// earlier transactions ran unprepared.
func (s *Store) begin(ctx context.Context) (*sql.Tx, error) {
	c := &s.stmts
	c.mu.Lock()
	missed := c.missed
	c.missed = nil
	c.mu.Unlock()
	for q := range missed {
		s.prepared(ctx, s.w, q)
	}
	return s.w.BeginTx(ctx, nil)
}

// bind rewrites the ? placeholders of q into the dialect's.
func (s *Store) bind(q string) string {
	if !s.d.Numbered {
		return q
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// querier is a database or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func (s *Store) query(ctx context.Context, db querier, q string, args ...any) (*sql.Rows, error) {
	q = s.bind(q)
	if st := s.prepared(ctx, db, q); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return db.QueryContext(ctx, q, args...)
}

func (s *Store) queryRow(ctx context.Context, db querier, q string, args ...any) *sql.Row {
	q = s.bind(q)
	if st := s.prepared(ctx, db, q); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return db.QueryRowContext(ctx, q, args...)
}

func (s *Store) exec(ctx context.Context, db querier, q string, args ...any) (sql.Result, error) {
	q = s.bind(q)
	if st := s.prepared(ctx, db, q); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return db.ExecContext(ctx, q, args...)
}

// in returns the condition that col is one of vals, and its arguments.
// vals must not be empty.
func in[T any](d *Dialect, col string, vals []T) (string, []any) {
	if d.Arrays {
		return col + " = ANY(?)", []any{vals}
	}
	args := make([]any, len(vals))
	for i, v := range vals {
		args[i] = v
	}
	return col + " IN (?" + strings.Repeat(", ?", len(vals)-1) + ")", args
}

// chunk is how many list elements or rows one statement binds.
const chunk = 500

// chunks calls f on successive parts of vals of at most chunk elements.
func chunks[T any](vals []T, f func([]T) error) error {
	for i := 0; i < len(vals); i += chunk {
		if err := f(vals[i:min(i+chunk, len(vals))]); err != nil {
			return err
		}
	}
	return nil
}

// tuples returns n copies of tuple, comma-separated, for a multi-row
// VALUES list.
func tuples(n int, tuple string) string {
	return strings.Repeat(tuple+", ", n-1) + tuple
}

// pageLimit is the page size used for a requested one: <= 0 means
// DefaultLimit, and it is capped at MaxLimit.
func pageLimit(n int) int {
	if n <= 0 {
		return DefaultLimit
	}
	return min(n, MaxLimit)
}

// timeLayout keeps times as UTC RFC 3339 text with a fixed number of
// fraction digits, so that comparing the text compares the instants.
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

// TextTime returns t as a time text column keeps it: "" for the zero
// time, else fixed-width UTC RFC 3339. Years outside 1..9999 would break
// the text order and are an error.
func TextTime(t time.Time) (string, error) {
	if t.IsZero() {
		return "", nil
	}
	u := t.UTC()
	if y := u.Year(); y < 1 || y > 9999 {
		return "", fmt.Errorf("year %d out of range 1..9999", y)
	}
	return u.Format(timeLayout), nil
}

// asTime reads a time as a driver scans it into an any: RFC 3339 text
// ("" for none), a time.Time, or NULL.
func asTime(v any) (time.Time, error) {
	switch t := v.(type) {
	case nil:
		return time.Time{}, nil
	case time.Time:
		return t, nil
	case string:
		return parseTime(t)
	case []byte:
		return parseTime(string(t))
	}
	return time.Time{}, fmt.Errorf("unexpected time value %T", v)
}

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.RFC3339Nano, s)
}

// strings runs a query of one text column and returns its values.
func (s *Store) strings(ctx context.Context, db querier, q string, args ...any) ([]string, error) {
	rows, err := s.query(ctx, db, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// noRows reports whether err says a one-row query found nothing.
func noRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }

// scanCounts adds the (key, count) rows of a two-column result to out.
func scanCounts(rows *sql.Rows, out map[string]int) error {
	defer rows.Close()
	for rows.Next() {
		var (
			k string
			n int
		)
		if err := rows.Scan(&k, &n); err != nil {
			return err
		}
		out[k] = n
	}
	return rows.Err()
}
