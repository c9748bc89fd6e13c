package sqlite

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"sitrep/internal/news"
	"sitrep/internal/store"
	"sitrep/internal/store/storetest"
)

func openTest(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		return openTest(t, filepath.Join(t.TempDir(), "sitrep.db"))
	})
}

func TestOpenTemp(t *testing.T) {
	for _, path := range []string{":memory:", ""} {
		s, err := Open(context.Background(), path)
		if err != nil {
			t.Fatalf("Open(%q): %v", path, err)
		}
		if _, err := s.Put(context.Background(), []*news.Article{storetest.Article(1)}); err != nil {
			t.Fatalf("Put: %v", err)
		}
		file := s.Path()
		if _, err := os.Stat(file); err != nil {
			t.Fatalf("temp store file: %v", err)
		}
		if err := s.Close(); err != nil {
			t.Fatalf("Close: %v", err)
		}
		for _, f := range []string{file, file + "-wal", file + "-shm"} {
			if _, err := os.Stat(f); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("%s left behind after Close (stat: %v)", f, err)
			}
		}
	}
}

func versions(t *testing.T, s *Store) []int {
	t.Helper()
	rows, err := s.r.Query(`SELECT version FROM schema_migrations ORDER BY version`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var vs []int
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		vs = append(vs, v)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return vs
}

func TestMigrations(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	var want []int
	for _, m := range ms {
		want = append(want, m.Version)
	}
	if len(want) == 0 || want[0] != 1 || SchemaVersion() != want[len(want)-1] {
		t.Fatalf("embedded migrations %v, SchemaVersion %d", want, SchemaVersion())
	}
	path := filepath.Join(t.TempDir(), "m.db")

	t.Run("fresh", func(t *testing.T) {
		s := openTest(t, path)
		if got := versions(t, s); !slices.Equal(got, want) {
			t.Errorf("applied versions %v, want %v", got, want)
		}
		if _, err := s.Put(context.Background(), []*news.Article{storetest.Article(1)}); err != nil {
			t.Fatal(err)
		}
		var mode string
		if err := s.r.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
			t.Errorf("journal_mode = %q, %v; want wal", mode, err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("reopen", func(t *testing.T) {
		// Two stores on the same file at once, as two processes would.
		a, b := openTest(t, path), openTest(t, path)
		if got := versions(t, a); !slices.Equal(got, want) {
			t.Errorf("applied versions after reopen %v, want %v", got, want)
		}
		if n, err := b.Count(context.Background()); err != nil || n != 1 {
			t.Errorf("Count after reopen = %d, %v; want 1", n, err)
		}
		if _, err := b.Put(context.Background(), []*news.Article{storetest.Article(2)}); err != nil {
			t.Fatal(err)
		}
		if n, err := a.Count(context.Background()); err != nil || n != 2 {
			t.Errorf("Count through the other store = %d, %v; want 2", n, err)
		}
	})
	t.Run("concurrent fresh opens", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "c.db")
		var wg sync.WaitGroup
		errs := make([]error, 4)
		for i := range errs {
			wg.Go(func() {
				s, err := Open(context.Background(), p)
				if err == nil {
					err = s.Close()
				}
				errs[i] = err
			})
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			t.Fatal(err)
		}
		s := openTest(t, p)
		if got := versions(t, s); !slices.Equal(got, want) {
			t.Errorf("applied versions %v, want %v", got, want)
		}
	})
	t.Run("newer schema", func(t *testing.T) {
		s := openTest(t, path)
		newer := SchemaVersion() + 1
		if _, err := s.w.Exec(`INSERT INTO schema_migrations (version, applied_at) VALUES (?, '2099-01-01T00:00:00.000000000Z')`, newer); err != nil {
			t.Fatal(err)
		}
		s.Close()
		_, err := Open(context.Background(), path)
		if !errors.Is(err, ErrSchemaTooNew) {
			t.Fatalf("Open of a newer database: %v, want ErrSchemaTooNew", err)
		}
		if !strings.Contains(err.Error(), fmt.Sprint(newer)) {
			t.Errorf("error %q does not name version %d", err, newer)
		}
	})
}

func TestSearch(t *testing.T) {
	s := openTest(t, filepath.Join(t.TempDir(), "search.db"))
	texts := []struct{ title, text string }{
		{"Convoy reaches Velmora", "An aid convoy reached the town of Velmora on Tuesday. Drivers said the road was cratered."},
		{"Shelling near the river", "Residents of Velmora reported shelling near the river crossing overnight."},
		{"Café reopens in Kharino", "The café on the main square reopened after repairs, its owner said."},
		{"Київ: ніч тривоги", "Обстріл тривав усю ніч, повідомили мешканці."},
	}
	var ids []string
	var as []*news.Article
	for i, x := range texts {
		a := storetest.Article(i)
		a.Title, a.Text, a.ID = x.title, x.text, news.ArticleID("", x.text)
		a.Sentences = nil
		as = append(as, a)
		ids = append(ids, a.ID)
	}
	if _, err := s.Put(context.Background(), as); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		want  []string // as a set
	}{
		{"velmora", []string{ids[0], ids[1]}},
		{"Velmora convoy", []string{ids[0]}},
		{"convoy", []string{ids[0]}},         // title and text
		{"cafe", []string{ids[2]}},           // diacritics ignored
		{"CAFÉ square", []string{ids[2]}},    // case ignored
		{"обстріл", []string{ids[3]}},        // Cyrillic
		{"velmora NOT river", []string{}},    // NOT is a word, not an operator
		{`"river" OR (crossing`, []string{}}, // quotes and brackets are not syntax
		{"river crossing", []string{ids[1]}},
		{"tank", []string{}},
		{"", []string{}},
		{"  -- ", []string{}},
	}
	for _, tt := range tests {
		got, err := s.Search(context.Background(), tt.query, 10)
		if err != nil {
			t.Errorf("Search(%q): %v", tt.query, err)
			continue
		}
		gotIDs := make([]string, len(got))
		for i, g := range got {
			gotIDs[i] = g.ID
		}
		slices.Sort(gotIDs)
		want := slices.Sorted(slices.Values(tt.want))
		if !slices.Equal(gotIDs, want) {
			t.Errorf("Search(%q) = %v, want %v", tt.query, gotIDs, want)
		}
	}
	got, err := s.Search(context.Background(), "velmora", 1)
	if err != nil || len(got) != 1 {
		t.Errorf("Search with limit 1 = %d results, %v", len(got), err)
	}
}

// The crash test runs TestCrashChild in a child process that writes
// batches into a database file until the parent kills it with SIGKILL.
const crashEnv = "SITREP_SQLITE_CRASH_DB"

const (
	crashSetSize = 3000
	crashBatch   = 50
)

// crashArticle returns article i of the crash test's set, with ~2 KB of text.
func crashArticle(i int) *news.Article {
	a := storetest.Article(i)
	var b strings.Builder
	for k := range 16 {
		fmt.Fprintf(&b, "Paragraph %d of dispatch %d: witnesses counted %d vehicles moving east along the coastal road before dawn. ", k, i, i*31+k)
	}
	a.Text += " " + b.String()
	a.ID = news.ArticleID(a.URL, a.Text)
	a.Problems = []news.Problem{{Stage: "crash", Message: fmt.Sprint("problem of ", i)}}
	return a
}

func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("run by TestCrash in a child process")
	}
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	order := rand.Perm(crashSetSize)
	for n := 0; ; n++ {
		batch := make([]*news.Article, crashBatch)
		for k := range batch {
			batch[k] = crashArticle(order[(n*crashBatch+k)%crashSetSize])
		}
		if _, err := s.Put(context.Background(), batch); err != nil {
			t.Fatal(err)
		}
		fmt.Printf("batch %d\n", n)
	}
}

