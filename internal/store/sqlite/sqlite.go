// Package sqlite is sitrep's embedded store: one SQLite file, written
// through modernc.org/sqlite (pure Go, no cgo), in WAL mode so readers
// proceed while one writer commits.
//
// Articles keep their metadata in columns and everything else (the
// annotation layers) in a JSON doc column, so new layers need no schema
// change. The schema is created and upgraded by versioned migrations
// embedded in the binary; see the migrations directory.
package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver

	"sitrep/internal/news"
	"sitrep/internal/store"
)

// Store is an article store in one SQLite database file. It is safe for
// concurrent use: writes are serialised on one connection, reads use a
// small pool of read-only connections.
type Store struct {
	path   string
	w      *sql.DB // one connection, BEGIN IMMEDIATE: the single writer
	r      *sql.DB // read-only connections
	remove bool    // delete the file on Close (OpenTemp)
}

var _ store.Store = (*Store)(nil)

// Limits of Store.Articles.
const (
	DefaultLimit = 100
	MaxLimit     = 1000
)

// readConns is the size of the read pool.
const readConns = 4

// timeLayout stores times as UTC RFC 3339 with a fixed number of fraction
// digits, so that comparing the text compares the instants.
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

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
	err := errors.Join(s.r.Close(), s.w.Close())
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

// row is one article encoded for the articles table.
type row struct {
	id, path, outlet, title, author  string
	duplicateKey, textHash           string
	url                              sql.NullString
	published, fetched               string
	language, declaredSource, format string
	rawSHA256                        string
	rawSize, words                   int
	status, text                     string
	doc                              []byte
	entry                            store.Entry
}

func encode(a *news.Article) (row, error) {
	published, err := formatTime(a.Published)
	if err != nil {
		return row{}, fmt.Errorf("published: %w", err)
	}
	fetched, err := formatTime(a.Fetched)
	if err != nil {
		return row{}, fmt.Errorf("fetched: %w", err)
	}
	d := *a
	d.Text = ""
	doc, err := json.Marshal(&d)
	if err != nil {
		return row{}, fmt.Errorf("encode doc: %w", err)
	}
	return row{
		id:             a.ID,
		duplicateKey:   a.DuplicateKey(),
		textHash:       news.TextHash(a.Text),
		url:            sql.NullString{String: a.URL, Valid: a.URL != ""},
		path:           a.Path,
		outlet:         a.Outlet,
		title:          a.Title,
		author:         a.Author,
		published:      published,
		fetched:        fetched,
		language:       a.Language,
		declaredSource: a.DeclaredSource,
		format:         string(a.Format),
		rawSHA256:      a.RawSHA256,
		rawSize:        a.RawSize,
		words:          a.Words(),
		status:         a.Status(),
		text:           a.Text,
		doc:            doc,
		entry:          store.LinkFieldsOf(a),
	}, nil
}

// formatTime returns t as stored: "" for the zero time, else fixed-width
// UTC RFC 3339. Years outside 1..9999 would break the text order.
func formatTime(t time.Time) (string, error) {
	if t.IsZero() {
		return "", nil
	}
	u := t.UTC()
	if y := u.Year(); y < 1 || y > 9999 {
		return "", fmt.Errorf("year %d out of range 1..9999", y)
	}
	return u.Format(timeLayout), nil
}

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.RFC3339Nano, s)
}

const insertSQL = `INSERT INTO articles (id, url, duplicate_key, text_hash, path, outlet, title, author,
	published, fetched, language, declared_source, format, raw_sha256,
	raw_size, words, status, text, doc, ingested_at,
	story, provenance_kind, provenance_of, provenance_family, figures, events)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT DO NOTHING`

