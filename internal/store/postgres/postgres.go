// Package postgres is sitrep's PostgreSQL store, for deployments that run
// many workers against one database. It implements the same interfaces as
// the embedded SQLite store and passes the same conformance suite
// (internal/store/storetest). Migrations are embedded and applied under an
// advisory lock, so several processes may open a new database at once.
package postgres

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"sitrep/internal/news"
	"sitrep/internal/store"
)

// Page sizes of Articles and Search.
const (
	DefaultLimit = 100
	MaxLimit     = 1000
)

// ErrSchemaTooNew is returned by Open for a database whose schema was
// written by a newer sitrep.
var ErrSchemaTooNew = errors.New("database schema is newer than this program")

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrationLock is the advisory lock key held while migrating.
const migrationLock = 0x51747265 // "Qtre": any constant unique to sitrep

// Store is a PostgreSQL-backed store.Store.
type Store struct {
	pool *pgxpool.Pool
}

var _ store.Store = (*Store)(nil)

// Open connects to the database a postgres:// DSN names, applies pending
// migrations and returns the store.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	s := &Store{pool: pool}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

// Close releases the connections.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with NNNN_", e.Name())
		}
		b, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

// SchemaVersion is the schema version this program writes.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil || len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// migrate applies every pending migration in one transaction holding an
// advisory lock, so concurrent Opens apply each migration once.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return fmt.Errorf("postgres: migrations: %w", err)
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("postgres: migrate: %w", err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, migrationLock); err != nil {
		return fmt.Errorf("postgres: migrate: lock: %w", err)
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`); err != nil {
		return fmt.Errorf("postgres: migrate: %w", err)
	}
	var current int
	if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return fmt.Errorf("postgres: migrate: %w", err)
	}
	if latest := SchemaVersion(); current > latest {
		return fmt.Errorf("postgres: schema version %d, this program knows up to %d: %w", current, latest, ErrSchemaTooNew)
	}
	for _, m := range ms {
		if m.version <= current {
			continue
		}
		if _, err := tx.Exec(ctx, m.sql); err != nil {
			return fmt.Errorf("postgres: migration %s: %w", m.name, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, m.version); err != nil {
			return fmt.Errorf("postgres: migration %s: %w", m.name, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres: migrate: commit: %w", err)
	}
	return nil
}

// row is an article as the articles table holds it.
type row struct {
	id, url, duplicateKey, textHash string
	path, outlet, title, author     string
	published, fetched              *time.Time
	language, declaredSource        string
	format, rawSHA256               string
	rawSize, words                  int
	status, text                    string
	doc                             []byte
	entry                           store.Entry
}

func encode(a *news.Article) (row, error) {
	if a == nil {
		return row{}, errors.New("nil article")
	}
	d := *a
	d.Text = ""
	doc, err := json.Marshal(&d)
	if err != nil {
		return row{}, fmt.Errorf("encode doc: %w", err)
	}
	// PostgreSQL's jsonb rejects the NUL character, which JSON escapes as
	// \u0000 in strings; the text column (TEXT) rejects raw NUL bytes too.
	if strings.Contains(string(doc), `\u0000`) || strings.ContainsRune(a.Text, 0) {
		return row{}, errors.New("NUL character in article")
	}
	return row{
		id: a.ID, url: a.URL, duplicateKey: a.DuplicateKey(), textHash: news.TextHash(a.Text),
		path: a.Path, outlet: a.Outlet, title: a.Title, author: a.Author,
		published: timeOrNil(a.Published), fetched: timeOrNil(a.Fetched),
		language: a.Language, declaredSource: a.DeclaredSource,
		format: string(a.Format), rawSHA256: a.RawSHA256, rawSize: a.RawSize,
		words: a.Words(), status: a.Status(), text: a.Text, doc: doc,
		entry: store.LinkFieldsOf(a),
	}, nil
}

func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func nullIfEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

const insertSQL = `INSERT INTO articles (id, url, duplicate_key, text_hash, path, outlet, title, author,
	published, fetched, language, declared_source, format, raw_sha256, raw_size, words, status, text, doc,
	story, provenance_kind, provenance_of, provenance_family, figures, events)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
	$20, $21, $22, $23, $24, $25)
