package sqlite

import (
	"context"
	"testing"

	"sitrep/internal/link/thread/threadtest"
)

func TestThreadIndex(t *testing.T) {
	s, err := OpenTemp(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	threadtest.Run(t, s)
}
