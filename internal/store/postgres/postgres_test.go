package postgres

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"sitrep/internal/news"
	"sitrep/internal/store"
	"sitrep/internal/store/storetest"
)

// testDSN returns the database named by SITREP_TEST_POSTGRES, or skips.
// When the variable is set the database must be reachable: the test
// fails rather than skips.
func testDSN(t *testing.T) string {
	t.Helper()
	dsn := os.Getenv("SITREP_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("SITREP_TEST_POSTGRES is not set")
	}
	return dsn
}

var schemaSeq atomic.Int64

// testSchema creates a new, empty schema in the database
// SITREP_TEST_POSTGRES names, dropped when the test ends, and returns a
// DSN whose search path is that schema.
func testSchema(t *testing.T) string {
	t.Helper()
	dsn := testDSN(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("SITREP_TEST_POSTGRES=%s is set but unreachable: %v", dsn, err)
	}
	defer conn.Close(ctx)
	schema := fmt.Sprintf("sitrep_test_%d_%d", os.Getpid(), schemaSeq.Add(1))
	if _, err := conn.Exec(ctx, "DROP SCHEMA IF EXISTS "+schema+" CASCADE; CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(context.Background(), dsn)
		if err == nil {
			c.Exec(context.Background(), "DROP SCHEMA IF EXISTS "+schema+" CASCADE")
			c.Close(context.Background())
		}
	})
	return withSearchPath(t, dsn, schema)
}

// openTestStore opens a store in a new, empty schema (testSchema).
func openTestStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), testSchema(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func withSearchPath(t *testing.T, dsn, schema string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openTestStore(t) })
}

func TestSearch(t *testing.T) {
	s := openTestStore(t)
	a, b := storetest.Article(1), storetest.Article(2)
	a.Text = "Officials in Velmora said the bridge over the Dniester reopened."
	b.Text = "Aid convoys reached the northern villages on Sunday."
	a.ID, b.ID = "aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"
	if _, err := s.Put(context.Background(), []*news.Article{a, b}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"bridge reopened", []string{a.ID}},
		{"CONVOYS northern", []string{b.ID}},
		{"bridge convoys", nil},
		{"'; DROP TABLE articles; --", nil},
		{"", nil},
	} {
		got, err := s.Search(context.Background(), tt.query, 10)
		if err != nil {
			t.Fatalf("Search(%q): %v", tt.query, err)
		}
		var ids []string
		for _, g := range got {
			ids = append(ids, g.ID)
		}
		if fmt.Sprint(ids) != fmt.Sprint(tt.want) {
			t.Errorf("Search(%q) = %v, want %v", tt.query, ids, tt.want)
		}
	}
}

func TestMigrations(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	// Opening again applies nothing and succeeds.
	var dsn string
	if err := s.db.QueryRowContext(ctx, `SELECT current_schema()`).Scan(&dsn); err != nil {
		t.Fatal(err)
	}
	again, err := Open(ctx, withSearchPath(t, testDSN(t), dsn))
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	again.Close()
	// A newer schema is refused.
	if _, err := s.db.ExecContext(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, SchemaVersion()+1); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, withSearchPath(t, testDSN(t), dsn)); !errors.Is(err, ErrSchemaTooNew) {
		t.Errorf("open newer schema: %v, want ErrSchemaTooNew", err)
	}
}

func TestOpenUnreachable(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := Open(ctx, "postgres://nobody@127.0.0.1:1/none?connect_timeout=1"); err == nil {
		t.Error("Open of an unreachable server succeeded")
	}
}
