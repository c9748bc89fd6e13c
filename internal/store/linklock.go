package store

import (
	"context"
	"time"
)

// LinkLocker is a store that lets one link phase at a time run on it:
// two link phases at once (two `ingest` runs on one SQLite file, two
// `worker link` processes on one database) would both do the same work
// and could leave different entity and story layers.
type LinkLocker interface {
	// TryLockLink takes the store's link lock when no other process or
	// store handle holds it, and returns the function that releases it;
	// ok is false, with no error, when the lock is held elsewhere.
	TryLockLink(ctx context.Context) (release func(), ok bool, err error)
}

// WaitLinkLock takes s's link lock, trying again every poll while
// another link phase holds it; busy (may be nil) is called once, when it
// first has to wait. A store that is not a LinkLocker needs no lock and
// gets a release that does nothing. It returns ctx's error if ctx ends
// first.
func WaitLinkLock(ctx context.Context, s any, poll time.Duration, busy func()) (release func(), err error) {
	l, ok := s.(LinkLocker)
	if !ok {
		return func() {}, nil
	}
	waited := false
	for {
		release, ok, err := l.TryLockLink(ctx)
		if err != nil || ok {
			return release, err
		}
		if !waited && busy != nil {
			busy()
		}
		waited = true
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(poll):
		}
	}
}
