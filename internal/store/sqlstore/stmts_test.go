package sqlstore

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// stmtStore returns a Store over a new SQLite file whose writer, like
// internal/store/sqlite's, has one connection.
func stmtStore(t *testing.T) *Store {
	t.Helper()
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)`); err != nil {
		t.Fatal(err)
	}
	s := New(db, db, Dialect{})
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

func TestStatementsArePreparedOnce(t *testing.T) {
	ctx := context.Background()
	s := stmtStore(t)
	const ins = `INSERT INTO t (k, v) VALUES (?, ?)`
	const sel = `SELECT v FROM t WHERE k = ?`

	// A statement a transaction runs unprepared is prepared before the
	// next transaction, and that one runs it prepared.
	for i, wantPrepared := range []bool{false, true} {
		tx, err := s.begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.prepared(ctx, tx, ins) != nil; got != wantPrepared {
			t.Errorf("transaction %d: prepared = %v, want %v", i, got, wantPrepared)
		}
		if _, err := s.exec(ctx, tx, ins, i, "v"); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	// A pool prepares on first use and keeps the statement.
	var v string
	if err := s.queryRow(ctx, s.r, sel, 1).Scan(&v); err != nil || v != "v" {
		t.Fatalf("queryRow = %q, %v", v, err)
	}
	first := s.prepared(ctx, s.r, sel)
	if first == nil || s.prepared(ctx, s.r, sel) != first {
		t.Error("a pool's statement is not kept")
	}
	// A query that fails to prepare runs unprepared and reports its error.
	if _, err := s.query(ctx, s.r, `SELECT nothing FROM nowhere`); err == nil {
		t.Error("a bad query gave no error")
	}
}

// TestPreparingDoesNotBlockATransaction: a transaction holding the
// writer's one connection must finish while another goroutine, in
// begin, waits for that connection to prepare what was missed.
func TestPreparingDoesNotBlockATransaction(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	s := stmtStore(t)
	const ins = `INSERT INTO t (k, v) VALUES (?, ?)`
	tx, err := s.begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.exec(ctx, tx, ins, 1, "a"); err != nil { // missed
		t.Fatal(err)
	}
	other := make(chan error, 1)
	go func() {
		tx2, err := s.begin(ctx) // prepares ins, waiting for the connection
		if err == nil {
			_, err = s.exec(ctx, tx2, ins, 2, "b")
			if err == nil {
				err = tx2.Commit()
			}
		}
		other <- err
	}()
	time.Sleep(50 * time.Millisecond)
	if _, err := s.exec(ctx, tx, `UPDATE t SET v = ? WHERE k = ?`, "c", 1); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-other; err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.queryRow(ctx, s.r, `SELECT count(*) FROM t`).Scan(&n); err != nil || n != 2 {
		t.Errorf("rows = %d, %v; want 2", n, err)
	}
}
