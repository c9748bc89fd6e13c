package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"sitrep/internal/demo"
	"sitrep/internal/ingest"
	"sitrep/internal/link"
	"sitrep/internal/news"
	"sitrep/internal/source"
	"sitrep/internal/store"
	"sitrep/internal/store/postgres"
	"sitrep/internal/store/sqlite"
	"sitrep/internal/store/sqlstore"
	"sitrep/internal/wiring"
)

// tally counts, across the store handles of one run, how often each
// article was recorded by provenance and written by any step, and which
// handles asked the provenance index (prepared).
type tally struct {
	mu       sync.Mutex
	records  map[string]int
	updates  map[string]int
	askedBy  map[string]int
	recorded int
}

func newTally() *tally {
	return &tally{records: map[string]int{}, updates: map[string]int{}, askedBy: map[string]int{}}
}

// countingStore is a store handle that counts into a tally. When
// dieAfter > 0 it calls die after that many provenance records and
// drops its lease releases from then on, as a process that died would.
type countingStore struct {
	*sqlstore.Store
	closer   store.Store
	name     string
	t        *tally
	dieAfter int
	die      func()
	dead     bool
}

func (c *countingStore) Close() error { return c.closer.Close() }

func (c *countingStore) RecordProvenance(ctx context.Context, rec news.ProvenanceRecord) error {
	if err := c.Store.RecordProvenance(ctx, rec); err != nil {
		return err
	}
	c.t.mu.Lock()
	c.t.records[rec.ID]++
	c.t.recorded++
	n := c.t.recorded
	c.t.mu.Unlock()
	if c.dieAfter > 0 && n == c.dieAfter {
		c.dead = true
		c.die()
	}
	return nil
}

func (c *countingStore) Update(ctx context.Context, a *news.Article) error {
	if err := c.Store.Update(ctx, a); err != nil {
		return err
	}
	c.t.mu.Lock()
	c.t.updates[a.ID]++
	c.t.mu.Unlock()
	return nil
}

func (c *countingStore) ProvenanceCandidates(ctx context.Context, id string, keys []int64, perKey, limit int) ([]news.ProvenanceRef, error) {
	c.t.mu.Lock()
	c.t.askedBy[c.name]++
	c.t.mu.Unlock()
	return c.Store.ProvenanceCandidates(ctx, id, keys, perKey, limit)
}

func (c *countingStore) ReleaseLinkLease(ctx context.Context, step, batch, holder string) error {
	if c.dead {
		return nil
	}
	return c.Store.ReleaseLinkLease(ctx, step, batch, holder)
}

