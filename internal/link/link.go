// Package link runs sitrep's cross-article phase: the steps that compare
// an article with the others (provenance, entity merging, stories, the
// figure ledger). Each step keeps its state in the store and finds its own
// pending work there, so the phase can stop at any point and resume, and
// adding one article costs the same however many are stored.
package link

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Step is one cross-article step. Link processes every stored article the
// step has not processed yet, in an order the step chooses (usually
// publication order), records its results in the store, and returns how
// many articles it processed. It must be idempotent: a step interrupted
// and run again ends in the same state as one uninterrupted run. A step
// reads and writes through the store interface its constructor takes.
type Step interface {
	Link(ctx context.Context) (int, error)
}

// Named is a step with the name used in errors and timings.
type Named struct {
	Name string
	Step Step
}

// Timing is what one step did in one Run.
type Timing struct {
	Name     string        `json:"name"`
	Articles int           `json:"articles"`
	Total    time.Duration `json:"total_ns"`
}

// Run runs the steps in order and stops at the first error.
func Run(ctx context.Context, steps []Named) ([]Timing, error) {
	var out []Timing
	for _, s := range steps {
		start := time.Now()
		n, err := s.Step.Link(ctx)
		out = append(out, Timing{Name: s.Name, Articles: n, Total: time.Since(start)})
		if err != nil {
			return out, fmt.Errorf("link %s: %w", s.Name, err)
		}
	}
	return out, nil
}

// Drain is the loop of a step that keeps its pending work in a queue: it
// asks pending for up to batch items, calls one on each in turn, and
// repeats until pending has nothing left or ctx is done. It returns how
// many items were processed; an item's error stops it and is wrapped with
// the item's name.
func Drain[T any](ctx context.Context, batch int, pending func(context.Context, int) ([]T, error),
	name func(T) string, one func(context.Context, T) error) (int, error) {
	n := 0
	for {
		items, err := pending(ctx, batch)
		if err != nil {
			return n, err
		}
		if len(items) == 0 {
			return n, nil
		}
		for _, it := range items {
			if err := ctx.Err(); err != nil {
				return n, err
			}
			if err := one(ctx, it); err != nil {
				return n, fmt.Errorf("article %s: %w", name(it), err)
			}
			n++
		}
	}
}

// DrainParallel is Drain for a step whose work on an item splits into a
// part that only reads (prepare: loading, comparing with what is already
// stored) and an order-dependent part (commit: deciding against the
// items committed before it, writing). For each batch it runs prepare on
// up to workers items at once, then commit on each item in the batch's
// order, so the step's decisions are those of a one-worker run whatever
// workers is. prepare receives the whole batch and the item's index, so
// it may take into account the items ahead of it that will be committed
// first; commit must not rely on prepare having seen their results.
// workers < 1 means 1. A prepare error stops the drain when its item's
// turn to commit comes, after the items before it are committed.
func DrainParallel[T, P any](ctx context.Context, batch, workers int, pending func(context.Context, int) ([]T, error),
	name func(T) string, prepare func(context.Context, []T, int) (P, error),
	commit func(context.Context, T, P) error) (int, error) {
	workers = max(1, workers)
	n := 0
	for {
		items, err := pending(ctx, batch)
		if err != nil {
			return n, err
		}
		if len(items) == 0 {
			return n, nil
		}
		prepared := make([]P, len(items))
		errs := make([]error, len(items))
		next := make(chan int)
		var wg sync.WaitGroup
		for range min(workers, len(items)) {
			wg.Go(func() {
				for i := range next {
					if errs[i] = ctx.Err(); errs[i] == nil {
						prepared[i], errs[i] = prepare(ctx, items, i)
					}
				}
			})
		}
		for i := range items {
			next <- i
		}
		close(next)
		wg.Wait()
		for i, it := range items {
			if err := ctx.Err(); err != nil {
				return n, err
			}
			if errs[i] == nil {
				errs[i] = commit(ctx, it, prepared[i])
			}
			if errs[i] != nil {
				return n, fmt.Errorf("article %s: %w", name(it), errs[i])
			}
			n++
		}
	}
}
