package postgres

import (
	"testing"

	"sitrep/internal/link/thread/threadtest"
)

func TestThreadIndex(t *testing.T) {
	threadtest.Run(t, openTestStore(t))
}