func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test re-executes the test binary")
	}
	// One kill in the quick run; three, each after more batches, in the
	// long run.
	rounds := 1
	if os.Getenv("SITREP_TEST_LONG") != "" {
		rounds = 3
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	for round := range rounds {
		killChild(t, path, 2+round*3)
		checkAfterCrash(t, path, round == rounds-1)
	}
}

// killChild starts the writer child, lets it commit at least batches
// batches, and SIGKILLs it at a random moment after that.
func killChild(t *testing.T, path string, batches int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	seen := 0
	for seen < batches && sc.Scan() {
		if strings.HasPrefix(sc.Text(), "batch ") {
			seen++
		}
	}
	if seen < batches {
		cmd.Wait()
		t.Fatalf("child stopped after %d batches", seen)
	}
	time.Sleep(time.Duration(rand.IntN(20_000)) * time.Microsecond)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	go func() {
		for sc.Scan() {
		}
	}()
	err = cmd.Wait()
	if err == nil {
		t.Fatal("child exited normally; it should have been killed")
	}
	t.Logf("child killed after ≥%d batches: %v", seen, err)
}

// checkAfterCrash reopens the database and checks it: integrity, complete
// articles, and, when putAll, that putting the whole set again only adds
// the missing ones.
func checkAfterCrash(t *testing.T, path string, putAll bool) {
	t.Helper()
	ctx := context.Background()
	s := openTest(t, path)
	defer s.Close()
	var res string
	if err := s.w.QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check = %q, %v", res, err)
	}
	if _, err := s.w.Exec(`INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')`); err != nil {
		t.Fatalf("fts integrity-check: %v", err)
	}
	set := make(map[string]*news.Article, crashSetSize)
	all := make([]*news.Article, crashSetSize)
	for i := range all {
		all[i] = crashArticle(i)
		set[all[i].ID] = all[i]
	}
	sums := listAll(t, s)
	n, err := s.Count(ctx)
	if err != nil || n != len(sums) || n == 0 {
		t.Fatalf("Count = %d, %v; listed %d", n, err, len(sums))
	}
	for _, sum := range sums {
		a, err := s.Article(ctx, sum.ID)
		if err != nil {
			t.Fatalf("Article(%s): %v", sum.ID, err)
		}
		want := set[sum.ID]
		if want == nil {
			t.Fatalf("stored article %s is not in the set", sum.ID)
		}
		if a.Text == "" || a.Text != want.Text || a.Title != want.Title ||
			!slices.Equal(a.Sentences, want.Sentences) || !slices.Equal(a.Problems, want.Problems) {
			t.Fatalf("stored article %s is incomplete or altered", sum.ID)
		}
	}
	t.Logf("%d of %d articles stored after the crash", n, crashSetSize)
	if !putAll {
		return
	}
	results, err := s.Put(ctx, all)
	if err != nil {
		t.Fatalf("Put of the whole set: %v", err)
	}
	written := 0
	for i, r := range results {
		if r.ID != all[i].ID {
			t.Fatalf("result %d has ID %s, want %s", i, r.ID, all[i].ID)
		}
		if !r.Duplicate {
			written++
		}
	}
	if written != crashSetSize-n {
		t.Errorf("Put of the whole set wrote %d, want %d", written, crashSetSize-n)
	}
	if got, err := s.Count(ctx); err != nil || got != crashSetSize {
		t.Errorf("Count = %d, %v; want %d", got, err, crashSetSize)
	}
}

