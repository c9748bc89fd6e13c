package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"sitrep/internal/ingest"
	"sitrep/internal/source"
	"sitrep/internal/store"
)

// layers fingerprints the link phase's layers of every article in the
// store at dsn: provenance verdict, story, and linked entity of each
// mention.
func layers(t *testing.T, dsn string) map[string]string {
	t.Helper()
	ctx := context.Background()
	s, err := openStore(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	out := map[string]string{}
	after := ""
	for {
		page, err := s.Articles(ctx, store.ListOptions{After: after, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			return out
		}
		for _, sum := range page {
			a, err := s.Article(ctx, sum.ID)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			if p := a.Provenance; p != nil {
				fmt.Fprintf(&b, "%s of %s family %s|", p.Kind, p.Of, p.Family)
			}
			fmt.Fprintf(&b, "story %s|", a.Story)
			for _, m := range a.Entities {
				fmt.Fprintf(&b, "%s=%s/%s;", m.Text, m.Entity, m.Canonical)
			}
			out[a.ID] = b.String()
		}
		after = page[len(page)-1].ID
	}
}

// TestConcurrentLinkPhasesMatchOneRun stores a corpus without linking it,
// runs two link phases at once on the same SQLite file through two store
// handles (as two `ingest` processes would), and checks that the link
// layers equal those of one ordinary run, and that one phase waited.
func TestConcurrentLinkPhasesMatchOneRun(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: ingests and links a corpus twice")
	}
	corpus := writeCorpus(t, 150)
	dir := t.TempDir()
	ref := "sqlite:" + filepath.Join(dir, "ref.db")
	if _, errOut, code := runCLI(t, nil, "ingest", "--quiet", "--db", ref, corpus); code != exitOK {
		t.Fatalf("reference ingest: exit %d: %s", code, errOut)
	}

	ctx := context.Background()
	conc := "sqlite:" + filepath.Join(dir, "concurrent.db")
	s, err := openStore(ctx, conc)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Run(ctx, ingest.Files([]string{corpus}, source.Options{}), s, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	var (
		wg   sync.WaitGroup
		errs [2]error
		logs [2]bytes.Buffer
	)
	for i := range 2 {
		wg.Go(func() {
			s, err := openStore(ctx, conc)
			if err != nil {
				errs[i] = err
				return
			}
			defer s.Close()
			env := &environment{stdout: &bytes.Buffer{}, stderr: &logs[i], getenv: func(string) string { return "" }}
			errs[i] = runLink(ctx, env, s, false)
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("link phase %d: %v", i, err)
		}
	}
	waited := strings.Contains(logs[0].String()+logs[1].String(), "another link phase is running")
	want, got := layers(t, ref), layers(t, conc)
	if len(got) != len(want) {
		t.Fatalf("%d articles after concurrent link phases, %d after one", len(got), len(want))
	}
	diffs := 0
	for id, w := range want {
		if got[id] != w {
			if diffs == 0 {
				t.Errorf("%s: %q after two concurrent link phases, %q after one", id, got[id], w)
			}
			diffs++
		}
	}
	if diffs > 0 {
		t.Errorf("%d of %d articles differ", diffs, len(want))
	}
	if !waited {
		t.Errorf("neither link phase waited for the other; logs:\n%s\n%s", logs[0].String(), logs[1].String())
	}
}
