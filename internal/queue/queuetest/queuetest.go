// Package queuetest is the conformance suite every queue.Queue runs from
// its own tests:
//
//	queuetest.Run(t, func(t *testing.T, opts queue.Options) queue.Queue { … })
//
// It checks delivery and acknowledgement, redelivery after AckWait and
// after a negative acknowledgement, that a touched message is not
// redelivered, dead-lettering after MaxDeliver and requeueing dead
// letters, bounded in-flight work, and that concurrent consumers settle
// every message exactly once.
package queuetest

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"sitrep/internal/queue"
)

// Open returns a new, empty queue with opts, closed by t.Cleanup.
type Open func(t *testing.T, opts queue.Options) queue.Queue

// Run runs the suite with a tick of one second: the cases that time
// redelivery use AckWaits of one or two ticks and wait in fractions of
// one.
func Run(t *testing.T, open Open) { RunTick(t, open, time.Second) }

// RunTick runs the suite with tick as its unit of time; a queue whose
// timers are exact (one in the process) can take a shorter one.
func RunTick(t *testing.T, open Open, tick time.Duration) {
	tests := []struct {
		name string
		fn   func(t *testing.T, open Open, tick time.Duration)
	}{
		{"PublishFetchAck", testPublishFetchAck},
		{"RedeliverAfterAckWait", testRedeliverAfterAckWait},
		{"NakRedelivers", testNakRedelivers},
		{"TouchDefersRedelivery", testTouch},
		{"DeadLetterAfterMaxDeliver", testDeadLetter},
		{"RequeueDeadLetters", testRequeue},
		{"PoisonDoesNotBlock", testPoisonDoesNotBlock},
		{"BoundedInFlight", testBoundedInFlight},
		{"ConcurrentConsumers", testConcurrentConsumers},
		{"EmptyFetchTimesOut", testEmptyFetch},
	}
	// Each case opens its own queue and mostly waits on the clock, so the
	// cases run in parallel: the suite takes as long as its slowest case.
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.fn(t, open, tick)
		})
	}
}

var ctx = context.Background()

func publish(t *testing.T, q queue.Queue, bodies ...string) {
	t.Helper()
	for _, b := range bodies {
		if err := q.Publish(ctx, []byte(b)); err != nil {
			t.Fatalf("Publish(%q): %v", b, err)
		}
	}
}

// fetchAll fetches until want messages arrived or 10 s passed.
func fetchAll(t *testing.T, q queue.Queue, want int) []*queue.Message {
	t.Helper()
	var out []*queue.Message
	deadline := time.Now().Add(10 * time.Second)
	for len(out) < want && time.Now().Before(deadline) {
		msgs, err := q.Fetch(ctx, want-len(out), 200*time.Millisecond)
		if err != nil {
			t.Fatalf("Fetch: %v", err)
		}
		out = append(out, msgs...)
	}
	if len(out) != want {
		t.Fatalf("fetched %d messages, want %d", len(out), want)
	}
	return out
}

func bodies(msgs []*queue.Message) []string {
	var out []string
	for _, m := range msgs {
		out = append(out, string(m.Data))
	}
	sort.Strings(out)
	return out
}

// expectEmpty checks that nothing is delivered within d.
func expectEmpty(t *testing.T, q queue.Queue, d time.Duration) {
	t.Helper()
	msgs, err := q.Fetch(ctx, 10, d)
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	if len(msgs) != 0 {
		t.Fatalf("got %d messages (%q), want none", len(msgs), bodies(msgs))
	}
}

func testPublishFetchAck(t *testing.T, open Open, tick time.Duration) {
	q := open(t, queue.Options{AckWait: 2 * tick})
	publish(t, q, "a", "b", "c")
	msgs := fetchAll(t, q, 3)
	if got := fmt.Sprint(bodies(msgs)); got != "[a b c]" {
		t.Errorf("bodies %s", got)
	}
	for _, m := range msgs {
		if m.Attempt != 1 {
			t.Errorf("%s: attempt %d, want 1", m.Data, m.Attempt)
		}
		if err := m.Ack(ctx); err != nil {
			t.Fatalf("Ack: %v", err)
		}
	}
	expectEmpty(t, q, 5*tick/2) // past AckWait: acked messages stay gone
}

