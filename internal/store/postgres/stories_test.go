package postgres

import (
	"testing"

	"sitrep/internal/link/story/storytest"
)

func TestStoryIndex(t *testing.T) {
	storytest.Run(t, openTestStore(t))
}
