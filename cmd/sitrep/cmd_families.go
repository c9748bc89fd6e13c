package main

import (
	"context"
	"fmt"
	"io"
	"sort"

	"sitrep/internal/news"
	"sitrep/internal/store"
)

// provenanceReport is the corpus-level provenance section of the JSON
// report: how many articles, and how many independent families of
// reports they come from (docs/JSON.md).
type provenanceReport struct {
	Articles    int            `json:"articles"`
	Independent int            `json:"independent"`
	Kinds       map[string]int `json:"kinds"`
	Families    []familyReport `json:"families"`
}

// familyReport is one family: the article that came first and every
// article derived from it, in publication order.
type familyReport struct {
	First   string         `json:"first"`
	Title   string         `json:"title,omitempty"`
	Outlet  string         `json:"outlet,omitempty"`
	Members []familyMember `json:"members"`
}

// familyMember is one article of a family with its verdict.
type familyMember struct {
	ID     string `json:"id"`
	Kind   string `json:"kind"`
	Of     string `json:"of,omitempty"`
	Outlet string `json:"outlet,omitempty"`
}

// provenanceOf groups articles into families by their provenance
// verdicts; nil when no article has one.
func provenanceOf(articles []*news.Article) *provenanceReport {
	rep := &provenanceReport{Kinds: map[string]int{}}
	byID := map[string]*news.Article{}
	for _, a := range articles {
		byID[a.ID] = a
	}
	index := map[string]int{}
	for _, a := range sortedByPublication(articles) {
		p := a.Provenance
		if p == nil {
			continue
		}
		rep.Articles++
		rep.Kinds[p.Kind]++
		fam := p.Family
		if fam == "" {
			fam = a.ID
		}
		i, ok := index[fam]
		if !ok {
			first := byID[fam]
			f := familyReport{First: fam}
			if first != nil {
				f.Title, f.Outlet = first.Title, first.Outlet
			}
			i = len(rep.Families)
			index[fam] = i
			rep.Families = append(rep.Families, f)
		}
		rep.Families[i].Members = append(rep.Families[i].Members, familyMember{ID: a.ID, Kind: p.Kind, Of: p.Of, Outlet: a.Outlet})
	}
	if rep.Articles == 0 {
		return nil
	}
	rep.Independent = len(rep.Families)
	return rep
}

func sortedByPublication(articles []*news.Article) []*news.Article {
	out := append([]*news.Article(nil), articles...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Published, out[j].Published
		if a.IsZero() != b.IsZero() {
			return !a.IsZero()
		}
		return a.Before(b)
	})
	return out
}

// provenanceLine is the one-line verdict the terminal report prints.
func provenanceLine(a *news.Article, all []*news.Article) string {
	p := a.Provenance
	if p == nil {
		return ""
	}
	s := fmt.Sprintf("provenance: %s (%.2f)", p.Kind, p.Score)
	if p.Of != "" {
		s += " of " + p.Of
		for _, b := range all {
			if b.ID == p.Of && b.Outlet != "" {
				s += " (" + b.Outlet + ")"
			}
		}
	}
	if p.DeclaredSource != "" {
		s += "; declares " + p.DeclaredSource
	}
	return s
}

// writeFamilies prints the independence report.
func writeFamilies(w io.Writer, rep *provenanceReport) {
	if rep == nil {
		fmt.Fprintln(w, "no provenance verdicts")
		return
	}
	fmt.Fprintf(w, "%d articles from %d independent families\n", rep.Articles, rep.Independent)
	for i, f := range rep.Families {
		fmt.Fprintf(w, "\n%2d. %s  %s · %s — %d article(s)\n", i+1, f.First, orDash(f.Outlet), truncate(orDash(f.Title), 70), len(f.Members))
		for _, m := range f.Members {
			of := ""
			if m.Of != "" {
				of = " of " + m.Of
			}
			fmt.Fprintf(w, "      %s  %-12s %s%s\n", m.ID, m.Kind, orDash(m.Outlet), of)
		}
	}
}

// runFamilies prints the families of the stored articles: how many
// independent sources the store's reports come from.
func runFamilies(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "families", "\n\nGroups stored articles into families of reports derived from one another.")
	db := dbFlag(fs, env)
	asJSON := fs.Bool("json", false, "print JSON (the schema is in docs/JSON.md)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	articles, err := allArticles(ctx, s)
	if err != nil {
		return err
	}
	rep := provenanceOf(articles)
	if *asJSON {
		return writeJSON(env.stdout, rep)
	}
	writeFamilies(env.stdout, rep)
	return nil
}

// allArticles reads every stored article, page by page.
func allArticles(ctx context.Context, s store.ArticleReader) ([]*news.Article, error) {
	var out []*news.Article
	after := ""
	for {
		page, err := s.Articles(ctx, store.ListOptions{Limit: 1000, After: after})
		if err != nil {
			return nil, err
		}
		for _, sum := range page {
			a, err := s.Article(ctx, sum.ID)
			if err != nil {
				return nil, err
			}
			out = append(out, a)
		}
		if len(page) < 1000 {
			return out, nil
		}
		after = page[len(page)-1].ID
	}
}
