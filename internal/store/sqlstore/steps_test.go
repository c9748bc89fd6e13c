package sqlstore_test

import (
	linkentity "sitrep/internal/link/entity"
	"sitrep/internal/link/provenance"
	"sitrep/internal/link/story"
	"sitrep/internal/store/sqlstore"
)

// The core implements every link step's store interface, for both
// stores (which embed it). A test may import the steps; the package may
// not (internal/store/deps_test.go).
var (
	_ linkentity.Store  = (*sqlstore.Store)(nil)
	_ linkentity.Lister = (*sqlstore.Store)(nil)
	_ provenance.Store  = (*sqlstore.Store)(nil)
	_ story.Store       = (*sqlstore.Store)(nil)
	_ story.Lister      = (*sqlstore.Store)(nil)
)
