package sqlite

import (
	"context"
	"testing"

	"sitrep/internal/link/measure/measuretest"
)

func TestMeasureIndex(t *testing.T) {
	s, err := OpenTemp(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	measuretest.Run(t, s)
}
