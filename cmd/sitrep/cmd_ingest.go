package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"sitrep/internal/ingest"
	"sitrep/internal/source"
	"sitrep/internal/store"
	"sitrep/internal/worker"
)

func runIngest(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "ingest", "INPUT...\n\nINPUT is a file, a directory (walked), - for standard input, or an http(s) URL.\nFormats: .txt .html .jsonl/.ndjson, RSS/Atom feeds, .warc/.warc.gz; .gz of any of them.")
	db := dbFlag(fs, env)
	rf := addRunFlags(fs, env)
	qf := addQueueFlags(fs, env)
	noLink := fs.Bool("no-link", false, "store the articles without linking them (for `sitrep worker link` processes to link)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("ingest: no input given: %w", errUsage)
	}
	if qf.url != "" {
		return publish(ctx, env, qf, source.Files(ctx, fs.Args(), rf.sourceOptions(env)), rf.quiet)
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	sum, err := ingestWithProgress(ctx, env, s, source.Files(ctx, fs.Args(), rf.sourceOptions(env)), rf, nil)
	if !rf.quiet {
		writeSummary(env.stderr, sum)
	}
	if err != nil {
		return err
	}
	if *noLink {
		return skippedError(sum)
	}
	if err := runLink(ctx, env, s, rf.quiet, rf.workers); err != nil {
		return err
	}
	return skippedError(sum)
}

// publish puts raw articles on the work queue for `sitrep worker annotate`.
func publish(ctx context.Context, env *environment, qf *queueFlags, read source.Seq, quiet bool) error {
	q, err := qf.open(ctx)
	if err != nil {
		return err
	}
	defer q.Close()
	start := time.Now()
	sum, err := worker.Publish(ctx, read, q)
	for _, s := range sum.Skipped {
		fmt.Fprintln(env.stderr, "skip:", s)
	}
	if !quiet {
		secs := time.Since(start).Seconds()
		fmt.Fprintf(env.stderr, "%d published to %s, %d skipped in %.2fs (%.1f articles/s)\n",
			sum.Published, qf.name, len(sum.Skipped), secs, safeDiv(float64(sum.Published), secs))
	}
	if err != nil {
		return err
	}
	if len(sum.Skipped) > 0 {
		return fmt.Errorf("%d inputs skipped: %w", len(sum.Skipped), errSkipped)
	}
	return nil
}

// ingestWithProgress runs ingest.Run with the progress line and reports
// each skipped input on stderr as it happens; onResult, when not nil, sees
// every outcome.
func ingestWithProgress(ctx context.Context, env *environment, w store.ArticleWriter, read source.Seq, rf *runFlags, onResult func(ingest.Outcome)) (ingest.Summary, error) {
	opts := rf.options()
	p := newProgress(env, rf.quiet)
	opts.Progress = p.update
	opts.OnResult = func(o ingest.Outcome) {
		if o.Err != nil {
			p.done()
			fmt.Fprintln(env.stderr, "skip:", o.Err)
		}
		if onResult != nil {
			onResult(o)
		}
	}
	sum, err := ingest.Run(ctx, read, w, opts)
	p.done()
	return sum, err
}

// skippedError returns errSkipped when the summary has skipped inputs.
func skippedError(sum ingest.Summary) error {
	if len(sum.Skipped) > 0 {
		return fmt.Errorf("%d inputs skipped: %w", len(sum.Skipped), errSkipped)
	}
	return nil
}

// writeSummary prints the closing summary of a run.
func writeSummary(w io.Writer, s ingest.Summary) {
	mb := float64(s.Bytes) / (1 << 20)
	secs := s.Elapsed.Seconds()
	fmt.Fprintf(w, "%d read, %d stored, %d duplicates, %d skipped, %d with problems in %.2fs (%.1f articles/s, %.2f MB/s)\n",
		s.Read, s.Stored, s.Duplicates, len(s.Skipped), s.Problems, secs, s.PerSecond(), safeDiv(mb, secs))
}

func safeDiv(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}
