//go:build unix

package sqlite

import (
	"context"
	"errors"
	"fmt"
	"os"
	"syscall"

	"sitrep/internal/store"
)

var _ store.LinkLocker = (*Store)(nil)

// TryLockLink takes the link lock: an exclusive flock on PATH.link-lock
// beside the database file. The kernel releases it when the process
// dies, so a killed link phase never leaves the store locked.
func (s *Store) TryLockLink(ctx context.Context) (func(), bool, error) {
	if err := ctx.Err(); err != nil {
		return nil, false, err
	}
	name := s.path + ".link-lock"
	f, err := os.OpenFile(name, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, false, fmt.Errorf("sqlite: link lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, false, nil
		}
		return nil, false, fmt.Errorf("sqlite: link lock %s: %w", name, err)
	}
	return func() {
		if s.remove {
			os.Remove(name) // a temporary store's lock is private to this process
		}
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, true, nil
}
