package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"sitrep/internal/ledger"
	"sitrep/internal/news"
	"sitrep/internal/readmodel"
	"sitrep/internal/store"
)

func runReport(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "report", "\n\nPrints the situation picture of the stored articles, per story: the articles with\n"+
		"provenance badges and independent sources, the figure ledger (who says how many, when, and\n"+
		"whether later values are an evolution or a contradiction) and the top actors.")
	db := dbFlag(fs, env)
	asJSON := fs.Bool("json", false, "print JSON with every layer and evidence span (docs/JSON.md)")
	var sel reportFilter
	fs.StringVar(&sel.story, "story", "", "report this story `ID` only")
	fs.StringVar(&sel.measure, "measure", "", "keep ledger measures containing this `TEXT` (and the stories that have one)")
	since := fs.String("since", "", "keep articles published on or after this `DATE` (YYYY-MM-DD)")
	fs.IntVar(&sel.top, "top", 0, "keep the `N` stories with the most articles, biggest first (0: every story, oldest first)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("report: unexpected argument %q: %w", fs.Arg(0), errUsage)
	}
	if *since != "" {
		t, err := time.Parse(time.DateOnly, *since)
		if err != nil {
			return fmt.Errorf("report: --since %q: want a date YYYY-MM-DD: %w", *since, errUsage)
		}
		sel.since = t
	}
	if sel.top < 0 {
		return fmt.Errorf("report: --top %d: want 0 or more: %w", sel.top, errUsage)
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	articles, err := readmodel.All(ctx, s)
	if err != nil {
		return err
	}
	sortedByPub := sortedByPublication(sel.articles(articles))
	sit := sel.situation(situationOf(sortedByPub))
	if sel.story != "" && len(sit.Stories) == 0 {
		return fmt.Errorf("report: story %s: %w", sel.story, store.ErrNotFound)
	}
	if *asJSON {
		return writeJSON(env.stdout, sit)
	}
	writeSituation(env.stdout, sit)
	return nil
}

// reportFilter is what `sitrep report` keeps: one story, measures
// containing a text, articles since a day, the biggest stories.
type reportFilter struct {
	story, measure string
	since          time.Time
	top            int
}

// articles keeps the articles of the chosen story published since the
// chosen day (undated ones drop out when a day is given).
func (f reportFilter) articles(list []*news.Article) []*news.Article {
	var out []*news.Article
	for _, a := range list {
		if f.story != "" && a.Story != f.story {
			continue
		}
		if !f.since.IsZero() && a.Published.Before(f.since) {
			continue
		}
		out = append(out, a)
	}
	return out
}

// keepsMeasure reports whether g is one of the chosen measures.
func (f reportFilter) keepsMeasure(g ledger.Group) bool {
	if f.measure == "" {
		return true
	}
	want := strings.ToLower(f.measure)
	for _, m := range append([]string{g.Measure}, g.Measures...) {
		if strings.Contains(strings.ToLower(m), want) {
			return true
		}
	}
	return false
}

// situation keeps the chosen measures, drops the stories left without
// one when a measure is chosen, and keeps the biggest stories.
func (f reportFilter) situation(sit situation) situation {
	if f.measure != "" {
		var groups []ledger.Group
		for _, g := range sit.Ledger.Groups {
			if f.keepsMeasure(g) {
				groups = append(groups, g)
			}
		}
		sit.Ledger.Groups = groups
		var kept []storySituation
		for _, st := range sit.Stories {
			var groups []ledger.Group
			for _, g := range st.Ledger {
				if f.keepsMeasure(g) {
					groups = append(groups, g)
				}
			}
			if len(groups) > 0 {
				st.Ledger = groups
				kept = append(kept, st)
			}
		}
		sit.Stories = kept
	}
	if f.top > 0 {
		sort.SliceStable(sit.Stories, func(i, j int) bool { return len(sit.Stories[i].Articles) > len(sit.Stories[j].Articles) })
		if len(sit.Stories) > f.top {
			sit.Stories = sit.Stories[:f.top]
		}
	}
	if f.measure != "" || f.top > 0 {
		keep := map[string]bool{}
		for _, st := range sit.Stories {
			keep[st.Story] = true
		}
		var arts []*news.Article
		for _, a := range sit.Articles {
			if keep[a.Story] {
				arts = append(arts, a)
			}
		}
		sit.Articles = arts
		var groups []ledger.Group
		for _, g := range sit.Ledger.Groups {
			if keep[g.Story] {
				groups = append(groups, g)
			}
		}
		sit.Ledger.Groups = groups
	}
	return sit
}

// situation is the document `sitrep report --json` prints.
type situation struct {
	Stories []storySituation `json:"stories"`
	// Ledger is the figure ledger over every article (grouped by story).
	Ledger   *ledger.Ledger  `json:"ledger"`
	Articles []*news.Article `json:"articles"`
}

// storySituation is one story's part of the report.
type storySituation struct {
	Story       string            `json:"story"`
	Articles    []storyArticle    `json:"articles"`
	Independent int               `json:"independent_sources"`
	Outlets     int               `json:"outlets"`
	Origins     int               `json:"origins"`
	Ledger      []ledger.Group    `json:"ledger"`
	Actors      []readmodel.Actor `json:"actors"`
}

