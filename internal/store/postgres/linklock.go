package postgres

import (
	"context"
	"fmt"

	"sitrep/internal/store"
)

// linkLockClass is the first key of the link lock: a session advisory
// lock (classid, hashtext(schema)), so stores in different schemas of one
// database do not wait for each other.
const linkLockClass = 0x5174726c // "Qtrl"

var _ store.LinkLocker = (*Store)(nil)

// TryLockLink takes the link lock, a session advisory lock held on one
// connection of the pool (a *sql.Conn) until release. If that connection is
// terminated the server drops the lock; link steps stay idempotent, so
// the worst case is work done twice, not a wrong picture.
func (s *Store) TryLockLink(ctx context.Context) (func(), bool, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("postgres: link lock: %w", err)
	}
	var ok bool
	if err := conn.QueryRowContext(ctx, "SELECT pg_try_advisory_lock($1, hashtext(current_schema()))", int32(linkLockClass)).Scan(&ok); err != nil {
		conn.Close()
		return nil, false, fmt.Errorf("postgres: link lock: %w", err)
	}
	if !ok {
		conn.Close()
		return nil, false, nil
	}
	return func() {
		conn.ExecContext(context.Background(), "SELECT pg_advisory_unlock($1, hashtext(current_schema()))", int32(linkLockClass))
		conn.Close()
	}, true, nil
}