// countingHandle opens a store handle on dsn that counts into t.
func countingHandle(t *testing.T, dsn, name string, tl *tally) *countingStore {
	t.Helper()
	s, err := openStore(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var inner *sqlstore.Store
	switch s := s.(type) {
	case *sqlite.Store:
		inner = s.Store
	case *postgres.Store:
		inner = s.Store
	default:
		t.Fatalf("store %T", s)
	}
	return &countingStore{Store: inner, closer: s, name: name, t: tl}
}

// ingestOnly stores the corpus at path in dsn without linking it.
func ingestOnly(t *testing.T, dsn, path string) {
	t.Helper()
	ctx := context.Background()
	s, err := openStore(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := ingest.Run(ctx, source.Files(ctx, []string{path}, source.Options{}), s, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
}

// linkWorker runs one link pass over s as a link worker named holder
// (shared is false: the one-worker link phase, no leases).
func linkWorker(ctx context.Context, s *countingStore, holder string, shared bool, ttl time.Duration) error {
	opts := wiring.LinkOptions{Workers: 1, Batch: 8}
	if shared {
		opts.Shared = &link.Shared{Leases: s, Holder: holder, TTL: ttl, Poll: 5 * time.Millisecond}
	}
	steps, err := wiring.LinksWith(s, opts)
	if err != nil {
		return err
	}
	_, err = link.Run(ctx, steps)
	return err
}

// leaseCorpus writes the corpus of the lease tests: the demo's articles
// with generated near copies, and wire reports (more in the long run).
func leaseCorpus(t *testing.T, wire int) string {
	t.Helper()
	corpus := nearCopies(t, demo.Articles)
	if wire > 0 {
		corpus = append(corpus, readFile(t, writeCorpus(t, wire))...)
	}
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(path, byPublication(t, corpus), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// storeDSNs returns, per back end the test can reach, a function that
// makes a new store holding the corpus at path, annotated and not yet
// linked: SQLite always (each a copy of one store annotated once),
// PostgreSQL when SITREP_TEST_POSTGRES is set.
func storeDSNs(t *testing.T, prefix, path string) map[string]func(string) string {
	dir := t.TempDir()
	var template string
	out := map[string]func(string) string{
		"sqlite": func(name string) string {
			if template == "" {
				template = filepath.Join(dir, "template.db")
				ingestOnly(t, "sqlite:"+template, path)
			}
			dst := filepath.Join(dir, name+".db")
			for _, suffix := range []string{"", "-wal", "-shm"} {
				b, err := os.ReadFile(template + suffix)
				if errors.Is(err, os.ErrNotExist) && suffix != "" {
					continue
				}
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(dst+suffix, b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			return "sqlite:" + dst
		},
	}
	if pg := os.Getenv("SITREP_TEST_POSTGRES"); pg != "" {
		out["postgres"] = func(name string) string {
			dsn := schemaDSN(t, pg, prefix+"_"+name)
			ingestOnly(t, dsn, path)
			return dsn
		}
	}
	return out
}

// oneWorker links the store at dsn with one worker and returns its
// tally.
func oneWorker(t *testing.T, dsn string) *tally {
	t.Helper()
	tl := newTally()
	if err := linkWorker(context.Background(), countingHandle(t, dsn, "one", tl), "one", false, 0); err != nil {
		t.Fatal(err)
	}
	return tl
}

// samePicture fails the test unless the stores at want and got hold the
// same link picture and each article was recorded and written as often.
func samePicture(t *testing.T, want, got string, wantT, gotT *tally, what string) {
	t.Helper()
	pw, pg := linkPicture(t, want), linkPicture(t, got)
	derived := 0
	for _, v := range pw.provenance {
		if !strings.HasPrefix(v, "original ") && v != "no verdict" {
			derived++
		}
	}
	if derived < 10 {
		t.Fatalf("only %d derived verdicts in the reference run: the corpus does not exercise the comparisons", derived)
	}
	sameRuns(t, pw.provenance, pg.provenance, "in provenance "+what)
	sameRuns(t, pw.order, pg.order, "in stories, entities and threads "+what)
	sameRuns(t, counts(wantT.records), counts(gotT.records), "in how often provenance recorded them "+what)
	sameRuns(t, counts(wantT.updates), counts(gotT.updates), "in how often the steps wrote them "+what)
}

func counts(m map[string]int) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = fmt.Sprint(v)
	}
	return out
}

// TestLinkWorkersShareAStore runs two link workers (goroutines, each with
// its own store handle) on one store: the picture, and how often each
// article is recorded and written, must be those of one worker, and both
// workers must have prepared articles. SQLite always, PostgreSQL when
// SITREP_TEST_POSTGRES is set; the long run adds more articles and two
// `sitrep worker link` processes.
func TestLinkWorkersShareAStore(t *testing.T) {
	longOnly(t, "slow: links a corpus three times")
	wire := 0
	if longRun() {
		wire = 150
	}
	path := leaseCorpus(t, wire)
	for backend, dsn := range storeDSNs(t, "leases", path) {
		t.Run(backend, func(t *testing.T) {
			ref := dsn("one")
			refT := oneWorker(t, ref)

			two := dsn("two")
			tl := newTally()
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
			defer cancel()
			var wg sync.WaitGroup
			errs := make([]error, 2)
			start := make(chan struct{})
			for i := range 2 {
				h := countingHandle(t, two, fmt.Sprint("w", i), tl)
				wg.Go(func() {
					<-start
					errs[i] = linkWorker(ctx, h, h.name, true, 0)
				})
			}
			close(start)
			wg.Wait()
			for i, err := range errs {
				if err != nil {
					t.Fatalf("worker %d: %v", i, err)
				}
			}
			samePicture(t, ref, two, refT, tl, "with two link workers")
			if tl.askedBy["w0"] == 0 || tl.askedBy["w1"] == 0 {
				t.Errorf("provenance lookups by worker: %v; want both to have prepared articles", tl.askedBy)
			}
			if longRun() {
				twoProcesses(t, dsn("procs"), ref)
			}
		})
	}
}

// twoProcesses links the store at dsn with two `sitrep worker link`
// processes and compares the picture with the store at ref.
func twoProcesses(t *testing.T, dsn, ref string) {
	t.Helper()
	var kids []*child
	for range 2 {
		kids = append(kids, startChild(t, "worker", "link", "--workers", "1", "--every", "100ms", "--lease-ttl", "5s", "--db", dsn))
	}
	deadline := time.Now().Add(10 * time.Minute)
	for queuedLinks(t, dsn) > 0 {
		for i, k := range kids {
			k.running(t, fmt.Sprint("link worker ", i))
		}
		if time.Now().After(deadline) {
			t.Fatal("the link workers did not empty the queues in 10 minutes")
		}
		time.Sleep(200 * time.Millisecond)
	}
	for i, k := range kids {
		if err := k.term(); err != nil {
			t.Errorf("link worker %d: %v; its log:\n%s", i, err, tail(k.stderr.String(), 2000))
		}
	}
	pw, pg := linkPicture(t, ref), linkPicture(t, dsn)
	sameRuns(t, pw.provenance, pg.provenance, "in provenance with two link worker processes")
	sameRuns(t, pw.order, pg.order, "in stories, entities and threads with two link worker processes")
	for i, k := range kids {
		if !strings.Contains(k.stderr.String(), "msg=linked") {
			t.Logf("link worker %d linked nothing; its log:\n%s", i, tail(k.stderr.String(), 1000))
		}
	}
}

// queuedLinks counts the articles waiting in the link queues of dsn (up
// to 1,000 in each).
func queuedLinks(t *testing.T, dsn string) int {
	t.Helper()
	ctx := context.Background()
	s, err := openStore(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	type pending interface {
		PendingProvenance(context.Context, int) ([]news.ProvenanceRef, error)
		PendingEntities(context.Context, int) ([]string, error)
		PendingStories(context.Context, int) ([]string, error)
		PendingMeasures(context.Context, int) ([]string, error)
		PendingThreads(context.Context, int) ([]string, error)
	}
	p := s.(pending)
	n := 0
	refs, err := p.PendingProvenance(ctx, 1000)
	if err != nil {
		t.Fatal(err)
	}
	n += len(refs)
	for _, f := range []func(context.Context, int) ([]string, error){p.PendingEntities, p.PendingStories, p.PendingMeasures, p.PendingThreads} {
		ids, err := f(ctx, 1000)
		if err != nil {
			t.Fatal(err)
		}
		n += len(ids)
	}
	return n
}

// TestLinkWorkerDiesHoldingALease: a link worker dies in the middle of a
// provenance batch (its context is cancelled after a few commits; it
// releases none of its leases, as a killed process would); a second
// worker takes the work over once the leases expire, and the store ends
// with the picture of one uninterrupted worker, every article recorded
// as often.
func TestLinkWorkerDiesHoldingALease(t *testing.T) {
	longOnly(t, "slow: links a corpus twice")
	path := leaseCorpus(t, 0)
	for backend, dsn := range storeDSNs(t, "leasedie", path) {
		t.Run(backend, func(t *testing.T) {
			ref := dsn("one")
			refT := oneWorker(t, ref)

			got := dsn("died")
			tl := newTally()
			ctx := context.Background()
			actx, die := context.WithCancel(ctx)
			a := countingHandle(t, got, "a", tl)
			a.dieAfter, a.die = 5, die
			if err := linkWorker(actx, a, "a", true, time.Second); !errors.Is(err, context.Canceled) {
				t.Fatalf("the dying worker: %v, want context.Canceled", err)
			}
			if ok, err := a.Store.TakeLinkLease(ctx, "link", "commit", "probe", time.Minute); err != nil || ok {
				t.Fatalf("the dead worker's commit lease was free at once (%v, %v): the test does not leave it behind", ok, err)
			}
			b := countingHandle(t, got, "b", tl)
			if err := linkWorker(ctx, b, "b", true, 0); err != nil {
				t.Fatal(err)
			}
			samePicture(t, ref, got, refT, tl, "after a worker died holding its leases")
		})
	}
}

// TestIngestNoLinkLeavesTheQueues: `ingest --no-link` stores the
// articles and leaves every link queue for link workers.
func TestIngestNoLinkLeavesTheQueues(t *testing.T) {
	dsn := "sqlite:" + filepath.Join(t.TempDir(), "n.db")
	if _, errOut, code := runCLI(t, nil, "ingest", "--quiet", "--no-link", "--db", dsn, writeCorpus(t, 3)); code != exitOK {
		t.Fatalf("ingest --no-link: exit %d: %s", code, errOut)
	}
	if n := queuedLinks(t, dsn); n != 3*5 {
		t.Errorf("%d articles queued in the link queues, want 3 in each of 5", n)
	}
}
