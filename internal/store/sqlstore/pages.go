package sqlstore

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"

	"sitrep/internal/news"
	"sitrep/internal/store"
)

// The listings paged by offset (store.Pager): stories and families in
// the order asked for, entities by mentions, search hits by rank, each
// with its true total.

var _ store.Pager = (*Store)(nil)

// MaxOffset bounds how far into a listing a page may start.
const MaxOffset = 100_000

func pageOf(p store.Page) (offset, limit int) {
	return min(max(p.Offset, 0), MaxOffset), pageLimit(p.Limit)
}

// conds gathers a query's conditions and their arguments.
type conds struct {
	where []string
	args  []any
}

func (c *conds) add(cond string, vals ...any) {
	c.where, c.args = append(c.where, cond), append(c.args, vals...)
}

func (c *conds) and() string {
	if len(c.where) == 0 {
		return ""
	}
	return " AND " + strings.Join(c.where, " AND ")
}

// StoryPage lists stories in the order q asks for.
func (s *Store) StoryPage(ctx context.Context, q store.StoryQuery) ([]news.StorySummary, int, error) {
	var c conds
	if !q.From.IsZero() {
		v, err := TextTime(q.From)
		if err != nil {
			return nil, 0, fmt.Errorf("stories: from: %w", err)
		}
		c.add("s.last_time <> '' AND s.last_time >= ?", v)
	}
	if !q.To.IsZero() {
		v, err := TextTime(q.To)
		if err != nil {
			return nil, 0, fmt.Errorf("stories: to: %w", err)
		}
		c.add("s.first_time <> '' AND s.first_time < ?", v)
	}
	recent := "s.last_time = '', s.last_time DESC, s.id"
	order := recent
	switch q.Sort {
	case "", store.SortRecent:
	case store.SortSize:
		order = "s.articles DESC, " + recent
	case store.SortSources:
		order = "sources DESC, s.articles DESC, " + recent
	default:
		return nil, 0, fmt.Errorf("stories: sort %q: want recent, size or sources", q.Sort)
	}
	var total int
	if err := s.queryRow(ctx, s.r, `SELECT count(*) FROM stories s WHERE 1 = 1`+c.and(), c.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("stories: %w", err)
	}
	off, lim := pageOf(q.Page)
	rows, err := s.query(ctx, s.r, `SELECT s.id, s.title, s.first_time, s.last_time, s.articles,
		(SELECT `+independent+` FROM story_members m WHERE m.story = s.id) AS sources
		FROM stories s WHERE 1 = 1`+c.and()+` ORDER BY `+order+` LIMIT ? OFFSET ?`, append(c.args, lim, off)...)
	if err != nil {
		return nil, 0, fmt.Errorf("stories: %w", err)
	}
	defer rows.Close()
	out := []news.StorySummary{}
	for rows.Next() {
		var (
			sum         news.StorySummary
			first, last string
		)
		if err := rows.Scan(&sum.ID, &sum.Title, &first, &last, &sum.Articles, &sum.Sources); err != nil {
			return nil, 0, fmt.Errorf("stories: %w", err)
		}
		if sum.First, err = parseTime(first); err != nil {
			return nil, 0, fmt.Errorf("stories: %w", err)
		}
		if sum.Last, err = parseTime(last); err != nil {
			return nil, 0, fmt.Errorf("stories: %w", err)
		}
		out = append(out, sum)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("stories: %w", err)
	}
	return out, total, nil
}

// familyKey is an article's family: its recorded family, else itself.
const familyKey = `CASE WHEN a.provenance_family = '' THEN a.id ELSE a.provenance_family END`

