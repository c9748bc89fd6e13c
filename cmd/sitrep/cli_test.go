package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"sitrep/internal/demo"
	"sitrep/internal/link/story"
	"sitrep/internal/news"
	"sitrep/internal/readmodel"
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

// TestFlagsInAnyPosition checks that every subcommand takes its flags
// after its arguments as well as before, and that "--" ends the flags.
func TestFlagsInAnyPosition(t *testing.T) {
	dsn := demoStore(t)
	a := richestArticle(t, dsn)
	before, errOut, code := runCLI(t, nil, "show", "--json", "--db", dsn, a.ID)
	if code != exitOK {
		t.Fatalf("show --json ID: exit %d: %s", code, errOut)
	}
	after, errOut, code := runCLI(t, nil, "show", a.ID, "--json", "--db", dsn)
	if code != exitOK {
		t.Fatalf("show ID --json: exit %d: %s", code, errOut)
	}
	if after != before || !strings.HasPrefix(after, "{") {
		t.Errorf("show ID --json printed %.80q, want the JSON of show --json ID", after)
	}
	mixed, _, code := runCLI(t, nil, "show", "--db", dsn, a.ID, "--json")
	if code != exitOK || mixed != before {
		t.Errorf("show --db DSN ID --json: exit %d, %.80q", code, mixed)
	}
	// After "--" a flag-looking word is an argument: no such article.
	if _, _, code := runCLI(t, nil, "show", "--db", dsn, "--", "--json"); code != exitNotFound {
		t.Errorf("show -- --json: exit %d, want %d (an article ID)", code, exitNotFound)
	}
	// Two positional arguments stay two, whatever flags sit between.
	if _, _, code := runCLI(t, nil, "show", a.ID, "--json", a.ID, "--db", dsn); code != exitUsage {
		t.Errorf("show ID --json ID: exit %d, want %d", code, exitUsage)
	}
	// A bad flag after the argument is still a usage error.
	if _, _, code := runCLI(t, nil, "show", a.ID, "--no-such-flag"); code != exitUsage {
		t.Errorf("show ID --no-such-flag: exit %d, want %d", code, exitUsage)
	}
	// Another subcommand, through the same parser.
	list, errOut, code := runCLI(t, nil, "stories", "--db", dsn, "--limit", "2")
	if code != exitOK {
		t.Fatalf("stories: exit %d: %s", code, errOut)
	}
	if n := strings.Count(strings.TrimSpace(list), "\n"); n != 2 {
		t.Errorf("stories --limit 2 printed %d rows:\n%s", n, list)
	}
}

