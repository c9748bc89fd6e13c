package sqlite

import (
	"testing"

	"sitrep/internal/store/storetest"
)

func TestBrowser(t *testing.T) {
	storetest.RunBrowser(t, openTest(t, ""))
}

func TestPager(t *testing.T) {
	storetest.RunPager(t, openTest(t, ""))
}

func TestEntityRows(t *testing.T) {
	storetest.RunRows(t, openTest(t, ""))
}