func testRedeliverAfterAckWait(t *testing.T, open Open, tick time.Duration) {
	q := open(t, queue.Options{AckWait: tick})
	publish(t, q, "x")
	first := fetchAll(t, q, 1)[0]
	expectEmpty(t, q, 3*tick/10)  // in flight, not yet due
	again := fetchAll(t, q, 1)[0] // after AckWait, as after a crashed consumer
	if string(again.Data) != "x" || again.Attempt != 2 {
		t.Errorf("redelivered %q attempt %d, want x attempt 2", again.Data, again.Attempt)
	}
	if err := first.Ack(ctx); err != nil {
		t.Fatal(err) // a stale delivery's Ack is harmless
	}
	if err := again.Ack(ctx); err != nil {
		t.Fatal(err)
	}
	expectEmpty(t, q, 3*tick/2)
}

func testNakRedelivers(t *testing.T, open Open, tick time.Duration) {
	q := open(t, queue.Options{AckWait: 5 * time.Second, RetryDelay: 100 * time.Millisecond})
	publish(t, q, "x")
	m := fetchAll(t, q, 1)[0]
	if err := m.Nak(ctx, errors.New("transient")); err != nil {
		t.Fatal(err)
	}
	again := fetchAll(t, q, 1)[0]
	if again.Attempt != 2 {
		t.Errorf("attempt %d after a nak, want 2", again.Attempt)
	}
	again.Ack(ctx)
}

func testTouch(t *testing.T, open Open, tick time.Duration) {
	q := open(t, queue.Options{AckWait: tick})
	publish(t, q, "slow")
	m := fetchAll(t, q, 1)[0]
	// Held for 2.5 AckWaits, touched every half AckWait: never redelivered.
	for range 5 {
		msgs, err := q.Fetch(ctx, 10, tick/2)
		if err != nil {
			t.Fatal(err)
		}
		if len(msgs) != 0 {
			t.Fatalf("touched message redelivered: %q attempt %d", msgs[0].Data, msgs[0].Attempt)
		}
		if err := m.Touch(ctx); err != nil {
			t.Fatalf("Touch: %v", err)
		}
	}
	if err := m.Ack(ctx); err != nil {
		t.Fatal(err)
	}
	expectEmpty(t, q, 3*tick/2)
}

// bury sends each body to the dead letters (MaxDeliver must be 1).
func bury(t *testing.T, q queue.Queue, bodies ...string) {
	t.Helper()
	publish(t, q, bodies...)
	for _, m := range fetchAll(t, q, len(bodies)) {
		if err := m.Nak(ctx, errors.New("store down")); err != nil {
			t.Fatal(err)
		}
	}
	for _, b := range bodies {
		waitDead(t, q, b, "store down")
	}
}

func testRequeue(t *testing.T, open Open, tick time.Duration) {
	q := open(t, queue.Options{AckWait: 5 * time.Second, MaxDeliver: 1})
	bury(t, q, "a", "b", "c")
	dead, err := q.DeadLetters(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]uint64{}
	for _, d := range dead {
		ids[string(d.Data)] = d.ID
	}
	if len(ids) != 3 || ids["a"] == ids["b"] || ids["b"] == ids["c"] || ids["a"] == ids["c"] {
		t.Fatalf("dead letters %+v, want a, b and c with distinct IDs", dead)
	}
	// One by ID: only it comes back, with a fresh delivery count.
	if n, err := q.Requeue(ctx, ids["b"]); err != nil || n != 1 {
		t.Fatalf("Requeue(b) = %d, %v; want 1", n, err)
	}
	m := fetchAll(t, q, 1)[0]
	if string(m.Data) != "b" || m.Attempt != 1 {
		t.Errorf("requeued %q attempt %d, want b attempt 1", m.Data, m.Attempt)
	}
	m.Ack(ctx)
	if dead, _ := q.DeadLetters(ctx); len(dead) != 2 {
		t.Errorf("%d dead letters after requeueing one of 3, want 2", len(dead))
	}
	// An unknown or already requeued ID is an error.
	if _, err := q.Requeue(ctx, ids["b"]); !errors.Is(err, queue.ErrNoDeadLetter) {
		t.Errorf("Requeue of a requeued ID: %v, want ErrNoDeadLetter", err)
	}
	// No IDs: all the rest.
	if n, err := q.Requeue(ctx); err != nil || n != 2 {
		t.Fatalf("Requeue() = %d, %v; want 2", n, err)
	}
	rest := fetchAll(t, q, 2)
	if got := fmt.Sprint(bodies(rest)); got != "[a c]" {
		t.Errorf("requeued %s, want [a c]", got)
	}
	for _, m := range rest {
		m.Ack(ctx)
	}
	if dead, _ := q.DeadLetters(ctx); len(dead) != 0 {
		t.Errorf("dead letters after requeueing all: %+v", dead)
	}
	expectEmpty(t, q, 300*time.Millisecond)
}

