// Package wiring is the one list of sitrep's processing steps: the
// per-article stages in the order they run (Stages) and the cross-article
// link steps in the order they run (Links). ingest, the worker, the CLI
// and the tests all read these lists; nothing registers itself, and
// adding a step is one line here plus its own package.
package wiring

import (
	"fmt"
	"sync"

	"sitrep/internal/annotate/claim"
	"sitrep/internal/annotate/entity"
	"sitrep/internal/annotate/event"
	"sitrep/internal/annotate/figure"
	"sitrep/internal/annotate/genre"
	"sitrep/internal/annotate/quantity"
	"sitrep/internal/annotate/sentence"
	"sitrep/internal/annotate/syntax"
	"sitrep/internal/annotate/timex"
	"sitrep/internal/attribution"
	"sitrep/internal/extract"
	"sitrep/internal/link"
	linkentity "sitrep/internal/link/entity"
	"sitrep/internal/link/measure"
	"sitrep/internal/link/provenance"
	"sitrep/internal/link/story"
	"sitrep/internal/link/thread"
	"sitrep/internal/pipeline"
	"sitrep/internal/store"
)

// Stages returns the per-article stages in the order they run, each
// newly built.
func Stages() []pipeline.Step {
	loadModels()
	return []pipeline.Step{
		{Name: "extract", Stage: extract.New(extract.Options{})},
		{Name: "sentence", Stage: sentence.New()},
		{Name: "syntax", Stage: syntax.New()},
		{Name: "genre", Stage: genre.New()},
		{Name: "quantity", Stage: quantity.New()},
		{Name: "timex", Stage: timex.New()},
		{Name: "entity", Stage: entity.New()},
		{Name: "event", Stage: event.New()},
		{Name: "claim", Stage: claim.New()},
		{Name: "figure", Stage: figure.New()},
	}
}

// loadModels decodes the three learned models side by side, once: the
// syntax, entity and claim stages would otherwise decode them one after
// another, and that is most of a command's start-up. A model that fails
// to load fails again, with its error, in its stage.
var loadModels = sync.OnceFunc(func() {
	var wg sync.WaitGroup
	wg.Go(func() { syntax.Model() })
	wg.Go(func() { entity.Model() })
	wg.Go(func() { attribution.Default() })
	wg.Wait()
})

// LinkOptions tune the link steps; zero values are the defaults.
type LinkOptions struct {
	// Workers is how many articles a step reads and compares at once
	// (default GOMAXPROCS). The picture does not depend on it.
	Workers int
	// Thread tunes the thread step (zero: its defaults); the thread
	// evaluation sweeps its threshold through it.
	Thread thread.Options
	// Batch is how many queued articles provenance takes at a time
	// (default 64): the unit of a link worker's lease when Shared.
	Batch int
	// Shared, when set, makes these steps one link worker of several on
	// the store: provenance prepares leased batches of its queue while
	// other workers commit (link.DrainLeased), and the other steps run
	// whole under the commit lease (link.Exclusive). The picture is that
	// of one worker.
	Shared *link.Shared
}

// Links returns the cross-article steps over s in the order they run,
// with the default options.
func Links(s store.Store) ([]link.Named, error) {
	return LinksWith(s, LinkOptions{})
}

// LinksWith returns the cross-article steps over s in the order they run.
// Each step takes the store through its own small interface; a store
// that lacks one is an error naming the index it misses.
func LinksWith(s store.Store, opts LinkOptions) ([]link.Named, error) {
	ps, ok := s.(provenance.Store)
	if !ok {
		return nil, fmt.Errorf("store %T has no provenance index", s)
	}
	es, ok := s.(linkentity.Store)
	if !ok {
		return nil, fmt.Errorf("store %T has no entity index", s)
	}
	ss, ok := s.(story.Store)
	if !ok {
		return nil, fmt.Errorf("store %T has no story index", s)
	}
	ms, ok := s.(measure.Store)
	if !ok {
		return nil, fmt.Errorf("store %T has no measure index", s)
	}
	ts, ok := s.(thread.Store)
	if !ok {
		return nil, fmt.Errorf("store %T has no thread index", s)
	}
	prov, err := provenance.New(ps, nil, provenance.Options{Workers: opts.Workers, Batch: opts.Batch, Shared: opts.Shared})
	if err != nil {
		return nil, fmt.Errorf("provenance: %w", err)
	}
	ent := linkentity.New(es)
	ent.Workers = opts.Workers
	steps := []link.Named{
		{Name: "provenance", Step: prov},
		{Name: "entity", Step: ent},
		{Name: "story", Step: story.New(ss, story.Options{Workers: opts.Workers})},
		{Name: "measure", Step: measure.New(ms)},
		{Name: "thread", Step: thread.New(ts, opts.Thread)},
	}
	if opts.Shared != nil {
		// Entity, story, measure and thread are mostly their commits
		// (their prepare is reading one article): one worker at a time
		// runs each, under the commit lease.
		for i := range steps[1:] {
			steps[i+1].Step = link.Exclusive{Step: steps[i+1].Step, Shared: opts.Shared}
		}
	}
	return steps, nil
}