// FamilyPage lists provenance families (judged articles grouped by
// family) in the order q asks for.
func (s *Store) FamilyPage(ctx context.Context, q store.FamilyQuery) ([]store.FamilyRow, int, error) {
	var c conds
	if q.Kind != "" {
		c.add(`EXISTS (SELECT 1 FROM articles k WHERE k.provenance_kind = ?
			AND (k.provenance_family = f.id OR k.id = f.id))`, q.Kind)
	}
	order := "f.last_empty, f.last DESC, f.id"
	switch q.Sort {
	case "", store.SortRecent:
	case store.SortSize:
		order = "f.members DESC, " + order
	default:
		return nil, 0, fmt.Errorf("families: sort %q: want recent or size", q.Sort)
	}
	fams := `(SELECT ` + familyKey + ` AS id, count(*) AS members, MAX(` + s.d.Published + `) AS last,
		MIN(CASE WHEN ` + s.d.Undated + ` THEN 1 ELSE 0 END) AS last_empty
		FROM articles a WHERE a.provenance_kind <> '' GROUP BY ` + familyKey + `) f`
	var total int
	if err := s.queryRow(ctx, s.r, `SELECT count(*) FROM `+fams+` WHERE 1 = 1`+c.and(), c.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("families: %w", err)
	}
	off, lim := pageOf(q.Page)
	rows, err := s.query(ctx, s.r, `SELECT f.id, f.members, f.last FROM `+fams+` WHERE 1 = 1`+c.and()+
		` ORDER BY `+order+` LIMIT ? OFFSET ?`, append(c.args, lim, off)...)
	if err != nil {
		return nil, 0, fmt.Errorf("families: %w", err)
	}
	defer rows.Close()
	out := []store.FamilyRow{}
	for rows.Next() {
		var (
			f    store.FamilyRow
			last any
		)
		if err := rows.Scan(&f.ID, &f.Members, &last); err != nil {
			return nil, 0, fmt.Errorf("families: %w", err)
		}
		if f.Last, err = asTime(last); err != nil {
			return nil, 0, fmt.Errorf("families: %s: %w", f.ID, err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("families: %w", err)
	}
	return out, total, nil
}

// EntityPage lists entities, most mentioned first; a type filter keeps
// the entities whose majority type it is, the one type every view shows.
func (s *Store) EntityPage(ctx context.Context, q store.EntityQuery) ([]news.EntitySummary, int, error) {
	ents := `(SELECT m.entity, MAX(m.canonical) AS canonical, ` + majorityType + ` AS type, SUM(m.count) AS mentions,
		COUNT(DISTINCT m.seq) AS articles FROM entity_mentions m GROUP BY m.entity) e`
	where := ` WHERE ? = '' OR e.type = ?`
	var total int
	if err := s.queryRow(ctx, s.r, `SELECT count(*) FROM `+ents+where, q.Type, q.Type).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("entities: %w", err)
	}
	off, lim := pageOf(q.Page)
	rows, err := s.query(ctx, s.r, `SELECT e.entity, e.canonical, e.type, e.mentions, e.articles FROM `+ents+where+
		` ORDER BY e.mentions DESC, e.entity LIMIT ? OFFSET ?`, q.Type, q.Type, lim, off)
	if err != nil {
		return nil, 0, fmt.Errorf("entities: %w", err)
	}
	out := []news.EntitySummary{}
	for rows.Next() {
		var e news.EntitySummary
		if err := rows.Scan(&e.Entity, &e.Canonical, &e.Type, &e.Mentions, &e.Articles); err != nil {
			rows.Close()
			return nil, 0, fmt.Errorf("entities: %w", err)
		}
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("entities: %w", err)
	}
	for i := range out {
		if out[i].Aliases, err = s.entityAliases(ctx, out[i].Entity); err != nil {
			return nil, 0, err
		}
	}
	return out, total, nil
}

// SearchWords splits free text into the words a search matches: runs of
// letters, digits and marks.
func SearchWords(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
}

// SearchPage runs a full-text search: a page of hits, best first, with
// snippets, and how many articles match.
func (s *Store) SearchPage(ctx context.Context, q store.SearchQuery) ([]store.Hit, int, error) {
	var alts [][]string
	for _, alt := range q.Any {
		var ws []string
		for _, w := range alt {
			ws = append(ws, SearchWords(w)...)
		}
		if len(ws) > 0 {
			alts = append(alts, ws)
		}
	}
	if len(alts) == 0 {
		return []store.Hit{}, 0, nil
	}
	match := s.d.SearchMatch(alts)
	c := conds{args: []any{match}}
	if q.Outlet != "" {
		c.add("a.outlet = ?", q.Outlet)
	}
	if q.Provenance != "" {
		c.add("a.provenance_kind = ?", q.Provenance)
	}
	if q.Genre != "" {
		c.add("a.genre = ?", q.Genre)
	}
	for _, b := range []struct {
		t  time.Time
		op string
	}{{q.From, ">="}, {q.To, "<"}} {
		if b.t.IsZero() {
			continue
		}
		v, err := s.d.Time(b.t)
		if err != nil {
			return nil, 0, fmt.Errorf("search: %w", err)
		}
		c.add("NOT ("+s.d.Undated+") AND a.published "+b.op+" ?", v)
	}
	var total int
	if err := s.queryRow(ctx, s.r, `SELECT count(*) `+s.d.SearchFrom+c.and(), c.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("search: %w", err)
	}
	off, lim := pageOf(q.Page)
	rows, err := s.query(ctx, s.r, `SELECT a.id, `+s.d.Snippet+` `+s.d.SearchFrom+c.and()+` ORDER BY `+s.d.SearchOrder+
		` LIMIT ? OFFSET ?`, append(c.args, lim, off)...)
	if err != nil {
		return nil, 0, fmt.Errorf("search: %w", err)
	}
	var (
		ids      []string
		snippets = map[string]string{}
	)
	for rows.Next() {
		var id, snip string
		if err := rows.Scan(&id, &snip); err != nil {
			rows.Close()
			return nil, 0, fmt.Errorf("search: %w", err)
		}
		ids = append(ids, id)
		snippets[id] = snip
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("search: %w", err)
	}
	ents, err := s.EntriesByID(ctx, ids)
	if err != nil {
		return nil, 0, fmt.Errorf("search: %w", err)
	}
	out := make([]store.Hit, len(ents))
	for i, e := range ents {
		out[i] = store.Hit{Entry: e, Snippet: snippets[e.ID]}
	}
	return out, total, nil
}
