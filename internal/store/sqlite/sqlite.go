// Package sqlite is sitrep's embedded store: one SQLite file, written
// through modernc.org/sqlite (pure Go, no cgo), in WAL mode so readers
// proceed while one writer commits.
//
// The queries are internal/store/sqlstore's; this package opens the
// file, gives the SQLite dialect (text times, the empty text for an unknown time,
// FTS5 search) and its migrations, embedded in the binary (see the
// migrations directory).
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver

	"sitrep/internal/store"
	"sitrep/internal/store/sqlstore"
)

// Store is an article store in one SQLite database file. It is safe for
// concurrent use: writes are serialised on one connection, reads use a
// small pool of read-only connections.
type Store struct {
	*sqlstore.Store
	path   string
	w      *sql.DB // one connection, BEGIN IMMEDIATE: the single writer
	r      *sql.DB // read-only connections
	remove bool    // delete the file on Close (OpenTemp)
}

var _ store.Store = (*Store)(nil)

// Limits of a page of articles, entities or stories.
const (
	DefaultLimit = sqlstore.DefaultLimit
	MaxLimit     = sqlstore.MaxLimit
)

// readConns is the size of the read pool.
const readConns = 4

// Open opens the SQLite database at path, creating it if needed, and
// brings its schema up to date. It fails with an error wrapping
// ErrSchemaTooNew when the file was written by a newer sitrep. The path
// ":memory:" (or "") opens a temporary store, as OpenTemp does.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" || path == ":memory:" {
		return OpenTemp(ctx)
	}
	return open(ctx, path, false)
}

// OpenTemp opens a new store in a temporary file in os.TempDir; the file
// is removed on Close. It suits one-off runs such as `sitrep analyze`.
func OpenTemp(ctx context.Context) (*Store, error) {
	f, err := os.CreateTemp("", "sitrep-*.db")
	if err != nil {
		return nil, fmt.Errorf("sqlite temp store: %w", err)
	}
	path := f.Name()
	if err := f.Close(); err != nil {
		os.Remove(path)
		return nil, fmt.Errorf("sqlite temp store: %w", err)
	}
	s, err := open(ctx, path, true)
	if err != nil {
		removeFiles(path)
		return nil, err
	}
	return s, nil
}

func open(ctx context.Context, path string, remove bool) (*Store, error) {
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("sqlite open %s: path must not contain '?' or '#'", path)
	}
	// The driver opens with SQLITE_OPEN_URI; a plain name must not look
	// like a URI.
	name := path
	if strings.HasPrefix(name, "file:") {
		name = "./" + name
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	wq := cloneValues(q)
	wq.Set("_txlock", "immediate")
	rq := cloneValues(q)
	rq.Add("_pragma", "query_only(1)")

	w, err := sql.Open("sqlite", name+"?"+wq.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)

	s := &Store{path: path, w: w, remove: remove}
	if err := migrate(ctx, w); err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite open %s: %w", path, err)
	}

	r, err := sql.Open("sqlite", name+"?"+rq.Encode())
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite open %s: %w", path, err)
	}
	r.SetMaxOpenConns(readConns)
	r.SetMaxIdleConns(readConns)
	s.r = r
	s.Store = sqlstore.New(w, r, dialect)
	return s, nil
}

func cloneValues(v url.Values) url.Values {
	c := make(url.Values, len(v))
	for k, vs := range v {
		c[k] = append([]string(nil), vs...)
	}
	return c
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Close closes the database; a store from OpenTemp also removes its file.
func (s *Store) Close() error {
	err := errors.Join(s.Store.Close(), s.r.Close(), s.w.Close())
	if s.remove {
		err = errors.Join(err, removeFiles(s.path))
	}
	return err
}

func removeFiles(path string) error {
	var errs []error
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// dialect is how SQLite keeps what differs between the back ends: times
// as fixed-width UTC text, the empty text for an unknown one (so that
// undated articles sort last newest first), lists as IN (?, …), FTS5
// search fed once per Put batch.
var dialect = sqlstore.Dialect{
	Name:      "sqlite",
	Time:      func(t time.Time) (any, error) { return sqlstore.TextTime(t) },
	Published: "a.published",
	Undated:   "a.published = ''",
	ListOrder: "a.published DESC, a.id",
	// The first term bounds an index range; the second is the key order.
	After: func(published any, id string) (string, []any) {
		return "a.published <= ? AND (a.published < ? OR a.id > ?)", []any{published, published, id}
	},
	QueueOrder:  "q.undated, q.published, q.seq",
	Enqueue:     [2]string{"seq, undated, published", "a.seq, a.published = '', a.published"},
	IndexText:   "INSERT INTO articles_fts (rowid, title, text) SELECT seq, title, text FROM articles WHERE seq > ?",
	SearchFrom:  "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH ?",
	SearchOrder: "articles_fts.rank, a.id",
	Snippet:     "snippet(articles_fts, -1, char(2), char(3), '…', 24)",
	SearchMatch: ftsQuery,
	Now:         "((julianday('now') - 2440587.5) * 86400.0)",
	MigrationTable: `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		applied_at TEXT    NOT NULL
	)`,
}

// ftsQuery turns alternatives of words into an FTS5 query that requires
// every word of one alternative: each word becomes a quoted string, so
// nothing in it is an operator; matching ignores case and diacritics.
func ftsQuery(alts [][]string) string {
	parts := make([]string, len(alts))
	for i, words := range alts {
		q := make([]string, len(words))
		for j, w := range words {
			q[j] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
		}
		parts[i] = "(" + strings.Join(q, " ") + ")"
	}
	return strings.Join(parts, " OR ")
}
