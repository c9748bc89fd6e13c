package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"sitrep/internal/news"
	"sitrep/internal/readmodel"
)

// runMeasures lists the global measures: `sitrep measures`.
func runMeasures(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "measures", "")
	db := dbFlag(fs, env)
	limit := fs.Int("limit", 100, "most measures to list (at most 1000)")
	after := fs.String("after", "", "list the measures after this cursor (the last line of a listing names it)")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("measures: unexpected argument %q: %w", fs.Arg(0), errUsage)
	}
	var cur news.MeasureCursor
	if *after != "" {
		n, id, ok := strings.Cut(*after, ":")
		var err error
		if cur.Articles, err = strconv.Atoi(n); !ok || err != nil || id == "" {
			return fmt.Errorf("measures: --after %q: want ARTICLES:ID: %w", *after, errUsage)
		}
		cur.ID = id
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	page, err := readmodel.NewCatalog(s, 0).Measures(ctx, cur, *limit)
	if err != nil {
		return fmt.Errorf("measures: %w", err)
	}
	if *asJSON {
		return writeJSON(env.stdout, page)
	}
	tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "MEASURE\tLABEL\tVALUES\tSPEAKERS\tARTICLES\tSTORIES\tSPAN")
	for _, m := range page.Measures {
		span := readmodel.ReadableSpan(m.First, m.Last)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%s\n", m.ID, truncate(m.Label, 40), truncate(strings.Join(m.Values, ", "), 36),
			truncate(strings.Join(m.SpeakerNames, ", "), 40), m.Articles, m.Stories, span)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if page.Next != nil {
		fmt.Fprintf(env.stdout, "more: sitrep measures --after %d:%s\n", page.Next.Articles, page.Next.ID)
	}
	return nil
}

// runMeasure shows one global measure: `sitrep measure ID`.
func runMeasure(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "measure", "ID")
	db := dbFlag(fs, env)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("measure: give one measure ID (sitrep measures lists them): %w", errUsage)
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	d, err := readmodel.MeasureDetailOf(ctx, readmodel.NewCatalog(s, 0), fs.Arg(0))
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.stdout, d)
	}
	m := d.Measure
	w := env.stdout
	fmt.Fprintf(w, "%s\n  key %s, unit %q\n  %d figures, %d articles, %d stories, %d speakers", m.Label, m.Key, m.Unit, m.Figures, m.Articles, len(d.Stories), m.Speakers)
	if m.First != "" {
		fmt.Fprintf(w, ", %s", readmodel.ReadableSpan(m.First, m.Last))
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  TIME\tVALUE\tSPEAKER\tSRC\tRELATION\tSTORY\tARTICLE")
	rows := d.Ledger.Figures
	for _, f := range rows {
		t := f.Time
		if t == "" {
			t = f.Published
		}
		art := f.Article
		if f.Outlet != "" {
			art = f.Outlet + " " + f.Article
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%d\t%s\t%s\t%s\n", t, truncate(withHedge(f.Text, f.Hedge), 24), truncate(readmodel.SpeakerName(f.Speaker), 32),
			f.Sources, f.Relation, f.Story, truncate(art, 40))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, c := range d.Ledger.Contradictions {
		fmt.Fprintf(w, "  contradiction (%s): %s vs %s\n    %s: %s\n    %s: %s\n", c.Time, rows[c.A].Text, rows[c.B].Text,
			c.SpeakerA, c.SentenceA, c.SpeakerB, c.SentenceB)
	}
	return nil
}
