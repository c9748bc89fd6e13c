package memory

import (
	"testing"

	"sitrep/internal/queue"
	"sitrep/internal/queue/queuetest"
)

func TestConformance(t *testing.T) {
	queuetest.Run(t, func(t *testing.T, opts queue.Options) queue.Queue {
		q := New(opts)
		t.Cleanup(func() { q.Close() })
		return q
	})
}
