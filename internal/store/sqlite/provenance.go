package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sitrep/internal/news"
	"strings"
)

// The provenance index: see migrations/0002_provenance.sql and
// provenance.Index, which Store implements.

func scanRefs(rows *sql.Rows) ([]news.ProvenanceRef, error) {
	defer rows.Close()
	var out []news.ProvenanceRef
	for rows.Next() {
		var (
			r         news.ProvenanceRef
			published string
			indexed   int
		)
		if err := rows.Scan(&r.ID, &r.Seq, &published, &indexed); err != nil {
			return nil, err
		}
		t, err := parseTime(published)
		if err != nil {
			return nil, fmt.Errorf("article %s: published: %w", r.ID, err)
		}
		r.Published, r.Indexed = t, indexed != 0
		out = append(out, r)
	}
	return out, rows.Err()
}

const refCols = `a.id, a.seq, a.published, EXISTS (SELECT 1 FROM provenance p WHERE p.seq = a.seq)`

// PendingProvenance returns up to n queued articles, earliest published
// first, undated last.
func (s *Store) PendingProvenance(ctx context.Context, n int) ([]news.ProvenanceRef, error) {
	rows, err := s.w.QueryContext(ctx, `SELECT `+refCols+` FROM provenance_queue q JOIN articles a ON a.seq = q.seq
		ORDER BY q.undated, q.published, q.seq LIMIT ?`, n)
	if err != nil {
		return nil, fmt.Errorf("provenance pending: %w", err)
	}
	refs, err := scanRefs(rows)
	if err != nil {
		return nil, fmt.Errorf("provenance pending: %w", err)
	}
	return refs, nil
}

// ProvenanceCandidates returns indexed articles sharing band keys with
// the given ones, most shared first.
func (s *Store) ProvenanceCandidates(ctx context.Context, id string, keys []int64, perKey, limit int) ([]news.ProvenanceRef, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	var self int64
	if err := s.w.QueryRowContext(ctx, `SELECT seq FROM articles WHERE id = ?`, id).Scan(&self); err != nil && err != sql.ErrNoRows {
		return nil, fmt.Errorf("provenance candidates: %w", err)
	}
	// One bounded read per bucket keeps the cost independent of the
	// store's size even when a bucket is crowded.
	parts := make([]string, len(keys))
	args := make([]any, 0, 2*len(keys)+3)
	for i, k := range keys {
		parts[i] = `SELECT seq FROM (SELECT seq FROM provenance_keys WHERE key = ? LIMIT ?)`
		args = append(args, k, perKey)
	}
	args = append(args, self, limit)
	q := `WITH hits (seq) AS (` + strings.Join(parts, " UNION ALL ") + `),
		counted AS (SELECT seq, count(*) AS n FROM hits WHERE seq <> ? GROUP BY seq ORDER BY n DESC, seq LIMIT ?)
		SELECT ` + refCols + ` FROM counted c JOIN articles a ON a.seq = c.seq ORDER BY c.n DESC, c.seq`
	rows, err := s.w.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("provenance candidates: %w", err)
	}
	refs, err := scanRefs(rows)
	if err != nil {
		return nil, fmt.Errorf("provenance candidates: %w", err)
	}
	return refs, nil
}

// ProvenanceByHash returns indexed articles with the given text hash.
func (s *Store) ProvenanceByHash(ctx context.Context, hash string, limit int) ([]news.ProvenanceRef, error) {
	rows, err := s.w.QueryContext(ctx, `SELECT `+refCols+` FROM articles a JOIN provenance p ON p.seq = a.seq
		WHERE a.text_hash = ? ORDER BY a.seq LIMIT ?`, hash, limit)
	if err != nil {
		return nil, fmt.Errorf("provenance by hash: %w", err)
	}
	refs, err := scanRefs(rows)
	if err != nil {
		return nil, fmt.Errorf("provenance by hash: %w", err)
	}
	return refs, nil
}

// ProvenanceBySource returns indexed articles from host or outlet.
func (s *Store) ProvenanceBySource(ctx context.Context, host, outlet string, limit int) ([]news.ProvenanceRef, error) {
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	if host == "" {
		host = "\x00" // matches nothing
	}
	rows, err := s.w.QueryContext(ctx, `SELECT `+refCols+` FROM articles a JOIN provenance p ON p.seq = a.seq
		WHERE p.host = ? OR a.outlet = ? ORDER BY a.seq LIMIT ?`, host, outlet, limit)
	if err != nil {
		return nil, fmt.Errorf("provenance by source: %w", err)
	}
	refs, err := scanRefs(rows)
	if err != nil {
		return nil, fmt.Errorf("provenance by source: %w", err)
	}
	return refs, nil
}

// ProvenanceDependents returns the articles recorded as derived from id
// or in its family.
func (s *Store) ProvenanceDependents(ctx context.Context, id string) ([]string, error) {
	rows, err := s.w.QueryContext(ctx, `SELECT a.id FROM provenance p JOIN articles a ON a.seq = p.seq
		WHERE (p.of_seq = (SELECT seq FROM articles WHERE id = ?1) OR p.family_seq = (SELECT seq FROM articles WHERE id = ?1))
		AND a.id <> ?1`, id)
	if err != nil {
		return nil, fmt.Errorf("provenance dependents: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			return nil, fmt.Errorf("provenance dependents: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// RecordProvenance stores a judged article's keys and verdict, takes it
// off the queue and queues rec.Requeue, in one transaction.
func (s *Store) RecordProvenance(ctx context.Context, rec news.ProvenanceRecord) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("record provenance %s: begin: %w", rec.ID, err)
	}
	defer tx.Rollback()
	var seq int64
	if err := tx.QueryRowContext(ctx, `SELECT seq FROM articles WHERE id = ?`, rec.ID).Scan(&seq); err != nil {
		return fmt.Errorf("record provenance %s: %w", rec.ID, err)
	}
	ins, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO provenance_keys (key, seq) VALUES (?, ?)`)
	if err != nil {
		return fmt.Errorf("record provenance %s: %w", rec.ID, err)
	}
	defer ins.Close()
	for _, k := range rec.Keys {
		if _, err := ins.ExecContext(ctx, k, seq); err != nil {
			return fmt.Errorf("record provenance %s: %w", rec.ID, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO provenance (seq, host, kind, of_seq, family_seq)
		VALUES (?1, ?2, ?3, (SELECT seq FROM articles WHERE id = ?4), (SELECT seq FROM articles WHERE id = ?5))
		ON CONFLICT (seq) DO UPDATE SET host = excluded.host, kind = excluded.kind,
			of_seq = excluded.of_seq, family_seq = excluded.family_seq`,
		seq, rec.Host, rec.Kind, rec.Of, rec.Family); err != nil {
		return fmt.Errorf("record provenance %s: %w", rec.ID, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM provenance_queue WHERE seq = ?`, seq); err != nil {
		return fmt.Errorf("record provenance %s: %w", rec.ID, err)
	}
	for _, id := range rec.Requeue {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO provenance_queue (seq, undated, published)
			SELECT seq, published = '', published FROM articles WHERE id = ?`, id); err != nil {
			return fmt.Errorf("record provenance %s: requeue %s: %w", rec.ID, id, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("record provenance %s: commit: %w", rec.ID, err)
	}
	return nil
}
