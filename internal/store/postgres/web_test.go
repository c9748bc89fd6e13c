package postgres

import (
	"testing"

	"sitrep/internal/store/storetest"
)

func TestBrowser(t *testing.T) {
	storetest.RunBrowser(t, openTestStore(t))
}

func TestPager(t *testing.T) {
	storetest.RunPager(t, openTestStore(t))
}

func TestEntityRows(t *testing.T) {
	storetest.RunRows(t, openTestStore(t))
}
