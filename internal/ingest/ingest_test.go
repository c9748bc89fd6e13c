package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"sitrep/internal/news"
	"sitrep/internal/source"
	"sitrep/internal/store"
	"sitrep/internal/store/sqlite"
	"sitrep/internal/wiring"
)

// failingWriter is a store whose every write fails.
type failingWriter struct{ err error }

func (f failingWriter) Put(context.Context, []*news.Article) ([]store.PutResult, error) {
	return nil, f.err
}

func openStore(t testing.TB) *sqlite.Store {
	t.Helper()
	s, err := sqlite.OpenTemp(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const report1 = `Ministry reports convoy near the border

The defence ministry said on Monday that a convoy of forty trucks had crossed the northern border overnight. Officials said the trucks carried fuel and spare parts for the garrison at Velmar.

Local residents told reporters they had heard engines for several hours.`

const report2 = `Aid conference pledges new funds

Donors meeting in the capital pledged new funds for reconstruction on Tuesday. The finance minister said the money would go to power plants and water works damaged in the winter.`

func TestRunStoresGoodInputsAndSkipsBadOnes(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt":      report1,
		"b.txt":      report2,
		"c-copy.txt": strings.ReplaceAll(report1, "\n\n", "\n\n\n"), // same text, other layout
		"d.bin":      "\x00\x01\x02binary\x00",
		"e.txt":      "",
	})
	w := openStore(t)
	var outcomes []Outcome
	var mu sync.Mutex
	sum, err := Run(context.Background(), source.Files(context.Background(), []string{dir}, source.Options{}), w, Options{Workers: 2, BatchSize: 2, OnResult: func(o Outcome) {
		mu.Lock()
		outcomes = append(outcomes, o)
		mu.Unlock()
	}})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if sum.Read != 5 || sum.Stored != 2 || sum.Duplicates != 1 || len(sum.Skipped) != 2 {
		t.Fatalf("summary %+v, want 5 read, 2 stored, 1 duplicate, 2 skipped", sum)
	}
	var reasons []string
	for _, s := range sum.Skipped {
		reasons = append(reasons, s.Error)
	}
	sort.Strings(reasons)
	if !strings.Contains(reasons[0], "d.bin") || !strings.Contains(reasons[1], "e.txt") {
		t.Errorf("skip reasons do not name the inputs: %q", reasons)
	}
	if len(outcomes) != 5 {
		t.Fatalf("%d outcomes, want 5", len(outcomes))
	}
	seqs := map[int]bool{}
	for _, o := range outcomes {
		seqs[o.Seq] = true
	}
	if len(seqs) != 5 {
		t.Errorf("outcome sequence numbers not distinct: %+v", outcomes)
	}
	for _, o := range outcomes {
		if o.Err != nil || o.Duplicate {
			continue
		}
		a, err := w.Article(context.Background(), o.ID)
		if err != nil {
			t.Fatal(err)
		}
		if a.Text == "" || len(a.Sentences) == 0 || a.Title == "" {
			t.Errorf("%s: text %q, %d sentences, title %q", a.Path, a.Text, len(a.Sentences), a.Title)
		}
	}
	// The binary and the empty file never reach the stages.
	if len(sum.Stages) != len(wiring.Stages()) || sum.Stages[0].Articles != 3 {
		t.Errorf("stage timings %+v", sum.Stages)
	}
}

func TestRunReportsStoreFailure(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": report1})
	w := failingWriter{errors.New("disk full")}
	_, err := Run(context.Background(), source.Files(context.Background(), []string{dir}, source.Options{}), w, Options{})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("err %v, want the store's error", err)
	}
}

func TestRunRerunStoresNothingTwice(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": report1, "b.txt": report2})
	w := openStore(t)
	for i, want := range []int{2, 0} {
		sum, err := Run(context.Background(), source.Files(context.Background(), []string{dir}, source.Options{}), w, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if sum.Stored != want || sum.Stored+sum.Duplicates != 2 {
			t.Errorf("run %d: %+v, want %d stored", i, sum, want)
		}
	}
}

func TestRunStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	yielded := 0
	read := func(yield func(*news.Article, error) bool) {
		for i := range 1000 {
			yielded++
			if i == 2 {
				cancel()
			}
			a := &news.Article{Path: fmt.Sprintf("r%d.txt", i), Format: news.FormatText, Raw: []byte(report1), RawSize: len(report1)}
			if !yield(a, nil) {
				return
			}
		}
	}
	_, err := Run(ctx, read, openStore(t), Options{Workers: 1})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err %v, want context.Canceled", err)
	}
	if yielded > 10 {
		t.Errorf("read %d articles after the cancel, want the reading to stop", yielded)
	}
}
