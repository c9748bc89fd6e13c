package main

import (
	"context"
	"fmt"
	"io"
	"sort"

	"sitrep/internal/news"
	"sitrep/internal/readmodel"
)

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
func writeFamilies(w io.Writer, rep *readmodel.Families) {
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
	articles, err := readmodel.All(ctx, s)
	if err != nil {
		return err
	}
	rep := readmodel.FamiliesOf(articles)
	if *asJSON {
		return writeJSON(env.stdout, rep)
	}
	writeFamilies(env.stdout, rep)
	return nil
}
