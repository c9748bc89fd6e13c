package postgres

import (
	"context"
	"fmt"
	"sort"

	"github.com/jackc/pgx/v5"

	"sitrep/internal/news"
	"sitrep/internal/store"
)

// The entity index: see migrations/0003_entities.sql and linkentity.Index,
// which Store implements with the same semantics as the SQLite store.

// PendingEntities returns up to n queued article IDs in storage order.
func (s *Store) PendingEntities(ctx context.Context, n int) ([]string, error) {
	rows, err := s.pool.Query(ctx, `SELECT a.id FROM entity_queue q JOIN articles a ON a.seq = q.seq ORDER BY q.seq LIMIT $1`, n)
	if err != nil {
		return nil, fmt.Errorf("entities pending: %w", err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("entities pending: %w", err)
	}
	return out, nil
}

// EntityNames returns the known names in a block, of any type.
func (s *Store) EntityNames(ctx context.Context, _, block string) ([]news.EntityName, error) {
	rows, err := s.pool.Query(ctx, `SELECT name_key, type, entity, canonical FROM entity_names WHERE block = $1 ORDER BY name_key, type`, block)
	if err != nil {
		return nil, fmt.Errorf("entity names: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (news.EntityName, error) {
		var n news.EntityName
		err := r.Scan(&n.Key, &n.Type, &n.Entity, &n.Canonical)
		return n, err
	})
	if err != nil {
		return nil, fmt.Errorf("entity names: %w", err)
	}
	return out, nil
}

// RecordEntities stores an article's names and mentions and takes it off
// the queue, in one transaction.
func (s *Store) RecordEntities(ctx context.Context, id string, names []news.EntityName, mentions []news.EntityMentions) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("record entities %s: begin: %w", id, err)
	}
	defer tx.Rollback(ctx)
	var seq int64
	if err := tx.QueryRow(ctx, `SELECT seq FROM articles WHERE id = $1`, id).Scan(&seq); err != nil {
		if errNoRows(err) {
			return fmt.Errorf("record entities %s: %w", id, store.ErrNotFound)
		}
		return fmt.Errorf("record entities %s: %w", id, err)
	}
	batch := &pgx.Batch{}
	for _, n := range names {
		batch.Queue(`INSERT INTO entity_names (type, name_key, block, entity, canonical) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT DO NOTHING`, n.Type, n.Key, n.Block, n.Entity, n.Canonical)
	}
	batch.Queue(`DELETE FROM entity_mentions WHERE seq = $1`, seq)
	for _, m := range mentions {
		for _, a := range m.Aliases {
			batch.Queue(`INSERT INTO entity_mentions (entity, seq, alias, type, canonical, count) VALUES ($1, $2, $3, $4, $5, $6)
				ON CONFLICT (entity, seq, alias) DO UPDATE SET count = entity_mentions.count + excluded.count`,
				m.Entity, seq, a.Text, m.Type, m.Canonical, a.Count)
		}
	}
	batch.Queue(`DELETE FROM entity_queue WHERE seq = $1`, seq)
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		return fmt.Errorf("record entities %s: %w", id, err)
	}
	if err := tx.Commit(ctx); err != nil {
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
	rows, err := s.pool.Query(ctx, `SELECT entity, MAX(canonical), `+majorityType+`, SUM(count), COUNT(DISTINCT seq)
		FROM entity_mentions m WHERE $1 = '' OR type = $1
		GROUP BY entity ORDER BY SUM(count) DESC, entity LIMIT $2`, typ, limit)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (news.EntitySummary, error) {
		var e news.EntitySummary
		err := r.Scan(&e.Entity, &e.Canonical, &e.Type, &e.Mentions, &e.Articles)
		return e, err
	})
	if err != nil {
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
	rows, err := s.pool.Query(ctx, `SELECT alias, SUM(count) FROM entity_mentions WHERE entity = $1 GROUP BY alias ORDER BY SUM(count) DESC, alias`, entity)
	if err != nil {
		return nil, fmt.Errorf("entity aliases: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (news.EntityAlias, error) {
		var a news.EntityAlias
		err := r.Scan(&a.Text, &a.Count)
		return a, err
	})
	if err != nil {
		return nil, fmt.Errorf("entity aliases: %w", err)
	}
	return out, nil
}

// Entity returns the entity whose ID, canonical name, known name or
// written form is name.
func (s *Store) Entity(ctx context.Context, name, key string) (*news.EntitySummary, error) {
	var id string
	err := s.pool.QueryRow(ctx, `SELECT entity FROM entity_mentions WHERE entity = $1 LIMIT 1`, name).Scan(&id)
	if errNoRows(err) {
		err = s.pool.QueryRow(ctx, `SELECT entity FROM entity_mentions WHERE alias = $1 OR canonical = $1
			GROUP BY entity ORDER BY SUM(count) DESC, entity LIMIT 1`, name).Scan(&id)
	}
	if errNoRows(err) {
		err = s.pool.QueryRow(ctx, `SELECT entity FROM entity_names WHERE name_key = $1 ORDER BY type LIMIT 1`, key).Scan(&id)
	}
	if errNoRows(err) {
		return nil, fmt.Errorf("entity %q: %w", name, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("entity %q: %w", name, err)
	}
	e := &news.EntitySummary{Entity: id}
	if err := s.pool.QueryRow(ctx, `SELECT MAX(canonical), `+majorityType+`, SUM(count), COUNT(DISTINCT seq)
		FROM entity_mentions m WHERE entity = $1 GROUP BY entity`, id).
		Scan(&e.Canonical, &e.Type, &e.Mentions, &e.Articles); err != nil {
		return nil, fmt.Errorf("entity %q: %w", name, err)
	}
	if e.Aliases, err = s.entityAliases(ctx, id); err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, `SELECT a.id FROM articles a WHERE a.seq IN (SELECT seq FROM entity_mentions WHERE entity = $1)`+
		listOrder+` LIMIT $2`, id, news.MaxEntityArticleIDs)
	if err != nil {
		return nil, fmt.Errorf("entity %q: %w", name, err)
	}
	if e.ArticleIDs, err = pgx.CollectRows(rows, pgx.RowTo[string]); err != nil {
		return nil, fmt.Errorf("entity %q: %w", name, err)
	}
	sort.Strings(e.ArticleIDs)
	return e, nil
}
