package sqlite

import (
	"testing"

	"sitrep/internal/store/storetest"
)

func TestBrowser(t *testing.T) {
	storetest.RunBrowser(t, openTest(t, ""))
}
