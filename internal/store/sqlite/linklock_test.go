//go:build unix

package sqlite

import (
	"context"
	"path/filepath"
	"testing"
)

func TestLinkLockExcludesASecondHandle(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	a, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	release, ok, err := a.TryLockLink(ctx)
	if err != nil || !ok {
		t.Fatalf("first TryLockLink = %v, %v; want the lock", ok, err)
	}
	if _, ok, err := b.TryLockLink(ctx); err != nil || ok {
		t.Fatalf("second TryLockLink while held = %v, %v; want busy", ok, err)
	}
	release()
	release2, ok, err := b.TryLockLink(ctx)
	if err != nil || !ok {
		t.Fatalf("TryLockLink after release = %v, %v; want the lock", ok, err)
	}
	release2()
}
