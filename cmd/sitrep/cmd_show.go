package main

import (
	"context"
	"fmt"

	asyntax "sitrep/internal/annotate/syntax"
)

func runShow(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "show", "ID")
	db := dbFlag(fs, env)
	asJSON := fs.Bool("json", false, "print JSON")
	withSyntax := fs.Bool("syntax", false, "add the syntax layer: tags, lemmas and dependencies per token (CoNLL-U without --json)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("show: want exactly one article ID: %w", errUsage)
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	a, err := s.Article(ctx, fs.Arg(0))
	if err != nil {
		return fmt.Errorf("article %s: %w", fs.Arg(0), err)
	}
	if *withSyntax {
		if err := reparse(ctx, a); err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(env.stdout, map[string]any{"articles": []articleWithSyntax{{a, asyntax.Sentences(a)}}})
		}
		writeArticle(env.stdout, a)
		fmt.Fprintln(env.stdout)
		return asyntax.WriteCoNLLU(env.stdout, a)
	}
	if *asJSON {
		return writeJSON(env.stdout, report{Articles: articlesOf(a)})
	}
	writeArticle(env.stdout, a)
	return nil
}
