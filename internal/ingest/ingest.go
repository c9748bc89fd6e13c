// Package ingest runs one batch on a single machine: it reads inputs
// through internal/source, processes the articles with the pipeline's
// stages on a bounded worker pool, writes them to a store in batches, and
// counts what happened. One bad input is reported and skipped; it never
// stops the batch.
package ingest

import (
	"context"
	"fmt"
	"sync"
	"time"

	"sitrep/internal/news"
	"sitrep/internal/pipeline"
	"sitrep/internal/source"
	"sitrep/internal/store"
	"sitrep/internal/wiring"
)

// Options configures a run. Zero values are sensible defaults.
type Options struct {
	// Workers is the number of articles processed at once; <= 0 means
	// GOMAXPROCS.
	Workers int
	// BatchSize is the number of articles written per store transaction;
	// <= 0 means 64.
	BatchSize int
	// Steps overrides the stages; nil means wiring.Stages().
	Steps []pipeline.Step
	// Limits bound one article's annotation (text cap, deadline); zero
	// fields are the pipeline's defaults.
	Limits pipeline.Limits
	// OnResult, when set, is called once for every input item that was
	// read, in the writer's goroutine, after the article was stored or
	// skipped.
	OnResult func(Outcome)
	// Progress, when set, is called after every stored batch and every
	// skipped input with the counts so far.
	Progress func(Summary)
}

// Outcome is what happened to one input item.
type Outcome struct {
	// Seq is the item's position in reading order, from 0.
	Seq int
	// Input names the stored article: its URL, else its path. For a
	// skipped item, Err names the input.
	Input string
	// ID is the stored article's ID (the earlier article's, for a duplicate).
	ID string
	// Duplicate is true when the article was already stored.
	Duplicate bool
	// Err is why the item was skipped; nil when it was stored.
	Err error
}

// Skip is one input that did not become a stored article.
type Skip struct {
	// Error names the input (path, path#N or URL) and says why, in one line.
	Error string `json:"error"`
}

// Summary counts what a run did.
type Summary struct {
	Read       int                    `json:"read"`       // items read from the inputs
	Stored     int                    `json:"stored"`     // new articles written
	Duplicates int                    `json:"duplicates"` // articles already in the store
	Skipped    []Skip                 `json:"-"`          // inputs that became no article
	Problems   int                    `json:"problems"`   // stored articles with a stage problem
	Bytes      int64                  `json:"bytes"`      // raw bytes read
	Elapsed    time.Duration          `json:"elapsed_ns"` // wall time of the run
	Stages     []pipeline.StageTiming `json:"stages"`     // time per stage
}

// PerSecond returns stored and duplicate articles per second of wall time.
func (s Summary) PerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Stored+s.Duplicates) / s.Elapsed.Seconds()
}

// Run reads the articles of read (source.Files, source.Stream), processes
// them and writes them to w. It returns the summary and a non-nil error
// only when the run itself could not go on: the context was cancelled or
// the store failed. Articles already written stay
// written; a re-run skips them as duplicates.
func Run(ctx context.Context, read source.Seq, w store.ArticleWriter, opts Options) (Summary, error) {
	start := time.Now()
	steps := opts.Steps
	if steps == nil {
		steps = wiring.Stages()
	}
	p := pipeline.New(opts.Workers, steps...).WithLimits(opts.Limits)
	batchSize := opts.BatchSize
	if batchSize <= 0 {
		batchSize = 64
	}

	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	r := &recorder{opts: opts, seq: map[*news.Article]int{}}
	articles := make(chan *news.Article, 2*batchSize)
	readDone := make(chan struct{})
	go func() {
		defer close(readDone)
		defer close(articles)
		for a, err := range read {
			if ctx.Err() != nil {
				return
			}
			if err != nil {
				r.skip(r.next(nil), err)
				continue
			}
			r.next(a)
			r.addBytes(int64(a.RawSize))
			select {
			case articles <- a:
			case <-ctx.Done():
				return
			}
		}
	}()

	var writeErr error
	batch := make([]*news.Article, 0, batchSize)
	flush := func() {
		if len(batch) == 0 || writeErr != nil {
			return
		}
		// Articles already processed are written even after an interrupt,
		// so a cancelled run keeps all the work it finished.
		results, err := w.Put(context.WithoutCancel(ctx), batch)
		if err != nil {
			writeErr = fmt.Errorf("store: %w", err)
			cancel() // stop reading; what is stored stays stored
			return
		}
		for i, res := range results {
			r.stored(batch[i], res)
		}
		batch = batch[:0]
		r.progress()
	}
	// Write when a batch is full, and at least every flushEvery so a slow
	// stream (a live feed) does not wait for a full batch.
	tick := time.NewTicker(flushEvery)
	defer tick.Stop()
	results := p.Run(ctx, articles)
loop:
	for {
		select {
		case res, ok := <-results:
			if !ok {
				break loop
			}
			if res.Err != nil {
				if ctx.Err() == nil {
					r.skip(r.seqOf(res.Article), res.Err)
				}
				continue
			}
			batch = append(batch, res.Article)
			if len(batch) == batchSize {
				flush()
			}
		case <-tick.C:
			flush()
		}
	}
	flush()

	<-readDone
	err := writeErr
	if err == nil {
		err = parent.Err()
	}
	sum := r.summary()
	sum.Elapsed = time.Since(start)
	sum.Stages = p.Timings()
	return sum, err
}

// flushEvery bounds how long a processed article waits to be written.
const flushEvery = 250 * time.Millisecond

// recorder keeps the counts and reading order of a run. The reader and the
// writer goroutines both use it.
type recorder struct {
	opts Options

	mu  sync.Mutex
	n   int
	seq map[*news.Article]int
	sum Summary
}

func (r *recorder) next(a *news.Article) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := r.n
	r.n++
	r.sum.Read++
	if a != nil {
		r.seq[a] = n
	}
	return n
}

func (r *recorder) addBytes(n int64) {
	r.mu.Lock()
	r.sum.Bytes += n
	r.mu.Unlock()
}

func (r *recorder) seqOf(a *news.Article) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := r.seq[a]
	delete(r.seq, a)
	return n
}

func (r *recorder) skip(seq int, err error) {
	r.mu.Lock()
	r.sum.Skipped = append(r.sum.Skipped, Skip{Error: err.Error()})
	r.mu.Unlock()
	if r.opts.OnResult != nil {
		r.opts.OnResult(Outcome{Seq: seq, Err: err})
	}
	r.progress()
}

func (r *recorder) stored(a *news.Article, res store.PutResult) {
	seq := r.seqOf(a)
	r.mu.Lock()
	if res.Duplicate {
		r.sum.Duplicates++
	} else {
		r.sum.Stored++
		if len(a.Problems) > 0 {
			r.sum.Problems++
		}
	}
	r.mu.Unlock()
	if r.opts.OnResult != nil {
		r.opts.OnResult(Outcome{Seq: seq, Input: a.Source(), ID: res.ID, Duplicate: res.Duplicate})
	}
}

func (r *recorder) progress() {
	if r.opts.Progress != nil {
		r.opts.Progress(r.summary())
	}
}

func (r *recorder) summary() Summary {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.sum
	s.Skipped = append([]Skip(nil), r.sum.Skipped...)
	return s
}
