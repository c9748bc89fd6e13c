package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"sitrep/internal/store"
)

// linkLeases is link.Leases (the store may not import the link steps).
type linkLeases interface {
	TakeLinkLease(ctx context.Context, step, batch, holder string, ttl time.Duration) (bool, error)
	ReleaseLinkLease(ctx context.Context, step, batch, holder string) error
}

// testLinkLeases checks the link workers' leases (migration 0013): one
// holder at a time, renewals, releases by the holder only, expiry, and
// one winner among holders asking at once.
func testLinkLeases(t *testing.T, s store.Store) {
	ctx := context.Background()
	l, ok := s.(linkLeases)
	if !ok {
		t.Fatalf("%T has no link leases", s)
	}
	take := func(batch, holder string, ttl time.Duration) bool {
		t.Helper()
		ok, err := l.TakeLinkLease(ctx, "provenance", batch, holder, ttl)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if !take("b1", "A", time.Minute) {
		t.Fatal("A cannot take a lease no one holds")
	}
	if take("b1", "B", time.Minute) {
		t.Fatal("B took A's live lease")
	}
	if !take("b1", "A", time.Minute) {
		t.Fatal("A cannot renew its own lease")
	}
	if !take("b2", "B", time.Minute) {
		t.Fatal("B cannot take another batch's lease")
	}
	if ok, err := l.TakeLinkLease(ctx, "entity", "b1", "B", time.Minute); err != nil || !ok {
		t.Fatalf("B cannot take the same batch name of another step: %v, %v", ok, err)
	}
	if err := l.ReleaseLinkLease(ctx, "provenance", "b1", "B"); err != nil {
		t.Fatal(err)
	}
	if take("b1", "B", time.Minute) {
		t.Fatal("B's release ended A's lease")
	}
	if err := l.ReleaseLinkLease(ctx, "provenance", "b1", "A"); err != nil {
		t.Fatal(err)
	}
	if !take("b1", "B", time.Minute) {
		t.Fatal("B cannot take a released lease")
	}
	// Expiry, by the database's clock.
	if !take("b3", "A", 20*time.Millisecond) {
		t.Fatal("A cannot take b3")
	}
	time.Sleep(200 * time.Millisecond)
	if !take("b3", "B", time.Minute) {
		t.Fatal("B cannot take A's expired lease")
	}
	if take("b3", "A", time.Minute) {
		t.Fatal("A took back its expired lease from B")
	}
	// Many holders at once: exactly one gets it.
	var (
		wg  sync.WaitGroup
		mu  sync.Mutex
		won []string
	)
	for i := range 8 {
		wg.Go(func() {
			h := fmt.Sprintf("H%d", i)
			ok, err := l.TakeLinkLease(ctx, "provenance", "race", h, time.Minute)
			if err != nil {
				t.Error(err)
				return
			}
			if ok {
				mu.Lock()
				won = append(won, h)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(won) != 1 {
		t.Errorf("holders that got the lease at once: %v, want exactly one", won)
	}
}
