package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"time"

	msqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"sitrep/internal/store/sqlstore"
)

// ErrSchemaTooNew is returned by Open when the database was migrated by a
// newer sitrep than this one: its schema has versions this binary does not
// know, so it refuses to touch it.
var ErrSchemaTooNew = sqlstore.ErrSchemaTooNew

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrations returns the embedded migrations in version order.
func migrations() ([]sqlstore.Migration, error) {
	return sqlstore.Migrations(migrationFiles, "migrations")
}

// SchemaVersion returns the newest schema version this binary knows.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil {
		return 0
	}
	return sqlstore.Latest(ms)
}

// migrate applies the migrations db lacks, recording them in
// schema_migrations. db's transactions must take the write lock at BEGIN
// (BEGIN IMMEDIATE), so concurrent openers of the same file apply each
// migration once.
func migrate(ctx context.Context, db *sql.DB) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	// Processes opening a new file at once race to switch it to WAL;
	// SQLite reports the loser busy at once, without waiting out
	// busy_timeout, so a busy start is retried for a bounded time.
	deadline := time.Now().Add(busyRetry)
	for wait := 5 * time.Millisecond; ; {
		err := sqlstore.Migrate(ctx, db, dialect, ms)
		if !isBusy(err) || !time.Now().Before(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		wait = min(2*wait, 200*time.Millisecond)
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
