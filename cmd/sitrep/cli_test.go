package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"sitrep/internal/demo"
	"sitrep/internal/news"
)

var (
	demoStoreOnce sync.Once
	demoStoreDSN  string
	demoStoreErr  string
)

// demoStore ingests the demo corpus once into a store shared by the CLI
// tests that only read it, and returns its DSN.
func demoStore(t *testing.T) string {
	t.Helper()
	demoStoreOnce.Do(func() {
		dir, err := os.MkdirTemp("", "sitrep-cli-")
		if err != nil {
			demoStoreErr = err.Error()
			return
		}
		corpus := filepath.Join(dir, "demo.jsonl")
		if err := os.WriteFile(corpus, demo.Articles, 0o644); err != nil {
			demoStoreErr = err.Error()
			return
		}
		demoStoreDSN = "sqlite:" + filepath.Join(dir, "demo.db")
		if _, errOut, code := runCLI(t, nil, "ingest", "--quiet", "--db", demoStoreDSN, corpus); code != exitOK {
			demoStoreErr = errOut
		}
	})
	if demoStoreErr != "" {
		t.Fatalf("demo store: %s", demoStoreErr)
	}
	return demoStoreDSN
}

// TestMain removes the shared demo store after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if demoStoreDSN != "" {
		os.RemoveAll(filepath.Dir(strings.TrimPrefix(demoStoreDSN, "sqlite:")))
	}
	os.Exit(code)
}

// richestArticle returns the stored demo article with the most layers.
func richestArticle(t *testing.T, dsn string) *news.Article {
	t.Helper()
	out, errOut, code := runCLI(t, nil, "report", "--json", "--db", dsn)
	if code != exitOK {
		t.Fatalf("report --json: exit %d: %s", code, errOut)
	}
	var sit situation
	if err := json.Unmarshal([]byte(out), &sit); err != nil {
		t.Fatal(err)
	}
	var best *news.Article
	score := func(a *news.Article) int {
		n := 0
		for _, k := range []int{len(a.Figures), len(a.Claims), len(a.Events), len(a.Times)} {
			if k > 0 {
				n += 10
			}
			n += k
		}
		return n
	}
	for _, a := range sit.Articles {
		if a.Provenance != nil && a.Story != "" && (best == nil || score(a) > score(best)) {
			best = a
		}
	}
	if best == nil || len(best.Figures) == 0 || len(best.Claims) == 0 || len(best.Events) == 0 {
		t.Fatalf("no demo article has figures, claims, events, provenance and a story")
	}
	return best
}