func testDeadLetter(t *testing.T, open Open, tick time.Duration) {
	q := open(t, queue.Options{AckWait: 5 * time.Second, MaxDeliver: 3, RetryDelay: 50 * time.Millisecond})
	publish(t, q, "poison")
	for i := 1; i <= 3; i++ {
		m := fetchAll(t, q, 1)[0]
		if m.Attempt != i {
			t.Fatalf("delivery %d has attempt %d", i, m.Attempt)
		}
		if err := m.Nak(ctx, fmt.Errorf("stage failed on try %d", i)); err != nil {
			t.Fatal(err)
		}
	}
	expectEmpty(t, q, 500*time.Millisecond)
	waitDead(t, q, "poison", "stage failed on try 3")
}

func waitDead(t *testing.T, q queue.Queue, body, reason string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		dead, err := q.DeadLetters(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range dead {
			if string(d.Data) == body && d.Error == reason {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("dead letters %+v, want %q with %q", dead, body, reason)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func testPoisonDoesNotBlock(t *testing.T, open Open, tick time.Duration) {
	q := open(t, queue.Options{AckWait: 5 * time.Second, MaxDeliver: 2, RetryDelay: 50 * time.Millisecond})
	publish(t, q, "poison", "a", "b")
	done := map[string]bool{}
	deadline := time.Now().Add(10 * time.Second)
	for len(done) < 2 && time.Now().Before(deadline) {
		msgs, err := q.Fetch(ctx, 10, 200*time.Millisecond)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range msgs {
			if string(m.Data) == "poison" {
				m.Nak(ctx, errors.New("always fails"))
				continue
			}
			done[string(m.Data)] = true
			m.Ack(ctx)
		}
	}
	if !done["a"] || !done["b"] {
		t.Fatalf("good messages processed: %v", done)
	}
	for time.Now().Before(deadline) {
		msgs, _ := q.Fetch(ctx, 10, 200*time.Millisecond)
		for _, m := range msgs {
			m.Nak(ctx, errors.New("always fails"))
		}
		if dead, _ := q.DeadLetters(ctx); len(dead) == 1 {
			break
		}
	}
	waitDead(t, q, "poison", "always fails")
}

func testBoundedInFlight(t *testing.T, open Open, tick time.Duration) {
	q := open(t, queue.Options{AckWait: 5 * time.Second, MaxInFlight: 3})
	publish(t, q, "1", "2", "3", "4", "5")
	first := fetchAll(t, q, 3)
	expectEmpty(t, q, 500*time.Millisecond) // three unacknowledged: no more
	first[0].Ack(ctx)
	next := fetchAll(t, q, 1)
	for _, m := range append(first[1:], next...) {
		m.Ack(ctx)
	}
	rest := fetchAll(t, q, 1)
	rest[0].Ack(ctx)
}

func testConcurrentConsumers(t *testing.T, open Open, tick time.Duration) {
	q := open(t, queue.Options{AckWait: 10 * time.Second})
	const n = 200
	for i := range n {
		publish(t, q, fmt.Sprint(i))
	}
	var (
		mu   sync.Mutex
		seen = map[string]int{}
		wg   sync.WaitGroup
	)
	for range 4 {
		wg.Go(func() {
			deadline := time.Now().Add(20 * time.Second)
			for time.Now().Before(deadline) {
				mu.Lock()
				finished := len(seen) == n
				mu.Unlock()
				if finished {
					return
				}
				msgs, err := q.Fetch(ctx, 16, 200*time.Millisecond)
				if err != nil {
					t.Error(err)
					return
				}
				for _, m := range msgs {
					mu.Lock()
					seen[string(m.Data)]++
					mu.Unlock()
					m.Ack(ctx)
				}
			}
		})
	}
	wg.Wait()
	if len(seen) != n {
		t.Fatalf("%d distinct messages consumed, want %d", len(seen), n)
	}
	for body, c := range seen {
		if c != 1 {
			t.Errorf("message %s consumed %d times", body, c)
		}
	}
}

func testEmptyFetch(t *testing.T, open Open, tick time.Duration) {
	q := open(t, queue.Options{})
	expectEmpty(t, q, 300*time.Millisecond)
}
