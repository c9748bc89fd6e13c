package main

import (
	"context"
	"fmt"
	"sort"

	"sitrep/internal/ingest"
	"sitrep/internal/ledger"
	"sitrep/internal/news"
	"sitrep/internal/readmodel"
	"sitrep/internal/source"
	"sitrep/internal/store"
	"sitrep/internal/store/sqlite"
)

func runAnalyze(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "analyze", "INPUT...\n\nAnalyses the inputs in a temporary store that is removed afterwards.")
	rf := addRunFlags(fs, env)
	asJSON := fs.Bool("json", false, "print JSON (the schema is in docs/JSON.md)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("analyze: no input given: %w", errUsage)
	}
	return analyze(ctx, env, source.Files(ctx, fs.Args(), rf.sourceOptions(env)), rf, *asJSON)
}

// analyze ingests what read reads into a temporary store and prints the
// report of everything stored, in the order it was read; then runs each
// of then on the store before removing it (demo serves the UI).
func analyze(ctx context.Context, env *environment, read source.Seq, rf *runFlags, asJSON bool, then ...func(context.Context, store.Store) error) error {
	s, err := sqlite.OpenTemp(ctx)
	if err != nil {
		return fmt.Errorf("temporary store: %w", err)
	}
	defer s.Close()

	var outcomes []ingest.Outcome
	sum, err := ingestWithProgress(ctx, env, s, read, rf, func(o ingest.Outcome) {
		outcomes = append(outcomes, o)
	})
	if err != nil {
		return err
	}
	if err := runLink(ctx, env, s, rf.quiet, rf.workers); err != nil {
		return err
	}
	articles, err := storedInOrder(ctx, s, outcomes)
	if err != nil {
		return err
	}
	rep := report{Articles: articles, Skipped: sum.Skipped, Summary: &sum, Provenance: readmodel.FamiliesOf(articles), Ledger: ledger.Build(articles)}
	if asJSON {
		if err := writeJSON(env.stdout, rep); err != nil {
			return err
		}
	} else {
		writeReport(env.stdout, rep)
	}
	if !rf.quiet {
		writeSummary(env.stderr, sum)
	}
	for _, f := range then {
		if err := f(ctx, s); err != nil {
			return err
		}
	}
	return skippedError(sum)
}

// storedInOrder reads back the articles of outcomes in reading order,
// each once.
func storedInOrder(ctx context.Context, s store.ArticleReader, outcomes []ingest.Outcome) ([]*news.Article, error) {
	sort.Slice(outcomes, func(i, j int) bool { return outcomes[i].Seq < outcomes[j].Seq })
	seen := map[string]bool{}
	var out []*news.Article
	for _, o := range outcomes {
		if o.Err != nil || seen[o.ID] {
			continue
		}
		seen[o.ID] = true
		a, err := s.Article(ctx, o.ID)
		if err != nil {
			return nil, fmt.Errorf("read back %s: %w", o.ID, err)
		}
		out = append(out, a)
	}
	return out, nil
}