// TestShowPrintsEveryLayer checks that `sitrep show` without --json
// prints the figures, claims, events, provenance verdict and story, in
// readable dates.
func TestShowPrintsEveryLayer(t *testing.T) {
	dsn := demoStore(t)
	a := richestArticle(t, dsn)
	out, errOut, code := runCLI(t, nil, "show", a.ID, "--db", dsn)
	if code != exitOK {
		t.Fatalf("show: exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"figures (" + itoa(len(a.Figures)) + "):",
		"claims (" + itoa(len(a.Claims)) + "):",
		"events (" + itoa(len(a.Events)) + "):",
		"provenance:      " + strings.ReplaceAll(a.Provenance.Kind, "_", " "),
		"story:           " + a.Story,
		a.Figures[0].Text,
		a.Claims[0].Cue,
		a.Events[0].Trigger,
		readableInstant(a.Published),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("show does not print %q:\n%s", want, out)
		}
	}
	if a.Genre == nil {
		t.Fatalf("article %s has no genre layer", a.ID)
	}
	if !strings.Contains(out, "genre:           "+strings.ReplaceAll(a.Genre.Kind, "_", " ")) {
		t.Errorf("show does not print the genre %s:\n%s", a.Genre.Kind, out)
	}
	if n := strings.Count(out, "\ngenre:"); n != 1 {
		t.Errorf("show prints the genre %d times, want once:\n%s", n, out)
	}
	if strings.Contains(out, "T00:00") || strings.Contains(out, " 00:00") {
		t.Errorf("show prints a midnight clock time:\n%s", out)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestReportFilters checks `report --story`, `--measure`, `--since` and
// `--top` on the demo store.
func TestReportFilters(t *testing.T) {
	dsn := demoStore(t)
	report := func(args ...string) situation {
		t.Helper()
		out, errOut, code := runCLI(t, nil, append([]string{"report", "--json", "--db", dsn}, args...)...)
		if code != exitOK {
			t.Fatalf("report %v: exit %d: %s", args, code, errOut)
		}
		var sit situation
		if err := json.Unmarshal([]byte(out), &sit); err != nil {
			t.Fatal(err)
		}
		return sit
	}
	all := report()
	if len(all.Stories) < 3 {
		t.Fatalf("%d demo stories, want at least 3", len(all.Stories))
	}
	biggest, second := 0, 0
	for _, st := range all.Stories {
		if n := len(st.Articles); n > biggest {
			biggest, second = n, biggest
		} else if n > second {
			second = n
		}
	}
	top := report("--top", "2")
	if len(top.Stories) != 2 || len(top.Stories[0].Articles) != biggest || len(top.Stories[1].Articles) != second {
		t.Errorf("--top 2: %d stories, want the two biggest (%d, %d articles)", len(top.Stories), biggest, second)
	}
	for _, a := range top.Articles {
		if a.Story != top.Stories[0].Story && a.Story != top.Stories[1].Story {
			t.Errorf("--top 2 keeps article %s of story %s", a.ID, a.Story)
		}
	}

	id := all.Stories[len(all.Stories)-1].Story
	one := report("--story", id)
	if len(one.Stories) != 1 || one.Stories[0].Story != id {
		t.Errorf("--story %s: %d stories", id, len(one.Stories))
	}
	for _, a := range one.Articles {
		if a.Story != id {
			t.Errorf("--story %s keeps article %s of story %s", id, a.ID, a.Story)
		}
	}
	if _, _, code := runCLI(t, nil, "report", "--db", dsn, "--story", "no-such-story"); code != exitNotFound {
		t.Errorf("--story no-such-story: exit %d, want %d", code, exitNotFound)
	}

	var measure string
	for _, g := range all.Ledger.Groups {
		if g.Measure != "" {
			measure = g.Measure
			break
		}
	}
	if measure == "" {
		t.Fatal("the demo ledger has no measure")
	}
	m := report("--measure", measure)
	if len(m.Stories) == 0 || len(m.Stories) >= len(all.Stories)+1 {
		t.Errorf("--measure %s: %d stories", measure, len(m.Stories))
	}
	for _, st := range m.Stories {
		for _, g := range st.Ledger {
			if !strings.Contains(strings.Join(append([]string{g.Measure}, g.Measures...), " "), measure) {
				t.Errorf("--measure %s keeps measure %s", measure, g.Measure)
			}
		}
	}
	if len(m.Ledger.Groups) >= len(all.Ledger.Groups) {
		t.Errorf("--measure %s keeps %d of %d ledger groups", measure, len(m.Ledger.Groups), len(all.Ledger.Groups))
	}

	// The demo articles' dates: since the latest day keeps only that day.
	var latest string
	for _, a := range all.Articles {
		if d := isoDate(a.Published); d > latest {
			latest = d
		}
	}
	since := report("--since", latest)
	if len(since.Articles) == 0 || len(since.Articles) >= len(all.Articles) {
		t.Errorf("--since %s: %d of %d articles", latest, len(since.Articles), len(all.Articles))
	}
	for _, a := range since.Articles {
		if isoDate(a.Published) < latest {
			t.Errorf("--since %s keeps article %s of %s", latest, a.ID, isoDate(a.Published))
		}
	}
	for _, bad := range [][]string{{"--since", "last week"}, {"--top", "-1"}} {
		if _, _, code := runCLI(t, nil, append([]string{"report", "--db", dsn}, bad...)...); code != exitUsage {
			t.Errorf("report %v: exit %d, want %d", bad, code, exitUsage)
		}
	}
	// The text report of one story is that story's only.
	out, _, _ := runCLI(t, nil, "report", "--db", dsn, "--story", id)
	if n := strings.Count("\n"+out, "\nstory "); n != 1 {
		t.Errorf("report --story %s prints %d stories:\n%s", id, n, out)
	}
}

// TestStoriesSort checks `stories --sort size|sources|origins|recent`.
func TestStoriesSort(t *testing.T) {
	dsn := demoStore(t)
	list := func(order string) []story.Summary {
		t.Helper()
		out, errOut, code := runCLI(t, nil, "stories", "--json", "--db", dsn, "--sort", order)
		if code != exitOK {
			t.Fatalf("stories --sort %s: exit %d: %s", order, code, errOut)
		}
		var rep struct {
			Stories []story.Summary `json:"stories"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		return rep.Stories
	}
	recent := list("recent")
	bySize := list("size")
	bySources := list("sources")
	byOrigins := list("origins")
	if len(recent) < 3 || len(bySize) != len(recent) || len(bySources) != len(recent) || len(byOrigins) != len(recent) {
		t.Fatalf("%d, %d, %d, %d stories", len(recent), len(bySize), len(bySources), len(byOrigins))
	}
	for i := 1; i < len(recent); i++ {
		if bySize[i].Articles > bySize[i-1].Articles {
			t.Errorf("--sort size: %d articles after %d", bySize[i].Articles, bySize[i-1].Articles)
		}
		if bySources[i].Sources > bySources[i-1].Sources {
			t.Errorf("--sort sources: %d sources after %d", bySources[i].Sources, bySources[i-1].Sources)
		}
		if byOrigins[i].Origins > byOrigins[i-1].Origins {
			t.Errorf("--sort origins: %d origins after %d", byOrigins[i].Origins, byOrigins[i-1].Origins)
		}
		if recent[i].Last.After(recent[i-1].Last) {
			t.Errorf("--sort recent: %v after %v", recent[i].Last, recent[i-1].Last)
		}
	}
	if bySize[0].ID == recent[0].ID && bySources[0].ID == recent[0].ID {
		t.Logf("the newest demo story is also the biggest")
	}
	if top := list("size"); len(top) > 0 {
		out, _, _ := runCLI(t, nil, "stories", "--db", dsn, "--sort", "size", "--limit", "1")
		if !strings.Contains(out, top[0].ID) {
			t.Errorf("stories --sort size --limit 1 does not list the biggest story %s:\n%s", top[0].ID, out)
		}
	}
	if _, _, code := runCLI(t, nil, "stories", "--db", dsn, "--sort", "alphabet"); code != exitUsage {
		t.Errorf("--sort alphabet: exit %d, want %d", code, exitUsage)
	}
}

// TestReadableTime checks the one helper every printed time goes through.
func TestReadableTime(t *testing.T) {
	for in, want := range map[string]string{
		"2022-W19":              "week 19 of 2022",
		"2031-SU":               "summer 2031",
		"2021-WI":               "winter 2021",
		"2024-FA":               "autumn 2024",
		"2022-05-09":            "9 May 2022",
		"2022-05-09T00:00:00Z":  "9 May 2022",
		"2022-05-09T14:30:00Z":  "9 May 2022 14:30",
		"2022-05":               "May 2022",
		"2022":                  "2022",
		"2022-Q3":               "Q3 2022",
		"2022-H1":               "first half of 2022",
		"198":                   "the 1980s",
		"P3W":                   "3 weeks",
		"P1D":                   "1 day",
		"P1Y6M":                 "1 year 6 months",
		"PT5H":                  "5 hours",
		"PXY":                   "years",
		"2022-05-01/2022-05-31": "1 May 2022 to 31 May 2022",
		"2021/2022":             "2021 to 2022",
		"PRESENT_REF":           "now",
		"":                      "undated",
		"XXXX-XX":               "XXXX-XX",
		"P":                     "P",
		"2022-W99":              "2022-W99",
	} {
		if got := readableTime(in); got != want {
			t.Errorf("readableTime(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestReadableSpan: a measure's span of times reads as its two ends do
// ("199" is the 1990s, not the year 199).
func TestReadableSpan(t *testing.T) {
	for _, c := range []struct{ first, last, want string }{
		{"199", "2023-03", "the 1990s to March 2023"},
		{"2022-05", "2022-05", "May 2022"},
		{"2022", "", "2022"},
		{"", "", ""},
	} {
		if got := readmodel.ReadableSpan(c.first, c.last); got != c.want {
			t.Errorf("ReadableSpan(%q, %q) = %q, want %q", c.first, c.last, got, c.want)
		}
	}
}

// TestTruncateKeepsCharactersWhole checks that truncation never cuts a
// character: not a multi-byte rune, not a base letter from its combining
// accent, not an emoji sequence.
func TestTruncateKeepsCharactersWhole(t *testing.T) {
	cases := []struct {
		in   string
		n    int
		want string
	}{
		{"Київ під обстрілом", 5, "Київ…"},
		{"Cafe\u0301 Cafe\u0301", 4, "Caf…"},
		{"Cafe\u0301s", 5, "Cafe\u0301s"},
		{"Cafe\u0301 au lait", 5, "Cafe\u0301…"},
		{"🇺🇦🇺🇦🇺🇦 flags", 3, "🇺🇦🇺🇦…"},
		{"👩‍👩‍👧 family", 2, "👩‍👩‍👧…"},
		{"short", 10, "short"},
	}
	for _, c := range cases {
		got := truncate(c.in, c.n)
		if got != c.want || !utf8.ValidString(got) {
			t.Errorf("truncate(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
	// The articles table cuts a long title on a character boundary.
	dsn := filepath.Join(t.TempDir(), "t.db")
	title := strings.Repeat("Cafe\u0301 ", 20)
	line := `{"url":"https://example.org/a","title":"` + title + `","text":"Officials said on Monday that the shelling went on. More text follows here."}`
	corpus := filepath.Join(t.TempDir(), "a.jsonl")
	if err := os.WriteFile(corpus, []byte(line+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runCLI(t, nil, "ingest", "--quiet", "--db", "sqlite:"+dsn, corpus); code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, errOut)
	}
	out, errOut, code := runCLI(t, nil, "articles", "--db", "sqlite:"+dsn)
	if code != exitOK {
		t.Fatalf("articles: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "\u0301…") || strings.Contains(out, "e…") {
		t.Errorf("articles cuts the title inside a character:\n%s", out)
	}
}

// TestUntitledArticlesHaveTitles checks that the articles table and the
// report show an untitled article by its opening sentence, as the pages
// and the API do, not by a dash.
func TestUntitledArticlesHaveTitles(t *testing.T) {
	dsn := "sqlite:" + filepath.Join(t.TempDir(), "t.db")
	corpus := filepath.Join(t.TempDir(), "a.txt")
	text := "Officials in Velmar said on Monday that the shelling of the river port went on through the night. More text follows."
	if err := os.WriteFile(corpus, []byte(text+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runCLI(t, nil, "ingest", "--quiet", "--db", dsn, corpus); code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, errOut)
	}
	for _, cmd := range []string{"articles", "report"} {
		out, errOut, code := runCLI(t, nil, cmd, "--db", dsn)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", cmd, code, errOut)
		}
		if !strings.Contains(out, "Officials in Velmar said on Monday") {
			t.Errorf("%s does not title the untitled article by its opening words:\n%s", cmd, out)
		}
	}
}

// TestReportOutletNotNamed: a story whose reports name no outlet says
// so instead of counting "0 outlets".
func TestReportOutletNotNamed(t *testing.T) {
	var b strings.Builder
	writeSituation(&b, situation{Stories: []storySituation{
		{Story: "s1", Articles: []storyArticle{{ID: "a1"}, {ID: "a2"}}, Outlets: 0, Origins: 2, Independent: 2},
		{Story: "s2", Articles: []storyArticle{{ID: "a3", Outlet: "The Example"}}, Outlets: 1, Origins: 1, Independent: 1},
	}})
	out := b.String()
	if strings.Contains(out, "0 outlets") || !strings.Contains(out, "2 reports · outlet not named · 2 independent origins") || !strings.Contains(out, "1 report · 1 outlet ·") {
		t.Errorf("report:\n%s", out)
	}
}
