package postgres

import (
	"testing"

	linkentity "sitrep/internal/link/entity"
	"sitrep/internal/link/provenance"
	"sitrep/internal/link/story"
	"sitrep/internal/link/story/storytest"
)

func TestStoryIndex(t *testing.T) {
	storytest.Run(t, openTestStore(t))
}

// The store implements every link step's store interface.
var (
	_ linkentity.Store  = (*Store)(nil)
	_ linkentity.Lister = (*Store)(nil)
	_ provenance.Store  = (*Store)(nil)
	_ story.Store       = (*Store)(nil)
	_ story.Lister      = (*Store)(nil)
)
