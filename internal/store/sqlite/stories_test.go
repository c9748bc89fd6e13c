package sqlite

import (
	"context"
	"testing"

	"sitrep/internal/link/story/storytest"
)

func TestStoryIndex(t *testing.T) {
	s, err := OpenTemp(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	storytest.Run(t, s)
}
