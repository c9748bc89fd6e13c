// Package pipeline runs annotation stages over a stream of articles with a
// bounded pool of workers. A stage failing on one article is recorded on
// that article (or drops it, for rejected input) and never stops the batch.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"sitrep/internal/news"
)

// Stage adds one annotation layer to an article. It writes only its own
// layer, keeps no reference to the article after returning, and is safe
// for concurrent use. Returning an error wrapping news.ErrRejected drops
// the article; any other error is recorded as a news.Problem and the
// remaining stages still run.
type Stage interface {
	Process(ctx context.Context, a *news.Article) error
}

// StageFunc adapts a function to the Stage interface.
type StageFunc func(ctx context.Context, a *news.Article) error

// Process calls f(ctx, a).
func (f StageFunc) Process(ctx context.Context, a *news.Article) error { return f(ctx, a) }

// Step is a named stage in the wiring.
type Step struct {
	Name  string
	Stage Stage
}

// StageError is the error of one stage on one article.
type StageError struct {
	Stage   string
	Article string // the article's source (URL or path)
	Err     error
}

func (e *StageError) Error() string {
	return fmt.Sprintf("%s: %s: %v", e.Article, e.Stage, e.Err)
}

func (e *StageError) Unwrap() error { return e.Err }

// Result is one article after the pipeline: either processed (Err nil;
// the article may still carry Problems) or rejected (Err non-nil, wrapping
// news.ErrRejected or the context's error).
type Result struct {
	Article *news.Article
	Err     error
}

// Pipeline runs its steps, in order, over each article.
type Pipeline struct {
	steps   []Step
	workers int
	limits  Limits

	mu     sync.Mutex
	timing map[string]*StageTiming
}

// StageTiming is the time one stage spent, summed over all articles.
type StageTiming struct {
	Name     string        `json:"name"`
	Articles int           `json:"articles"`
	Errors   int           `json:"errors"`
	Total    time.Duration `json:"total_ns"`
}

// New returns a pipeline over steps with the given number of workers;
// workers <= 0 means runtime.GOMAXPROCS(0).
func New(workers int, steps ...Step) *Pipeline {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	timing := make(map[string]*StageTiming, len(steps))
	for _, s := range steps {
		timing[s.Name] = &StageTiming{Name: s.Name}
	}
	return &Pipeline{steps: steps, workers: workers, timing: timing, limits: Limits{}.withDefaults()}
}

// WithLimits sets the bounds on one article's annotation (zero fields
// mean the defaults) and returns p. Call it before Run.
func (p *Pipeline) WithLimits(l Limits) *Pipeline {
	p.limits = l.withDefaults()
	return p
}

// Run processes every article received from in and sends one Result per
// article to the returned channel, in input order, so that a run over the
// same input stores its articles in the same order every time (the link
// phase's results depend on that order). At most 4×workers articles are in
// flight: a slow article holds back the ones behind it, never memory. The
// channel is closed when in is closed and all work is done, or when ctx is
// cancelled. After ctx is done, workers stop taking articles from in, so
// its sender must also watch ctx.
func (p *Pipeline) Run(ctx context.Context, in <-chan *news.Article) <-chan Result {
	type job struct {
		a    *news.Article
		done chan Result
	}
	jobs := make(chan job)
	// pending holds each job's result slot in input order; its capacity
	// bounds the work in flight.
	pending := make(chan chan Result, 4*p.workers)
	go func() {
		defer close(jobs)
		defer close(pending)
		for a := range in {
			j := job{a: a, done: make(chan Result, 1)}
			select {
			case pending <- j.done:
			case <-ctx.Done():
				return // the sender must stop on ctx too
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range p.workers {
		go func() {
			for j := range jobs {
				j.done <- Result{Article: j.a, Err: p.Process(ctx, j.a)}
			}
		}()
	}
	out := make(chan Result, p.workers)
	go func() {
		defer close(out)
		for done := range pending {
			var r Result
			select {
			case r = <-done:
			case <-ctx.Done():
				return
			}
			select {
			case out <- r:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// Process runs every step on one article. It returns a non-nil error only
// when the article is rejected or ctx is done; other stage errors are
// appended to a.Problems.
func (p *Pipeline) Process(ctx context.Context, a *news.Article) error {
	actx, cancel := context.WithTimeoutCause(ctx, p.limits.Deadline, errDeadline)
	defer cancel()
	prev := ""
	for _, s := range p.steps {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p.overLimits(actx, a, s.Name, prev) {
			break
		}
		prev = s.Name
		start := time.Now()
		err := runStage(actx, s.Stage, a)
		p.observe(s.Name, time.Since(start), err)
		if err == nil {
			continue
		}
		if errors.Is(err, news.ErrRejected) || ctx.Err() != nil {
			return &StageError{Stage: s.Name, Article: a.Source(), Err: err}
		}
		if pastDeadline(actx) && errors.Is(err, context.DeadlineExceeded) {
			p.deadlineProblem(a, s.Name, s.Name)
			break
		}
		a.Problems = append(a.Problems, news.Problem{Stage: s.Name, Message: err.Error()})
	}
	return nil
}

// runStage calls the stage and turns a panic into an error, so one
// malformed article cannot bring down the batch.
func runStage(ctx context.Context, s Stage, a *news.Article) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	return s.Process(ctx, a)
}

func (p *Pipeline) observe(name string, d time.Duration, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	t := p.timing[name]
	t.Articles++
	t.Total += d
	if err != nil {
		t.Errors++
	}
}

// Timings returns the time each stage has spent so far, in step order.
func (p *Pipeline) Timings() []StageTiming {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]StageTiming, 0, len(p.steps))
	for _, s := range p.steps {
		out = append(out, *p.timing[s.Name])
	}
	return out
}
