// Package memory is an in-process queue.Queue: the same semantics as the
// NATS JetStream queue (acknowledgement, redelivery after AckWait,
// dead-lettering after MaxDeliver, bounded in-flight work) without a
// server. It keeps nothing across restarts.
package memory

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"sitrep/internal/queue"
)

// Queue is an in-memory queue.Queue, safe for concurrent use.
type Queue struct {
	opts queue.Options

	mu       sync.Mutex
	ready    chan struct{} // signalled when a message may have become ready
	items    []*item       // not yet acknowledged, in publication order
	dead     []queue.DeadLetter
	closed   bool
	nextSeq  int
	nextDead uint64
}

type item struct {
	seq      int
	data     []byte
	attempts int
	// visibleAt is when the item may be delivered (again); zero is now.
	visibleAt time.Time
	inFlight  bool
	// delivery numbers the current delivery, so an Ack of an expired
	// delivery does not settle a later one.
	delivery int
}

// New returns an empty queue.
func New(opts queue.Options) *Queue {
	return &Queue{opts: opts.WithDefaults(), ready: make(chan struct{}, 1)}
}

var _ queue.Queue = (*Queue)(nil)

var errClosed = errors.New("memory queue: closed")

// Publish adds a message.
func (q *Queue) Publish(ctx context.Context, data []byte) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closed {
		return errClosed
	}
	q.nextSeq++
	q.items = append(q.items, &item{seq: q.nextSeq, data: append([]byte(nil), data...)})
	q.signal()
	return nil
}

func (q *Queue) signal() {
	select {
	case q.ready <- struct{}{}:
	default:
	}
}

// Fetch returns up to max ready messages, waiting up to wait for one.
func (q *Queue) Fetch(ctx context.Context, n int, wait time.Duration) ([]*queue.Message, error) {
	deadline := time.Now().Add(wait)
	for {
		msgs, next, err := q.take(n)
		if err != nil || len(msgs) > 0 {
			return msgs, err
		}
		left := time.Until(deadline)
		if left <= 0 {
			return []*queue.Message{}, nil
		}
		if !next.IsZero() {
			left = min(left, time.Until(next))
		}
		t := time.NewTimer(max(left, time.Millisecond))
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		case <-q.ready:
		case <-t.C:
		}
		t.Stop()
	}
}

// take delivers up to max ready items and returns when the next one will
// become ready, if any is waiting.
func (q *Queue) take(n int) ([]*queue.Message, time.Time, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closed {
		return nil, time.Time{}, errClosed
	}
	now := time.Now()
	inFlight := 0
	var next time.Time
	for _, it := range q.items {
		if it.inFlight && !now.Before(it.visibleAt) {
			it.inFlight = false // AckWait passed: deliver again
		}
		if it.inFlight {
			inFlight++
			next = earliest(next, it.visibleAt)
		}
	}
	msgs := []*queue.Message{}
	var exhausted []*item
	defer func() {
		for _, it := range exhausted {
			q.bury(it, fmt.Sprintf("no acknowledgement after %d deliveries", it.attempts))
		}
	}()
	for _, it := range q.items {
		if len(msgs) >= n || inFlight >= q.opts.MaxInFlight {
			break
		}
		if it.inFlight {
			continue
		}
		if now.Before(it.visibleAt) {
			next = earliest(next, it.visibleAt)
			continue
		}
		if it.attempts >= q.opts.MaxDeliver {
			exhausted = append(exhausted, it)
			continue
		}
		it.attempts++
		it.delivery++
		it.inFlight = true
		it.visibleAt = now.Add(q.opts.AckWait)
		inFlight++
		msgs = append(msgs, q.message(it))
	}
	return msgs, next, nil
}

func earliest(a, b time.Time) time.Time {
	if a.IsZero() || b.Before(a) {
		return b
	}
	return a
}

// message wraps the current delivery of it.
func (q *Queue) message(it *item) *queue.Message {
	delivery := it.delivery
	ack := func(context.Context) error {
		q.mu.Lock()
		defer q.mu.Unlock()
		if !q.current(it, delivery) {
			return nil // settled already, or redelivered after AckWait
		}
		q.remove(it)
		return nil
	}
	fail := func(_ context.Context, cause error) error {
		q.mu.Lock()
		defer q.mu.Unlock()
		if !q.current(it, delivery) {
			return nil
		}
		if it.attempts >= q.opts.MaxDeliver {
			q.bury(it, cause.Error())
			return nil
		}
		it.inFlight = false
		it.visibleAt = time.Now().Add(q.opts.RetryDelay)
		q.signal()
		return nil
	}
	touch := func(context.Context) error {
		q.mu.Lock()
		defer q.mu.Unlock()
		if q.current(it, delivery) {
			it.visibleAt = time.Now().Add(q.opts.AckWait)
		}
		return nil
	}
	return queue.NewMessage(append([]byte(nil), it.data...), it.attempts, ack, fail, touch)
}

// current reports whether delivery is the live delivery of a stored item.
func (q *Queue) current(it *item, delivery int) bool {
	if !it.inFlight || it.delivery != delivery {
		return false
	}
	for _, x := range q.items {
		if x == it {
			return true
		}
	}
	return false
}

func (q *Queue) remove(it *item) {
	for i, x := range q.items {
		if x == it {
			q.items = append(q.items[:i], q.items[i+1:]...)
			break
		}
	}
	q.signal()
}

func (q *Queue) bury(it *item, reason string) {
	q.nextDead++
	q.dead = append(q.dead, queue.DeadLetter{ID: q.nextDead, Data: it.data, Error: reason, Attempts: it.attempts})
	q.remove(it)
}

// DeadLetters lists the messages given up on.
func (q *Queue) DeadLetters(context.Context) ([]queue.DeadLetter, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	return append([]queue.DeadLetter(nil), q.dead...), nil
}

// Requeue puts dead letters back on the queue as new messages.
func (q *Queue) Requeue(ctx context.Context, ids ...uint64) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closed {
		return 0, errClosed
	}
	if len(ids) == 0 {
		for _, d := range q.dead {
			ids = append(ids, d.ID)
		}
	}
	n := 0
	for _, id := range ids {
		i := slices.IndexFunc(q.dead, func(d queue.DeadLetter) bool { return d.ID == id })
		if i < 0 {
			return n, fmt.Errorf("memory queue: requeue %d: %w", id, queue.ErrNoDeadLetter)
		}
		q.nextSeq++
		q.items = append(q.items, &item{seq: q.nextSeq, data: q.dead[i].Data})
		q.dead = slices.Delete(q.dead, i, i+1)
		n++
	}
	q.signal()
	return n, nil
}

// Close stops the queue; later calls fail.
func (q *Queue) Close() error {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.closed = true
	return nil
}
