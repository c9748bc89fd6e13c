package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"sitrep/internal/demo"
	"sitrep/internal/news"
	"sitrep/internal/sharedtest"
)

// runCLI runs the command line in-process and returns stdout, stderr and
// the exit code main would return.
func runCLI(t *testing.T, vars map[string]string, args ...string) (string, string, int) {
	t.Helper()
	return runCLIWithInput(t, vars, "", args...)
}

// runCLIWithInput is runCLI with stdin as standard input.
func runCLIWithInput(t *testing.T, vars map[string]string, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	env := &environment{
		stdin:  strings.NewReader(stdin),
		stdout: &stdout,
		stderr: &stderr,
		getenv: func(k string) string { return vars[k] },
	}
	err := run(context.Background(), env, args)
	if err != nil {
		fmt.Fprintln(&stderr, "sitrep:", err)
	}
	return stdout.String(), stderr.String(), exitCode(err)
}

// TestDemoMatchesTruth runs `sitrep demo --json` and checks every
// article's metadata against the corpus's truth file.
func TestDemoMatchesTruth(t *testing.T) {
	out, errOut, code := runCLI(t, nil, "demo", "--json", "--quiet")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep struct {
		Articles []*news.Article `json:"articles"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("demo --json is not JSON: %v", err)
	}
	truth, err := demo.LoadTruth()
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Articles) != len(truth.Articles) {
		t.Fatalf("%d articles, want %d (the verbatim copy on another outlet is kept)", len(rep.Articles), len(truth.Articles))
	}
	byURL := map[string]*news.Article{}
	for _, a := range rep.Articles {
		byURL[a.URL] = a
		if a.ID == "" || a.Text == "" || len(a.Sentences) == 0 {
			t.Errorf("%s: id %q, %d bytes of text, %d sentences", a.URL, a.ID, len(a.Text), len(a.Sentences))
		}
	}
	// Outlets that no text names: the site's host stands in for them.
	hostForOutlet := map[string]bool{"newspulse-rewrite": true, "eastern-flank-blog": true}
	for key, url := range demoURLs(t) {
		a, want := byURL[url], truth.Article(key)
		if a == nil || want == nil {
			t.Errorf("%s: missing from the output or the truth", key)
			continue
		}
		wantOutlet := want.Outlet
		if hostForOutlet[key] {
			wantOutlet = news.Host(url)
		}
		for _, f := range []struct{ name, got, want string }{
			{"outlet", a.Outlet, wantOutlet},
			{"title", a.Title, want.Title},
			{"author", a.Author, want.Author},
			{"declared_source", a.DeclaredSource, want.DeclaredSource},
		} {
			if f.got != f.want {
				t.Errorf("%s: %s = %q, want %q", key, f.name, f.got, f.want)
			}
		}
	}
}

// demoURLs maps each demo article's key to its URL.
func demoURLs(t *testing.T) map[string]string {
	t.Helper()
	urls := map[string]string{}
	for _, line := range bytes.Split(bytes.TrimSpace(demo.Articles), []byte("\n")) {
		var rec struct{ Key, URL string }
		if err := json.Unmarshal(line, &rec); err != nil {
			t.Fatal(err)
		}
		urls[rec.Key] = rec.URL
	}
	return urls
}

const goodReport = `Convoy crosses the northern border

The defence ministry said on Monday that a convoy of forty trucks had crossed the northern border overnight. Officials said the trucks carried fuel and spare parts for the garrison at Velmar.`

// TestNullDeviceIsNoTerminal checks that output sent to /dev/null (a
// character device) does not count as a person at a terminal: `sitrep
// demo > /dev/null` would otherwise serve the UI and never exit.
func TestNullDeviceIsNoTerminal(t *testing.T) {
	f, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Errorf("isTerminal(%s) = true, want false", os.DevNull)
	}
}

func TestIngestSkipsBadInputsAndKeepsTheRest(t *testing.T) {
	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5000\r\n\r\nHTTP/1.1 200 OK\r\n"))
	zw.Close()
	files := map[string][]byte{
		"good.txt":       []byte(goodReport),
		"binary.txt":     {0x7f, 'E', 'L', 'F', 0, 0, 1, 2},
		"empty.txt":      nil,
		"nobody.html":    []byte("<html><head><title>x</title></head><body><nav>Home</nav></body></html>"),
		"feed.xml":       []byte("<rss><channel><item><title>unclosed"),
		"truncated.warc": gz.Bytes()[:gz.Len()-4],
		"bad.jsonl":      []byte("{\"url\": \"https://a.example/1\", \"text\": \"Officials said the bridge reopened on Sunday after repairs.\"}\n{not json\n"),
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := "sqlite:" + filepath.Join(t.TempDir(), "s.db")
	_, errOut, code := runCLI(t, nil, "ingest", "--db", db, dir)
	if code != exitSkipped {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitSkipped, errOut)
	}
	for _, name := range []string{"binary.txt", "empty.txt", "nobody.html", "feed.xml", "truncated.warc", "bad.jsonl#2"} {
		if !strings.Contains(errOut, "skip: "+filepath.Join(dir, name)) {
			t.Errorf("stderr does not report %s:\n%s", name, errOut)
		}
	}
	if !strings.Contains(errOut, "2 stored") {
		t.Errorf("summary does not count the 2 good articles:\n%s", errOut)
	}

	// The environment names the store for the other commands.
	vars := map[string]string{"SITREP_DB": db}
	out, errOut, code := runCLI(t, vars, "articles", "--json")
	if code != exitOK {
		t.Fatalf("articles: exit %d: %s", code, errOut)
	}
	var list struct {
		Articles []struct{ ID, Title string }
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list.Articles) != 2 {
		t.Fatalf("articles --json: %v, %s", err, out)
	}
	out, _, code = runCLI(t, vars, "articles")
	if code != exitOK || !strings.Contains(out, "Convoy crosses the northern border") {
		t.Errorf("articles table (exit %d):\n%s", code, out)
	}
	for _, a := range list.Articles {
		out, errOut, code := runCLI(t, vars, "show", a.ID)
		if code != exitOK || !strings.Contains(out, "id:") || !strings.Contains(out, a.ID) {
			t.Errorf("show %s: exit %d\n%s%s", a.ID, code, out, errOut)
		}
	}
	if _, errOut, code := runCLI(t, vars, "show", "0000000000000000"); code != exitNotFound {
		t.Errorf("show unknown: exit %d, want %d: %s", code, exitNotFound, errOut)
	}

	// A second run stores nothing new.
	_, errOut, _ = runCLI(t, nil, "ingest", "--db", db, filepath.Join(dir, "good.txt"))
	if !strings.Contains(errOut, "0 stored, 1 duplicates") {
		t.Errorf("re-ingest summary:\n%s", errOut)
	}
}

func TestAnalyzeReadsStandardInput(t *testing.T) {
	out, errOut, code := runCLIWithInput(t, nil, goodReport, "analyze", "--json", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Articles) != 1 || rep.Articles[0].Title != "Convoy crosses the northern border" || rep.Articles[0].Path != "<stdin>" {
		t.Errorf("articles %+v", rep.Articles)
	}
	if rep.Summary == nil || rep.Summary.Stored != 1 {
		t.Errorf("summary %+v", rep.Summary)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"frobnicate"},
		{"ingest"},
		{"ingest", "--no-such-flag", "x"},
		{"show"},
		{"eval", "nothing"},
	} {
		if _, _, code := runCLI(t, nil, args...); code != exitUsage {
			t.Errorf("sitrep %q: exit %d, want %d", args, code, exitUsage)
		}
	}
	if _, errOut, code := runCLI(t, nil, "articles", "--db", "postgres://nobody@127.0.0.1:1/x?connect_timeout=1"); code != exitError || !strings.Contains(errOut, "open store") {
		t.Errorf("unreachable database: exit %d, %s", code, errOut)
	}
	if out, _, code := runCLI(t, nil, "help"); code != exitOK || !strings.Contains(out, "Exit codes") {
		t.Errorf("help: exit %d\n%s", code, out)
	}
}

