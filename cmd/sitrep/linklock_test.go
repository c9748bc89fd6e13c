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
	"sitrep/internal/news"
	"sitrep/internal/source"
)

// layers fingerprints the link phase's layers of every article in the
// store at dsn: provenance verdict, story, and linked entity of each
// mention.
func layers(t *testing.T, dsn string) map[string]string {
	t.Helper()
	return fingerprint(t, dsn, func(a *news.Article) string {
		var b strings.Builder
		if p := a.Provenance; p != nil {
			fmt.Fprintf(&b, "%s of %s family %s|", p.Kind, p.Of, p.Family)
		}
		fmt.Fprintf(&b, "story %s|", a.Story)
		for _, m := range a.Entities {
			fmt.Fprintf(&b, "%s=%s/%s;", m.Text, m.Entity, m.Canonical)
		}
		return b.String()
	})
}

// TestConcurrentLinkPhasesMatchOneRun stores a corpus without linking it,
// runs two link phases at once on the same SQLite file through two store
// handles (as two `ingest` processes would), and checks that the link
// layers equal those of one ordinary run, and that one phase waited.
func TestConcurrentLinkPhasesMatchOneRun(t *testing.T) {
	longOnly(t, "slow: ingests and links a corpus twice")
	corpus := writeCorpus(t, wireCount(150))
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
	if _, err := ingest.Run(ctx, source.Files(ctx, []string{corpus}, source.Options{}), s, ingest.Options{}); err != nil {
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
			errs[i] = runLink(ctx, env, s, false, 0)
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("link phase %d: %v", i, err)
		}
	}
	waited := strings.Contains(logs[0].String()+logs[1].String(), "another link phase is running")
	sameRuns(t, layers(t, ref), layers(t, conc), "after two concurrent link phases")
	if !waited {
		t.Errorf("neither link phase waited for the other; logs:\n%s\n%s", logs[0].String(), logs[1].String())
	}
}
