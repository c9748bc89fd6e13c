package memory

import (
	"testing"
	"time"

	"sitrep/internal/queue"
	"sitrep/internal/queue/queuetest"
)

// TestConformance runs the suite on a tick of 200 ms: the queue's
// timers are the process's own.
func TestConformance(t *testing.T) {
	queuetest.RunTick(t, func(t *testing.T, opts queue.Options) queue.Queue {
		q := New(opts)
		t.Cleanup(func() { q.Close() })
		return q
	}, 200*time.Millisecond)
}
