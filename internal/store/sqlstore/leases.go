package sqlstore

import (
	"context"
	"time"
)

// TakeLinkLease gives holder the lease (step, batch) for ttl when no
// lease on it is stored, when its holder let it expire, or when holder
// already holds it (a renewal); ok is false, with no error, when another
// holder's lease is live. One statement decides, so two workers asking
// at once cannot both get it: SQLite runs it under its one write lock,
// PostgreSQL locks the conflicting row (see link.Leases).
func (s *Store) TakeLinkLease(ctx context.Context, step, batch, holder string, ttl time.Duration) (bool, error) {
	res, err := s.exec(ctx, s.w, `INSERT INTO link_leases (step, batch, holder, expires) VALUES (?, ?, ?, `+s.d.Now+` + ?)
		ON CONFLICT (step, batch) DO UPDATE SET holder = excluded.holder, expires = excluded.expires
		WHERE link_leases.holder = excluded.holder OR link_leases.expires < `+s.d.Now,
		step, batch, holder, ttl.Seconds())
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// ReleaseLinkLease ends holder's lease (step, batch); a lease another
// holder took after this one expired is left alone.
func (s *Store) ReleaseLinkLease(ctx context.Context, step, batch, holder string) error {
	_, err := s.exec(ctx, s.w, `DELETE FROM link_leases WHERE step = ? AND batch = ? AND holder = ?`, step, batch, holder)
	return err
}
