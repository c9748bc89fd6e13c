// Package worker runs sitrep across processes and machines: Publish puts
// raw articles on a queue, Annotate consumes them, runs the per-article
// stages and writes the results to the store, and Link runs the
// cross-article phase in a loop. Delivery is at least once and writes are
// idempotent by article ID, so a worker killed at any point loses nothing
// and counts nothing twice: what it had not acknowledged is delivered
// again, and what it had already written is recognised as a duplicate.
package worker

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"sitrep/internal/link"
	"sitrep/internal/news"
	"sitrep/internal/pipeline"
	"sitrep/internal/queue"
	"sitrep/internal/source"
	"sitrep/internal/store"
	"sitrep/internal/wiring"
)

// envelope is the queue message of one raw article: the article's JSON
// leaves out its raw bytes, so they travel beside it.
type envelope struct {
	Article *news.Article `json:"article"`
	Raw     []byte        `json:"raw"`
}

// Encode turns a raw article, as a source reads it, into a queue message.
func Encode(a *news.Article) ([]byte, error) {
	return json.Marshal(envelope{Article: a, Raw: a.Raw})
}

// Decode is the inverse of Encode.
func Decode(data []byte) (*news.Article, error) {
	var e envelope
	if err := json.Unmarshal(data, &e); err != nil {
		return nil, fmt.Errorf("decode message: %w", err)
	}
	if e.Article == nil {
		return nil, errors.New("decode message: no article")
	}
	e.Article.Raw = e.Raw
	return e.Article, nil
}

// PublishSummary counts what Publish did.
type PublishSummary struct {
	Published int
	// Skipped are the inputs that became no article, each error naming
	// its input.
	Skipped []error
	Bytes   int64
}

// Publish reads the articles of read and publishes each to q. Inputs
// that cannot be read are counted as skipped; a failed publish stops it.
// It returns ctx's error when ctx ended the reading.
func Publish(ctx context.Context, read source.Seq, q queue.Queue) (PublishSummary, error) {
	var sum PublishSummary
	for a, err := range read {
		if err != nil {
			sum.Skipped = append(sum.Skipped, err)
			continue
		}
		data, err := Encode(a)
		if err != nil {
			return sum, fmt.Errorf("%s: %w", a.Source(), err)
		}
		if err := q.Publish(ctx, data); err != nil {
			return sum, fmt.Errorf("%s: %w", a.Source(), err)
		}
		sum.Published++
		sum.Bytes += int64(a.RawSize)
	}
	return sum, ctx.Err()
}

// AnnotateOptions configure Annotate. Zero values are defaults.
type AnnotateOptions struct {
	// Steps are the per-article stages; nil means wiring.Stages().
	Steps []pipeline.Step
	// Workers processes articles at once; <= 0 means GOMAXPROCS.
	Workers int
	// Batch is how many messages are fetched, processed and written
	// together; <= 0 means 64.
	Batch int
	// Wait is how long a fetch waits for work; <= 0 means 1s.
	Wait time.Duration
	// Logger receives one line per skipped or failed article; nil discards.
	Logger *slog.Logger
	// Retry says how long to ride out an outage of the store or the queue.
	Retry RetryOptions
	// Limits bound one article's annotation; zero fields are the defaults.
	Limits pipeline.Limits
}

// AnnotateStats counts what Annotate did.
type AnnotateStats struct {
	Stored     int // new articles written
	Duplicates int // already stored: redeliveries and re-ingested reports
	Rejected   int // inputs that can never become an article (acknowledged)
	Failed     int // deliveries that failed and were returned to the queue
}

