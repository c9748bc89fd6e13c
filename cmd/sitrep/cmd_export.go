package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	asyntax "sitrep/internal/annotate/syntax"
	"sitrep/internal/export"
	"sitrep/internal/readmodel"
)

// runExport writes one table of the store, or the actor graph:
// `sitrep export figures|events|entities|articles [--format csv|json|jsonl]`
// and `sitrep export graph` (GraphML) and `sitrep export conllu`.
func runExport(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "export", "figures|events|entities|articles|graph|conllu\n\nWrites the table to stdout; events have ACLED-like columns. graph is the actor graph as GraphML; conllu is every article's tags, lemmas and dependencies as CoNLL-U.")
	db := dbFlag(fs, env)
	format := fs.String("format", "csv", "table `FORMAT`: csv, json or jsonl")
	// Accept the table name before or after the flags.
	var what string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		what, args = args[0], args[1:]
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if what == "" && fs.NArg() > 0 {
		what = fs.Arg(0)
	} else if fs.NArg() > 0 {
		return fmt.Errorf("export: unexpected argument %q: %w", fs.Arg(0), errUsage)
	}
	if what != "graph" && what != "conllu" && !slices.Contains(export.Kinds, what) {
		return fmt.Errorf("export: name what to export: %s, graph or conllu: %w", strings.Join(export.Kinds, ", "), errUsage)
	}
	if !slices.Contains(export.Formats, *format) {
		return fmt.Errorf("export: --format %q: want csv, json or jsonl: %w", *format, errUsage)
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
	if what == "graph" {
		return export.GraphML(env.stdout, articles)
	}
	if what == "conllu" {
		for _, a := range articles {
			if err := reparse(ctx, a); err != nil {
				return err
			}
			if err := asyntax.WriteCoNLLU(env.stdout, a); err != nil {
				return err
			}
		}
		return nil
	}
	t, err := export.TableOf(what, articles)
	if err != nil {
		return err
	}
	return export.Write(env.stdout, t, *format)
}
