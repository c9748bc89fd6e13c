package main

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"sitrep/internal/readmodel"
	"sitrep/internal/store"
)

func runArticles(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "articles", "")
	db := dbFlag(fs, env)
	var opts store.EntryFilter
	fs.IntVar(&opts.Limit, "limit", 100, "most articles to list (at most 1000)")
	fs.StringVar(&opts.After, "after", "", "list the page after the article with this `ID`")
	fs.StringVar(&opts.Outlet, "outlet", "", "list articles of this outlet only")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("articles: unexpected argument %q: %w", fs.Arg(0), errUsage)
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	entries, err := s.ArticleEntries(ctx, opts)
	if err != nil {
		return fmt.Errorf("list articles: %w", err)
	}
	list := make([]store.Summary, len(entries))
	for i, e := range entries {
		list[i] = e.Summary
	}
	if *asJSON {
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(map[string]any{"articles": list})
	}
	tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tOUTLET\tPUBLISHED\tGENRE\tWORDS\tSTATUS\tTITLE")
	for _, e := range entries {
		a := e.Summary
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\t%s\n", a.ID, orDash(a.Outlet), date(a.Published), orDash(a.Genre), a.Words, a.Status, truncate(readmodel.EntryTitle(e), 70))
	}
	return tw.Flush()
}
