package eval

import (
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"sitrep/internal/news"
)

// ThreadGold is one hand-labelled article of the thread gold set
// (testdata/gold/threads): its corpus ID, split, the thread it belongs to
// ("solo:ID" for an article that is a thread of its own), its outlet as
// the text or record shows it ("" when neither does) and its origin (the
// wire agency it credits, else the outlet, else "unknown:ID"). Round is
// 2 for the second dev round (threads5), 0 for the first selection.
type ThreadGold struct {
	ID       string `json:"id"`
	Split    string `json:"split"`
	Round    int    `json:"round,omitempty"`
	Thread   string `json:"thread"`
	Outlet   string `json:"outlet"`
	Origin   string `json:"origin"`
	Evidence string `json:"evidence,omitempty"`
}

// LoadThreadGold reads dir/threads.jsonl and checks its fields.
func LoadThreadGold(dir string) ([]ThreadGold, error) {
	path := filepath.Join(dir, "threads.jsonl")
	var gold []ThreadGold
	if err := readJSONL(path, &gold); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, g := range gold {
		switch {
		case g.Split != LedgerDev && g.Split != LedgerTest:
			return nil, fmt.Errorf("%s: article %s: unknown split %q", path, g.ID, g.Split)
		case g.Thread == "" || g.Origin == "":
			return nil, fmt.Errorf("%s: article %s: empty thread or origin", path, g.ID)
		case strings.HasPrefix(g.Thread, "solo:") && g.Thread != "solo:"+g.ID:
			return nil, fmt.Errorf("%s: article %s: solo thread %q names another article", path, g.ID, g.Thread)
		case g.Round != 0 && (g.Round != 2 || g.Split != LedgerDev):
			return nil, fmt.Errorf("%s: article %s: round %d in split %q (only dev has a round 2)", path, g.ID, g.Round, g.Split)
		case seen[g.ID]:
			return nil, fmt.Errorf("%s: article %s listed twice", path, g.ID)
		}
		seen[g.ID] = true
	}
	return gold, nil
}

// ThreadDev2 names the second dev round of the thread gold set as a
// split of its own: its articles are dev, scored here alone.
const ThreadDev2 = "dev2"

// inThreadSplit reports whether gold article g is scored in split: dev
// holds both dev rounds, dev2 the second round alone.
func inThreadSplit(g ThreadGold, split string) bool {
	if split == ThreadDev2 {
		return g.Split == LedgerDev && g.Round == 2
	}
	return g.Split == split
}

// ThreadReport scores the thread level (and, for comparison, the story
// level) against the thread gold set on one split (dev, test, or dev2 for
// the second dev round alone), and the
// independent-origin count of each gold thread.
type ThreadReport struct {
	Split string
	// Scores compares the threads of the split's stored gold articles
	// with their gold threads (pairs within the split only); Stories
	// compares their stories likewise.
	Scores, StoryScores ClusterScores
	// Missing counts gold articles of the split the store does not hold
	// (rejected or read as a duplicate); they are left out.
	Missing int
	// AloneGold counts stored gold articles that are alone in their story
	// in the whole store; AloneStories and Stories count the store's
	// single-article stories and all its stories.
	AloneGold, AloneStories, Stories int
	// AloneThreadGold, AloneThreads and ThreadCount are the same for
	// threads.
	AloneThreadGold, AloneThreads, ThreadCount int
	// Threads counts gold threads with two or more stored articles in the
	// split; OriginsExact those whose system origin count over their
	// members equals the hand count.
	Threads, OriginsExact int
	// OriginErrors lists thread, hand count and system count.
	OriginErrors []string
	// Groupings lists, for a split other than test, each gold thread the
	// system splits and each system thread that joins articles of more
	// than one gold thread, with the members' dates and titles.
	Groupings []string
}

// ScoreThreads scores stored articles (read from corpusPath, so that
// Path ends in "#LINE") against the gold set. lines maps corpus record IDs
// to their 1-based line numbers; thread gives the system's thread of a
// stored article ("" when it has none) and origin its independent origin.
func ScoreThreads(gold []ThreadGold, split string, lines map[string]int, stored []*news.Article,
	thread, origin func(*news.Article) string) ThreadReport {
	byLine := map[int]*news.Article{}
	storySize, threadSize := map[string]int{}, map[string]int{}
	for _, a := range stored {
		if i := strings.LastIndexByte(a.Path, '#'); i >= 0 {
			if n, err := strconv.Atoi(a.Path[i+1:]); err == nil {
				byLine[n] = a
			}
		}
		if a.Story != "" {
			storySize[a.Story]++
		}
		if t := thread(a); t != "" {
			threadSize[t]++
		}
	}
	rep := ThreadReport{Split: split, Stories: len(storySize), ThreadCount: len(threadSize)}
	for _, n := range storySize {
		if n == 1 {
			rep.AloneStories++
		}
	}
	for _, n := range threadSize {
		if n == 1 {
			rep.AloneThreads++
		}
	}
	goldOf, pred, predThread := map[string]string{}, map[string]string{}, map[string]string{}
	members := map[string][]*news.Article{}
	hand := map[string]map[string]bool{}
	for _, g := range gold {
		if !inThreadSplit(g, split) {
			continue
		}
		a := byLine[lines[g.ID]]
		if a == nil {
			rep.Missing++
			continue
		}
		goldOf[g.ID] = g.Thread
		if a.Story != "" {
			pred[g.ID] = a.Story
		}
		if storySize[a.Story] <= 1 {
			rep.AloneGold++
		}
		if t := thread(a); t != "" {
			predThread[g.ID] = t
		}
		if threadSize[thread(a)] <= 1 {
			rep.AloneThreadGold++
		}
		members[g.Thread] = append(members[g.Thread], a)
		if hand[g.Thread] == nil {
			hand[g.Thread] = map[string]bool{}
		}
		hand[g.Thread][g.Origin] = true
	}
	rep.Scores = ScoreClusters(goldOf, predThread)
	if split != LedgerTest {
		rep.Groupings = threadGroupings(goldOf, predThread, byID(byLine, lines, goldOf))
	}
	rep.StoryScores = ScoreClusters(goldOf, pred)
	threads := make([]string, 0, len(members))
	for t, as := range members {
		if len(as) > 1 {
			threads = append(threads, t)
		}
	}
	sort.Strings(threads)
	for _, t := range threads {
		sys := map[string]bool{}
		for _, a := range members[t] {
			sys[origin(a)] = true
		}
		rep.Threads++
		if len(sys) == len(hand[t]) {
			rep.OriginsExact++
		} else {
			rep.OriginErrors = append(rep.OriginErrors, fmt.Sprintf("%s: %d origins by hand, %d by the system (%d articles)", t, len(hand[t]), len(sys), len(members[t])))
		}
	}
	return rep
}

