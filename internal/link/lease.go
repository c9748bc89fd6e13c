package link

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// Leases is a store that hands out link leases: claims on a piece of
// link work, each held by one holder until it expires by the store's
// clock. Both SQL stores implement it (internal/store/sqlstore,
// migration 0013).
type Leases interface {
	// TakeLinkLease gives holder the lease (step, batch) for ttl when no
	// other holder's lease on it is live, and renews it when holder
	// already holds it; ok is false, with no error, when another
	// holder's lease is live. Two holders asking at once never both get
	// it.
	TakeLinkLease(ctx context.Context, step, batch, holder string, ttl time.Duration) (ok bool, err error)
	// ReleaseLinkLease ends holder's lease (step, batch); a lease held by
	// another holder is left alone.
	ReleaseLinkLease(ctx context.Context, step, batch, holder string) error
}

// The commit lease: whoever holds it may commit (write the link
// indexes and documents of) any step; one holder at a time per store.
const (
	commitStep  = "link"
	commitBatch = "commit"
)

// ErrLeaseLost is the cause of a held lease's context when the lease
// could not be renewed before it expired (another worker may hold it
// now).
var ErrLeaseLost = errors.New("link lease lost")

// Shared is how link workers share one store: through the store's
// leases, each worker under its own holder name. Any number of workers
// prepare batches of a step's queue at once, each under a lease on its
// batch (see DrainLeased); commits, which decide in queue order and
// write, run under one commit lease, one holder at a time, so the
// picture is that of one worker.
type Shared struct {
	// Leases is the store's lease table.
	Leases Leases
	// Holder names this worker; it must differ between workers.
	Holder string
	// TTL is how long a lease lasts unless renewed (default 30 s); a
	// held lease is renewed every TTL/3, and a worker that dies holding
	// one delays its work by at most TTL.
	TTL time.Duration
	// Poll is how long a worker waits before asking again for a lease
	// another worker holds (default 50 ms).
	Poll time.Duration
	// Ahead is how many batches of a queue a worker looks at for one no
	// other worker holds (default 8).
	Ahead int
}

func (sh *Shared) ttl() time.Duration {
	if sh.TTL <= 0 {
		return 30 * time.Second
	}
	return sh.TTL
}

func (sh *Shared) ahead() int {
	if sh.Ahead <= 0 {
		return 8
	}
	return sh.Ahead
}

func (sh *Shared) poll() time.Duration {
	if sh.Poll <= 0 {
		return 50 * time.Millisecond
	}
	return sh.Poll
}

// held is a lease this worker holds, renewed in the background until
// released.
type held struct {
	ctx     context.Context
	stop    context.CancelCauseFunc
	done    chan struct{}
	release sync.Once
}

// take tries once to take the lease (step, batch). When it gets it, the
// lease is renewed every TTL/3 until the returned held is released; its
// ctx ends, with cause ErrLeaseLost, when a renewal finds the lease held
// by another, or when renewals have failed for two thirds of the TTL.
func (sh *Shared) take(ctx context.Context, step, batch string) (*held, error) {
	ok, err := sh.Leases.TakeLinkLease(ctx, step, batch, sh.Holder, sh.ttl())
	if err != nil || !ok {
		return nil, err
	}
	hctx, stop := context.WithCancelCause(ctx)
	h := &held{ctx: hctx, stop: stop, done: make(chan struct{})}
	go func() {
		defer close(h.done)
		last := time.Now()
		t := time.NewTicker(sh.ttl() / 3)
		defer t.Stop()
		for {
			select {
			case <-hctx.Done():
				return
			case <-t.C:
			}
			ok, err := sh.Leases.TakeLinkLease(hctx, step, batch, sh.Holder, sh.ttl())
			switch {
			case err == nil && ok:
				last = time.Now()
			case err == nil || time.Since(last) > sh.ttl()*2/3:
				stop(fmt.Errorf("%w: %s %s", ErrLeaseLost, step, batch))
				return
			}
		}
	}()
	return h, nil
}

