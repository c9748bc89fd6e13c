package attribution

import (
	"bytes"
	_ "embed"
	"fmt"
	"path/filepath"
	"sync"
)

// DefaultModelPath is where `sitrep train attribution` writes the model,
// relative to the module root.
var DefaultModelPath = filepath.Join("internal", "attribution", "data", "attribution.model.gz")

//go:embed data/attribution.model.gz
var modelFile []byte

// Default returns the embedded model, decoded on first use.
var Default = sync.OnceValues(func() (*Model, error) {
	m, err := Load(bytes.NewReader(modelFile))
	if err != nil {
		return nil, fmt.Errorf("embedded attribution model: %w", err)
	}
	return m, nil
})
