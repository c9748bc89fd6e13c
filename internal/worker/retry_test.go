package worker

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"sitrep/internal/link"
	"sitrep/internal/news"
	"sitrep/internal/queue"
	"sitrep/internal/queue/memory"
	"sitrep/internal/source"
	"sitrep/internal/store"
	"sitrep/internal/wiring"
)

// outageWriter refuses every write while down is set, as a store whose
// server refuses connections does; with length set, the outage ends that
// long after the first refused write.
type outageWriter struct {
	store.ArticleWriter
	down    atomic.Bool
	refused atomic.Int64
	length  time.Duration
	once    sync.Once
}

func (o *outageWriter) Put(ctx context.Context, as []*news.Article) ([]store.PutResult, error) {
	if o.down.Load() {
		o.refused.Add(1)
		if o.length > 0 {
			o.once.Do(func() { time.AfterFunc(o.length, func() { o.down.Store(false) }) })
		}
		return nil, &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	}
	return o.ArticleWriter.Put(ctx, as)
}

// TestAnnotateRidesOutAnOutage takes the store down for 4 AckWaits and
// 20 redelivery delays while a worker with MaxDeliver 2 runs: before
// retries were counted in time, the whole queue went to the dead letters.
func TestAnnotateRidesOutAnOutage(t *testing.T) {
	t.Parallel() // waits on the clock more than it computes
	const n = 64
	q := memory.New(queue.Options{AckWait: 250 * time.Millisecond, MaxDeliver: 2, RetryDelay: 50 * time.Millisecond})
	s := openStore(t)
	w := &outageWriter{ArticleWriter: s, length: time.Second}
	if _, err := Publish(context.Background(), source.Stream(context.Background(), "c", bytes.NewReader(corpus(n)), source.Options{}), q); err != nil {
		t.Fatal(err)
	}
	w.down.Store(true)
	// The stages load their models before annotateUntil's clock starts.
	stats := annotateUntil(t, q, s, w, n, AnnotateOptions{Steps: wiring.Stages(), Batch: 16,
		Retry: RetryOptions{Initial: 20 * time.Millisecond, Max: 200 * time.Millisecond, Touch: 100 * time.Millisecond}})
	if c, _ := s.Count(context.Background()); c != n {
		t.Errorf("store holds %d articles, want %d (stats %+v)", c, n, stats)
	}
	if dead, _ := q.DeadLetters(context.Background()); len(dead) != 0 {
		t.Errorf("%d dead letters after a 1 s outage, want none: %+v", len(dead), dead[0])
	}
	if stats.Failed != 0 || stats.Duplicates != 0 {
		t.Errorf("stats %+v: want no failed deliveries and no redeliveries", stats)
	}
	if w.refused.Load() < 3 {
		t.Errorf("the store refused %d writes: the outage did not happen", w.refused.Load())
	}
}

// TestAnnotateGivesUpAfterTheBudget: an outage longer than Retry.For
// returns the batch to the queue with the store's error.
func TestAnnotateGivesUpAfterTheBudget(t *testing.T) {
	q := memory.New(queue.Options{AckWait: 5 * time.Second, MaxDeliver: 1, RetryDelay: 10 * time.Millisecond})
	s := openStore(t)
	w := &outageWriter{ArticleWriter: s}
	w.down.Store(true)
	if _, err := Publish(context.Background(), source.Stream(context.Background(), "c", bytes.NewReader(corpus(3)), source.Options{}), q); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var wg sync.WaitGroup
	wg.Go(func() {
		Annotate(ctx, q, w, AnnotateOptions{Wait: 50 * time.Millisecond, Retry: RetryOptions{For: 300 * time.Millisecond, Initial: 20 * time.Millisecond}})
	})
	var dead []queue.DeadLetter
	for ctx.Err() == nil && len(dead) < 3 {
		time.Sleep(20 * time.Millisecond)
		dead, _ = q.DeadLetters(ctx)
	}
	cancel()
	wg.Wait()
	if len(dead) != 3 {
		t.Fatalf("%d dead letters after an outage past the budget with MaxDeliver 1, want 3", len(dead))
	}
	if e := dead[0].Error; !strings.Contains(e, "gave up after an outage") || !strings.Contains(e, "connection refused") {
		t.Errorf("dead letter error %q, want the outage and the store's error", e)
	}
}

// terminatedError is what pgx returns when the server terminates the
// connection (pg_terminate_backend).
type terminatedError struct{}

func (terminatedError) Error() string {
	return "FATAL: terminating connection due to administrator command (SQLSTATE 57P01)"
}
func (terminatedError) SQLState() string { return "57P01" }

// flakyStep fails with a terminated connection on its first fails runs,
// then links one article per run until todo is used up.
type flakyStep struct {
	fails, todo atomic.Int64
	runs        atomic.Int64
}

func (f *flakyStep) Link(context.Context) (int, error) {
	f.runs.Add(1)
	if f.fails.Add(-1) >= 0 {
		return 0, terminatedError{}
	}
	if f.todo.Add(-1) >= 0 {
		return 1, nil
	}
	return 0, nil
}

func TestLinkCarriesOnAfterATerminatedConnection(t *testing.T) {
	step := &flakyStep{}
	step.fails.Store(3)
	step.todo.Store(5)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- Link(ctx, []link.Named{{Name: "flaky", Step: step}}, LinkOptions{Every: 10 * time.Millisecond,
			Retry: RetryOptions{Initial: 10 * time.Millisecond}})
	}()
	for ctx.Err() == nil && step.todo.Load() > -1 {
		time.Sleep(10 * time.Millisecond)
	}
	select {
	case err := <-done:
		t.Fatalf("Link returned %v before it was stopped", err)
	default:
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Link after cancel: %v", err)
	}
	if step.todo.Load() > -1 {
		t.Errorf("%d articles left unlinked after 3 terminated connections", step.todo.Load())
	}
}

func TestLinkReturnsADataError(t *testing.T) {
	bad := link.Named{Name: "bad", Step: stepLinkFunc(func(context.Context) (int, error) { return 0, errors.New("malformed centroid") })}
	err := Link(context.Background(), []link.Named{bad}, LinkOptions{})
	if err == nil || !strings.Contains(err.Error(), "malformed centroid") {
		t.Errorf("Link = %v, want the step's error", err)
	}
}

type stepLinkFunc func(context.Context) (int, error)

func (f stepLinkFunc) Link(ctx context.Context) (int, error) { return f(ctx) }

// TestDoRetriesTransientErrorsOnly: a worker's start-up rides out a
// refused connection and stops at once on any other error.
func TestDoRetriesTransientErrorsOnly(t *testing.T) {
	o := RetryOptions{For: 5 * time.Second, Initial: 5 * time.Millisecond}
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	calls := 0
	err := o.Do(context.Background(), slog.New(slog.DiscardHandler), "start", func() error {
		if calls++; calls < 3 {
			return refused
		}
		return nil
	})
	if err != nil || calls != 3 {
		t.Errorf("Do over two refused connections: err %v after %d calls, want nil after 3", err, calls)
	}
	calls = 0
	bad := errors.New("bad configuration")
	err = o.Do(context.Background(), slog.New(slog.DiscardHandler), "start", func() error {
		calls++
		return bad
	})
	if !errors.Is(err, bad) || calls != 1 {
		t.Errorf("Do on a lasting error: err %v after %d calls, want it after 1", err, calls)
	}
}