// Put stores articles in one transaction: all of them or, on error, none.
// An article whose ID, non-empty URL or duplicate key is already stored, earlier in the
// database or earlier in the same batch, is reported as a duplicate of
// that article and not written. An empty ID is an error.
func (s *Store) Put(ctx context.Context, articles []*news.Article) ([]store.PutResult, error) {
	rows := make([]row, len(articles))
	for i, a := range articles {
		if a == nil {
			return nil, fmt.Errorf("put article %d: nil article", i)
		}
		r, err := encode(a)
		if err != nil {
			return nil, fmt.Errorf("put article %d (%s): %w", i, a.ID, err)
		}
		rows[i] = r
	}
	if len(rows) == 0 {
		return []store.PutResult{}, nil
	}
	now := time.Now().UTC().Format(timeLayout)

	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("put: begin: %w", err)
	}
	defer tx.Rollback()
	// The full-text index is fed once per batch, not by a per-row trigger:
	// FTS5 flushes its pending terms at every statement, so one INSERT …
	// SELECT over the new rows costs far less than one flush per article.
	var lastSeq int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM articles`).Scan(&lastSeq); err != nil {
		return nil, fmt.Errorf("put: %w", err)
	}
	ins, err := tx.PrepareContext(ctx, insertSQL)
	if err != nil {
		return nil, fmt.Errorf("put: %w", err)
	}
	defer ins.Close()

	results := make([]store.PutResult, len(rows))
	for i, r := range rows {
		res, err := ins.ExecContext(ctx, r.id, r.url, r.duplicateKey, r.textHash, r.path, r.outlet, r.title, r.author,
			r.published, r.fetched, r.language, r.declaredSource, r.format, r.rawSHA256,
			r.rawSize, r.words, r.status, r.text, r.doc, now,
			r.entry.Story, r.entry.Provenance, r.entry.Of, r.entry.Family, r.entry.Figures, r.entry.Events)
		if err != nil {
			return nil, fmt.Errorf("put article %d (%s): %w", i, r.id, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return nil, fmt.Errorf("put article %d (%s): %w", i, r.id, err)
		}
		if n == 1 {
			results[i] = store.PutResult{ID: r.id}
			continue
		}
		id, err := existing(ctx, tx, r)
		if err != nil {
			return nil, fmt.Errorf("put article %d (%s): %w", i, r.id, err)
		}
		results[i] = store.PutResult{ID: id, Duplicate: true}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts (rowid, title, text)
		SELECT seq, title, text FROM articles WHERE seq > ?`, lastSeq); err != nil {
		return nil, fmt.Errorf("put: full-text index: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("put: commit: %w", err)
	}
	return results, nil
}

// existing returns the ID of the stored article r collided with: the one
// with the same ID if there is one, else the same URL, else the same
// duplicate key.
func existing(ctx context.Context, tx *sql.Tx, r row) (string, error) {
	var id string
	err := tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE id = ?`, r.id).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	if r.url.Valid {
		err = tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE url = ?`, r.url).Scan(&id)
		if err == nil {
			return id, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return "", err
		}
	}
	err = tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE duplicate_key = ?`, r.duplicateKey).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	return "", errors.New("insert ignored but no conflicting article found")
}

// Update replaces the stored layers and problems of the article with
// a.ID; see store.ArticleUpdater.
func (s *Store) Update(ctx context.Context, a *news.Article) error {
	r, err := encode(a)
	if err != nil {
		return fmt.Errorf("update %s: %w", a.ID, err)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("update %s: begin: %w", a.ID, err)
	}
	defer tx.Rollback()
	var text string
	err = tx.QueryRowContext(ctx, `SELECT text FROM articles WHERE id = ?`, a.ID).Scan(&text)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("update %s: %w", a.ID, store.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("update %s: %w", a.ID, err)
	}
	if text != a.Text {
		return fmt.Errorf("update %s: the text differs from the stored text", a.ID)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET doc = ?, status = ?,
		story = ?, provenance_kind = ?, provenance_of = ?, provenance_family = ?, figures = ?, events = ?
		WHERE id = ?`, r.doc, r.status,
		r.entry.Story, r.entry.Provenance, r.entry.Of, r.entry.Family, r.entry.Figures, r.entry.Events, a.ID); err != nil {
		return fmt.Errorf("update %s: %w", a.ID, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("update %s: commit: %w", a.ID, err)
	}
	return nil
}

