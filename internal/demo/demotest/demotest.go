// Package demotest helps tests that run over the embedded demo corpus:
// it reads the corpus, runs the extract stage and whichever later stages
// a test names, and compares results with golden files.
package demotest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitrep/internal/demo"
	"sitrep/internal/extract"
	"sitrep/internal/news"
	"sitrep/internal/source/jsonl"
)

// Stage is a per-article stage (the pipeline.Stage shape).
type Stage interface {
	Process(ctx context.Context, a *news.Article) error
}

// Articles reads the demo corpus, runs the extract stage and then stages
// in order on every article, and returns the articles' keys in corpus
// order and the articles by key.
func Articles(t testing.TB, stages ...Stage) (keys []string, byKey map[string]*news.Article) {
	t.Helper()
	sc := bufio.NewScanner(bytes.NewReader(demo.Articles))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var line struct {
			Key string `json:"key"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatal(err)
		}
		keys = append(keys, line.Key)
	}
	var arts []*news.Article
	err := jsonl.Read(bytes.NewReader(demo.Articles), "demo", 0, func(a *news.Article, err error) error {
		if err != nil {
			return err
		}
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != len(keys) {
		t.Fatalf("%d articles, %d keys", len(arts), len(keys))
	}
	all := append([]Stage{extract.New(extract.Options{})}, stages...)
	byKey = make(map[string]*news.Article, len(arts))
	for i, a := range arts {
		for _, st := range all {
			if err := st.Process(context.Background(), a); err != nil {
				t.Fatalf("%s: %v", keys[i], err)
			}
		}
		byKey[keys[i]] = a
	}
	return keys, byKey
}

// Golden compares got, as indented JSON, with testdata/name in the
// calling package, or rewrites that file when update is true.
func Golden(t testing.TB, name string, got any, update bool) {
	t.Helper()
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	path := filepath.Join("testdata", name)
	if update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(b, want) {
		t.Errorf("%s differs from the golden file; run go test -update and review the diff", path)
	}
}

// Cases reads testdata/name in the calling package: short articles of
// sentences written for the test, separated by blank lines, all
// published on 2024-03-15. It runs stages in order on each article and
// returns the articles.
func Cases(t testing.TB, name string, stages ...Stage) []*news.Article {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	published := time.Date(2024, 3, 15, 12, 0, 0, 0, time.UTC)
	var out []*news.Article
	for i, text := range strings.Split(string(b), "\n\n") {
		text = strings.TrimSpace(text)
		if text == "" {
			continue
		}
		a := &news.Article{Path: fmt.Sprintf("%s#%d", name, i+1), Text: text, Published: published, Outlet: "Test Wire"}
		for _, st := range stages {
			if err := st.Process(context.Background(), a); err != nil {
				t.Fatalf("%s: %v", a.Path, err)
			}
		}
		out = append(out, a)
	}
	return out
}
