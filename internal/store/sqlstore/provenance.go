package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"sitrep/internal/news"
)

// The provenance index (link/provenance's Index): see the migrations
// 0002_provenance.sql.

// refCols are the columns refs reads (articles aliased a).
func (s *Store) refCols() string {
	return `a.id, a.seq, ` + s.d.Published + `, EXISTS (SELECT 1 FROM provenance p WHERE p.seq = a.seq)`
}

// refs runs a query selecting refCols.
func (s *Store) refs(ctx context.Context, what, q string, args ...any) ([]news.ProvenanceRef, error) {
	rows, err := s.query(ctx, s.w, q, args...)
	if err != nil {
		return nil, fmt.Errorf("provenance %s: %w", what, err)
	}
	defer rows.Close()
	var out []news.ProvenanceRef
	for rows.Next() {
		var (
			r         news.ProvenanceRef
			published any
		)
		if err := rows.Scan(&r.ID, &r.Seq, &published, &r.Indexed); err != nil {
			return nil, fmt.Errorf("provenance %s: %w", what, err)
		}
		if r.Published, err = asTime(published); err != nil {
			return nil, fmt.Errorf("provenance %s: article %s: published: %w", what, r.ID, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("provenance %s: %w", what, err)
	}
	return out, nil
}

// PendingProvenance returns up to n queued articles, earliest published
// first, undated last.
func (s *Store) PendingProvenance(ctx context.Context, n int) ([]news.ProvenanceRef, error) {
	return s.refs(ctx, "pending", `SELECT `+s.refCols()+` FROM provenance_queue q JOIN articles a ON a.seq = q.seq
		ORDER BY `+s.d.QueueOrder+` LIMIT ?`, n)
}

// ProvenanceCandidates returns indexed articles sharing band keys with
// the given ones, most shared first. Each bucket is read through the
// primary key up to perKey entries, so the cost does not grow with the
// store even when a bucket is crowded.
func (s *Store) ProvenanceCandidates(ctx context.Context, id string, keys []int64, perKey, limit int) ([]news.ProvenanceRef, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	var hits string
	var args []any
	if s.d.Arrays {
		// One lateral read per bucket of the array of keys.
		hits = `SELECT b.seq FROM unnest(?::bigint[]) AS k (key)
			CROSS JOIN LATERAL (SELECT p.seq FROM provenance_keys p WHERE p.key = k.key ORDER BY p.seq LIMIT ?) AS b`
		args = []any{keys, perKey}
	} else {
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = `SELECT b.seq FROM (SELECT seq FROM provenance_keys WHERE key = ? ORDER BY seq LIMIT ?) AS b`
			args = append(args, k, perKey)
		}
		hits = strings.Join(parts, " UNION ALL ")
	}
	args = append(args, id, limit)
	return s.refs(ctx, "candidates", `WITH hits (seq) AS (`+hits+`),
		counted AS (SELECT seq, count(*) AS n FROM hits
			WHERE seq <> COALESCE((SELECT seq FROM articles WHERE id = ?), 0)
			GROUP BY seq ORDER BY n DESC, seq LIMIT ?)
		SELECT `+s.refCols()+` FROM counted c JOIN articles a ON a.seq = c.seq ORDER BY c.n DESC, c.seq`, args...)
}

// ProvenanceByHash returns indexed articles with the given text hash.
func (s *Store) ProvenanceByHash(ctx context.Context, hash string, limit int) ([]news.ProvenanceRef, error) {
	return s.refs(ctx, "by hash", `SELECT `+s.refCols()+` FROM articles a JOIN provenance p ON p.seq = a.seq
		WHERE a.text_hash = ? ORDER BY a.seq LIMIT ?`, hash, limit)
}

// ProvenanceBySource returns indexed articles from host or outlet.
func (s *Store) ProvenanceBySource(ctx context.Context, host, outlet string, limit int) ([]news.ProvenanceRef, error) {
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	if host == "" {
		host = "\x01" // matches nothing
	}
	return s.refs(ctx, "by source", `SELECT `+s.refCols()+` FROM articles a JOIN provenance p ON p.seq = a.seq
		WHERE p.host = ? OR a.outlet = ? ORDER BY a.seq LIMIT ?`, host, outlet, limit)
}

// ProvenanceDependents returns the articles recorded as derived from id
// or in its family.
func (s *Store) ProvenanceDependents(ctx context.Context, id string) ([]string, error) {
	out, err := s.strings(ctx, s.w, `SELECT a.id FROM provenance p JOIN articles a ON a.seq = p.seq
		WHERE (p.of_seq = (SELECT seq FROM articles WHERE id = ?) OR p.family_seq = (SELECT seq FROM articles WHERE id = ?))
		AND a.id <> ?`, id, id, id)
	if err != nil {
		return nil, fmt.Errorf("provenance dependents: %w", err)
	}
	return out, nil
}

// RecordProvenance stores a judged article's keys and verdict, takes it
// off the queue and queues rec.Requeue, in one transaction.
func (s *Store) RecordProvenance(ctx context.Context, rec news.ProvenanceRecord) error {
	fail := func(err error) error { return fmt.Errorf("record provenance %s: %w", rec.ID, err) }
	err := s.recordArticle(ctx, rec.ID, func(tx *sql.Tx, seq int64) error {
		err := chunks(rec.Keys, func(part []int64) error {
			args := make([]any, 0, 2*len(part))
			for _, k := range part {
				args = append(args, k, seq)
			}
			_, err := s.exec(ctx, tx, `INSERT INTO provenance_keys (key, seq) VALUES `+tuples(len(part), "(?, ?)")+
				` ON CONFLICT DO NOTHING`, args...)
			return err
		})
		if err != nil {
			return err
		}
		if _, err := s.exec(ctx, tx, `INSERT INTO provenance (seq, host, kind, of_seq, family_seq)
			VALUES (?, ?, ?, (SELECT seq FROM articles WHERE id = ?), (SELECT seq FROM articles WHERE id = ?))
			ON CONFLICT (seq) DO UPDATE SET host = excluded.host, kind = excluded.kind,
				of_seq = excluded.of_seq, family_seq = excluded.family_seq`,
			seq, rec.Host, rec.Kind, rec.Of, rec.Family); err != nil {
			return err
		}
		if _, err := s.exec(ctx, tx, `DELETE FROM provenance_queue WHERE seq = ?`, seq); err != nil {
			return err
		}
		if err := s.enqueue(ctx, tx, "provenance_queue", rec.Requeue); err != nil {
			return fmt.Errorf("requeue: %w", err)
		}
		return nil
	})
	if err != nil {
		return fail(err)
	}
	return nil
}

// enqueue puts the stored articles among ids in the link queue table,
// unless they are in it already.
func (s *Store) enqueue(ctx context.Context, tx *sql.Tx, table string, ids []string) error {
	return chunks(ids, func(part []string) error {
		cond, args := in(s.d, "a.id", part)
		_, err := s.exec(ctx, tx, `INSERT INTO `+table+` (`+s.d.Enqueue[0]+`) SELECT `+s.d.Enqueue[1]+
			` FROM articles a WHERE `+cond+` ON CONFLICT DO NOTHING`, args...)
		return err
	})
}