// release stops renewing h and deletes the lease. A worker whose ctx has
// ended still releases (within a few seconds), so a stopped worker does
// not hold up the others for a TTL; one that dies does.
func (sh *Shared) release(ctx context.Context, h *held, step, batch string) {
	if h == nil {
		return
	}
	h.release.Do(func() {
		h.stop(nil)
		<-h.done
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		_ = sh.Leases.ReleaseLinkLease(rctx, step, batch, sh.Holder)
	})
}

// wait sleeps for the poll interval or until ctx ends.
func (sh *Shared) wait(ctx context.Context) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(sh.poll()):
		return nil
	}
}

// Commit runs f under the store's commit lease, waiting for it while
// another worker holds it; f's ctx ends if the lease is lost.
func (sh *Shared) Commit(ctx context.Context, f func(context.Context) error) error {
	for {
		h, err := sh.take(ctx, commitStep, commitBatch)
		if err != nil {
			return fmt.Errorf("commit lease: %w", err)
		}
		if h != nil {
			err := f(h.ctx)
			if err != nil && context.Cause(h.ctx) != nil && ctx.Err() == nil {
				err = context.Cause(h.ctx)
			}
			sh.release(ctx, h, commitStep, commitBatch)
			return err
		}
		if err := sh.wait(ctx); err != nil {
			return err
		}
	}
}

// Exclusive is a step that runs whole under the commit lease of the
// workers sharing a store: one worker at a time runs it, the others
// wait. It suits steps whose work is mostly the commit.
type Exclusive struct {
	Step   Step
	Shared *Shared
}

// Link runs the step under the commit lease; see Step.
func (e Exclusive) Link(ctx context.Context) (int, error) {
	var n int
	err := e.Shared.Commit(ctx, func(ctx context.Context) (err error) {
		n, err = e.Step.Link(ctx)
		return err
	})
	return n, err
}

// DrainLeased is DrainParallel for link workers sharing a store
// (several processes, or goroutines with their own store handles). A
// worker reads the first sh.Ahead batches of the queue and takes the
// lease of the first batch no one holds (a batch is named by its first
// item); it prepares that batch's items, workers at once, renewing the
// lease, while other workers prepare other batches. Then, under the
// commit lease, it commits the head of the queue (read again, up to
// batch items, in queue order) whenever the head's first item is one it
// prepared, or the head is a batch no live lease holds (items queued
// since, or a batch whose worker died): items it did not prepare it
// prepares there. So every commit is of the queue's head, one holder at
// a time: nothing is committed twice or skipped, and a commit decides
// as one worker would, provided commit checks what prepare read against
// the store as it is now (prepare may have run while other workers
// committed). A batch whose items another worker committed first is
// dropped. The drain ends when the queue is empty.
func DrainLeased[T, P any](ctx context.Context, sh *Shared, step string, batch, workers int,
	pending func(context.Context, int) ([]T, error), name func(T) string,
	prepare func(context.Context, []T, int) (P, error), commit func(context.Context, T, P) error) (int, error) {
	batch, workers = max(1, batch), max(1, workers)
	ahead := sh.ahead()
	n := 0
	for {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		items, err := pending(ctx, batch*ahead)
		if err != nil {
			return n, err
		}
		if len(items) == 0 {
			return n, nil
		}
		var (
			mine []T
			h    *held
			key  string
		)
		for i := 0; i < len(items) && h == nil; i += batch {
			w := items[i:min(i+batch, len(items))]
			if h, err = sh.take(ctx, step, name(w[0])); err != nil {
				return n, fmt.Errorf("lease: %w", err)
			}
			mine, key = w, name(w[0])
		}
		if h == nil {
			// Every batch in view is another worker's: wait for its
			// commits (or for its lease to expire).
			if err := sh.wait(ctx); err != nil {
				return n, err
			}
			continue
		}
		ready := prepareAll(h.ctx, mine, workers, name, prepare)
		m, err := commitTurns(ctx, h, sh, step, batch, workers, pending, name, prepare, commit, ready)
		n += m
		sh.release(ctx, h, step, key)
		if err != nil {
			return n, err
		}
	}
}

