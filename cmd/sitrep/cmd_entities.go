package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	linkentity "sitrep/internal/link/entity"
	"sitrep/internal/store"
)

// entityLister opens the store and returns its entity index.
func entityLister(ctx context.Context, dsn string) (store.Store, linkentity.Lister, error) {
	s, err := openStore(ctx, dsn)
	if err != nil {
		return nil, nil, err
	}
	l, ok := s.(linkentity.Lister)
	if !ok {
		s.Close()
		return nil, nil, fmt.Errorf("this store keeps no entity index")
	}
	return s, l, nil
}

func aliasList(as []linkentity.Alias) string {
	parts := make([]string, len(as))
	for i, a := range as {
		parts[i] = fmt.Sprintf("%s (%d)", a.Text, a.Count)
	}
	return strings.Join(parts, "; ")
}

// runEntities lists canonical entities: `sitrep entities`.
func runEntities(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "entities", "")
	db := dbFlag(fs, env)
	typ := fs.String("type", "", "list entities of this `TYPE` only (PER, ORG, LOC, GPE, MISC)")
	limit := fs.Int("limit", 100, "most entities to list")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("entities: unexpected argument %q: %w", fs.Arg(0), errUsage)
	}
	s, l, err := entityLister(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	list, err := l.Entities(ctx, strings.ToUpper(*typ), *limit)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.stdout, map[string]any{"entities": list})
	}
	tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ENTITY\tTYPE\tMENTIONS\tARTICLES\tCANONICAL\tALIASES")
	for _, e := range list {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\n", e.Entity, e.Type, e.Mentions, e.Articles, e.Canonical, truncate(aliasList(e.Aliases), 80))
	}
	return tw.Flush()
}

// runEntity shows one entity: `sitrep entity NAME`.
func runEntity(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "entity", "NAME")
	db := dbFlag(fs, env)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("entity: name one entity (an ID, a name or an alias): %w", errUsage)
	}
	s, l, err := entityLister(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	e, err := linkentity.Lookup(ctx, l, fs.Arg(0))
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.stdout, e)
	}
	fmt.Fprintf(env.stdout, "%s  %s  %s\n%d mentions in %d articles\naliases: %s\narticles: %s\n",
		e.Canonical, e.Type, e.Entity, e.Mentions, e.Articles, aliasList(e.Aliases), strings.Join(e.ArticleIDs, " "))
	return nil
}