ON CONFLICT DO NOTHING`

// Put stores articles in one transaction; see store.ArticleWriter.
func (s *Store) Put(ctx context.Context, articles []*news.Article) ([]store.PutResult, error) {
	rows := make([]row, len(articles))
	for i, a := range articles {
		r, err := encode(a)
		if err != nil {
			return nil, fmt.Errorf("put article %d: %w", i, err)
		}
		rows[i] = r
	}
	results := make([]store.PutResult, len(rows))
	if len(rows) == 0 {
		return results, nil
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("put: begin: %w", err)
	}
	defer tx.Rollback(ctx)
	for i, r := range rows {
		tag, err := tx.Exec(ctx, insertSQL, r.id, nullIfEmpty(r.url), r.duplicateKey, r.textHash,
			r.path, r.outlet, r.title, r.author, r.published, r.fetched, r.language, r.declaredSource,
			r.format, r.rawSHA256, r.rawSize, r.words, r.status, r.text, r.doc,
			r.entry.Story, r.entry.Provenance, r.entry.Of, r.entry.Family, r.entry.Figures, r.entry.Events)
		if err != nil {
			return nil, fmt.Errorf("put article %d (%s): %w", i, r.id, err)
		}
		if tag.RowsAffected() == 1 {
			results[i] = store.PutResult{ID: r.id}
			continue
		}
		id, err := existing(ctx, tx, r)
		if err != nil {
			return nil, fmt.Errorf("put article %d (%s): %w", i, r.id, err)
		}
		results[i] = store.PutResult{ID: id, Duplicate: true}
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, fmt.Errorf("put: commit: %w", err)
	}
	return results, nil
}

// existing returns the ID of the stored article r collided with: same ID,
// else same URL, else same duplicate key.
func existing(ctx context.Context, tx pgx.Tx, r row) (string, error) {
	var id string
	err := tx.QueryRow(ctx, `SELECT id FROM articles
		WHERE id = $1 OR (url IS NOT NULL AND url = $2) OR duplicate_key = $3
		ORDER BY (id = $1) DESC, (url = $2) DESC NULLS LAST LIMIT 1`, r.id, r.url, r.duplicateKey).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", errors.New("insert ignored but no conflicting article found")
	}
	return id, err
}

// Update replaces the stored layers and problems of the article with a.ID;
// see store.ArticleUpdater.
func (s *Store) Update(ctx context.Context, a *news.Article) error {
	r, err := encode(a)
	if err != nil {
		return fmt.Errorf("update %s: %w", a.ID, err)
	}
	e := r.entry
	tag, err := s.pool.Exec(ctx, `UPDATE articles SET doc = $1, status = $2,
		story = $5, provenance_kind = $6, provenance_of = $7, provenance_family = $8, figures = $9, events = $10
		WHERE id = $3 AND text = $4`,
		r.doc, r.status, a.ID, a.Text, e.Story, e.Provenance, e.Of, e.Family, e.Figures, e.Events)
	if err != nil {
		return fmt.Errorf("update %s: %w", a.ID, err)
	}
	if tag.RowsAffected() == 1 {
		return nil
	}
	var exists bool
	if err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE id = $1)`, a.ID).Scan(&exists); err != nil {
		return fmt.Errorf("update %s: %w", a.ID, err)
	}
	if !exists {
		return fmt.Errorf("update %s: %w", a.ID, store.ErrNotFound)
	}
	return fmt.Errorf("update %s: the text differs from the stored text", a.ID)
}