// Annotate consumes q until ctx is done: it fetches a batch, runs the
// stages, writes the articles to w in one transaction and acknowledges
// each message only after that write has committed. A write that fails
// with a transient store error (store.Transient: the database is down,
// restarting, or dropped the connection) is retried with backoff for up to
// opts.Retry.For while the batch's messages are kept in flight (Touch),
// so an outage shorter than that costs time, not deliveries, and sends
// nothing to the dead letters; a failed fetch is retried the same way. A
// message whose article cannot be decoded or written for any other reason
// is negatively acknowledged with its error, so the queue retries it and,
// after MaxDeliver tries, dead-letters it. When ctx is done, the batch in
// hand is finished (processed, written, acknowledged) before Annotate
// returns: that is the graceful shutdown on SIGTERM; a write still
// failing then is returned to the queue.
func Annotate(ctx context.Context, q queue.Queue, w store.ArticleWriter, opts AnnotateOptions) (AnnotateStats, error) {
	steps := opts.Steps
	if steps == nil {
		steps = wiring.Stages()
	}
	batch := opts.Batch
	if batch <= 0 {
		batch = 64
	}
	wait := opts.Wait
	if wait <= 0 {
		wait = time.Second
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	a := &annotator{p: pipeline.New(opts.Workers, steps...).WithLimits(opts.Limits), w: w, log: log, retry: opts.Retry.withDefaults(), stop: ctx}
	for ctx.Err() == nil {
		var msgs []*queue.Message
		err := a.retry.retry(ctx, log, "fetch", anyError, nil, func() (err error) {
			msgs, err = q.Fetch(ctx, batch, wait)
			return err
		})
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			return a.stats, err
		}
		if len(msgs) == 0 {
			continue
		}
		// Finish the batch in hand even if ctx is cancelled meanwhile.
		if err := a.handle(context.WithoutCancel(ctx), msgs); err != nil {
			return a.stats, err
		}
	}
	return a.stats, nil
}

type annotator struct {
	p     *pipeline.Pipeline
	w     store.ArticleWriter
	log   *slog.Logger
	retry RetryOptions
	// stop is Annotate's own context: the batch in hand is finished
	// without it, but waiting out an outage ends when it is done.
	stop  context.Context
	stats AnnotateStats
}

// anyError treats every error as transient, for queue calls: a queue
// error is the queue being unreachable.
func anyError(err error) bool { return err != nil && !errors.Is(err, context.Canceled) }

// put writes arts, retrying transient store errors while keeping their
// messages in flight.
func (a *annotator) put(ctx context.Context, arts []*news.Article, byArticle map[*news.Article]*queue.Message) ([]store.PutResult, error) {
	var results []store.PutResult
	keep := func() {
		for _, art := range arts {
			if err := byArticle[art].Touch(ctx); err != nil {
				a.log.Warn("touch message", "article", art, "err", err)
			}
		}
	}
	err := a.retry.retry(a.stop, a.log, "write articles", store.Transient, keep, func() (err error) {
		results, err = a.w.Put(ctx, arts)
		return err
	})
	return results, err
}

// handle processes, writes and settles one batch of messages.
func (a *annotator) handle(ctx context.Context, msgs []*queue.Message) error {
	byArticle := map[*news.Article]*queue.Message{}
	in := make(chan *news.Article, len(msgs))
	for _, m := range msgs {
		art, err := Decode(m.Data)
		if err != nil {
			a.fail(ctx, m, err)
			continue
		}
		byArticle[art] = m
		in <- art
	}
	close(in)
	var ready []*news.Article
	for r := range a.p.Run(ctx, in) {
		m := byArticle[r.Article]
		if r.Err != nil {
			if errors.Is(r.Err, news.ErrRejected) {
				// Bad input never becomes good: acknowledge it and say why.
				a.stats.Rejected++
				a.log.Warn("skip article", "article", r.Article, "err", r.Err)
				if err := m.Ack(ctx); err != nil {
					return err
				}
				continue
			}
			a.fail(ctx, m, r.Err)
			continue
		}
		ready = append(ready, r.Article)
	}
	if len(ready) == 0 {
		return nil
	}
	results, err := a.put(ctx, ready, byArticle)
	if err != nil && (store.Transient(err) || a.stop.Err() != nil) {
		// The outage outlasted the retry budget (or shutdown came first):
		// return the batch to the queue.
		for _, art := range ready {
			a.fail(ctx, byArticle[art], err)
		}
		return nil
	}
	if err != nil {
		// One article may make the whole batch fail (a poison article):
		// write them one by one so only that one is retried.
		return a.putEach(ctx, ready, byArticle)
	}
	return a.settle(ctx, ready, results, byArticle)
}

