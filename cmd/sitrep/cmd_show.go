package main

import (
	"context"
	"fmt"
)

func runShow(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "show", "ID")
	db := dbFlag(fs, env)
	asJSON := fs.Bool("json", false, "print JSON")
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
	if *asJSON {
		return writeJSON(env.stdout, report{Articles: articlesOf(a)})
	}
	writeArticle(env.stdout, a)
	return nil
}
