package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"sitrep/internal/store"
)

// The pages' and the API's reads (store.Browser): each one bounded by a
// page, a story or a family, never a walk over the whole store.

var _ store.Browser = (*Store)(nil)

// entryCols reads an article's summary and its link-phase results from
// its columns (migration 0005).
const entryCols = `a.id, a.url, a.path, a.outlet, a.title, a.published, a.words, a.status,
	a.story, a.provenance_kind, a.provenance_of, a.provenance_family, a.figures, a.events`

func (s *Store) entries(ctx context.Context, q string, args ...any) ([]store.Entry, error) {
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []store.Entry{}
	for rows.Next() {
		var (
			e         store.Entry
			url       sql.NullString
			published string
		)
		if err := rows.Scan(&e.ID, &url, &e.Path, &e.Outlet, &e.Title, &published, &e.Words, &e.Status,
			&e.Story, &e.Provenance, &e.Of, &e.Family, &e.Figures, &e.Events); err != nil {
			return nil, err
		}
		e.URL = url.String
		if e.Published, err = parseTime(published); err != nil {
			return nil, fmt.Errorf("article %s: published: %w", e.ID, err)
		}
		if e.Provenance != "" && e.Family == "" {
			e.Family = e.ID
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// ArticleEntries lists the entries that pass f, newest first; see
// store.Browser. Outlet, story, provenance-kind and family filters read
// their indexes in list order; the others walk the publication-order
// index until the page is full.
func (s *Store) ArticleEntries(ctx context.Context, f store.EntryFilter) ([]store.Entry, error) {
	var (
		where []string
		args  []any
	)
	if f.Outlet != "" {
		where = append(where, "a.outlet = ?")
		args = append(args, f.Outlet)
	}
	if f.Story != "" {
		where = append(where, "a.story = ?")
		args = append(args, f.Story)
	}
	if f.Provenance != "" {
		where = append(where, "a.provenance_kind = ?")
		args = append(args, f.Provenance)
	}
	if f.Judged {
		where = append(where, "a.provenance_kind <> ''")
	}
	if f.Family != "" {
		// A family's first article may record no family of its own.
		where = append(where, "(a.provenance_family = ? OR a.id = ? AND a.provenance_kind <> '')")
		args = append(args, f.Family, f.Family)
	}
	if !f.From.IsZero() {
		from, err := formatTime(f.From)
		if err != nil {
			return nil, fmt.Errorf("entries: from: %w", err)
		}
		where = append(where, "a.published <> '' AND a.published >= ?")
		args = append(args, from)
	}
	if !f.To.IsZero() {
		to, err := formatTime(f.To)
		if err != nil {
			return nil, fmt.Errorf("entries: to: %w", err)
		}
		where = append(where, "a.published <> '' AND a.published < ?")
		args = append(args, to)
	}
	if f.After != "" {
		cond, cargs, err := s.afterCursor(ctx, f.After)
		if err != nil {
			return nil, fmt.Errorf("entries: %w", err)
		}
		where, args = append(where, cond), append(args, cargs...)
	}
	q := "SELECT " + entryCols + " FROM articles a"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += listOrder + " LIMIT ?"
	args = append(args, pageLimit(f.Limit))
	out, err := s.entries(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("entries: %w", err)
	}
	return out, nil
}

// EntriesByID returns the entries of the stored articles among ids, in
// the order of ids.
func (s *Store) EntriesByID(ctx context.Context, ids []string) ([]store.Entry, error) {
	out := make([]store.Entry, 0, len(ids))
	byID := map[string]store.Entry{}
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		got, err := s.entries(ctx, "SELECT "+entryCols+" FROM articles a WHERE a.id IN (?"+strings.Repeat(", ?", len(chunk)-1)+")", args...)
		if err != nil {
			return nil, fmt.Errorf("entries by id: %w", err)
		}
		for _, e := range got {
			byID[e.ID] = e
		}
	}
	for _, id := range ids {
		if e, ok := byID[id]; ok {
			out = append(out, e)
		}
	}
	return out, nil
}

// ArticleStats returns the corpus-wide counts, from the articles'
// indexes and the provenance table.
func (s *Store) ArticleStats(ctx context.Context) (store.Stats, error) {
	st := store.Stats{Kinds: map[string]int{}}
	err := s.r.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles),
		(SELECT count(*) FROM (SELECT DISTINCT outlet FROM articles)),
		(SELECT count(*) FROM provenance),
		(SELECT count(DISTINCT COALESCE(family_seq, seq)) FROM provenance)`).Scan(&st.Articles, &st.Outlets, &st.Judged, &st.Families)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	// Unjudged articles are their own sources.
	st.Sources = st.Families + st.Articles - st.Judged
	rows, err := s.r.QueryContext(ctx, `SELECT kind, count(*) FROM provenance GROUP BY kind`)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			k string
			n int
		)
		if err := rows.Scan(&k, &n); err != nil {
			return st, fmt.Errorf("stats: %w", err)
		}
		st.Kinds[k] = n
	}
	return st, rows.Err()
}

// StoryOutlets counts the distinct outlets of each story among ids.
func (s *Store) StoryOutlets(ctx context.Context, ids []string) (map[string]int, error) {
	out := map[string]int{}
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.r.QueryContext(ctx, `SELECT story, count(DISTINCT outlet) FROM articles
		WHERE story IN (?`+strings.Repeat(", ?", len(ids)-1)+`) AND outlet <> '' GROUP BY story`, args...)
	if err != nil {
		return nil, fmt.Errorf("story outlets: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id string
			n  int
		)
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("story outlets: %w", err)
		}
		out[id] = n
	}
	return out, rows.Err()
}