func (a *annotator) putEach(ctx context.Context, ready []*news.Article, byArticle map[*news.Article]*queue.Message) error {
	for _, art := range ready {
		res, err := a.put(ctx, []*news.Article{art}, byArticle)
		if err != nil {
			a.fail(ctx, byArticle[art], err)
			continue
		}
		if err := a.settle(ctx, []*news.Article{art}, res, byArticle); err != nil {
			return err
		}
	}
	return nil
}

// settle acknowledges written articles.
func (a *annotator) settle(ctx context.Context, arts []*news.Article, results []store.PutResult, byArticle map[*news.Article]*queue.Message) error {
	for i, art := range arts {
		if results[i].Duplicate {
			a.stats.Duplicates++
		} else {
			a.stats.Stored++
		}
		if err := byArticle[art].Ack(ctx); err != nil {
			return fmt.Errorf("ack %s: %w", art.ID, err)
		}
	}
	return nil
}

// fail returns a message to the queue with its error.
func (a *annotator) fail(ctx context.Context, m *queue.Message, cause error) {
	a.stats.Failed++
	a.log.Warn("article failed", "attempt", m.Attempt, "err", cause)
	if err := m.Nak(ctx, cause); err != nil {
		a.log.Error("return message to the queue", "err", err)
	}
}

// LinkOptions configure Link. Zero values are defaults.
type LinkOptions struct {
	// Every is how long to sleep when there is nothing to link; <= 0
	// means 1s.
	Every time.Duration
	// Retry says how long to ride out an outage of the store.
	Retry RetryOptions
	// Logger receives a line per step that linked something and per
	// retry; nil discards.
	Logger *slog.Logger
	// Lock, when set, is called before each pass over the steps and
	// returns once this worker may link (store.WaitLinkLock), with the
	// function that releases the lock after the pass: one link phase at
	// a time per store, however many link workers run.
	Lock func(context.Context) (release func(), err error)
}

// Link runs the link phase whenever there is pending work, until ctx is
// done: it runs the steps, and sleeps for opts.Every when they found
// nothing to do. The steps keep their state in the store, so a restarted
// link worker resumes where the last one stopped, and a run that fails
// with a transient store error (a terminated connection, SQLSTATE 57P01,
// a database that is restarting or unreachable) is run again after a
// backoff, on a fresh connection from the pool, for up to opts.Retry.For
// of continuous failure. Any other error is returned.
func Link(ctx context.Context, steps []link.Named, opts LinkOptions) error {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	every := opts.Every
	if every <= 0 {
		every = time.Second
	}
	retry := opts.Retry.withDefaults()
	for {
		var timings []link.Timing
		// A lost link lease (another worker took it after this one
		// failed to renew in time) is retried like an outage: the steps
		// are idempotent and the next pass reads the queue afresh.
		again := func(err error) bool { return store.Transient(err) || errors.Is(err, link.ErrLeaseLost) }
		err := retry.retry(ctx, log, "link", again, nil, func() (err error) {
			if opts.Lock != nil {
				release, err := opts.Lock(ctx)
				if err != nil {
					return err
				}
				defer release()
			}
			timings, err = link.Run(ctx, steps)
			return err
		})
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		n := 0
		for _, t := range timings {
			n += t.Articles
			if t.Articles > 0 {
				log.Info("linked", "step", t.Name, "articles", t.Articles, "seconds", t.Total.Seconds())
			}
		}
		if n > 0 {
			continue
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(every):
		}
	}
}
