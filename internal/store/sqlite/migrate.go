package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"

	msqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// ErrSchemaTooNew is returned by Open when the database was migrated by a
// newer sitrep than this one: its schema has versions this binary does not
// know, so it refuses to touch it.
var ErrSchemaTooNew = errors.New("database schema is newer than this sitrep")

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one schema step, from migrations/NNNN_name.sql.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in version order.
func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		name := e.Name()
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a positive version and '_'", name)
		}
		b, err := migrationFiles.ReadFile("migrations/" + name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: name, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("migrations %s and %s share version %d", ms[i-1].name, ms[i].name, ms[i].version)
		}
	}
	return ms, nil
}

// SchemaVersion returns the newest schema version this binary knows.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil || len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// migrate applies the migrations db lacks, each in its own transaction,
// recording them in schema_migrations. db's transactions must take the
// write lock at BEGIN (BEGIN IMMEDIATE), so concurrent openers of the same
// file apply each migration once.
func migrate(ctx context.Context, db *sql.DB) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	latest := 0
	if len(ms) > 0 {
		latest = ms[len(ms)-1].version
	}
	// Processes opening a new file at once race to switch it to WAL;
	// SQLite reports the loser busy at once, without waiting out
	// busy_timeout, so a busy start is retried for a bounded time.
	deadline := time.Now().Add(busyRetry)
	for wait := 5 * time.Millisecond; ; {
		done, err := migrateStep(ctx, db, ms, latest)
		if isBusy(err) && time.Now().Before(deadline) {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(wait):
			}
			wait = min(2*wait, 200*time.Millisecond)
			continue
		}
		if err != nil || done {
			return err
		}
	}
}

// busyRetry bounds how long migrate retries a database reported busy.
const busyRetry = 10 * time.Second

// isBusy reports whether err is SQLite's SQLITE_BUSY or SQLITE_LOCKED.
func isBusy(err error) bool {
	var se *msqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	code := se.Code() & 0xff
	return code == sqlite3.SQLITE_BUSY || code == sqlite3.SQLITE_LOCKED
}

// migrateStep applies the first missing migration, or reports done.
func migrateStep(ctx context.Context, db *sql.DB, ms []migration, latest int) (done bool, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("migrate: begin: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		applied_at TEXT    NOT NULL
	)`); err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	var current int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return false, fmt.Errorf("migrate: read version: %w", err)
	}
	if current > latest {
		return false, fmt.Errorf("schema version %d, this binary knows up to %d: %w", current, latest, ErrSchemaTooNew)
	}
	for _, m := range ms {
		if m.version <= current {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return false, fmt.Errorf("migrate %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`,
			m.version, time.Now().UTC().Format(timeLayout)); err != nil {
			return false, fmt.Errorf("migrate %s: record: %w", m.name, err)
		}
		if err := tx.Commit(); err != nil {
			return false, fmt.Errorf("migrate %s: commit: %w", m.name, err)
		}
		return false, nil
	}
	return true, tx.Commit()
}
