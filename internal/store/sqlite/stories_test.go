package sqlite

import (
	"context"
	"path/filepath"
	"testing"
	"time"

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

// TestActiveStoriesNearYearOne asks for the window of an article dated in
// the first days of year 1 (it starts in year 0): the store answers
// instead of failing, so such a date does not stop the story step.
func TestActiveStoriesNearYearOne(t *testing.T) {
	s := openTest(t, filepath.Join(t.TempDir(), "y1.db"))
	at := time.Date(1, 1, 1, 6, 26, 0, 0, time.UTC)
	if _, err := s.ActiveStories(context.Background(), at.Add(-14*24*time.Hour), at.Add(24*time.Hour), 10); err != nil {
		t.Fatal(err)
	}
}
