package link

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// memLeases is an in-memory lease table; releases by a holder in dead
// are dropped, as when its process died.
type memLeases struct {
	mu     sync.Mutex
	leases map[[2]string]memLease
	dead   map[string]bool
}

type memLease struct {
	holder  string
	expires time.Time
}

func newMemLeases() *memLeases {
	return &memLeases{leases: map[[2]string]memLease{}, dead: map[string]bool{}}
}

func (m *memLeases) TakeLinkLease(ctx context.Context, step, batch, holder string, ttl time.Duration) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := [2]string{step, batch}
	if l, ok := m.leases[k]; ok && l.holder != holder && time.Now().Before(l.expires) {
		return false, nil
	}
	m.leases[k] = memLease{holder: holder, expires: time.Now().Add(ttl)}
	return true, nil
}

func (m *memLeases) ReleaseLinkLease(ctx context.Context, step, batch, holder string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := [2]string{step, batch}
	if l, ok := m.leases[k]; ok && l.holder == holder && !m.dead[holder] {
		delete(m.leases, k)
	}
	return nil
}

// memQueue is a step's queue of item numbers in order, and the log of
// its commits.
type memQueue struct {
	mu        sync.Mutex
	items     []int
	committed []int
	by        map[int]string // item → holder that committed it
	inCommit  atomic.Int32
	overlap   atomic.Bool
}

func newMemQueue(n int) *memQueue {
	q := &memQueue{by: map[int]string{}}
	for i := range n {
		q.items = append(q.items, i)
	}
	return q
}

func (q *memQueue) pending(ctx context.Context, n int) ([]int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	return slices.Clone(q.items[:min(n, len(q.items))]), nil
}

// commit checks that its item is the head and was prepared right, and
// takes it off the queue.
func (q *memQueue) commit(holder string) func(context.Context, int, int) error {
	return func(ctx context.Context, it, p int) error {
		if q.inCommit.Add(1) > 1 {
			q.overlap.Store(true)
		}
		defer q.inCommit.Add(-1)
		q.mu.Lock()
		defer q.mu.Unlock()
		if p != it*2 {
			return fmt.Errorf("item %d prepared as %d", it, p)
		}
		if len(q.items) == 0 || q.items[0] != it {
			return fmt.Errorf("item %d committed out of queue order", it)
		}
		q.items = q.items[1:]
		q.committed = append(q.committed, it)
		q.by[it] = holder
		return nil
	}
}

func itemName(i int) string { return strconv.Itoa(i) }

// checkAll checks that every item of a queue of n was committed once, in
// queue order, one commit at a time.
func (q *memQueue) checkAll(t *testing.T, n int) {
	t.Helper()
	if len(q.items) != 0 {
		t.Errorf("%d items left in the queue", len(q.items))
	}
	for i, it := range q.committed {
		if it != i {
			t.Fatalf("commit %d was item %d: items committed twice, lost or out of order: %v", i, it, q.committed)
		}
	}
	if len(q.committed) != n {
		t.Errorf("%d items committed, want %d", len(q.committed), n)
	}
	if q.overlap.Load() {
		t.Error("two commits ran at once")
	}
}

