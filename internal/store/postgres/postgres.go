// Package postgres is sitrep's PostgreSQL store, for deployments that run
// many workers against one database. The queries are
// internal/store/sqlstore's, the same as the embedded SQLite store's,
// run through pgx's database/sql driver; this package opens the pool,
// gives the PostgreSQL dialect (timestamptz columns, NULL for an unknown
// time, array arguments, tsvector search) and its migrations, which are
// embedded and applied under an advisory lock, so several processes may
// open a new database at once.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"sitrep/internal/store"
	"sitrep/internal/store/sqlstore"
)

// Page sizes of listings and Search.
const (
	DefaultLimit = sqlstore.DefaultLimit
	MaxLimit     = sqlstore.MaxLimit
)

// ErrSchemaTooNew is returned by Open for a database whose schema was
// written by a newer sitrep.
var ErrSchemaTooNew = sqlstore.ErrSchemaTooNew

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrationLock is the advisory lock key held while migrating.
const migrationLock = 0x51747265 // "Qtre": any constant unique to sitrep

// Store is a PostgreSQL-backed store.Store.
type Store struct {
	*sqlstore.Store
	db *sql.DB
}

var _ store.Store = (*Store)(nil)

// Open connects to the database a postgres:// DSN names, applies pending
// migrations and returns the store.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	db := stdlib.OpenDB(*cfg)
	// As many connections as pgxpool would open.
	db.SetMaxOpenConns(max(4, runtime.NumCPU()))
	db.SetMaxIdleConns(max(4, runtime.NumCPU()))
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	ms, err := sqlstore.Migrations(migrationFiles, "migrations")
	if err == nil {
		err = sqlstore.Migrate(ctx, db, dialect, ms)
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return &Store{Store: sqlstore.New(db, db, dialect), db: db}, nil
}

// Close releases the connections.
func (s *Store) Close() error { return errors.Join(s.Store.Close(), s.db.Close()) }

// SchemaVersion is the schema version this program writes.
func SchemaVersion() int {
	ms, err := sqlstore.Migrations(migrationFiles, "migrations")
	if err != nil {
		return 0
	}
	return sqlstore.Latest(ms)
}

// dialect is how PostgreSQL keeps what differs between the back ends:
// timestamptz columns (microseconds; the doc keeps the exact time, which
// listings read), NULL for an unknown time, lists as one array argument,
// a generated tsvector for search.
var dialect = sqlstore.Dialect{
	Name:     "postgres",
	Numbered: true,
	Arrays:   true,
	Time: func(t time.Time) (any, error) {
		if t.IsZero() {
			return nil, nil
		}
		return t, nil
	},
	Published: "a.doc->>'published'",
	Undated:   "a.published IS NULL",
	ListOrder: "a.published DESC NULLS LAST, a.id",
	After: func(published any, id string) (string, []any) {
		if published == nil {
			return "a.published IS NULL AND a.id > ?", []any{id}
		}
		return "(a.published < ? OR a.published IS NULL OR (a.published = ? AND a.id > ?))", []any{published, published, id}
	},
	QueueOrder:  "q.published ASC NULLS LAST, q.seq",
	Enqueue:     [2]string{"seq, published", "a.seq, a.published"},
	SearchFrom:  `FROM articles a, to_tsquery('simple', ?) q WHERE a.tsv @@ q`,
	SearchOrder: "ts_rank(a.tsv, q) DESC, a.id",
	Snippet:     `ts_headline('simple', a.text, q, 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "')`,
	// Words are letters, digits and marks only (sqlstore.SearchWords):
	// quoted, nothing in them is tsquery syntax.
	SearchMatch: func(alts [][]string) string {
		parts := make([]string, len(alts))
		for i, words := range alts {
			q := make([]string, len(words))
			for j, w := range words {
				q[j] = "'" + strings.ReplaceAll(strings.ToLower(w), "'", "''") + "'"
			}
			parts[i] = "(" + strings.Join(q, " & ") + ")"
		}
		return strings.Join(parts, " | ")
	},
	NoNUL:         true,
	Now:           "extract(epoch FROM clock_timestamp())::double precision",
	MigrationLock: fmt.Sprintf("SELECT pg_advisory_xact_lock(%d)", migrationLock),
	MigrationTable: `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
}
