package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"sitrep/internal/news"
	"sitrep/internal/readmodel"
)

// runThreads lists the threads: `sitrep threads`.
func runThreads(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "threads", "")
	db := dbFlag(fs, env)
	limit := fs.Int("limit", 100, "most threads to list (at most 1000)")
	after := fs.String("after", "", "list the threads after this cursor (the last line of a listing names it)")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("threads: unexpected argument %q: %w", fs.Arg(0), errUsage)
	}
	var cur news.ThreadCursor
	if *after != "" {
		n, id, ok := strings.Cut(*after, ":")
		var err error
		if cur.Articles, err = strconv.Atoi(n); !ok || err != nil || id == "" {
			return fmt.Errorf("threads: --after %q: want ARTICLES:ID: %w", *after, errUsage)
		}
		cur.ID = id
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	page, err := readmodel.NewCatalog(s, 0).Threads(ctx, cur, *limit)
	if err != nil {
		return fmt.Errorf("threads: %w", err)
	}
	if *asJSON {
		return writeJSON(env.stdout, page)
	}
	tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "THREAD\tSTORIES\tARTICLES\tOUTLETS\tORIGINS\tSPAN\tTITLE")
	for _, t := range page.Threads {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%s\t%s\n", t.ID, t.Stories, t.Articles, t.Outlets, t.Origins,
			span(t.First, t.Last), truncate(t.Title, 60))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if page.Next != nil {
		fmt.Fprintf(env.stdout, "more: sitrep threads --after %d:%s\n", page.Next.Articles, page.Next.ID)
	}
	return nil
}

// span is a thread's or story's span of publication dates.
func span(first, last time.Time) string {
	f, l := dateOf(first), dateOf(last)
	if f == l {
		return f
	}
	return f + " to " + l
}

// dateOf is a time's date ("undated" for the zero time).
func dateOf(t time.Time) string {
	if t.IsZero() {
		return "undated"
	}
	return t.UTC().Format("2006-01-02")
}

// runThread shows one thread: `sitrep thread ID`.
func runThread(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "thread", "ID")
	db := dbFlag(fs, env)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("thread: give one thread ID (sitrep threads lists them): %w", errUsage)
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	d, err := readmodel.NewCatalog(s, 0).Thread(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.stdout, d)
	}
	w := env.stdout
	fmt.Fprintf(w, "%s\n  thread %s: %d stories, %d reports · %s · %d independent origins, %s\n",
		d.Thread.Title, d.Thread.ID, d.Thread.Stories, d.Thread.Articles, outletsCounted(d.Thread.Outlets), d.Thread.Origins, span(d.Thread.First, d.Thread.Last))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  STORY\tARTICLES\tORIGINS\tSPAN\tTITLE")
	for _, st := range d.Stories {
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%s\t%s\n", st.ID, st.Articles, st.Origins, span(st.First, st.Last), truncate(st.Title, 60))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(d.Measures) > 0 {
		fmt.Fprintln(w, "  global measures its articles report:")
		tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "  MEASURE\tARTICLES\tFIGURES\tLABEL")
		for _, m := range d.Measures {
			fmt.Fprintf(tw, "  %s\t%d\t%d\t%s\n", m.ID, m.Articles, m.Figures, truncate(m.Label, 50))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	fmt.Fprintln(w, "  history:")
	for _, e := range d.Events {
		at := dateOf(e.At)
		switch e.Kind {
		case news.ThreadMerged:
			fmt.Fprintf(w, "  %s  merge: thread %s joined %s (article %s, score %.2f)\n", at, e.Other, e.Thread, e.Article, e.Score)
		default:
			fmt.Fprintf(w, "  %s  %s: thread %s (article %s)\n", at, e.Kind, e.Thread, e.Article)
		}
	}
	return nil
}
