package feed

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

func TestRead(t *testing.T) {
	tests := []struct {
		file  string
		want  []news.Article // Raw holds a substring of the expected Raw
		errs  []string
		final string
	}{
		{file: "rss.xml", want: []news.Article{
			{Path: "rss.xml#1", URL: "https://ledger.example/water", Title: "Water supply restored in Dunmere", Outlet: "Northern Ledger", Author: "T. Aalto",
				Published: time.Date(2024, 3, 4, 9, 30, 0, 0, time.UTC), Raw: []byte("<p>Crews restored")},
			{Path: "rss.xml#2", URL: "https://ledger.example/ferry", Title: "Ferry timetable changes", Outlet: "Northern Ledger", Author: "L. Brandt",
				Published: time.Date(2024, 3, 5, 13, 0, 0, 0, time.UTC), Raw: []byte("<p>The island ferry")},
		}, errs: []string{"rss.xml#3: rejected: item has neither content nor description"}},
		{file: "atom.xml", want: []news.Article{
			{Path: "atom.xml#1", URL: "https://coastal.example/barrier", Title: "Storm barrier tested", Outlet: "Coastal Monitor", Author: "P. Ilves",
				Published: time.Date(2024, 3, 6, 11, 0, 0, 0, time.UTC), Raw: []byte("<p>Engineers closed")},
			{Path: "atom.xml#2", URL: "https://coastal.example/lighthouse", Title: "Lighthouse repainted", Outlet: "Coastal Monitor",
				Published: time.Date(2024, 3, 5, 8, 0, 0, 0, time.UTC), Raw: []byte("Volunteers repainted")},
		}},
		{file: "rdf.rdf", want: []news.Article{
			{Path: "rdf.rdf#1", URL: "https://hills.example/road", Title: "Mountain road reopened", Outlet: "Hill Country Notes", Author: "E. Varga",
				Published: time.Date(2024, 3, 7, 7, 45, 0, 0, time.UTC), Raw: []byte("Snowploughs cleared")},
		}},
		{file: "malformed.xml", final: "malformed.xml: rejected: malformed feed"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			var g record.Collector
			err = Read(bytes.NewReader(data), tt.file, g.Emit)
			if tt.final != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.final) || !errors.Is(err, news.ErrRejected) || strings.Contains(err.Error(), "\n") {
					t.Fatalf("Read error %v, want one line starting %q", err, tt.final)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Articles) != len(tt.want) {
				t.Fatalf("%d articles, want %d", len(g.Articles), len(tt.want))
			}
			for i, w := range tt.want {
				a := g.Articles[i]
				if a.Path != w.Path || a.URL != w.URL || a.Title != w.Title || a.Outlet != w.Outlet || a.Author != w.Author ||
					!a.Published.Equal(w.Published) || !bytes.Contains(a.Raw, w.Raw) || a.Format != news.FormatHTML ||
					a.RawSize != len(a.Raw) || len(a.RawSHA256) != 64 {
					t.Errorf("article %d = %+v\nwant %+v", i, a, w)
				}
			}
			if len(g.Errors) != len(tt.errs) {
				t.Fatalf("errors %v, want %q", g.Errors, tt.errs)
			}
			for i, e := range g.Errors {
				if !strings.HasPrefix(e.Error(), tt.errs[i]) || !errors.Is(e, news.ErrRejected) {
					t.Errorf("error %q, want %q", e, tt.errs[i])
				}
			}
		})
	}
}

func FuzzFeed(f *testing.F) {
	files, _ := filepath.Glob("testdata/*")
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		err := Read(bytes.NewReader(data), "f", func(a *news.Article, err error) error {
			if (a == nil) == (err == nil) {
				t.Fatalf("emit(%v, %v): want exactly one", a, err)
			}
			return nil
		})
		if err != nil && strings.ContainsAny(err.Error(), "\r\n") {
			t.Fatalf("multi-line error %q", err)
		}
	})
}
