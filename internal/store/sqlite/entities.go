package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"

	"sitrep/internal/news"
	"sitrep/internal/store"
)

// The entity index: see migrations/0003_entities.sql and
// linkentity.Index, which Store implements.

// PendingEntities returns up to n queued article IDs in storage order.
func (s *Store) PendingEntities(ctx context.Context, n int) ([]string, error) {
	rows, err := s.w.QueryContext(ctx, `SELECT a.id FROM entity_queue q JOIN articles a ON a.seq = q.seq ORDER BY q.seq LIMIT ?`, n)
	if err != nil {
		return nil, fmt.Errorf("entities pending: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("entities pending: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// EntityNames returns the known names in a block, of any type.
func (s *Store) EntityNames(ctx context.Context, _, block string) ([]news.EntityName, error) {
	rows, err := s.w.QueryContext(ctx, `SELECT name_key, type, entity, canonical FROM entity_names WHERE block = ? ORDER BY name_key, type`, block)
	if err != nil {
		return nil, fmt.Errorf("entity names: %w", err)
	}
	defer rows.Close()
	var out []news.EntityName
	for rows.Next() {
		var n news.EntityName
		if err := rows.Scan(&n.Key, &n.Type, &n.Entity, &n.Canonical); err != nil {
			return nil, fmt.Errorf("entity names: %w", err)
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// RecordEntities stores an article's names and mentions and takes it
// off the queue, in one transaction.
func (s *Store) RecordEntities(ctx context.Context, id string, names []news.EntityName, mentions []news.EntityMentions) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("record entities %s: begin: %w", id, err)
	}
	defer tx.Rollback()
	var seq int64
	if err := tx.QueryRowContext(ctx, `SELECT seq FROM articles WHERE id = ?`, id).Scan(&seq); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("record entities %s: %w", id, store.ErrNotFound)
		}
		return fmt.Errorf("record entities %s: %w", id, err)
	}
	for _, n := range names {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO entity_names (type, name_key, block, entity, canonical) VALUES (?, ?, ?, ?, ?)`,
			n.Type, n.Key, n.Block, n.Entity, n.Canonical); err != nil {
			return fmt.Errorf("record entities %s: %w", id, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM entity_mentions WHERE seq = ?`, seq); err != nil {
		return fmt.Errorf("record entities %s: %w", id, err)
	}
	for _, m := range mentions {
		for _, a := range m.Aliases {
			if _, err := tx.ExecContext(ctx, `INSERT INTO entity_mentions (entity, seq, alias, type, canonical, count) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (entity, seq, alias) DO UPDATE SET count = count + excluded.count`,
				m.Entity, seq, a.Text, m.Type, m.Canonical, a.Count); err != nil {
				return fmt.Errorf("record entities %s: %w", id, err)
			}
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM entity_queue WHERE seq = ?`, seq); err != nil {
		return fmt.Errorf("record entities %s: %w", id, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("record entities %s: commit: %w", id, err)
	}
	return nil
}

// majorityType is the type most of an entity's mentions have.
const majorityType = `(SELECT t.type FROM entity_mentions t WHERE t.entity = m.entity GROUP BY t.type ORDER BY SUM(t.count) DESC, t.type LIMIT 1)`

// Entities lists entities, most mentioned first.
func (s *Store) Entities(ctx context.Context, typ string, limit int) ([]news.EntitySummary, error) {
	if limit <= 0 {
		limit = DefaultLimit
	}
	rows, err := s.r.QueryContext(ctx, `SELECT entity, MAX(canonical), `+majorityType+`, SUM(count), COUNT(DISTINCT seq)
		FROM entity_mentions m WHERE ?1 = '' OR type = ?1
		GROUP BY entity ORDER BY SUM(count) DESC, entity LIMIT ?2`, typ, limit)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	var out []news.EntitySummary
	for rows.Next() {
		var e news.EntitySummary
		if err := rows.Scan(&e.Entity, &e.Canonical, &e.Type, &e.Mentions, &e.Articles); err != nil {
			rows.Close()
			return nil, fmt.Errorf("entities: %w", err)
		}
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	for i := range out {
		if out[i].Aliases, err = s.entityAliases(ctx, out[i].Entity); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (s *Store) entityAliases(ctx context.Context, entity string) ([]news.EntityAlias, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT alias, SUM(count) FROM entity_mentions WHERE entity = ? GROUP BY alias ORDER BY SUM(count) DESC, alias`, entity)
	if err != nil {
		return nil, fmt.Errorf("entity aliases: %w", err)
	}
	defer rows.Close()
	var out []news.EntityAlias
	for rows.Next() {
		var a news.EntityAlias
		if err := rows.Scan(&a.Text, &a.Count); err != nil {
			return nil, fmt.Errorf("entity aliases: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Entity returns the entity whose ID, canonical name, known name or
// written form is name.
func (s *Store) Entity(ctx context.Context, name, key string) (*news.EntitySummary, error) {
	var id string
	err := s.r.QueryRowContext(ctx, `SELECT entity FROM entity_mentions WHERE entity = ? LIMIT 1`, name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		err = s.r.QueryRowContext(ctx, `SELECT entity FROM entity_mentions WHERE alias = ?1 OR canonical = ?1
			GROUP BY entity ORDER BY SUM(count) DESC, entity LIMIT 1`, name).Scan(&id)
	}
	if errors.Is(err, sql.ErrNoRows) {
		err = s.r.QueryRowContext(ctx, `SELECT entity FROM entity_names WHERE name_key = ? ORDER BY type LIMIT 1`, key).Scan(&id)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("entity %q: %w", name, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("entity %q: %w", name, err)
	}
	e := &news.EntitySummary{Entity: id}
	if err := s.r.QueryRowContext(ctx, `SELECT MAX(canonical), `+majorityType+`, SUM(count), COUNT(DISTINCT seq) FROM entity_mentions m WHERE entity = ?`, id).
		Scan(&e.Canonical, &e.Type, &e.Mentions, &e.Articles); err != nil {
		return nil, fmt.Errorf("entity %q: %w", name, err)
	}
	if e.Aliases, err = s.entityAliases(ctx, id); err != nil {
		return nil, err
	}
	rows, err := s.r.QueryContext(ctx, `SELECT a.id FROM articles a WHERE a.seq IN (SELECT seq FROM entity_mentions WHERE entity = ?)`+
		listOrder+` LIMIT ?`, id, news.MaxEntityArticleIDs)
	if err != nil {
		return nil, fmt.Errorf("entity %q: %w", name, err)
	}
	defer rows.Close()
	for rows.Next() {
		var aid string
		if err := rows.Scan(&aid); err != nil {
			return nil, fmt.Errorf("entity %q: %w", name, err)
		}
		e.ArticleIDs = append(e.ArticleIDs, aid)
	}
	sort.Strings(e.ArticleIDs)
	return e, rows.Err()
}