// Article returns one stored article with all its layers.
func (s *Store) Article(ctx context.Context, id string) (*news.Article, error) {
	var (
		doc               []byte
		a                 news.Article
		url               *string
		format            string
		published, fetchd *time.Time
	)
	err := s.pool.QueryRow(ctx, `SELECT doc, id, url, path, outlet, title, author, published, fetched,
		language, declared_source, format, raw_sha256, raw_size, text FROM articles WHERE id = $1`, id).Scan(
		&doc, &a.ID, &url, &a.Path, &a.Outlet, &a.Title, &a.Author, &published, &fetchd,
		&a.Language, &a.DeclaredSource, &format, &a.RawSHA256, &a.RawSize, &a.Text)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("article %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	var d news.Article
	if err := json.Unmarshal(doc, &d); err != nil {
		return nil, fmt.Errorf("article %s: decode doc: %w", id, err)
	}
	// Columns are the source of truth for metadata; the doc supplies the
	// layers and the exact times with their zones.
	d.ID, d.Path, d.Outlet, d.Title, d.Author = a.ID, a.Path, a.Outlet, a.Title, a.Author
	d.Language, d.DeclaredSource, d.Format = a.Language, a.DeclaredSource, news.Format(format)
	d.RawSHA256, d.RawSize, d.Text = a.RawSHA256, a.RawSize, a.Text
	d.URL = ""
	if url != nil {
		d.URL = *url
	}
	if published == nil {
		d.Published = time.Time{}
	}
	if fetchd == nil {
		d.Fetched = time.Time{}
	}
	return &d, nil
}

// summaryCols are the columns of a summary. The published time comes from
// the doc, which keeps nanoseconds; the column keeps microseconds.
const summaryCols = `id, url, path, outlet, title, doc->>'published', words, status, coalesce(doc->'genre'->>'kind', '')`

// Articles lists summaries newest first (unknown dates last), then by ID,
// after the cursor; see store.ArticleReader.
func (s *Store) Articles(ctx context.Context, opts store.ListOptions) ([]store.Summary, error) {
	var (
		where []string
		args  []any
	)
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if opts.Outlet != "" {
		where = append(where, "a.outlet = "+arg(opts.Outlet))
	}
	if opts.After != "" {
		cond, err := s.afterCursor(ctx, opts.After, arg)
		if err != nil {
			return nil, fmt.Errorf("list: %w", err)
		}
		where = append(where, cond)
	}
	q := "SELECT " + summaryCols + " FROM articles a"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += listOrder + " LIMIT " + arg(pageLimit(opts.Limit))
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
// newest first, unknown dates last, then by ID.
const listOrder = " ORDER BY a.published DESC NULLS LAST, a.id"

// afterCursor returns the condition that keeps, in listOrder, the
// articles after the one with ID after, adding its arguments with arg; an
// unknown ID is an error wrapping store.ErrNotFound.
func (s *Store) afterCursor(ctx context.Context, after string, arg func(any) string) (string, error) {
	var published *time.Time
	err := s.pool.QueryRow(ctx, `SELECT published FROM articles WHERE id = $1`, after).Scan(&published)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", fmt.Errorf("after %s: %w", after, store.ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("after %s: %w", after, err)
	}
	if published == nil {
		return "a.published IS NULL AND a.id > " + arg(after), nil
	}
	p, id := arg(*published), arg(after)
	return fmt.Sprintf("(a.published < %s OR a.published IS NULL OR (a.published = %s AND a.id > %s))", p, p, id), nil
}

func (s *Store) summaries(ctx context.Context, q string, args ...any) ([]store.Summary, error) {
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []store.Summary{}
	for rows.Next() {
		var (
			sum       store.Summary
			url       *string
			published *string
		)
		if err := rows.Scan(&sum.ID, &url, &sum.Path, &sum.Outlet, &sum.Title, &published, &sum.Words, &sum.Status, &sum.Genre); err != nil {
			return nil, err
		}
		if url != nil {
			sum.URL = *url
		}
		if published != nil {
			t, err := time.Parse(time.RFC3339Nano, *published)
			if err != nil {
				return nil, fmt.Errorf("article %s: published: %w", sum.ID, err)
			}
			sum.Published = t
		}
		out = append(out, sum)
	}
	return out, rows.Err()
}

// Count returns the number of stored articles.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count: %w", err)
	}
	return n, nil
}

// Search returns summaries of the articles whose title or text contain
// every word of query, best match first. Words are matched as plain
// lexemes: nothing in query is read as tsquery syntax.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]store.Summary, error) {
	limit = pageLimit(limit)
	if strings.TrimSpace(query) == "" {
		return []store.Summary{}, nil
	}
	out, err := s.summaries(ctx, `SELECT `+summaryCols+` FROM articles, plainto_tsquery('simple', $1) q
		WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC, id LIMIT $2`, query, limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	return out, nil
}
