// Package apitest builds what the API, web and export tests share: a
// temporary store holding the embedded demo corpus, analysed and linked
// as `sitrep demo` does.
package apitest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"sitrep/internal/demo"
	"sitrep/internal/ingest"
	"sitrep/internal/link"
	"sitrep/internal/sharedtest"
	"sitrep/internal/source"
	"sitrep/internal/store/sqlite"
	"sitrep/internal/wiring"
)

// Link runs the link phase (wiring.Links) on s.
func Link(ctx context.Context, s *sqlite.Store) error {
	steps, err := wiring.Links(s)
	if err != nil {
		return err
	}
	_, err = link.Run(ctx, steps)
	return err
}

// DemoStore returns a temporary SQLite store with the demo corpus
// ingested and linked; it is closed when the test ends. The corpus is
// analysed and linked once per test binary: each store is a copy of that
// one's database file, free for the test to change.
func DemoStore(t testing.TB) *sqlite.Store {
	t.Helper()
	db, err := demoDatabase()
	if err != nil {
		t.Fatalf("demo store: %v", err)
	}
	return openCopy(t, "demo store", db)
}

// openCopy opens a temporary store holding the database file db (what
// names it in errors); it is closed when the test ends.
func openCopy(tb testing.TB, what string, db []byte) *sqlite.Store {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "copy.db")
	if err := os.WriteFile(path, db, 0o600); err != nil {
		tb.Fatal(err)
	}
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		tb.Fatalf("%s: %v", what, err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// demoDatabase is the database file of the demo corpus ingested and
// linked, built on first use.
var demoDatabase = sync.OnceValues(func() ([]byte, error) {
	dir, err := os.MkdirTemp("", "sitrep-demo-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	path := filepath.Join(dir, "demo.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	sum, err := ingest.Run(ctx, source.Stream(ctx, "demo", bytes.NewReader(demo.Articles), source.Options{}), s, ingest.Options{})
	if err == nil && sum.Stored == 0 {
		err = errors.New("nothing stored")
	}
	if err == nil {
		err = Link(ctx, s)
	}
	// Closing the last connection checkpoints the write-ahead log into
	// the database file, so the file alone holds the store.
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		return nil, fmt.Errorf("%s-wal holds %d bytes after close", path, fi.Size())
	}
	return os.ReadFile(path)
})

// Store returns a temporary SQLite store with corpus (JSON lines, read as
// the input called name) ingested and linked; it is closed when the test
// ends.
func Store(t testing.TB, name string, corpus []byte) *sqlite.Store {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.OpenTemp(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	sum, err := ingest.Run(ctx, source.Stream(ctx, name, bytes.NewReader(corpus), source.Options{}), s, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stored == 0 {
		t.Fatalf("%s: nothing stored", name)
	}
	if err := Link(ctx, s); err != nil {
		t.Fatal(err)
	}
	return s
}

// copyOf opens a temporary copy of the SQLite store at path.
func copyOf(tb testing.TB, path string) *sqlite.Store {
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("SITREP_WAR_STORE: %v", err)
	}
	return openCopy(tb, "SITREP_WAR_STORE "+path, b)
}

// WarNewsStore returns a temporary SQLite store holding the real
// articles of ../shared/data/ukraine-war-news, ingested and linked as
// `sitrep ingest` does; it skips tb when the data is absent, and a test
// (not a benchmark) unless SITREP_TEST_LONG is set (building the store
// takes half a minute or more). SITREP_WAR_STORE=PATH uses a copy of a
// store built before with `sitrep ingest` from the same file instead.
func WarNewsStore(tb testing.TB) *sqlite.Store {
	tb.Helper()
	if _, bench := tb.(*testing.B); !bench && os.Getenv("SITREP_TEST_LONG") == "" {
		tb.Skip("set SITREP_TEST_LONG=1 to build a store of the real news corpus")
	}
	path := sharedtest.Path(tb, "data", "ukraine-war-news", "articles.jsonl")
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("ukraine-war-news not available: %v", err)
	}
	ctx := context.Background()
	if built := os.Getenv("SITREP_WAR_STORE"); built != "" {
		return copyOf(tb, built)
	}
	s, err := sqlite.OpenTemp(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	sum, err := ingest.Run(ctx, source.Files(ctx, []string{path}, source.Options{}), s, ingest.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	if sum.Stored < 100 {
		tb.Fatalf("ukraine-war-news: %d articles stored", sum.Stored)
	}
	if err := Link(ctx, s); err != nil {
		tb.Fatal(err)
	}
	return s
}
