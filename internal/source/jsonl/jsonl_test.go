package jsonl

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"sitrep/internal/source/record"
	"strings"
	"testing"
	"time"

	"sitrep/internal/news"
)

func TestReadFile(t *testing.T) {
	data, err := os.ReadFile("testdata/articles.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var g record.Collector
	if err := Read(bytes.NewReader(data), "a.jsonl", 0, g.Emit); err != nil {
		t.Fatal(err)
	}
	want := []news.Article{
		{Path: "a.jsonl#1", URL: "https://daily.example/harbour", Title: "Harbour cranes restored", Outlet: "Daily Example", Author: "R. Novak",
			Published: time.Date(2024, 3, 2, 10, 15, 0, 0, time.UTC), Format: news.FormatText},
		{Path: "a.jsonl#2", URL: "https://wire.example/relief", Title: "Relief flights resume", Outlet: "Example Wire", Author: "A. Lind, M. Osei",
			Published: time.Date(2024, 3, 5, 8, 0, 0, 0, time.UTC), Format: news.FormatHTML},
		{Path: "a.jsonl#4", Outlet: "Valley Post", Author: "J. Park", Published: time.Date(2024, 3, 7, 0, 0, 0, 0, time.UTC), Format: news.FormatText},
		{Path: "a.jsonl#7", Published: time.Unix(1709900000, 0).UTC(), Format: news.FormatText},
	}
	if len(g.Articles) != len(want) {
		t.Fatalf("%d articles, want %d (errors %v)", len(g.Articles), len(want), g.Errors)
	}
	for i, w := range want {
		a := g.Articles[i]
		if a.Path != w.Path || a.URL != w.URL || a.Title != w.Title || a.Outlet != w.Outlet || a.Author != w.Author ||
			!a.Published.Equal(w.Published) || a.Format != w.Format || len(a.Raw) == 0 || a.RawSize != len(a.Raw) || len(a.RawSHA256) != 64 {
			t.Errorf("article %d = %+v\nwant %+v", i, a, w)
		}
	}
	wantErrs := []string{"a.jsonl#5: rejected: no text or html field", "a.jsonl#6: rejected: malformed JSON"}
	if len(g.Errors) != len(wantErrs) {
		t.Fatalf("errors %v, want %q", g.Errors, wantErrs)
	}
	for i, e := range g.Errors {
		if !strings.HasPrefix(e.Error(), wantErrs[i]) || !errors.Is(e, news.ErrRejected) {
			t.Errorf("error %q, want prefix %q wrapping ErrRejected", e, wantErrs[i])
		}
	}
}

func TestReadLines(t *testing.T) {
	long := `{"text": "` + strings.Repeat("x", 200_000) + `"}`
	tests := []struct {
		name     string
		in       string
		maxLine  int64
		articles int
		errs     []string
	}{
		{"long line under limit", long + "\n" + `{"text":"b"}`, 0, 2, nil},
		{"long line over limit", long + "\n" + `{"text":"b"}` + "\n", 1000, 1, []string{"x#1: rejected: line longer than 1000 bytes"}},
		{"CRLF and no final newline", "{\"text\":\"a\"}\r\n\r\n{\"text\":\"b\"}", 0, 2, nil},
		{"not an object", "[1,2]\n\"s\"\n", 0, 0, []string{"x#1: rejected: malformed JSON: not an object", "x#2: rejected: malformed JSON"}},
		{"wrong type", `{"text": 5}`, 0, 1, nil},
		{"bad date kept as problem", `{"text":"a","date":"someday"}`, 0, 1, nil},
		{"empty", "", 0, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var g record.Collector
			if err := Read(strings.NewReader(tt.in), "x", tt.maxLine, g.Emit); err != nil {
				t.Fatal(err)
			}
			if len(g.Articles) != tt.articles || len(g.Errors) != len(tt.errs) {
				t.Fatalf("%d articles, errors %v; want %d, %q", len(g.Articles), g.Errors, tt.articles, tt.errs)
			}
			for i, e := range g.Errors {
				if !strings.HasPrefix(e.Error(), tt.errs[i]) {
					t.Errorf("error %q, want prefix %q", e, tt.errs[i])
				}
			}
		})
	}
}

