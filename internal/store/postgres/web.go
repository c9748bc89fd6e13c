package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"sitrep/internal/store"
)

// The pages' and the API's reads (store.Browser), with the semantics of
// the SQLite store's: each bounded by a page, a story or a family.

var _ store.Browser = (*Store)(nil)

const entryCols = `a.id, a.url, a.path, a.outlet, a.title, a.doc->>'published', a.words, a.status,
	a.story, a.provenance_kind, a.provenance_of, a.provenance_family, a.figures, a.events`

func (s *Store) entries(ctx context.Context, q string, args ...any) ([]store.Entry, error) {
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []store.Entry{}
	for rows.Next() {
		var (
			e         store.Entry
			url       *string
			published *string
		)
		if err := rows.Scan(&e.ID, &url, &e.Path, &e.Outlet, &e.Title, &published, &e.Words, &e.Status,
			&e.Story, &e.Provenance, &e.Of, &e.Family, &e.Figures, &e.Events); err != nil {
			return nil, err
		}
		if url != nil {
			e.URL = *url
		}
		if published != nil {
			t, err := time.Parse(time.RFC3339Nano, *published)
			if err != nil {
				return nil, fmt.Errorf("article %s: published: %w", e.ID, err)
			}
			e.Published = t
		}
		if e.Provenance != "" && e.Family == "" {
			e.Family = e.ID
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// ArticleEntries lists the entries that pass f, newest first (undated
// last); see store.Browser.
func (s *Store) ArticleEntries(ctx context.Context, f store.EntryFilter) ([]store.Entry, error) {
	var (
		where []string
		args  []any
	)
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if f.Outlet != "" {
		where = append(where, "a.outlet = "+arg(f.Outlet))
	}
	if f.Story != "" {
		where = append(where, "a.story = "+arg(f.Story))
	}
	if f.Provenance != "" {
		where = append(where, "a.provenance_kind = "+arg(f.Provenance))
	}
	if f.Judged {
		where = append(where, "a.provenance_kind <> ''")
	}
	if f.Family != "" {
		// A family's first article may record no family of its own.
		p := arg(f.Family)
		where = append(where, "(a.provenance_family = "+p+" OR a.id = "+p+" AND a.provenance_kind <> '')")
	}
	if !f.From.IsZero() {
		where = append(where, "a.published >= "+arg(f.From.UTC()))
	}
	if !f.To.IsZero() {
		where = append(where, "a.published < "+arg(f.To.UTC()))
	}
	if f.After != "" {
		cond, err := s.afterCursor(ctx, f.After, arg)
		if err != nil {
			return nil, fmt.Errorf("entries: %w", err)
		}
		where = append(where, cond)
	}
	q := "SELECT " + entryCols + " FROM articles a"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += listOrder + " LIMIT " + arg(pageLimit(f.Limit))
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
	if len(ids) == 0 {
		return out, nil
	}
	got, err := s.entries(ctx, "SELECT "+entryCols+" FROM articles a WHERE a.id = ANY($1)", ids)
	if err != nil {
		return nil, fmt.Errorf("entries by id: %w", err)
	}
	byID := make(map[string]store.Entry, len(got))
	for _, e := range got {
		byID[e.ID] = e
	}
	for _, id := range ids {
		if e, ok := byID[id]; ok {
			out = append(out, e)
		}
	}
	return out, nil
}

// ArticleStats returns the corpus-wide counts.
func (s *Store) ArticleStats(ctx context.Context) (store.Stats, error) {
	st := store.Stats{Kinds: map[string]int{}}
	err := s.pool.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM articles),
		(SELECT count(DISTINCT outlet) FROM articles),
		(SELECT count(*) FROM provenance),
		(SELECT count(DISTINCT COALESCE(family_seq, seq)) FROM provenance)`).Scan(&st.Articles, &st.Outlets, &st.Judged, &st.Families)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	st.Sources = st.Families + st.Articles - st.Judged
	rows, err := s.pool.Query(ctx, `SELECT kind, count(*) FROM provenance GROUP BY kind`)
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
	rows, err := s.pool.Query(ctx, `SELECT story, count(DISTINCT outlet) FROM articles
		WHERE story = ANY($1) AND outlet <> '' GROUP BY story`, ids)
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
