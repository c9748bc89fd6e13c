package postgres

import (
	"context"
	"testing"
)

func TestLinkLockExcludesASecondStore(t *testing.T) {
	a := openTestStore(t)
	other := openTestStore(t) // another schema: its own lock
	ctx := context.Background()
	release, ok, err := a.TryLockLink(ctx)
	if err != nil || !ok {
		t.Fatalf("first TryLockLink = %v, %v; want the lock", ok, err)
	}
	// A second handle on the same schema, as a second process would open.
	var schema string
	if err := a.db.QueryRowContext(ctx, "SELECT current_schema()").Scan(&schema); err != nil {
		t.Fatal(err)
	}
	b, err := Open(ctx, withSearchPath(t, testDSN(t), schema))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if _, ok, err := b.TryLockLink(ctx); err != nil || ok {
		t.Fatalf("second TryLockLink while held = %v, %v; want busy", ok, err)
	}
	r, ok, err := other.TryLockLink(ctx)
	if err != nil || !ok {
		t.Fatalf("TryLockLink on another schema = %v, %v; want its own lock", ok, err)
	}
	r()
	release()
	release2, ok, err := b.TryLockLink(ctx)
	if err != nil || !ok {
		t.Fatalf("TryLockLink after release = %v, %v; want the lock", ok, err)
	}
	release2()
}