// storyArticle is one article line of a story.
type storyArticle struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Published string `json:"published,omitempty"`
	Badge     string `json:"provenance"`
	Family    string `json:"family"`
	Figures   int    `json:"figures"`
	Claims    int    `json:"claims"`
}

// maxActors bounds the actors a story's report lists.
const maxActors = 8

func situationOf(articles []*news.Article) situation {
	led := ledger.Build(articles)
	sit := situation{Ledger: led, Articles: articles}
	byStory := map[string]*storySituation{}
	byStoryArts := map[string][]*news.Article{}
	var order []string
	for _, a := range articles {
		byStoryArts[a.Story] = append(byStoryArts[a.Story], a)
		st := byStory[a.Story]
		if st == nil {
			st = &storySituation{Story: a.Story}
			byStory[a.Story] = st
			order = append(order, a.Story)
		}
		badge, fam := "unjudged", a.ID
		if a.Provenance != nil {
			badge = a.Provenance.Kind
			if a.Provenance.Family != "" {
				fam = a.Provenance.Family
			}
		}
		st.Articles = append(st.Articles, storyArticle{ID: a.ID, Title: readmodel.ArticleTitle(a), Outlet: a.Outlet, Published: isoDate(a.Published),
			Badge: badge, Family: fam, Figures: len(a.Figures), Claims: len(a.Claims)})
	}
	for _, k := range order {
		st := byStory[k]
		fams := map[string]bool{}
		for _, a := range st.Articles {
			fams[a.Family] = true
		}
		st.Independent = len(fams)
		outlets, origins := map[string]bool{}, map[string]bool{}
		for _, a := range byStoryArts[k] {
			if a.Outlet != "" {
				outlets[a.Outlet] = true
			}
			origins[a.Origin()] = true
		}
		st.Outlets, st.Origins = len(outlets), len(origins)
		for _, g := range led.Groups {
			if g.Story == k {
				st.Ledger = append(st.Ledger, g)
			}
		}
		st.Actors = readmodel.TopActors(byStoryArts[k], maxActors)
		sit.Stories = append(sit.Stories, *st)
	}
	return sit
}

func writeSituation(w io.Writer, sit situation) {
	for _, st := range sit.Stories {
		name := st.Story
		if name == "" {
			name = "all articles (no stories yet)"
		}
		fmt.Fprintf(w, "story %s: %s · %s · %s (%s)\n", name, counted(len(st.Articles), "report", "reports"),
			outletsCounted(st.Outlets), counted(st.Origins, "independent origin", "independent origins"),
			counted(st.Independent, "provenance family", "provenance families"))
		for _, a := range st.Articles {
			fmt.Fprintf(w, "  [%s] %s  %s · %s · %s\n", a.Badge, a.ID, orDash(a.Outlet), readableTime(a.Published), truncate(a.Title, 70))
		}
		if len(st.Actors) > 0 {
			var parts []string
			for _, c := range st.Actors {
				parts = append(parts, fmt.Sprintf("%s (%d)", c.Name, c.Mentions))
			}
			fmt.Fprintf(w, "  top actors: %s\n", strings.Join(parts, ", "))
		}
		writeLedger(w, st.Ledger, sit.Articles)
		fmt.Fprintln(w)
	}
}

// counted writes n with the singular or plural noun.
func counted(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// outletsCounted is "n outlets", or "outlet not named" when no report
// of the group names its outlet (records without one).
func outletsCounted(n int) string {
	if n == 0 {
		return "outlet not named"
	}
	return counted(n, "outlet", "outlets")
}

// writeLedger prints ledger groups as a table, groups with more than
// one value first.
func writeLedger(w io.Writer, groups []ledger.Group, articles []*news.Article) {
	if len(groups) == 0 {
		return
	}
	outlet := map[string]string{}
	for _, a := range articles {
		outlet[a.ID] = a.Outlet
	}
	fmt.Fprintf(w, "  ledger: %d measures\n", len(groups))
	fmt.Fprintf(w, "    %-26s %-18s %-30s %-20s %-22s %3s  %s\n", "MEASURE", "VALUE", "SPEAKER", "DATE", "ARTICLE", "SRC", "RELATION")
	for _, g := range groups {
		for i, e := range g.Entries {
			m := ""
			if i == 0 {
				m = g.Measure
				if g.Label != "" {
					m = g.Label // the measure in words, not its key
				}
			}
			val := withHedge(e.Text, e.Hedge)
			rel := e.Relation
			if e.Versus >= 0 {
				rel += " vs " + g.Entries[e.Versus].Text
			}
			art := e.Article
			if o := outlet[e.Article]; o != "" {
				art = o
			}
			fmt.Fprintf(w, "    %-26s %-18s %-30s %-20s %-22s %3s  %s\n", truncate(m, 26), truncate(val, 18), truncate(readmodel.SpeakerName(e.Speaker), 30),
				truncate(readableTime(e.Time), 20), truncate(art, 22), strconv.Itoa(e.Sources), rel)
		}
	}
}
