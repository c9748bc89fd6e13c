package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"sort"

	"sitrep/internal/news"
	"sitrep/internal/store"
)

// The entity index (link/entity's Index and Lister): see the migrations
// 0003_entities.sql. Names come with their key and block computed by the
// step; the store only matches them.

// PendingEntities returns up to n queued article IDs, earliest published
// first, undated last, then in storage order (migration 0007).
func (s *Store) PendingEntities(ctx context.Context, n int) ([]string, error) {
	out, err := s.strings(ctx, s.w, `SELECT a.id FROM entity_queue q JOIN articles a ON a.seq = q.seq
		ORDER BY `+s.d.QueueOrder+` LIMIT ?`, n)
	if err != nil {
		return nil, fmt.Errorf("entities pending: %w", err)
	}
	return out, nil
}

// EntityNames returns the known names in a block, of any type.
func (s *Store) EntityNames(ctx context.Context, _, block string) ([]news.EntityName, error) {
	rows, err := s.query(ctx, s.w, `SELECT name_key, block, type, entity, canonical FROM entity_names WHERE block = ? ORDER BY name_key, type`, block)
	if err != nil {
		return nil, fmt.Errorf("entity names: %w", err)
	}
	defer rows.Close()
	var out []news.EntityName
	for rows.Next() {
		var n news.EntityName
		if err := rows.Scan(&n.Key, &n.Block, &n.Type, &n.Entity, &n.Canonical); err != nil {
			return nil, fmt.Errorf("entity names: %w", err)
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// recordArticle runs f in one write transaction with the storage
// sequence number of the stored article id, and commits if f returns
// nil; an unknown id is an error wrapping store.ErrNotFound.
func (s *Store) recordArticle(ctx context.Context, id string, f func(tx *sql.Tx, seq int64) error) error {
	tx, err := s.begin(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	var seq int64
	err = s.queryRow(ctx, tx, `SELECT seq FROM articles WHERE id = ?`, id).Scan(&seq)
	if noRows(err) {
		return store.ErrNotFound
	}
	if err != nil {
		return err
	}
	if err := f(tx, seq); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// RecordEntities stores an article's names and mentions and takes it
// off the queue, in one transaction.
func (s *Store) RecordEntities(ctx context.Context, id string, names []news.EntityName, mentions []news.EntityMentions) error {
	fail := func(err error) error { return fmt.Errorf("record entities %s: %w", id, err) }
	err := s.recordArticle(ctx, id, func(tx *sql.Tx, seq int64) error {
		err := chunks(names, func(part []news.EntityName) error {
			args := make([]any, 0, 5*len(part))
			for _, n := range part {
				args = append(args, n.Type, n.Key, n.Block, n.Entity, n.Canonical)
			}
			_, err := s.exec(ctx, tx, `INSERT INTO entity_names (type, name_key, block, entity, canonical) VALUES `+
				tuples(len(part), "(?, ?, ?, ?, ?)")+` ON CONFLICT DO NOTHING`, args...)
			return err
		})
		if err != nil {
			return err
		}
		if _, err := s.exec(ctx, tx, `DELETE FROM entity_mentions WHERE seq = ?`, seq); err != nil {
			return err
		}
		// One row per (entity, written form); a form given twice counts twice.
		type mention struct {
			m     *news.EntityMentions
			alias string
			count int
		}
		var rowsOf []mention
		at := map[[2]string]int{}
		for i := range mentions {
			m := &mentions[i]
			for _, a := range m.Aliases {
				k := [2]string{m.Entity, a.Text}
				if j, ok := at[k]; ok {
					rowsOf[j].count += a.Count
					continue
				}
				at[k] = len(rowsOf)
				rowsOf = append(rowsOf, mention{m, a.Text, a.Count})
			}
		}
		err = chunks(rowsOf, func(part []mention) error {
			args := make([]any, 0, 6*len(part))
			for _, r := range part {
				args = append(args, r.m.Entity, seq, r.alias, r.m.Type, r.m.Canonical, r.count)
			}
			_, err := s.exec(ctx, tx, `INSERT INTO entity_mentions (entity, seq, alias, type, canonical, count) VALUES `+
				tuples(len(part), "(?, ?, ?, ?, ?, ?)"), args...)
			return err
		})
		if err != nil {
			return err
		}
		if _, err := s.exec(ctx, tx, `DELETE FROM entity_queue WHERE seq = ?`, seq); err != nil {
			return err
		}
		return nil
	})
	if err != nil {
		return fail(err)
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
	rows, err := s.query(ctx, s.r, `SELECT entity, MAX(canonical), `+majorityType+`, SUM(count), COUNT(DISTINCT seq)
		FROM entity_mentions m WHERE ? = '' OR type = ?
		GROUP BY entity ORDER BY SUM(count) DESC, entity LIMIT ?`, typ, typ, limit)
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
	rows, err := s.query(ctx, s.r, `SELECT alias, SUM(count) FROM entity_mentions WHERE entity = ? GROUP BY alias ORDER BY SUM(count) DESC, alias`, entity)
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

// Entity returns the entity whose ID, canonical name or written form is
// name, or else one of whose known names has the key key.
func (s *Store) Entity(ctx context.Context, name, key string) (*news.EntitySummary, error) {
	var id string
	err := s.queryRow(ctx, s.r, `SELECT entity FROM entity_mentions WHERE entity = ? LIMIT 1`, name).Scan(&id)
	if noRows(err) {
		err = s.queryRow(ctx, s.r, `SELECT entity FROM entity_mentions WHERE alias = ? OR canonical = ?
			GROUP BY entity ORDER BY SUM(count) DESC, entity LIMIT 1`, name, name).Scan(&id)
	}
	if noRows(err) {
		err = s.queryRow(ctx, s.r, `SELECT entity FROM entity_names WHERE name_key = ? ORDER BY type LIMIT 1`, key).Scan(&id)
	}
	if noRows(err) {
		return nil, fmt.Errorf("entity %q: %w", name, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("entity %q: %w", name, err)
	}
	e := &news.EntitySummary{Entity: id}
	if err := s.queryRow(ctx, s.r, `SELECT MAX(canonical), `+majorityType+`, SUM(count), COUNT(DISTINCT seq)
		FROM entity_mentions m WHERE entity = ? GROUP BY entity`, id).
		Scan(&e.Canonical, &e.Type, &e.Mentions, &e.Articles); err != nil {
		return nil, fmt.Errorf("entity %q: %w", name, err)
	}
	if e.Aliases, err = s.entityAliases(ctx, id); err != nil {
		return nil, err
	}
	if e.ArticleIDs, err = s.strings(ctx, s.r, `SELECT a.id FROM articles a WHERE a.seq IN (SELECT seq FROM entity_mentions WHERE entity = ?)
		ORDER BY `+s.d.ListOrder+` LIMIT ?`, id, news.MaxEntityArticleIDs); err != nil {
		return nil, fmt.Errorf("entity %q: %w", name, err)
	}
	sort.Strings(e.ArticleIDs)
	return e, nil
}
