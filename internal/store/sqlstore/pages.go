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
	// The independent sources are counted for the page's stories only,
	// unless they order the page; so are origins and outlets.
	page := `SELECT s.id, s.title, s.first_time, s.last_time, s.articles FROM stories s WHERE 1 = 1` + c.and() +
		` ORDER BY ` + order + ` LIMIT ? OFFSET ?`
	if q.Sort == store.SortSources {
		page = `SELECT s.id, s.title, s.first_time, s.last_time, s.articles,
			(SELECT ` + independent + ` FROM story_members m WHERE m.story = s.id) AS sources
			FROM stories s WHERE 1 = 1` + c.and() + ` ORDER BY ` + order + ` LIMIT ? OFFSET ?`
	}
	rows, err := s.query(ctx, s.r, `SELECT s.id, s.title, s.first_time, s.last_time, s.articles,
		(SELECT `+independent+` FROM story_members m WHERE m.story = s.id),
		(SELECT `+origins+` FROM story_members m JOIN articles a ON a.seq = m.seq WHERE m.story = s.id),
		(SELECT `+outlets+` FROM story_members m JOIN articles a ON a.seq = m.seq WHERE m.story = s.id),
		`+storyThread+`
		FROM (`+page+`) s ORDER BY `+strings.ReplaceAll(order, "sources", "(SELECT "+independent+" FROM story_members m WHERE m.story = s.id)"),
		append(c.args, lim, off)...)
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
		if err := rows.Scan(&sum.ID, &sum.Title, &first, &last, &sum.Articles, &sum.Sources, &sum.Origins, &sum.Outlets, &sum.Thread); err != nil {
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

// FamilyPage lists provenance families (the judged articles grouped by
// family, read from the provenance table: an article with no family
// recorded is the first of its own) in the order q asks for.
func (s *Store) FamilyPage(ctx context.Context, q store.FamilyQuery) ([]store.FamilyRow, int, error) {
	var c conds
	if q.Kind != "" {
		c.add(`EXISTS (SELECT 1 FROM provenance k WHERE k.kind = ? AND COALESCE(k.family_seq, k.seq) = f.fam)`, q.Kind)
	}
	order := "f.undated, f.last DESC, f.fam"
	switch q.Sort {
	case "", store.SortRecent:
	case store.SortSize:
		order = "f.members DESC, " + order
	default:
		return nil, 0, fmt.Errorf("families: sort %q: want recent or size", q.Sort)
	}
	fams := `(SELECT COALESCE(p.family_seq, p.seq) AS fam, count(*) AS members, MAX(a.published) AS last,
		MIN(CASE WHEN ` + s.d.Undated + ` THEN 1 ELSE 0 END) AS undated
		FROM provenance p JOIN articles a ON a.seq = p.seq GROUP BY COALESCE(p.family_seq, p.seq)) f`
	var total int
	if err := s.queryRow(ctx, s.r, `SELECT count(*) FROM `+fams+` WHERE 1 = 1`+c.and(), c.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("families: %w", err)
	}
	off, lim := pageOf(q.Page)
	rows, err := s.query(ctx, s.r, `SELECT a.id, f.members, f.last FROM `+fams+` JOIN articles a ON a.seq = f.fam WHERE 1 = 1`+c.and()+
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

// entityTypeCond keeps the mentions (aliased m) of entities of type typ
// as every view shows it: the type the entity's ID names ("per:…" is a
// PER), else the type it was written with.
const entityTypeCond = `(m.entity LIKE ? OR (m.entity NOT LIKE 'per:%' AND m.entity NOT LIKE 'org:%' AND m.entity NOT LIKE 'gpe:%'
	AND m.entity NOT LIKE 'loc:%' AND m.entity NOT LIKE 'misc:%' AND m.type = ?))`

// EntityPage lists entities, most mentioned first; a type filter keeps
// the entities of that type as every view shows it (see entityTypeCond).
// Only the page's entities have their type (their mentions' majority
// type) and aliases read.
func (s *Store) EntityPage(ctx context.Context, q store.EntityQuery) ([]news.EntitySummary, int, error) {
	var c conds
	if q.Type != "" {
		c.add(entityTypeCond, strings.ToLower(q.Type)+":%", q.Type)
	}
	var total int
	if err := s.queryRow(ctx, s.r, `SELECT count(DISTINCT m.entity) FROM entity_mentions m WHERE 1 = 1`+c.and(), c.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("entities: %w", err)
	}
	off, lim := pageOf(q.Page)
	rows, err := s.query(ctx, s.r, `SELECT m.entity, MAX(m.canonical), SUM(m.count), COUNT(DISTINCT m.seq)
		FROM entity_mentions m WHERE 1 = 1`+c.and()+` GROUP BY m.entity ORDER BY SUM(m.count) DESC, m.entity LIMIT ? OFFSET ?`,
		append(c.args, lim, off)...)
	if err != nil {
		return nil, 0, fmt.Errorf("entities: %w", err)
	}
	out := []news.EntitySummary{}
	for rows.Next() {
		var e news.EntitySummary
		if err := rows.Scan(&e.Entity, &e.Canonical, &e.Mentions, &e.Articles); err != nil {
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
		e := &out[i]
		if err := s.queryRow(ctx, s.r, `SELECT `+majorityType+` FROM (SELECT ? AS entity) m`, e.Entity).Scan(&e.Type); err != nil {
			return nil, 0, fmt.Errorf("entities: %s: %w", e.Entity, err)
		}
		if e.Aliases, err = s.entityAliases(ctx, e.Entity); err != nil {
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