func TestParseTime(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2024-03-02T10:15:00+02:00", time.Date(2024, 3, 2, 8, 15, 0, 0, time.UTC)},
		{"2024-03-02 10:15:00", time.Date(2024, 3, 2, 10, 15, 0, 0, time.UTC)},
		{"2024-03-02", time.Date(2024, 3, 2, 0, 0, 0, 0, time.UTC)},
		{"Sat, 02 Mar 2024 10:15:00 GMT", time.Date(2024, 3, 2, 10, 15, 0, 0, time.UTC)},
		{"March 2, 2024", time.Date(2024, 3, 2, 0, 0, 0, 0, time.UTC)},
		{"20240302T101500Z", time.Date(2024, 3, 2, 10, 15, 0, 0, time.UTC)},
		{"20240302101500", time.Date(2024, 3, 2, 10, 15, 0, 0, time.UTC)},
		{"1709374500", time.Date(2024, 3, 2, 10, 15, 0, 0, time.UTC)},
		{"1709374500000", time.Date(2024, 3, 2, 10, 15, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		got, ok := ParseTime(tt.in)
		if !ok || !got.Equal(tt.want) {
			t.Errorf("ParseTime(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
	if _, ok := ParseTime("next week"); ok {
		t.Error(`ParseTime("next week") succeeded`)
	}
}

// TestUkraineCorpus reads the shared JSONL corpus when it is present.
func TestUkraineCorpus(t *testing.T) {
	path := filepath.Join("..", "..", "..", "..", "shared", "data", "ukraine-war-news", "articles.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	defer f.Close()
	var g record.Collector
	if err := Read(f, path, 0, g.Emit); err != nil {
		t.Fatal(err)
	}
	// A few records of the corpus have an empty text field.
	for _, e := range g.Errors {
		if !strings.Contains(e.Error(), "no text or html field") {
			t.Errorf("unexpected error %v", e)
		}
	}
	if len(g.Articles) < 700 {
		t.Fatalf("%d articles, %d errors", len(g.Articles), len(g.Errors))
	}
	undated := 0
	for _, a := range g.Articles {
		if a.Format != news.FormatText || len(a.Problems) > 0 {
			t.Fatalf("article %s: format %q, problems %v", a.Path, a.Format, a.Problems)
		}
		if a.Published.IsZero() {
			undated++
		}
	}
	// A handful of records give their date as "unknown".
	if undated > len(g.Articles)/50 {
		t.Errorf("%d of %d articles undated", undated, len(g.Articles))
	}
	t.Logf("%d articles, %d undated", len(g.Articles), undated)
}

func FuzzJSONL(f *testing.F) {
	if data, err := os.ReadFile("testdata/articles.jsonl"); err == nil {
		for _, line := range bytes.Split(data, []byte("\n")) {
			f.Add(line)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = Read(bytes.NewReader(data), "f", 4096, func(a *news.Article, err error) error {
			if (a == nil) == (err == nil) {
				t.Fatalf("emit(%v, %v): want exactly one", a, err)
			}
			if err != nil && strings.ContainsAny(err.Error(), "\r\n") {
				t.Fatalf("multi-line error %q", err)
			}
			return nil
		})
	})
}

func TestDateProblems(t *testing.T) {
	tests := []struct {
		date     string
		problems int
	}{
		{"someday", 1},
		{"unknown", 0},
		{"N/A", 0},
		{"2024-03-07", 0},
	}
	for _, tt := range tests {
		var g record.Collector
		in := `{"text":"a","date":"` + tt.date + `"}`
		if err := Read(strings.NewReader(in), "x", 0, g.Emit); err != nil || len(g.Articles) != 1 {
			t.Fatalf("%q: err %v, %d articles", tt.date, err, len(g.Articles))
		}
		if n := len(g.Articles[0].Problems); n != tt.problems {
			t.Errorf("date %q: %d problems %v, want %d", tt.date, n, g.Articles[0].Problems, tt.problems)
		}
	}
}

// TestMongoExportFields checks that a record in the field names of a
// mongoexport dump (re3d's documents.json: _id, sourceName, sourceUrl;
// the record here is written for this test) gives its outlet and URL.
func TestMongoExportFields(t *testing.T) {
	in := `{ "_id" : "ABC", "sourceName" : "Test Ministry", "sourceUrl" : "https://ministry.example/news/1", "title" : "Aid", "text" : "The ministry sent 40 tents." }`
	var g record.Collector
	if err := Read(strings.NewReader(in), "x", 0, g.Emit); err != nil {
		t.Fatal(err)
	}
	if len(g.Articles) != 1 {
		t.Fatalf("%d articles, errors %v", len(g.Articles), g.Errors)
	}
	if a := g.Articles[0]; a.Outlet != "Test Ministry" || a.URL != "https://ministry.example/news/1" || a.Title != "Aid" {
		t.Errorf("outlet %q url %q title %q", a.Outlet, a.URL, a.Title)
	}
}