// TestIngestKilledMidBatch kills an ingest with SIGKILL while it writes,
// then checks that running the same command again completes the batch with
// every article stored exactly once.
func TestIngestKilledMidBatch(t *testing.T) {
	requireLong(t, "3,000 files ingested, killed and ingested again")
	const n = 3000
	dir := t.TempDir()
	for i := range n {
		body := fmt.Sprintf("Report %d from the front\n\nOfficials said %d families left the town of Velmar on day %d. Aid convoys were expected by morning, the regional governor said.", i, 10+i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%05d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dbPath := filepath.Join(t.TempDir(), "s.db")
	args := []string{"ingest", "--quiet", "--db", "sqlite:" + dbPath, dir}

	cmd := startCLI(t, args...)
	// Kill once some articles are stored but not all.
	deadline := time.Now().Add(60 * time.Second)
	killed := false
	for time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		if c := countArticles(t, dbPath); c > 0 && c < n {
			cmd.Process.Signal(syscall.SIGKILL)
			killed = true
			break
		}
	}
	cmd.Wait()
	if !killed {
		t.Skip("the child finished before it could be killed mid-batch")
	}
	before := countArticles(t, dbPath)

	_, errOut, code := runCLI(t, nil, args...)
	if code != exitOK {
		t.Fatalf("re-run: exit %d: %s", code, errOut)
	}
	if c := countArticles(t, dbPath); c != n {
		t.Fatalf("after the re-run the store holds %d articles, want %d (had %d after the kill)", c, n, before)
	}
	vars := map[string]string{"SITREP_DB": "sqlite:" + dbPath}
	out, _, code := runCLI(t, vars, "articles", "--json", "--limit", "1000")
	if code != exitOK || strings.Count(out, `"id"`) != 1000 {
		t.Errorf("articles after recovery: exit %d, %d ids", code, strings.Count(out, `"id"`))
	}
}

// countArticles opens the store read-write (as a CLI run would) and
// counts its articles; 0 when the file does not exist yet.
func countArticles(t *testing.T, path string) int {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		return 0
	}
	s, err := openStore(context.Background(), "sqlite:"+path)
	if err != nil {
		return 0 // the child may be creating the schema
	}
	defer s.Close()
	n, err := s.Count(context.Background())
	if err != nil {
		return 0
	}
	return n
}

