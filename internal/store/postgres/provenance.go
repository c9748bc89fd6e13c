package postgres

import (
	"context"
	"errors"
	"fmt"
	"sitrep/internal/news"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// The provenance index: see migrations/0002_provenance.sql and
// provenance.Index, which Store implements with the same semantics as the
// SQLite store.

// refCols are the columns scanRefs reads; the published time comes from
// the doc, which keeps nanoseconds.
const refCols = `a.id, a.seq, a.doc->>'published', EXISTS (SELECT 1 FROM provenance p WHERE p.seq = a.seq)`

func scanRefs(rows pgx.Rows) ([]news.ProvenanceRef, error) {
	defer rows.Close()
	var out []news.ProvenanceRef
	for rows.Next() {
		var (
			r         news.ProvenanceRef
			published *string
		)
		if err := rows.Scan(&r.ID, &r.Seq, &published, &r.Indexed); err != nil {
			return nil, err
		}
		if published != nil {
			t, err := time.Parse(time.RFC3339Nano, *published)
			if err != nil {
				return nil, fmt.Errorf("article %s: published: %w", r.ID, err)
			}
			r.Published = t
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func (s *Store) refs(ctx context.Context, what, q string, args ...any) ([]news.ProvenanceRef, error) {
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("provenance %s: %w", what, err)
	}
	refs, err := scanRefs(rows)
	if err != nil {
		return nil, fmt.Errorf("provenance %s: %w", what, err)
	}
	return refs, nil
}

// PendingProvenance returns up to n queued articles, earliest published
// first, undated last.
func (s *Store) PendingProvenance(ctx context.Context, n int) ([]news.ProvenanceRef, error) {
	return s.refs(ctx, "pending", `SELECT `+refCols+` FROM provenance_queue q JOIN articles a ON a.seq = q.seq
		ORDER BY q.published ASC NULLS LAST, q.seq LIMIT $1`, n)
}

// ProvenanceCandidates returns indexed articles sharing band keys with
// the given ones, most shared first. Each bucket is read through the
// primary key up to perKey entries, so the cost does not grow with the
// store.
func (s *Store) ProvenanceCandidates(ctx context.Context, id string, keys []int64, perKey, limit int) ([]news.ProvenanceRef, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	return s.refs(ctx, "candidates", `WITH hits AS (
			SELECT b.seq FROM unnest($1::bigint[]) AS k (key)
			CROSS JOIN LATERAL (SELECT p.seq FROM provenance_keys p WHERE p.key = k.key ORDER BY p.seq LIMIT $2) b),
		counted AS (
			SELECT seq, count(*) AS n FROM hits
			WHERE seq <> COALESCE((SELECT seq FROM articles WHERE id = $3), 0)
			GROUP BY seq ORDER BY n DESC, seq LIMIT $4)
		SELECT `+refCols+` FROM counted c JOIN articles a ON a.seq = c.seq ORDER BY c.n DESC, c.seq`,
		keys, perKey, id, limit)
}

// ProvenanceByHash returns indexed articles with the given text hash.
func (s *Store) ProvenanceByHash(ctx context.Context, hash string, limit int) ([]news.ProvenanceRef, error) {
	return s.refs(ctx, "by hash", `SELECT `+refCols+` FROM articles a JOIN provenance p ON p.seq = a.seq
		WHERE a.text_hash = $1 ORDER BY a.seq LIMIT $2`, hash, limit)
}

// ProvenanceBySource returns indexed articles from host or outlet.
func (s *Store) ProvenanceBySource(ctx context.Context, host, outlet string, limit int) ([]news.ProvenanceRef, error) {
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	if host == "" {
		host = "\x01" // matches nothing
	}
	return s.refs(ctx, "by source", `SELECT `+refCols+` FROM articles a JOIN provenance p ON p.seq = a.seq
		WHERE p.host = $1 OR a.outlet = $2 ORDER BY a.seq LIMIT $3`, host, outlet, limit)
}

// ProvenanceDependents returns the articles recorded as derived from id
// or in its family.
func (s *Store) ProvenanceDependents(ctx context.Context, id string) ([]string, error) {
	rows, err := s.pool.Query(ctx, `SELECT a.id FROM provenance p JOIN articles a ON a.seq = p.seq
		WHERE (p.of_seq = (SELECT seq FROM articles WHERE id = $1) OR p.family_seq = (SELECT seq FROM articles WHERE id = $1))
		AND a.id <> $1`, id)
	if err != nil {
		return nil, fmt.Errorf("provenance dependents: %w", err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("provenance dependents: %w", err)
	}
	return out, nil
}

// RecordProvenance stores a judged article's keys and verdict, takes it
// off the queue and queues rec.Requeue, in one transaction.
func (s *Store) RecordProvenance(ctx context.Context, rec news.ProvenanceRecord) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("record provenance %s: begin: %w", rec.ID, err)
	}
	defer tx.Rollback(ctx)
	var seq int64
	if err := tx.QueryRow(ctx, `SELECT seq FROM articles WHERE id = $1`, rec.ID).Scan(&seq); err != nil {
		return fmt.Errorf("record provenance %s: %w", rec.ID, err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO provenance_keys (key, seq) SELECT k, $2 FROM unnest($1::bigint[]) AS k
		ON CONFLICT DO NOTHING`, rec.Keys, seq); err != nil {
		return fmt.Errorf("record provenance %s: %w", rec.ID, err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO provenance (seq, host, kind, of_seq, family_seq)
		VALUES ($1, $2, $3, (SELECT seq FROM articles WHERE id = $4), (SELECT seq FROM articles WHERE id = $5))
		ON CONFLICT (seq) DO UPDATE SET host = excluded.host, kind = excluded.kind,
			of_seq = excluded.of_seq, family_seq = excluded.family_seq`,
		seq, rec.Host, rec.Kind, rec.Of, rec.Family); err != nil {
		return fmt.Errorf("record provenance %s: %w", rec.ID, err)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM provenance_queue WHERE seq = $1`, seq); err != nil {
		return fmt.Errorf("record provenance %s: %w", rec.ID, err)
	}
	if len(rec.Requeue) > 0 {
		if _, err := tx.Exec(ctx, `INSERT INTO provenance_queue (seq, published)
			SELECT seq, published FROM articles WHERE id = ANY($1) ON CONFLICT DO NOTHING`, rec.Requeue); err != nil {
			return fmt.Errorf("record provenance %s: requeue: %w", rec.ID, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("record provenance %s: commit: %w", rec.ID, err)
	}
	return nil
}

// errNoRows reports whether err is pgx's "no rows".
func errNoRows(err error) bool { return errors.Is(err, pgx.ErrNoRows) }
