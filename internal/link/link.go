// Package link runs sitrep's cross-article phase: the steps that compare
// an article with the others (provenance, entity merging, stories, the
// figure ledger). Each step keeps its state in the store and finds its own
// pending work there, so the phase can stop at any point and resume, and
// adding one article costs the same however many are stored.
package link

import (
	"context"
	"fmt"
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
