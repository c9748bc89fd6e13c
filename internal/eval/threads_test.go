package eval

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"sitrep/internal/news"
	"sitrep/internal/sharedtest"
)

var threadsDir = filepath.Join("..", "..", "testdata", "gold", "threads")

// TestThreadGoldLoads checks the committed gold set loads and holds what
// the stories issue asks for: at least 150 articles, split dev/test, with
// threads of several articles in both halves.
func TestThreadGoldLoads(t *testing.T) {
	gold, err := LoadThreadGold(threadsDir)
	if err != nil {
		t.Fatal(err)
	}
	size := map[string]map[string]int{LedgerDev: {}, LedgerTest: {}}
	for _, g := range gold {
		size[g.Split][g.Thread]++
	}
	for split, threads := range size {
		multi := 0
		for _, n := range threads {
			if n > 1 {
				multi++
			}
		}
		if multi < 8 {
			t.Errorf("%s: %d threads with two or more articles, want at least 8", split, multi)
		}
	}
	if len(gold) < 150 {
		t.Errorf("%d gold articles, want at least 150", len(gold))
	}
}

// TestThreadGoldSelection recomputes the selection and the split from the
// corpus (rules in testdata/gold/threads/README.md).
func TestThreadGoldSelection(t *testing.T) {
	corpus := sharedtest.Path(t, "data", "ukraine-war-news", "articles.jsonl")
	gold, err := LoadThreadGold(threadsDir)
	if err != nil {
		t.Fatal(err)
	}
	hash := func(s string) string {
		h := sha256.Sum256([]byte(s))
		return hex.EncodeToString(h[:])
	}
	var pool []string
	err = scanCorpus(corpus, func(id string, _ int, raw []byte) {
		var r struct {
			Flags []string `json:"quality_flags"`
			Text  string   `json:"text"`
		}
		if err := json.Unmarshal(raw, &r); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if len(r.Flags) == 0 && strings.TrimSpace(r.Text) != "" {
			pool = append(pool, id)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(pool, func(i, j int) bool { return hash("threadgold-v1:"+pool[i]) < hash("threadgold-v1:"+pool[j]) })
	chosen := pool[:200]
	sort.Slice(chosen, func(i, j int) bool { return hash("threadgold-split:"+chosen[i]) < hash("threadgold-split:"+chosen[j]) })
	want, round := map[string]string{}, map[string]int{}
	for i, id := range chosen {
		want[id] = LedgerDev
		if i%2 == 1 {
			want[id] = LedgerTest
		}
	}
	// The second dev round (threads5): the next 100 of the rest of the
	// pool by another salt.
	rest := pool[200:]
	sort.Slice(rest, func(i, j int) bool { return hash("threadgold-v2:"+rest[i]) < hash("threadgold-v2:"+rest[j]) })
	for _, id := range rest[:100] {
		want[id], round[id] = LedgerDev, 2
	}
	if len(gold) != len(want) {
		t.Fatalf("%d gold articles, the rule selects %d", len(gold), len(want))
	}
	for _, g := range gold {
		if want[g.ID] != g.Split || round[g.ID] != g.Round {
			t.Errorf("%s: split %q round %d, the rule gives %q round %d", g.ID, g.Split, g.Round, want[g.ID], round[g.ID])
		}
	}
}

// TestScoreThreads checks the scores on a store written for the test:
// stories, single-article stories and origin counts.
func TestScoreThreads(t *testing.T) {
	gold := []ThreadGold{
		{ID: "a", Split: LedgerDev, Thread: "t1", Origin: "Outlet A"},
		{ID: "b", Split: LedgerDev, Thread: "t1", Origin: "Outlet A"},
		{ID: "c", Split: LedgerDev, Thread: "t1", Origin: "Reuters"},
		{ID: "d", Split: LedgerDev, Thread: "solo:d", Origin: "Outlet B"},
		{ID: "e", Split: LedgerTest, Thread: "t1", Origin: "Outlet C"},
	}
	lines := map[string]int{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}
	art := func(line int, story, family string) *news.Article {
		return &news.Article{ID: family + story, Path: "x.jsonl#" + string(rune('0'+line)), Story: story,
			Provenance: &news.Provenance{Family: family}}
	}
	stored := []*news.Article{art(1, "s1", "f1"), art(2, "s1", "f2"), art(3, "s2", "f3"), art(4, "s3", "f4"), art(5, "s1", "f5")}
	family := func(a *news.Article) string { return a.Provenance.Family }
	// Threads: stories s1 and s2 in thread T, s3 in thread U.
	thread := func(a *news.Article) string {
		if a.Story == "s3" {
			return "U"
		}
		return "T"
	}
	rep := ScoreThreads(gold, LedgerDev, lines, stored, thread, family)
	if rep.Scores.Docs != 4 || rep.Missing != 0 {
		t.Fatalf("docs %d missing %d, want 4 and 0", rep.Scores.Docs, rep.Missing)
	}
	// Gold pairs: ab, ac, bc; stories: ab → P 1, R 1/3; threads: ab, ac,
	// bc → P 1, R 1.
	if rep.StoryScores.PairP != 1 || rep.StoryScores.PairR < 0.333 || rep.StoryScores.PairR > 0.334 {
		t.Errorf("story pair P %.3f R %.3f, want 1 and 0.333", rep.StoryScores.PairP, rep.StoryScores.PairR)
	}
	if rep.Scores.PairP != 1 || rep.Scores.PairR != 1 {
		t.Errorf("thread pair P %.3f R %.3f, want 1 and 1", rep.Scores.PairP, rep.Scores.PairR)
	}
	if rep.AloneThreadGold != 1 || rep.AloneThreads != 1 || rep.ThreadCount != 2 {
		t.Errorf("alone %d of gold, %d of %d threads; want 1, 1 of 2", rep.AloneThreadGold, rep.AloneThreads, rep.ThreadCount)
	}
	if rep.AloneGold != 2 || rep.AloneStories != 2 || rep.Stories != 3 {
		t.Errorf("alone %d of gold, %d of %d stories; want 2, 2 of 3", rep.AloneGold, rep.AloneStories, rep.Stories)
	}
	// t1 in dev: hand origins {Outlet A, Reuters} = 2, families 3.
	if rep.Threads != 1 || rep.OriginsExact != 0 || len(rep.OriginErrors) != 1 {
		t.Errorf("threads %d exact %d errors %v; want 1, 0 and one error", rep.Threads, rep.OriginsExact, rep.OriginErrors)
	}
	byOutlet := func(a *news.Article) string {
		if a.Provenance.Family == "f3" {
			return "Reuters"
		}
		return "Outlet A"
	}
	if rep := ScoreThreads(gold, LedgerDev, lines, stored, thread, byOutlet); rep.OriginsExact != 1 {
		t.Errorf("origins exact %d with the right origin function, want 1", rep.OriginsExact)
	}
	var out bytes.Buffer
	if err := rep.Write(&out); err != nil || !strings.Contains(out.String(), "t1: 2 origins by hand, 3 by the system") {
		t.Errorf("report:\n%s", out.String())
	}
	// Where the threads part: c moved to d's thread splits t1 and mixes U;
	// the test split lists nothing.
	moved := func(a *news.Article) string {
		if a.Story == "s1" {
			return "T"
		}
		return "U"
	}
	if g := ScoreThreads(gold, LedgerDev, lines, stored, moved, family).Groupings; len(g) != 7 ||
		!strings.Contains(g[0], "split gold thread t1 (3 articles in 2 system threads)") ||
		!strings.Contains(g[4], "mixed system thread U (2 articles of 2 gold threads)") || !strings.Contains(g[6], "[gold solo:d]") {
		t.Errorf("groupings:\n%s", strings.Join(g, "\n"))
	}
	if g := ScoreThreads(gold, LedgerTest, lines, stored, moved, family).Groupings; len(g) != 0 {
		t.Errorf("test split groupings: %q, want none", g)
	}
	// dev2 scores the second dev round alone; dev holds both rounds.
	gold2 := append([]ThreadGold{}, gold...)
	gold2[0].Round, gold2[1].Round = 2, 2
	if r2 := ScoreThreads(gold2, ThreadDev2, lines, stored, thread, family); r2.Scores.Docs != 2 || r2.Threads != 1 {
		t.Errorf("dev2: %d docs, %d threads; want 2 and 1", r2.Scores.Docs, r2.Threads)
	}
	if r := ScoreThreads(gold2, LedgerDev, lines, stored, thread, family); r.Scores.Docs != 4 {
		t.Errorf("dev with a round 2: %d docs, want 4", r.Scores.Docs)
	}
	// The test split's report names no thread: it is held out.
	rep.Split = "test"
	out.Reset()
	if err := rep.Write(&out); err != nil || strings.Contains(out.String(), "t1") || !strings.Contains(out.String(), "independent origins exact") {
		t.Errorf("test report names a thread:\n%s", out.String())
	}
}

// TestThreadGoldRoundOnlyDev checks a round 2 is refused outside dev.
func TestThreadGoldRoundOnlyDev(t *testing.T) {
	dir := t.TempDir()
	line := `{"id":"x","split":"test","round":2,"thread":"t","outlet":"","origin":"unknown:x"}` + "\n"
	if err := os.WriteFile(filepath.Join(dir, "threads.jsonl"), []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadThreadGold(dir); err == nil {
		t.Error("a round-2 test article loads, want an error")
	}
}
