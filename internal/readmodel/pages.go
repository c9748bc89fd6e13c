package readmodel

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	linkentity "sitrep/internal/link/entity"
	"sitrep/internal/link/story"
	"sitrep/internal/news"
	"sitrep/internal/store"
)

// ErrBadInput marks a request the read model cannot answer as asked: a
// cursor it did not hand out, an unknown sort or filter value. The API
// answers it 400, the pages a 400 page.
var ErrBadInput = errors.New("bad input")

// Cursors are opaque to clients: a position, base64url. Positions are
// "o" and an offset (the offset-paged listings), "a" and an article ID
// (after that article, in list order), or "r", a row count, ":" and an
// article ID (that many rows of that article already given).

// EncodeCursor returns the cursor of a position.
func EncodeCursor(pos string) string { return base64.RawURLEncoding.EncodeToString([]byte(pos)) }

func decodeCursor(c string) (string, error) {
	if c == "" {
		return "", nil
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || len(b) < 2 || len(b) > 80 {
		return "", fmt.Errorf("cursor %q: not one this server gave: %w", c, ErrBadInput)
	}
	return string(b), nil
}

// offsetOf reads an offset cursor ("" is 0).
func offsetOf(c string) (int, error) {
	pos, err := decodeCursor(c)
	if err != nil || pos == "" {
		return 0, err
	}
	n, err := strconv.Atoi(strings.TrimPrefix(pos, "o"))
	if !strings.HasPrefix(pos, "o") || err != nil || n < 0 {
		return 0, fmt.Errorf("cursor %q: not one of this listing: %w", c, ErrBadInput)
	}
	return n, nil
}

func nextOffset(off, n, total int) string {
	if off+n >= total || n == 0 {
		return ""
	}
	return EncodeCursor("o" + strconv.Itoa(off+n))
}

// ArticleCursor returns the cursor after the article id in list order.
func ArticleCursor(id string) string { return EncodeCursor("a" + id) }

// AfterArticle reads an article cursor: the ID to list after.
func AfterArticle(c string) (string, error) {
	pos, err := decodeCursor(c)
	if err != nil || pos == "" {
		return "", err
	}
	id, ok := strings.CutPrefix(pos, "a")
	if !ok {
		return "", fmt.Errorf("cursor %q: not one of this listing: %w", c, ErrBadInput)
	}
	return id, nil
}

func (c *Catalog) pager() (store.Pager, error) {
	p, ok := c.st.(store.Pager)
	if !ok {
		return nil, errNoBrowser
	}
	return p, nil
}

// GroupPage is a page of the overview's groups.
type GroupPage struct {
	Groups []Group `json:"stories"`
	// Total counts the groups that pass the filter; NextCursor continues
	// the listing ("" at its end).
	Total      int    `json:"total"`
	NextCursor string `json:"next_cursor,omitempty"`
}

// StoryFilter selects and orders the overview's groups.
type StoryFilter struct {
	// Sort is store.SortRecent (default), SortSize or SortSources.
	Sort     string
	From, To time.Time
}

// Stories returns a page of the overview: stories when the story index
// has any, else the provenance families (sorted by size or recency).
func (c *Catalog) Stories(ctx context.Context, f StoryFilter, cursor string, limit int) (GroupPage, error) {
	out := GroupPage{Groups: []Group{}}
	switch f.Sort {
	case "", store.SortRecent, store.SortSize, store.SortSources:
	default:
		return out, fmt.Errorf("sort %q: want recent, size or sources: %w", f.Sort, ErrBadInput)
	}
	off, err := offsetOf(cursor)
	if err != nil {
		return out, err
	}
	p, err := c.pager()
	if err != nil {
		return out, err
	}
	sums, total, err := p.StoryPage(ctx, store.StoryQuery{Page: store.Page{Offset: off, Limit: limit}, Sort: f.Sort, From: f.From, To: f.To})
	if err != nil {
		return out, err
	}
	if total > 0 || !f.From.IsZero() || !f.To.IsZero() {
		b, err := c.browser()
		if err != nil {
			return out, err
		}
		ids := make([]string, len(sums))
		for i, s := range sums {
			ids[i] = s.ID
		}
		outlets, err := b.StoryOutlets(ctx, ids)
		if err != nil {
			return out, err
		}
		for _, s := range sums {
			out.Groups = append(out.Groups, Group{ID: s.ID, Kind: "story", Title: s.Title, Articles: s.Articles, Independent: s.Sources,
				Outlets: outlets[s.ID], Origins: s.Origins, First: s.First, Last: s.Last, Thread: s.Thread, IDs: []string{}})
		}
		if sl, ok := c.st.(story.Lister); ok {
			err := c.untitledGroups(ctx, out.Groups, func(g Group) (string, error) {
				ids, err := sl.StoryArticles(ctx, g.ID)
				if err != nil || len(ids) == 0 {
					return "", err
				}
				return ids[0], nil
			})
			if err != nil {
				return out, err
			}
		}
		out.Total, out.NextCursor = total, nextOffset(off, len(sums), total)
		return out, nil
	}
	// No story yet: the provenance families stand in.
	sort := f.Sort
	if sort == store.SortSources {
		sort = store.SortSize
	}
	fams, total, err := p.FamilyPage(ctx, store.FamilyQuery{Page: store.Page{Offset: off, Limit: limit}, Sort: sort})
	if err != nil {
		return out, err
	}
	for _, fr := range fams {
		g, err := c.Group(ctx, fr.ID)
		if err != nil {
			return out, err
		}
		g.IDs = []string{}
		out.Groups = append(out.Groups, g)
	}
	out.Total, out.NextCursor = total, nextOffset(off, len(fams), total)
	return out, nil
}

// FamilyFilter selects and orders the families view.
type FamilyFilter struct {
	// Sort is store.SortRecent (default) or store.SortSize.
	Sort string
	// Kind keeps the families with a member of this provenance kind.
	Kind string
}

// FamiliesPage is a page of the families view: the corpus-wide counts,
// and the families of the page with their members (at most MaxFamily
// each), oldest member first.
func FamiliesPage(ctx context.Context, cat *Catalog, f FamilyFilter, cursor string, limit int) (Families, error) {
	rep := Families{Kinds: map[string]int{}, Families: []Family{}}
	switch f.Sort {
	case "", store.SortRecent, store.SortSize:
	default:
		return rep, fmt.Errorf("sort %q: want recent or size: %w", f.Sort, ErrBadInput)
	}
	off, err := offsetOf(cursor)
	if err != nil {
		return rep, err
	}
	st, err := cat.Stats(ctx)
	if err != nil {
		return rep, err
	}
	rep.Articles, rep.Independent, rep.Kinds = st.Judged, st.Families, st.Kinds
	p, err := cat.pager()
	if err != nil {
		return rep, err
	}
	rows, total, err := p.FamilyPage(ctx, store.FamilyQuery{Page: store.Page{Offset: off, Limit: limit}, Sort: f.Sort, Kind: f.Kind})
	if err != nil {
		return rep, err
	}
	for _, fr := range rows {
		members, _, err := cat.List(ctx, Filter{Family: fr.ID}, "", MaxFamily)
		if err != nil {
			return rep, err
		}
		sortOldest(members)
		fam := Family{First: fr.ID, Members: []FamilyMember{}}
		for _, m := range members {
			if m.ID == fr.ID {
				fam.Title, fam.Outlet = EntryTitle(m), m.Outlet
			}
			fam.Members = append(fam.Members, FamilyMember{ID: m.ID, Kind: m.Provenance, Of: m.Of, Outlet: m.Outlet, Title: EntryTitle(m),
				Published: m.Published})
		}
		rep.Families = append(rep.Families, fam)
	}
	rep.Total, rep.NextCursor = total, nextOffset(off, len(rows), total)
	return rep, nil
}

// EntityPage is a page of the entity index.
type EntityPage struct {
	Entities   []linkentity.Summary `json:"entities"`
	Total      int                  `json:"total"`
	NextCursor string               `json:"next_cursor,omitempty"`
}

// Entities returns a page of entities of type typ ("" for all) by their
// canonical type, most mentioned first.
func (c *Catalog) Entities(ctx context.Context, typ, cursor string, limit int) (EntityPage, error) {
	out := EntityPage{Entities: []linkentity.Summary{}}
	off, err := offsetOf(cursor)
	if err != nil {
		return out, err
	}
	p, err := c.pager()
	if err != nil {
		return out, err
	}
	list, total, err := p.EntityPage(ctx, store.EntityQuery{Page: store.Page{Offset: off, Limit: limit}, Type: typ})
	if err != nil {
		return out, err
	}
	for i := range list {
		list[i].Type = EntityType(list[i].Entity, list[i].Type)
	}
	out.Entities, out.Total, out.NextCursor = list, total, nextOffset(off, len(list), total)
	return out, nil
}

// Resolved is what a name given as a filter or a query stands for: the
// entity the index knows by it, with every name it was written as; or,
// when the index knows none, the name alone.
type Resolved struct {
	Entity string
	Names  []string
}

// Resolve looks name up in the entity index.
func (c *Catalog) Resolve(ctx context.Context, name string) (Resolved, error) {
	r := Resolved{Names: []string{name}}
	l := c.Lister()
	if l == nil || strings.TrimSpace(name) == "" {
		return r, nil
	}
	e, err := linkentity.Lookup(ctx, l, name)
	if errors.Is(err, store.ErrNotFound) {
		return r, nil
	}
	if err != nil {
		return r, err
	}
	r.Entity = e.Entity
	seen := map[string]bool{strings.ToLower(name): true}
	for _, n := range append([]string{e.Canonical}, aliasTexts(e.Aliases)...) {
		if k := strings.ToLower(n); n != "" && !seen[k] {
			seen[k] = true
			r.Names = append(r.Names, n)
		}
	}
	return r, nil
}

func aliasTexts(as []news.EntityAlias) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.Text
	}
	return out
}

// Matches reports whether v (an entity ID or a name as written) is what
// r stands for.
func (r Resolved) Matches(v string) bool {
	if v == "" {
		return false
	}
	if r.Entity != "" && v == r.Entity {
		return true
	}
	for _, n := range r.Names {
		if strings.EqualFold(n, v) {
			return true
		}
	}
	return false
}

// Offset reads an offset cursor: the rows before the page it starts.
func Offset(cursor string) (int, bool) {
	n, err := offsetOf(cursor)
	return n, err == nil
}
