package main

import (
	"context"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"text/tabwriter"

	"sitrep/internal/eval"
	"sitrep/internal/link/story"
	"sitrep/internal/news"
	"sitrep/internal/readmodel"
	"sitrep/internal/wiring"
)

// runStories lists stories: `sitrep stories`.
func runStories(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "stories", "")
	db := dbFlag(fs, env)
	limit := fs.Int("limit", 100, "most stories to list")
	asJSON := fs.Bool("json", false, "print JSON (with each story's article IDs)")
	order := fs.String("sort", "recent", "order: recent (last article first), size (most articles first), sources (most provenance families first) or origins (most independent origins first)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	bigger, ok := storyOrders[*order]
	if !ok {
		return fmt.Errorf("stories: --sort %q: want recent, size, sources or origins: %w", *order, errUsage)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("stories: unexpected argument %q: %w", fs.Arg(0), errUsage)
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	l, ok := s.(story.Lister)
	if !ok {
		return fmt.Errorf("this store keeps no story index")
	}
	n := *limit
	if bigger != nil {
		n = math.MaxInt32 // every story, to sort them all
	}
	list, err := l.Stories(ctx, n)
	if err != nil {
		return err
	}
	if bigger != nil {
		sort.SliceStable(list, func(i, j int) bool { return bigger(list[i], list[j]) })
		if *limit > 0 && len(list) > *limit {
			list = list[:*limit]
		}
	}
	cat := readmodel.NewCatalog(s, 0)
	for i := range list {
		if list[i].Title, err = cat.TitleOr(ctx, list[i].Title, list[i].ID); err != nil {
			return err
		}
	}
	if *asJSON {
		type storyJSON struct {
			story.Summary
			ArticleIDs []string `json:"article_ids"`
		}
		out := make([]storyJSON, len(list))
		for i, st := range list {
			ids, err := l.StoryArticles(ctx, st.ID)
			if err != nil {
				return err
			}
			out[i] = storyJSON{st, ids}
		}
		return writeJSON(env.stdout, map[string]any{"stories": out})
	}
	tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "STORY\tREPORTS\tOUTLETS\tORIGINS\tFAMILIES\tFIRST\tLAST\tTITLE")
	for _, st := range list {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%s\t%s\t%s\n", st.ID, st.Articles, st.Outlets, st.Origins, st.Sources,
			date(st.First), date(st.Last), st.Title)
	}
	return tw.Flush()
}

// storyOrders are the orders of `sitrep stories --sort`: whether a comes
// before b. Recent is the store's own order (nil: no sort needed); ties
// keep it.
var storyOrders = map[string]func(a, b story.Summary) bool{
	"recent":  nil,
	"size":    func(a, b story.Summary) bool { return a.Articles > b.Articles },
	"sources": func(a, b story.Summary) bool { return a.Sources > b.Sources },
	"origins": func(a, b story.Summary) bool { return a.Origins > b.Origins },
}

// evalStories scores story clustering on BASIL and ECB+ under dir:
// `sitrep eval stories`. With sweep it also scores a range of thresholds.
func evalStories(ctx context.Context, env *environment, dir string, threshold float64, sweep bool) error {
	steps := wiring.Stages()
	process := func(a *news.Article) error {
		for _, s := range steps {
			if err := s.Stage.Process(ctx, a); err != nil && errors.Is(err, news.ErrRejected) {
				return err
			}
		}
		return nil
	}
	base := filepath.Join(dir, "news-clustering")
	sets := []struct {
		name string
		load func(string) ([]eval.StoryDoc, error)
		sub  string
	}{
		{"BASIL", eval.LoadBASIL, "basil"},
		{"ECB+", eval.LoadECBPlus, "ecbplus"},
	}
	fmt.Fprint(env.stdout, eval.ClusterScoresHeader)
	for _, set := range sets {
		docs, err := set.load(filepath.Join(base, set.sub))
		if err != nil {
			return fmt.Errorf("eval stories: %w", err)
		}
		docs, skipped, err := eval.Annotate(docs, process)
		if err != nil {
			return fmt.Errorf("eval stories: %s: %w", set.name, err)
		}
		for _, s := range skipped {
			fmt.Fprintf(env.stderr, "skip: %s: %s (not scored)\n", set.name, s)
		}
		opts := story.Options{Threshold: threshold}
		sc, err := eval.ClusterStories(ctx, docs, opts)
		if err != nil {
			return fmt.Errorf("eval stories: %s: %w", set.name, err)
		}
		th := threshold
		if th == 0 {
			th = story.DefaultThreshold
		}
		eval.WriteClusterScores(env.stdout, fmt.Sprintf("%s t=%.2f", set.name, th), sc)
		if !sweep {
			continue
		}
		for t := 0.10; t < 0.61; t += 0.05 {
			sc, err := eval.ClusterStories(ctx, docs, story.Options{Threshold: t})
			if err != nil {
				return err
			}
			eval.WriteClusterScores(env.stdout, fmt.Sprintf("  %s t=%.2f", set.name, t), sc)
		}
	}
	fmt.Fprintln(env.stdout, "Miranda et al. 2018, English, their own data set: pairwise F1 0.940")
	return nil
}
