package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"sitrep/internal/store"
)

// The pages', the API's and the CLI's reads of articles (store.Browser,
// store.EntryLister): each one bounded by a page, a story or a family,
// never a walk over the whole store.

var _ store.Browser = (*Store)(nil)

// entryCols reads an article's summary and its link-phase results from
// its columns (migrations 0005, 0006 and 0008), and an untitled
// article's opening words; entries scans them (articles aliased a).
func (s *Store) entryCols() string {
	return `a.id, a.url, a.path, a.outlet, a.title, ` + s.d.Published + `, a.words, a.status, a.genre,
		a.story, a.provenance_kind, a.provenance_of, a.provenance_family, a.figures, a.events, a.origin,
		CASE WHEN a.title = '' THEN substr(a.text, 1, 300) ELSE '' END`
}

func (s *Store) entries(ctx context.Context, q string, args ...any) ([]store.Entry, error) {
	rows, err := s.query(ctx, s.r, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []store.Entry{}
	for rows.Next() {
		var (
			e         store.Entry
			url       sql.NullString
			published any
		)
		if err := rows.Scan(&e.ID, &url, &e.Path, &e.Outlet, &e.Title, &published, &e.Words, &e.Status, &e.Genre,
			&e.Story, &e.Provenance, &e.Of, &e.Family, &e.Figures, &e.Events, &e.Origin, &e.Lead); err != nil {
			return nil, err
		}
		e.URL = url.String
		if e.Published, err = asTime(published); err != nil {
			return nil, fmt.Errorf("article %s: published: %w", e.ID, err)
		}
		if e.Provenance != "" && e.Family == "" {
			e.Family = e.ID
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// ArticleEntries lists the entries that pass f, newest first (undated
// last), then by ID; see store.EntryLister. Outlet, story,
// provenance-kind and family filters read their indexes in list order;
// the others walk the publication-order index until the page is full.
func (s *Store) ArticleEntries(ctx context.Context, f store.EntryFilter) ([]store.Entry, error) {
	var (
		where []string
		args  []any
	)
	add := func(cond string, vals ...any) {
		where, args = append(where, cond), append(args, vals...)
	}
	if f.Outlet != "" {
		add("a.outlet = ?", f.Outlet)
	}
	if f.Story != "" {
		add("a.story = ?", f.Story)
	}
	if f.Provenance != "" {
		add("a.provenance_kind = ?", f.Provenance)
	}
	if f.Judged {
		add("a.provenance_kind <> ''")
	}
	if f.Genre != "" {
		add("a.genre = ?", f.Genre)
	}
	if f.Entity != "" {
		add("a.seq IN (SELECT seq FROM entity_mentions WHERE entity = ?)", f.Entity)
	}
	for _, m := range f.Rows {
		if len(m.Keys) == 0 {
			add("1 = 0")
			continue
		}
		cond, vals := in(s.d, "key", m.Keys)
		add("a.seq IN (SELECT seq FROM entity_rows WHERE role = ? AND "+cond+")", append([]any{m.Role}, vals...)...)
	}
	if f.Family != "" {
		// A family's first article may record no family of its own.
		add("(a.provenance_family = ? OR a.id = ? AND a.provenance_kind <> '')", f.Family, f.Family)
	}
	for _, b := range []struct {
		t  time.Time
		op string
	}{{f.From, ">="}, {f.To, "<"}} {
		if b.t.IsZero() {
			continue
		}
		v, err := s.d.Time(b.t)
		if err != nil {
			return nil, fmt.Errorf("entries: %w", err)
		}
		add("NOT ("+s.d.Undated+") AND a.published "+b.op+" ?", v)
	}
	if f.After != "" {
		var published any
		err := s.queryRow(ctx, s.r, `SELECT published FROM articles WHERE id = ?`, f.After).Scan(&published)
		if noRows(err) {
			return nil, fmt.Errorf("entries: after %s: %w", f.After, store.ErrNotFound)
		}
		if err != nil {
			return nil, fmt.Errorf("entries: after %s: %w", f.After, err)
		}
		cond, vals := s.d.After(published, f.After)
		add(cond, vals...)
	}
	q := "SELECT " + s.entryCols() + " FROM articles a"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY " + s.d.ListOrder + " LIMIT ?"
	out, err := s.entries(ctx, q, append(args, pageLimit(f.Limit))...)
	if err != nil {
		return nil, fmt.Errorf("entries: %w", err)
	}
	return out, nil
}

// EntriesByID returns the entries of the stored articles among ids, in
// the order of ids.
func (s *Store) EntriesByID(ctx context.Context, ids []string) ([]store.Entry, error) {
	byID := make(map[string]store.Entry, len(ids))
	err := chunks(ids, func(part []string) error {
		cond, args := in(s.d, "a.id", part)
		got, err := s.entries(ctx, "SELECT "+s.entryCols()+" FROM articles a WHERE "+cond, args...)
		for _, e := range got {
			byID[e.ID] = e
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("entries by id: %w", err)
	}
	out := make([]store.Entry, 0, len(ids))
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
		(SELECT count(*) FROM (SELECT DISTINCT outlet FROM articles) AS o),
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
	if err := scanCounts(rows, st.Kinds); err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	return st, nil
}

// StoryOutlets counts the distinct outlets of each story among ids.
func (s *Store) StoryOutlets(ctx context.Context, ids []string) (map[string]int, error) {
	out := map[string]int{}
	err := chunks(ids, func(part []string) error {
		cond, args := in(s.d, "story", part)
		rows, err := s.query(ctx, s.r, `SELECT story, count(DISTINCT outlet) FROM articles
			WHERE `+cond+` AND outlet <> '' GROUP BY story`, args...)
		if err != nil {
			return err
		}
		return scanCounts(rows, out)
	})
	if err != nil {
		return nil, fmt.Errorf("story outlets: %w", err)
	}
	return out, nil
}
