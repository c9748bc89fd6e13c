package postgres

import (
	"testing"

	"sitrep/internal/link/measure/measuretest"
)

func TestMeasureIndex(t *testing.T) {
	measuretest.Run(t, openTestStore(t))
}

func TestMeasureAggregatesMatchARecount(t *testing.T) {
	measuretest.RunIncremental(t, openTestStore(t))
}
