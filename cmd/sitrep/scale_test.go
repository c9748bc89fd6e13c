package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"sitrep/internal/demo"
	linkentity "sitrep/internal/link/entity"
	"sitrep/internal/link/measure"
	"sitrep/internal/link/story"
	"sitrep/internal/news"
	"sitrep/internal/queue"
	"sitrep/internal/queue/natsq"
	"sitrep/internal/readmodel"
	"sitrep/internal/store"
)

// The tests in this file run against the real services CI starts:
// PostgreSQL (SITREP_TEST_POSTGRES) and NATS JetStream (SITREP_TEST_NATS).
// They skip when the variables are unset and fail when a service is down.

func services(t *testing.T) (pg, nats string) {
	t.Helper()
	pg, nats = os.Getenv("SITREP_TEST_POSTGRES"), os.Getenv("SITREP_TEST_NATS")
	if pg == "" || nats == "" {
		t.Skip("SITREP_TEST_POSTGRES and SITREP_TEST_NATS are not both set")
	}
	if testing.Short() {
		t.Skip("slow: 10,000 articles through real services")
	}
	return pg, nats
}

// schemaDSN creates a fresh schema and returns a DSN that uses it, tagged
// with an application name so the test can find its connections.
func schemaDSN(t *testing.T, pg, schema string) string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pg)
	if err != nil {
		t.Fatalf("SITREP_TEST_POSTGRES is set but unreachable: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "DROP SCHEMA IF EXISTS "+schema+" CASCADE; CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if c, err := pgx.Connect(context.Background(), pg); err == nil {
			c.Exec(context.Background(), "DROP SCHEMA IF EXISTS "+schema+" CASCADE")
			c.Close(context.Background())
		}
	})
	u, err := url.Parse(pg)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	q.Set("application_name", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// writeCorpus writes n small distinct articles as JSONL.
func writeCorpus(t *testing.T, n int) string {
	t.Helper()
	var b strings.Builder
	for i := range n {
		rec := map[string]string{
			"url":       fmt.Sprintf("https://wire.example/%d", i),
			"title":     fmt.Sprintf("Convoy report %d", i),
			"published": time.Date(2031, 3, 1+i%28, i%24, 0, 0, 0, time.UTC).Format(time.RFC3339),
			"text": fmt.Sprintf("Officials in Velmar said %d families left the town on day %d. "+
				"Aid convoys were expected by morning, the governor said. Report number %d.", 10+i, i, i),
		}
		line, _ := json.Marshal(rec)
		b.Write(line)
		b.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// startCLI runs the CLI in a child process (this test binary re-executed).
func startCLI(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	encoded, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0], "-test.run=^TestCLIChild$")
	cmd.Env = append(os.Environ(), "SITREP_TEST_CLI_CHILD="+string(encoded))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// longRun reports whether SITREP_TEST_LONG is set: .ci/run sets it for a
// second, long-timeout go test run, so the README's `go test ./...` stays
// quick and inside go test's default timeout.
func longRun() bool { return os.Getenv("SITREP_TEST_LONG") != "" }

// longOnly skips t in the README's quick run, saying why: .ci/run runs
// the link-phase property tests again, at full size, with
// SITREP_TEST_LONG set, so the quick run keeps only one of them
// (TestLinkPictureIsWorkerInvariant).
func longOnly(t *testing.T, why string) {
	t.Helper()
	if !longRun() {
		t.Skip(why + "; SITREP_TEST_LONG=1 runs it")
	}
}

// wireCount is how many near-identical wire reports (writeCorpus) a
// link-phase test feeds: more than the provenance index's bucket cap (64)
// in every run, and long of them in the long run.
func wireCount(long int) int {
	if longRun() {
		return long
	}
	return 80
}

// requireLong skips a test that runs for minutes unless longRun.
func requireLong(t *testing.T, what string) {
	t.Helper()
	if !longRun() {
		t.Skipf("long test (%s): set SITREP_TEST_LONG=1", what)
	}
}

// TestCLIChild is the child process of startCLI; it does nothing in a
// normal test run.

func TestCLIChild(t *testing.T) {
	raw := os.Getenv("SITREP_TEST_CLI_CHILD")
	if raw == "" {
		t.Skip("only runs as a child process")
	}
	var args []string
	if err := json.Unmarshal([]byte(raw), &args); err != nil {
		t.Fatal(err)
	}
	ctx, stop := signalContext()
	defer stop()
	env := &environment{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	if err := run(ctx, env, args); err != nil && exitCode(err) != exitInterrupted {
		// The parent reads the child's stderr, not its test log.
		fmt.Fprintf(os.Stderr, "sitrep %v: %v\n", args, err)
		t.Fatalf("sitrep %v: %v", args, err)
	}
}

// countIn counts the articles of a store DSN, 0 if it is not ready.
func countIn(dsn string) int {
	s, err := openStore(context.Background(), dsn)
	if err != nil {
		return 0
	}
	defer s.Close()
	n, _ := s.Count(context.Background())
	return n
}

// waitFor polls cond until it holds or d passes.
func waitFor(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// analysis summarises every stored article as id → title|status|sentences,
// to compare two runs.
func analysis(t *testing.T, dsn string) map[string]string {
	t.Helper()
	return fingerprint(t, dsn, func(a *news.Article) string {
		verdict := "unjudged"
		if p := a.Provenance; p != nil {
			verdict = p.Kind + " of " + p.Of + " family " + p.Family
		}
		return fmt.Sprintf("%s|%s|%d|%d|%d|%s|%s", a.Title, a.Status(), len(a.Sentences),
			len(a.Quantities), len(a.Entities), a.Published.UTC().Format(time.RFC3339), verdict)
	})
}

// fingerprint maps the ID of every article stored at dsn to print(article).
func fingerprint(t *testing.T, dsn string, print func(*news.Article) string) map[string]string {
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
		page, err := s.ArticleEntries(ctx, store.EntryFilter{After: after, Limit: 1000})
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
			out[a.ID] = print(a)
		}
		after = page[len(page)-1].ID
	}
}

// sameRuns reports the articles whose fingerprints differ between the
// reference run want and got, naming the first.
func sameRuns(t *testing.T, want, got map[string]string, what string) {
	t.Helper()
	diffs := 0
	for id, w := range want {
		if got[id] != w {
			if diffs == 0 {
				t.Errorf("%s: %q %s, %q in the reference run", id, got[id], what, w)
			}
			diffs++
		}
	}
	if diffs > 0 || len(got) != len(want) {
		t.Errorf("%d of %d articles differ %s (%d vs %d articles)", diffs, len(want), what, len(got), len(want))
	}
}

// TestWorkersLoseNothingUnderFaults publishes 10,000 articles, runs an
// annotate worker, kills it with SIGKILL mid-batch, drops its PostgreSQL
// connections while a second worker runs, then runs the link worker, kills
// it mid-stream and restarts it, and checks that the store ends with every
// article exactly once and the same analysis (layers and provenance
// verdicts) as a single-process ingest of the same file.
func TestWorkersLoseNothingUnderFaults(t *testing.T) {
	requireLong(t, "10,000 articles through killed workers and dropped connections")
	pg, natsURL := services(t)
	const n = 10000
	corpus := writeCorpus(t, n)
	tag := fmt.Sprintf("sitrep_faults_%d", os.Getpid())
	scaled := schemaDSN(t, pg, tag)
	single := schemaDSN(t, pg, tag+"_single")
	qname := strings.ToUpper(tag)
	t.Cleanup(func() { deleteQueue(natsURL, qname) })

	// The reference: one process, no queue.
	if _, errOut, code := runCLI(t, nil, "ingest", "--quiet", "--db", single, corpus); code != exitOK {
		t.Fatalf("single-process ingest: exit %d: %s", code, errOut)
	}

	if _, errOut, code := runCLI(t, nil, "ingest", "--quiet", "--queue", natsURL, "--queue-name", qname, corpus); code != exitOK {
		t.Fatalf("publish: exit %d: %s", code, errOut)
	}
	workerArgs := []string{"worker", "annotate", "--queue", natsURL, "--queue-name", qname, "--db", scaled, "--batch", "64"}

	first := startCLI(t, workerArgs...)
	waitFor(t, 60*time.Second, "the first worker to store some articles", func() bool { return countIn(scaled) >= 1000 })
	first.Process.Signal(syscall.SIGKILL)
	first.Wait()
	killedAt := countIn(scaled)
	if killedAt >= n {
		t.Skipf("the worker finished all %d articles before it could be killed", n)
	}

	second := startCLI(t, workerArgs...)
	// Drop the worker's database connections while it works; the pool
	// reconnects, failed writes go back to the queue and are retried.
	waitFor(t, 60*time.Second, "the second worker to make progress", func() bool { return countIn(scaled) >= killedAt+500 })
	if dropped := dropConnections(t, pg, tag); dropped == 0 {
		t.Log("no worker connection was open at the moment of the drop")
	}
	waitFor(t, 120*time.Second, "all articles stored", func() bool { return countIn(scaled) >= n })
	second.Process.Signal(syscall.SIGTERM) // graceful: finishes its batch and exits
	if err := second.Wait(); err != nil {
		t.Errorf("worker after SIGTERM: %v", err)
	}

	if got := countIn(scaled); got != n {
		t.Fatalf("store holds %d articles, want exactly %d (killed at %d)", got, n, killedAt)
	}

	// The link phase: a link worker killed mid-stream and restarted ends
	// where one uninterrupted single-process run ends.
	linkArgs := []string{"worker", "link", "--db", scaled, "--every", "100ms"}
	linker := startCLI(t, linkArgs...)
	waitFor(t, 120*time.Second, "the link worker to judge some articles", func() bool { return judged(t, pg, tag) >= 500 })
	linker.Process.Signal(syscall.SIGKILL)
	linker.Wait()
	linkedAt := judged(t, pg, tag)
	linker = startCLI(t, linkArgs...)
	waitFor(t, 300*time.Second, "the link queues to drain", func() bool { return pendingLinks(t, pg, tag) == 0 })
	linker.Process.Signal(syscall.SIGTERM)
	if err := linker.Wait(); err != nil {
		t.Errorf("link worker after SIGTERM: %v", err)
	}
	t.Logf("link worker killed after judging %d articles", linkedAt)
	want, got := analysis(t, single), analysis(t, scaled)
	if len(got) != len(want) {
		t.Fatalf("%d articles analysed by workers, %d by one process", len(got), len(want))
	}
	var diffs []string
	for id, w := range want {
		if got[id] != w {
			diffs = append(diffs, fmt.Sprintf("%s: %q vs %q", id, got[id], w))
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Errorf("%d articles differ from the single-process run, e.g. %s", len(diffs), diffs[0])
	}
	q, err := natsq.Open(context.Background(), natsURL, qname, queue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	if dead, _ := q.DeadLetters(context.Background()); len(dead) != 0 {
		t.Errorf("dead letters after the run: %+v", dead)
	}
	t.Logf("killed after %d of %d articles; recovered to exactly %d", killedAt, n, n)
}

// judged counts the articles with a provenance verdict in schema.
func judged(t *testing.T, pg, schema string) int {
	t.Helper()
	return queryInt(t, pg, "SELECT count(*) FROM "+schema+".provenance")
}

// pendingLinks counts the articles waiting in schema's link queues.
func pendingLinks(t *testing.T, pg, schema string) int {
	t.Helper()
	return queryInt(t, pg, "SELECT (SELECT count(*) FROM "+schema+".provenance_queue) + (SELECT count(*) FROM "+schema+".entity_queue)")
}

func queryInt(t *testing.T, pg, q string) int {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pg)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, q).Scan(&n); err != nil {
		return -1 // the schema is not there yet
	}
	return n
}

// dropConnections terminates the PostgreSQL connections tagged with
// application name app and returns how many there were.
func dropConnections(t *testing.T, pg, app string) int {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pg)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	err = conn.QueryRow(ctx, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE application_name = $1 AND pid <> pg_backend_pid()`, app).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// deleteQueue removes a test queue's streams from the server.
func deleteQueue(url, name string) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	natsq.Delete(ctx, url, name)
}

// TestPostgresMatchesSQLite runs the demo corpus through both stores and
// checks that every layer, the provenance verdicts and the entity index
// come out the same.
func TestPostgresMatchesSQLite(t *testing.T) {
	pg := os.Getenv("SITREP_TEST_POSTGRES")
	if pg == "" {
		t.Skip("SITREP_TEST_POSTGRES is not set")
	}
	corpus := filepath.Join(t.TempDir(), "demo.jsonl")
	if err := os.WriteFile(corpus, demo.Articles, 0o644); err != nil {
		t.Fatal(err)
	}
	dsns := map[string]string{
		"sqlite":   "sqlite:" + filepath.Join(t.TempDir(), "demo.db"),
		"postgres": schemaDSN(t, pg, fmt.Sprintf("sitrep_equal_%d", os.Getpid())),
	}
	pictures := map[string]string{}
	for name, dsn := range dsns {
		if _, errOut, code := runCLI(t, nil, "ingest", "--quiet", "--db", dsn, corpus); code != exitOK {
			t.Fatalf("%s: ingest: exit %d: %s", name, code, errOut)
		}
		ctx := context.Background()
		s, err := openStore(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		articles, err := readmodel.All(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		byURL := map[string]string{}
		for _, a := range articles {
			byURL[a.ID] = a.URL
		}
		var lines []string
		for _, a := range articles {
			p := a.Provenance
			if p == nil {
				t.Fatalf("%s: %s has no provenance", name, a.URL)
			}
			layers, _ := json.Marshal([]any{a.Sentences, a.Quantities, a.Times, a.Entities})
			lines = append(lines, fmt.Sprintf("%s %s of=%s family=%s story=%s layers=%x", a.URL, p.Kind, byURL[p.Of], byURL[p.Family], byURL[a.Story], layers))
		}
		stories, err := s.(story.Lister).Stories(ctx, 1000)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range stories {
			ids, err := s.(story.Lister).StoryArticles(ctx, st.ID)
			if err != nil {
				t.Fatal(err)
			}
			lines = append(lines, fmt.Sprintf("story %s %q %s %s %d %d %v", byURL[st.ID], st.Title, st.First, st.Last, st.Articles, st.Sources, len(ids)))
		}
		ents, err := s.(interface {
			Entities(context.Context, string, int) ([]linkentity.Summary, error)
		}).Entities(ctx, "", 1000)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			lines = append(lines, fmt.Sprintf("entity %s %s %s %d %d %v", e.Entity, e.Canonical, e.Type, e.Mentions, e.Articles, e.Aliases))
		}
		ms, err := s.(measure.Lister).Measures(ctx, news.MeasureCursor{}, 1000)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms.Measures {
			_, figs, err := s.(measure.Lister).Measure(ctx, m.ID)
			if err != nil {
				t.Fatal(err)
			}
			var rows []string
			for _, f := range figs {
				rows = append(rows, byURL[f.Article]+"#"+strconv.Itoa(f.Index)+" "+byURL[f.Story])
			}
			lines = append(lines, fmt.Sprintf("measure %+v %v", m, rows))
		}
		s.Close()
		sort.Strings(lines)
		pictures[name] = strings.Join(lines, "\n")
	}
	if pictures["sqlite"] != pictures["postgres"] {
		a, b := strings.Split(pictures["sqlite"], "\n"), strings.Split(pictures["postgres"], "\n")
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				t.Fatalf("first difference at line %d:\nsqlite:   %.300s\npostgres: %.300s", i, a[i], b[i])
			}
		}
		t.Fatalf("the pictures differ in length: %d vs %d lines", len(a), len(b))
	}
}