// result is a prepared item (or the error preparing it).
type result[P any] struct {
	p   P
	err error
}

// prepareAll prepares the items of a batch, workers at once, by name.
func prepareAll[T, P any](ctx context.Context, items []T, workers int, name func(T) string,
	prepare func(context.Context, []T, int) (P, error)) map[string]result[P] {
	out := make([]result[P], len(items))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, len(items)) {
		wg.Go(func() {
			for i := range next {
				if out[i].err = ctx.Err(); out[i].err == nil {
					out[i].p, out[i].err = prepare(ctx, items, i)
				}
			}
		})
	}
	for i := range items {
		next <- i
	}
	close(next)
	wg.Wait()
	ready := make(map[string]result[P], len(items))
	for i, it := range items {
		if out[i].err == nil || ctx.Err() == nil {
			ready[name(it)] = out[i]
		}
	}
	return ready
}

// commitTurns commits the queue's head while it is this worker's turn
// (see DrainLeased), until none of the items in ready is left in view of
// the queue. It returns how many items it committed.
func commitTurns[T, P any](ctx context.Context, h *held, sh *Shared, step string, batch, workers int,
	pending func(context.Context, int) ([]T, error), name func(T) string,
	prepare func(context.Context, []T, int) (P, error), commit func(context.Context, T, P) error,
	ready map[string]result[P]) (int, error) {
	n := 0
	for len(ready) > 0 {
		if err := context.Cause(h.ctx); err != nil && ctx.Err() == nil {
			// Our batch lease was lost: another worker may be preparing
			// it; leave it.
			return n, nil
		}
		view, err := pending(ctx, batch*sh.ahead())
		if err != nil {
			return n, err
		}
		left := false
		for _, it := range view {
			if _, ok := ready[name(it)]; ok {
				left = true
				break
			}
		}
		if !left {
			return n, nil // committed by another worker
		}
		headKey := name(view[0])
		var other *held
		if _, ok := ready[headKey]; !ok {
			// The head is not ours: commit it only if no live lease holds
			// it (queued since, or its worker died).
			if other, err = sh.take(ctx, step, headKey); err != nil {
				return n, fmt.Errorf("lease: %w", err)
			}
			if other == nil {
				if err := sh.wait(ctx); err != nil {
					return n, err
				}
				continue
			}
		}
		err = sh.Commit(ctx, func(cctx context.Context) error {
			head, err := pending(cctx, batch)
			if err != nil || len(head) == 0 {
				return err
			}
			if _, ok := ready[name(head[0])]; !ok && (other == nil || name(head[0]) != headKey) {
				return nil // the head moved while we waited; look again
			}
			// Items of the head this worker did not prepare are prepared
			// here, under the commit lease.
			var todo []T
			for _, it := range head {
				if _, ok := ready[name(it)]; !ok {
					todo = append(todo, it)
				}
			}
			if len(todo) > 0 {
				for k, r := range prepareAll(cctx, todo, workers, name, prepare) {
					ready[k] = r
				}
			}
			for _, it := range head {
				if err := cctx.Err(); err != nil {
					return err
				}
				r := ready[name(it)]
				delete(ready, name(it))
				if r.err == nil {
					r.err = commit(cctx, it, r.p)
				}
				if r.err != nil {
					return fmt.Errorf("article %s: %w", name(it), r.err)
				}
				n++
			}
			return nil
		})
		sh.release(ctx, other, step, headKey)
		if err != nil {
			return n, err
		}
	}
	return n, nil
}