// TestAnnotationCapFromFlagAndEnv sets the annotation cap below the
// report's length, by flag and by environment: the report is stored with
// its text and a problem naming the sentence stage.
func TestAnnotationCapFromFlagAndEnv(t *testing.T) {
	for _, tc := range []struct {
		name string
		vars map[string]string
		args []string
	}{
		{"flag", nil, []string{"analyze", "--json", "--max-text", "50", "-"}},
		{"env", map[string]string{"SITREP_MAX_TEXT": "50"}, []string{"analyze", "--json", "-"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := runCLIWithInput(t, tc.vars, goodReport, tc.args...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var rep report
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatal(err)
			}
			if len(rep.Articles) != 1 {
				t.Fatalf("%d articles, want 1", len(rep.Articles))
			}
			a := rep.Articles[0]
			if len(a.Text) <= 50 || len(a.Sentences) != 0 || len(a.Problems) != 1 || a.Problems[0].Stage != "sentence" {
				t.Errorf("article: %d bytes of text, %d sentences, problems %+v; want the text, no layers, a sentence problem", len(a.Text), len(a.Sentences), a.Problems)
			}
		})
	}
}

// TestEvalProvenanceSplit checks that an unknown --split for the spin
// curve (dev by default, so tuning never prints the held-out half) is a
// usage error before any data is read.
func TestEvalProvenanceSplit(t *testing.T) {
	_, errOut, code := runCLI(t, nil, "eval", "provenance", "--split", "tset", "/nonexistent")
	if code != exitUsage || !strings.Contains(errOut, "unknown split") {
		t.Errorf("--split tset: exit %d, %q; want a usage error", code, errOut)
	}
}

// TestEvalSpeakers checks the figure-speaker check on PolNeAR: the held
// back test split is a usage error, and on three dev articles (copied
// to a temporary directory when the data is present) it prints the
// accuracy by kind of source.
func TestEvalSpeakers(t *testing.T) {
	_, errOut, code := runCLI(t, nil, "eval", "speakers", "--split", "test")
	if code != exitUsage || !strings.Contains(errOut, "unknown split") {
		t.Errorf("--split test: exit %d, %q; want a usage error", code, errOut)
	}
	src := sharedtest.Path(t, "data", "attribution", "polnear")
	texts, _ := filepath.Glob(filepath.Join(src, "dev", "text", "*.txt"))
	if len(texts) < 3 {
		t.Skipf("PolNeAR dev not available in %s", src)
	}
	dir := t.TempDir()
	copyFile := func(from, to string) {
		b, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyFile(filepath.Join(src, "metadata.tsv"), filepath.Join(dir, "metadata.tsv"))
	for _, txt := range texts[:3] {
		name := strings.TrimSuffix(filepath.Base(txt), ".txt")
		copyFile(txt, filepath.Join(dir, "dev", "text", name+".txt"))
		anns, _ := filepath.Glob(filepath.Join(src, "dev", "attributions", name+"_*.ann"))
		for _, ann := range anns {
			copyFile(ann, filepath.Join(dir, "dev", "attributions", filepath.Base(ann)))
		}
	}
	out, errOut, code := runCLI(t, nil, "eval", "speakers", filepath.Join(dir, "dev"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"3 articles", "speaker accuracy", "outside every content (outlet)", "named source"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