// TestDrainLeasedSplitsPrepareAndCommitsOnce runs two workers over one
// queue: both prepare batches (the first batch's prepare waits until the
// other worker prepares one), each item is committed once, in queue
// order, one commit at a time.
func TestDrainLeasedSplitsPrepareAndCommitsOnce(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	const n, batch = 203, 8
	leases, q := newMemLeases(), newMemQueue(n)
	var (
		mu       sync.Mutex
		prepared = map[string]int{}
	)
	both := make(chan struct{})
	var once sync.Once
	prepare := func(holder string) func(context.Context, []int, int) (int, error) {
		return func(ctx context.Context, items []int, i int) (int, error) {
			mu.Lock()
			prepared[holder]++
			if len(prepared) == 2 {
				once.Do(func() { close(both) })
			}
			mu.Unlock()
			if items[0] == 0 {
				select {
				case <-both:
				case <-ctx.Done():
					return 0, ctx.Err()
				}
			}
			return items[i] * 2, nil
		}
	}
	var wg sync.WaitGroup
	counts := make([]int, 2)
	errs := make([]error, 2)
	for w, holder := range []string{"A", "B"} {
		wg.Go(func() {
			sh := &Shared{Leases: leases, Holder: holder, Poll: time.Millisecond}
			counts[w], errs[w] = DrainLeased(ctx, sh, "step", batch, 2, q.pending, itemName, prepare(holder), q.commit(holder))
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	q.checkAll(t, n)
	if counts[0]+counts[1] != n {
		t.Errorf("the drains report %d + %d items, want %d", counts[0], counts[1], n)
	}
	if prepared["A"] == 0 || prepared["B"] == 0 {
		t.Errorf("prepared by A %d, by B %d: want both", prepared["A"], prepared["B"])
	}
	if len(leases.leases) != 0 {
		t.Errorf("leases left after the drains: %v", leases.leases)
	}
}

// TestDrainLeasedTakesOverADeadWorkersBatch: worker A dies while
// preparing its batch (its context is cancelled, its lease is not
// released); worker B takes the batch once A's lease has expired, and
// every item is committed once.
func TestDrainLeasedTakesOverADeadWorkersBatch(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	const n, batch = 40, 8
	leases, q := newMemLeases(), newMemQueue(n)
	leases.dead["A"] = true
	actx, die := context.WithCancel(ctx)
	prepA := func(ctx context.Context, items []int, i int) (int, error) {
		die()
		return 0, ctx.Err()
	}
	a := &Shared{Leases: leases, Holder: "A", TTL: 300 * time.Millisecond, Poll: time.Millisecond}
	if _, err := DrainLeased(actx, a, "step", batch, 1, q.pending, itemName, prepA, q.commit("A")); !errors.Is(err, context.Canceled) {
		t.Fatalf("the dying worker's drain: %v, want context.Canceled", err)
	}
	if len(q.committed) != 0 {
		t.Fatalf("the dying worker committed %v", q.committed)
	}
	if _, ok := leases.leases[[2]string{"step", "0"}]; !ok {
		t.Fatal("the dying worker's lease is gone: the test does not leave it behind")
	}
	waited := false
	prepB := func(ctx context.Context, items []int, i int) (int, error) {
		// B must not get A's batch before A's lease expired.
		if items[i] == 0 {
			leases.mu.Lock()
			l := leases.leases[[2]string{"step", "0"}]
			leases.mu.Unlock()
			waited = l.holder == "B"
		}
		return items[i] * 2, nil
	}
	b := &Shared{Leases: leases, Holder: "B", Poll: time.Millisecond}
	if _, err := DrainLeased(ctx, b, "step", batch, 1, q.pending, itemName, prepB, q.commit("B")); err != nil {
		t.Fatal(err)
	}
	q.checkAll(t, n)
	if !waited {
		t.Error("B did not hold the dead worker's batch lease when it prepared the batch")
	}
}

// TestExclusiveRunsOneAtATime: steps wrapped in Exclusive on two workers
// never run at once.
func TestExclusiveRunsOneAtATime(t *testing.T) {
	leases := newMemLeases()
	var in, most atomic.Int32
	step := stepFunc(func(ctx context.Context) (int, error) {
		if v := in.Add(1); v > most.Load() {
			most.Store(v)
		}
		defer in.Add(-1)
		time.Sleep(5 * time.Millisecond)
		return 1, nil
	})
	var wg sync.WaitGroup
	for _, h := range []string{"A", "B", "C"} {
		wg.Go(func() {
			e := Exclusive{Step: step, Shared: &Shared{Leases: leases, Holder: h, Poll: time.Millisecond}}
			for range 5 {
				if _, err := e.Link(context.Background()); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if most.Load() != 1 {
		t.Errorf("%d exclusive steps ran at once", most.Load())
	}
}

type stepFunc func(context.Context) (int, error)

func (f stepFunc) Link(ctx context.Context) (int, error) { return f(ctx) }
