// Package sharedtest reads the public data sets beside the checkout
// (../shared/data) for tests and benchmarks. They are inputs read at run
// time, never copied into the repository; every reader skips the test when
// the data is absent, so `go test ./...` passes on a machine without it.
package sharedtest

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Path returns ../shared/elem… as seen from the module root, which is
// found by walking up from the working directory to go.mod.
func Path(tb testing.TB, elem ...string) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("sharedtest: no go.mod above the working directory")
		}
		dir = parent
	}
	return filepath.Join(append([]string{dir, "..", "shared"}, elem...)...)
}

// WarNewsItem is one record of data/ukraine-war-news/articles.jsonl.
type WarNewsItem struct {
	ID   string
	Text string
	// Date is the record's date; zero when it has none or it does not
	// parse as RFC 3339.
	Date time.Time
}

// WarNews returns the records of ukraine-war-news with a non-empty text,
// in file order, and skips tb when the file is absent.
func WarNews(tb testing.TB) []WarNewsItem {
	tb.Helper()
	f, err := os.Open(Path(tb, "data", "ukraine-war-news", "articles.jsonl"))
	if err != nil {
		tb.Skipf("ukraine-war-news not available: %v", err)
	}
	defer f.Close()
	var out []WarNewsItem
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var rec struct {
			ID   string `json:"id"`
			Text string `json:"text"`
			Date string `json:"date"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			tb.Fatalf("ukraine-war-news: %v", err)
		}
		if rec.Text == "" {
			continue
		}
		d, _ := time.Parse(time.RFC3339, rec.Date)
		out = append(out, WarNewsItem{ID: rec.ID, Text: rec.Text, Date: d})
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("ukraine-war-news: %v", err)
	}
	if len(out) == 0 {
		tb.Skip("ukraine-war-news has no texts")
	}
	return out
}
