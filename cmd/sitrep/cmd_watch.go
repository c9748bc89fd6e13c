package main

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"time"

	"sitrep/internal/ingest"
	"sitrep/internal/source"
	"sitrep/internal/watch"
)

// runWatch polls feeds and ingests new items: `sitrep watch FEED...`.
func runWatch(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "watch", "FEED-URL...\n\nPolls RSS/Atom feeds with conditional GET, politely per host, backing off on errors,\nand stores new items (then runs the link phase). Runs until interrupted.")
	db := dbFlag(fs, env)
	rf := addRunFlags(fs, env)
	interval := fs.Duration("interval", 5*time.Minute, "time between polls of one feed")
	hostDelay := fs.Duration("host-delay", 2*time.Second, "least time between two requests to one host")
	once := fs.Bool("once", false, "poll every feed once and exit")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("watch: no feed given: %w", errUsage)
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	ingestFeed := func(ctx context.Context, name string, body []byte) (int, error) {
		sum, err := ingest.Run(ctx, source.Stream(ctx, name, bytes.NewReader(body), rf.sourceOptions(env)), s, rf.options())
		if err != nil {
			return sum.Stored, err
		}
		for _, sk := range sum.Skipped {
			fmt.Fprintf(env.stderr, "skip: %s\n", sk.Error)
		}
		if sum.Stored > 0 {
			if err := runLink(ctx, env, s, true, envWorkers(env)); err != nil {
				return sum.Stored, err
			}
		}
		return sum.Stored, nil
	}
	opts := watch.Options{
		Interval:  *interval,
		HostDelay: *hostDelay,
		MaxBytes:  rf.maxBytes,
		UserAgent: "sitrep/" + version + " (news report analysis; feed watcher)",
	}
	if !rf.quiet {
		opts.Logger = slog.New(slog.NewTextHandler(env.stderr, nil)).With("component", "watch")
	}
	w, err := watch.New(fs.Args(), ingestFeed, opts)
	if err != nil {
		return fmt.Errorf("%w: %w", err, errUsage)
	}
	if *once {
		_, err := w.PollDue(ctx)
		return err
	}
	if err := w.Run(ctx); err != nil && ctx.Err() == nil {
		return err
	}
	return nil
}