// byID maps the gold articles scored to their stored articles.
func byID(byLine map[int]*news.Article, lines map[string]int, scored map[string]string) map[string]*news.Article {
	m := make(map[string]*news.Article, len(scored))
	for id := range scored {
		m[id] = byLine[lines[id]]
	}
	return m
}

// threadGroupings describes where the system's threads and the gold
// threads part: each gold thread of two or more articles spread over
// several system threads, and each system thread holding articles of two
// or more gold threads. Each member is "date title [other side]".
func threadGroupings(gold, pred map[string]string, arts map[string]*news.Article) []string {
	byGold, byPred := map[string][]string{}, map[string][]string{}
	for id, g := range gold {
		byGold[g] = append(byGold[g], id)
		if p := pred[id]; p != "" {
			byPred[p] = append(byPred[p], id)
		}
	}
	member := func(id, other string) string {
		a := arts[id]
		return fmt.Sprintf("    %s %s [%s]", a.Published.Format("2006-01-02"), clip(a.Title, 70), other)
	}
	sortByDate := func(ids []string) {
		sort.Slice(ids, func(i, j int) bool {
			a, b := arts[ids[i]], arts[ids[j]]
			if !a.Published.Equal(b.Published) {
				return a.Published.Before(b.Published)
			}
			return ids[i] < ids[j]
		})
	}
	var out []string
	distinct := func(ids []string, of map[string]string) int {
		seen := map[string]bool{}
		for _, id := range ids {
			seen[of[id]] = true
		}
		return len(seen)
	}
	for _, g := range slices.Sorted(maps.Keys(byGold)) {
		ids := byGold[g]
		if len(ids) < 2 || distinct(ids, pred) < 2 {
			continue
		}
		sortByDate(ids)
		out = append(out, fmt.Sprintf("  split gold thread %s (%d articles in %d system threads):", g, len(ids), distinct(ids, pred)))
		for _, id := range ids {
			out = append(out, member(id, "system "+pred[id]))
		}
	}
	for _, p := range slices.Sorted(maps.Keys(byPred)) {
		ids := byPred[p]
		if distinct(ids, gold) < 2 {
			continue
		}
		sortByDate(ids)
		out = append(out, fmt.Sprintf("  mixed system thread %s (%d articles of %d gold threads):", p, len(ids), distinct(ids, gold)))
		for _, id := range ids {
			out = append(out, member(id, "gold "+gold[id]))
		}
	}
	return out
}

// Write prints the report.
func (r ThreadReport) Write(w io.Writer) error {
	fmt.Fprintf(w, "threads (%s): %d gold articles stored, %d missing\n", r.Split, r.Scores.Docs, r.Missing)
	fmt.Fprint(w, ClusterScoresHeader)
	WriteClusterScores(w, "stories-"+r.Split, r.StoryScores)
	WriteClusterScores(w, "threads-"+r.Split, r.Scores)
	fmt.Fprintf(w, "alone in their story: %d of %d gold articles; store: %d of %d stories hold one article (%.1f%%)\n",
		r.AloneGold, r.Scores.Docs, r.AloneStories, r.Stories, 100*ratio(r.AloneStories, r.Stories))
	fmt.Fprintf(w, "alone in their thread: %d of %d gold articles; store: %d of %d threads hold one article (%.1f%%)\n",
		r.AloneThreadGold, r.Scores.Docs, r.AloneThreads, r.ThreadCount, 100*ratio(r.AloneThreads, r.ThreadCount))
	fmt.Fprintf(w, "independent origins exact on %d of %d gold threads (%.1f%%)\n", r.OriginsExact, r.Threads, 100*ratio(r.OriginsExact, r.Threads))
	if r.Split == "test" {
		return nil // held out: counts only, never which threads miss
	}
	for _, e := range r.OriginErrors {
		fmt.Fprintf(w, "  %s\n", e)
	}
	for _, e := range r.Groupings {
		fmt.Fprintln(w, e)
	}
	return nil
}