// Article returns the stored article with all its layers, or an error
// wrapping store.ErrNotFound.
func (s *Store) Article(ctx context.Context, id string) (*news.Article, error) {
	var (
		a                  news.Article
		url                sql.NullString
		format             string
		published, fetched string
		doc                []byte
	)
	err := s.r.QueryRowContext(ctx, `SELECT doc, id, url, path, outlet, title, author,
		published, fetched, language, declared_source, format, raw_sha256, raw_size, text
		FROM articles WHERE id = ?`, id).Scan(&doc, &a.ID, &url, &a.Path, &a.Outlet,
		&a.Title, &a.Author, &published, &fetched, &a.Language, &a.DeclaredSource,
		&format, &a.RawSHA256, &a.RawSize, &a.Text)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	var d news.Article
	if err := json.Unmarshal(doc, &d); err != nil {
		return nil, fmt.Errorf("article %s: decode doc: %w", id, err)
	}
	// The columns are the source of truth for metadata; the doc supplies
	// the layers, and the time zones the columns (UTC) do not keep.
	pub, err := parseTime(published)
	if err != nil {
		return nil, fmt.Errorf("article %s: published: %w", id, err)
	}
	fet, err := parseTime(fetched)
	if err != nil {
		return nil, fmt.Errorf("article %s: fetched: %w", id, err)
	}
	d.ID, d.URL, d.Path, d.Outlet = a.ID, url.String, a.Path, a.Outlet
	d.Title, d.Author, d.Language, d.DeclaredSource = a.Title, a.Author, a.Language, a.DeclaredSource
	d.Format, d.RawSHA256, d.RawSize, d.Text = news.Format(format), a.RawSHA256, a.RawSize, a.Text
	d.Published = keepZone(pub, d.Published)
	d.Fetched = keepZone(fet, d.Fetched)
	return &d, nil
}

// keepZone returns col, the instant stored in a column, in the location of
// fromDoc when both name the same instant.
func keepZone(col, fromDoc time.Time) time.Time {
	if col.IsZero() {
		return time.Time{}
	}
	if fromDoc.Equal(col) {
		return fromDoc
	}
	return col
}

const summaryCols = `id, url, path, outlet, title, published, words, status, ` + genreCol

// genreCol reads the genre layer's kind from the stored document (the
// genre is a layer, not a column: no migration).
const genreCol = "coalesce(json_extract(doc, '$.genre.kind'), '')"

// Articles lists summaries newest publication first, then by ID; articles
// with no known publication time come last. opts.After must be the ID of
// a stored article (the last of the previous page), else the error wraps
// store.ErrNotFound.
func (s *Store) Articles(ctx context.Context, opts store.ListOptions) ([]store.Summary, error) {
	var (
		where []string
		args  []any
	)
	if opts.Outlet != "" {
		where = append(where, "a.outlet = ?")
		args = append(args, opts.Outlet)
	}
	if opts.After != "" {
		cond, cargs, err := s.afterCursor(ctx, opts.After)
		if err != nil {
			return nil, fmt.Errorf("list: %w", err)
		}
		where, args = append(where, cond), append(args, cargs...)
	}
	q := "SELECT " + summaryCols + " FROM articles a"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += listOrder + " LIMIT ?"
	args = append(args, pageLimit(opts.Limit))
	out, err := s.summaries(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list: %w", err)
	}
	return out, nil
}

// pageLimit is the page size used for a requested one: <= 0 means
// DefaultLimit, and it is capped at MaxLimit.
func pageLimit(n int) int {
	if n <= 0 {
		return DefaultLimit
	}
	return min(n, MaxLimit)
}

// listOrder is the one order of article listings (articles aliased a):
// newest first, unknown dates (”) last, then by ID.
const listOrder = " ORDER BY a.published DESC, a.id"

// afterCursor returns the condition and its arguments that keep, in
// listOrder, the articles after the one with ID after; an unknown ID is
// an error wrapping store.ErrNotFound.
func (s *Store) afterCursor(ctx context.Context, after string) (string, []any, error) {
	var published string
	err := s.r.QueryRowContext(ctx, `SELECT published FROM articles WHERE id = ?`, after).Scan(&published)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil, fmt.Errorf("after %s: %w", after, store.ErrNotFound)
	}
	if err != nil {
		return "", nil, fmt.Errorf("after %s: %w", after, err)
	}
	// The first term bounds an index range; the second is the key order.
	return "a.published <= ? AND (a.published < ? OR a.id > ?)", []any{published, published, after}, nil
}

func (s *Store) summaries(ctx context.Context, q string, args ...any) ([]store.Summary, error) {
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []store.Summary{}
	for rows.Next() {
		var (
			sum       store.Summary
			url       sql.NullString
			published string
		)
		if err := rows.Scan(&sum.ID, &url, &sum.Path, &sum.Outlet, &sum.Title, &published, &sum.Words, &sum.Status, &sum.Genre); err != nil {
			return nil, err
		}
		sum.URL = url.String
		if sum.Published, err = parseTime(published); err != nil {
			return nil, fmt.Errorf("article %s: published: %w", sum.ID, err)
		}
		out = append(out, sum)
	}
	return out, rows.Err()
}

// Count returns the number of stored articles.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count: %w", err)
	}
	return n, nil
}
