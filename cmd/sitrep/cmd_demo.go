package main

import (
	"bytes"
	"context"
	"fmt"

	"sitrep/internal/demo"
	"sitrep/internal/source"
	"sitrep/internal/store"
)

func runDemo(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "demo", "\n\nAnalyses the embedded demo corpus: 15 invented reports about one fictional crisis.")
	rf := addRunFlags(fs, env)
	asJSON := fs.Bool("json", false, "print JSON (the schema is in docs/JSON.md)")
	serveUI := fs.Bool("serve", false, "serve the web UI after the report even when stdout is not a terminal (never with --json)")
	addr := fs.String("addr", "127.0.0.1:8080", "listen `ADDRESS` when serving")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("demo: unexpected argument %q: %w", fs.Arg(0), errUsage)
	}
	var then []func(context.Context, store.Store) error
	// Serve only for a person at a terminal (or when asked), never for
	// --json: CI runs the demo with no terminal and it must exit.
	if !*asJSON && (*serveUI || env.stdoutIsTerminal) {
		then = append(then, func(ctx context.Context, s store.Store) error {
			return serve(ctx, env, s, *addr, defaultReadTimeout)
		})
	}
	return analyze(ctx, env, source.Stream(ctx, "demo", bytes.NewReader(demo.Articles), rf.sourceOptions(env)), rf, *asJSON, then...)
}