func listAll(t *testing.T, s *Store) []store.Entry {
	t.Helper()
	var all []store.Entry
	opts := store.EntryFilter{Limit: MaxLimit}
	for {
		page, err := s.ArticleEntries(context.Background(), opts)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, page...)
		if len(page) < opts.Limit {
			return all
		}
		opts.After = page[len(page)-1].ID
	}
}

// benchText is ~4 KB of invented report text.
var benchText = func() string {
	var b strings.Builder
	for k := 0; b.Len() < 4000; k++ {
		fmt.Fprintf(&b, "Officials said %d people were moved from the eastern districts overnight, and that convoy %d reached the depot. ", 100+k*13, k)
	}
	return b.String()
}()

func benchArticle(n int) *news.Article {
	a := &news.Article{
		ID:        fmt.Sprintf("%016x", n),
		URL:       fmt.Sprintf("https://news.example/bench/%d", n),
		Outlet:    []string{"Example News", "Other Wire", "Third Daily"}[n%3],
		Title:     fmt.Sprintf("Bench report %d", n),
		Published: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n) * time.Minute),
		Language:  "en",
		Text:      fmt.Sprintf("Dispatch %d. ", n) + benchText,
		Format:    news.FormatText,
	}
	for start := 0; start < len(a.Text); start += 120 {
		a.Sentences = append(a.Sentences, news.Sentence{Span: news.Span{Start: start, End: min(start+120, len(a.Text))}})
	}
	return a
}

// BenchmarkPut measures Put of batches of 100 new articles of ~4 KB.
func BenchmarkPut(b *testing.B) {
	s := openTest(b, filepath.Join(b.TempDir(), "bench.db"))
	ctx := context.Background()
	const batch = 100
	next, loops := 0, 0
	b.ReportAllocs()
	b.SetBytes(batch * int64(len(benchText)))
	for b.Loop() {
		as := make([]*news.Article, batch)
		for i := range as {
			as[i] = benchArticle(next)
			next++
		}
		if _, err := s.Put(ctx, as); err != nil {
			b.Fatal(err)
		}
		loops++
	}
	b.ReportMetric(float64(loops*batch)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkArticle measures reading one article by ID.
func BenchmarkArticle(b *testing.B) {
	s := openTest(b, filepath.Join(b.TempDir(), "bench.db"))
	ctx := context.Background()
	const n = 1000
	ids := make([]string, n)
	as := make([]*news.Article, n)
	for i := range as {
		as[i] = benchArticle(i)
		ids[i] = as[i].ID
	}
	if _, err := s.Put(ctx, as); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := s.Article(ctx, ids[i%n]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkArticles measures listing a page of 100 summaries deep in the
// listing (keyset pagination).
func BenchmarkArticles(b *testing.B) {
	s := openTest(b, filepath.Join(b.TempDir(), "bench.db"))
	ctx := context.Background()
	const n = 5000
	for i := 0; i < n; i += 500 {
		as := make([]*news.Article, 500)
		for k := range as {
			as[k] = benchArticle(i + k)
		}
		if _, err := s.Put(ctx, as); err != nil {
			b.Fatal(err)
		}
	}
	after := benchArticle(n / 2).ID
	b.ReportAllocs()
	for b.Loop() {
		page, err := s.ArticleEntries(ctx, store.EntryFilter{After: after, Limit: 100})
		if err != nil || len(page) != 100 {
			b.Fatal(len(page), err)
		}
	}
}

// TestTimeZoneKept checks that times come back in the offset they were
// put in, not only as the same instant (which storetest checks).
func TestTimeZoneKept(t *testing.T) {
	s := openTest(t, filepath.Join(t.TempDir(), "tz.db"))
	a := storetest.Article(1)
	a.Published = time.Date(2024, 3, 3, 7, 15, 30, 0, time.FixedZone("", 2*3600))
	if _, err := s.Put(context.Background(), []*news.Article{a}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Published.Format(time.RFC3339) != "2024-03-03T07:15:30+02:00" {
		t.Errorf("Published = %s, want 2024-03-03T07:15:30+02:00", got.Published.Format(time.RFC3339))
	}
}
