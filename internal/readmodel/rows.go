package readmodel

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"sitrep/internal/news"
	"sitrep/internal/store"
)

// FigurePage is a page of figure rows.
type FigurePage struct {
	Figures []FigureRow `json:"figures"`
	// NextCursor continues the listing ("" at its end).
	NextCursor string `json:"next_cursor,omitempty"`
}

// EventPage is a page of event rows.
type EventPage struct {
	Events     []EventRow `json:"events"`
	NextCursor string     `json:"next_cursor,omitempty"`
}

// FigureRows returns a page of exactly limit figure rows (fewer at the
// end) of the articles of story ("" for all), newest article first, that
// pass f. A speaker is looked up in the entity index: a figure passes
// when its speaker is that entity or any name it was written as; only
// the articles the store's index by entity holds under one of those
// keys are read.
func (c *Catalog) FigureRows(ctx context.Context, story string, f FigureFilter, cursor string, limit int) (FigurePage, error) {
	out := FigurePage{Figures: []FigureRow{}}
	lf := Filter{Story: story}
	speaker := Resolved{}
	if f.Speaker != "" {
		var err error
		if speaker, err = c.Resolve(ctx, f.Speaker); err != nil {
			return out, err
		}
		lf.Rows = []store.RowMatch{speaker.rowMatch(store.RoleSpeaker)}
	}
	g := f
	g.Speaker = ""
	rows, next, err := scan(ctx, c, lf, func(e Entry) bool { return e.Figures > 0 }, func(a *news.Article) []FigureRow {
		rs := Figures([]*news.Article{a}, g)
		if f.Speaker == "" {
			return rs
		}
		kept := rs[:0]
		for _, r := range rs {
			if speaker.Matches(r.SpeakerEntity) || speaker.Matches(r.Speaker) {
				kept = append(kept, r)
			}
		}
		return kept
	}, cursor, limit)
	out.Figures = append(out.Figures, rows...)
	out.NextCursor = next
	return out, err
}

// EventRows returns a page of exactly limit event rows (fewer at the
// end) of the articles of story ("" for all), newest article first, that
// pass f. An actor or a place is looked up in the entity index, as a
// figure's speaker is, and only the articles the store's index by
// entity holds under them are read.
func (c *Catalog) EventRows(ctx context.Context, story string, f EventFilter, cursor string, limit int) (EventPage, error) {
	out := EventPage{Events: []EventRow{}}
	lf := Filter{Story: story}
	actor, place := Resolved{}, Resolved{}
	var err error
	if f.Actor != "" {
		if actor, err = c.Resolve(ctx, f.Actor); err != nil {
			return out, err
		}
		lf.Rows = append(lf.Rows, actor.rowMatch(store.RoleActor))
	}
	if f.Place != "" {
		if place, err = c.Resolve(ctx, f.Place); err != nil {
			return out, err
		}
		lf.Rows = append(lf.Rows, place.rowMatch(store.RolePlace))
	}
	g := f
	g.Actor, g.Place = "", ""
	rowsOf := func(a *news.Article) []EventRow {
		rs := Events([]*news.Article{a}, g)
		kept := rs[:0]
		for _, r := range rs {
			if f.Actor != "" && !actor.Matches(r.Target) && !anyMatches(actor, r.Actors) {
				continue
			}
			if f.Place != "" && !place.Matches(r.Place) {
				continue
			}
			kept = append(kept, r)
		}
		return kept
	}
	var loadErr error
	others := outletFold{c: c, story: story, rowsOf: rowsOf, rows: map[string][]EventRow{}}
	rows, next, err := scan(ctx, c, lf, func(e Entry) bool { return e.Events > 0 }, func(a *news.Article) []EventRow {
		rs := rowsOf(a)
		if _, ok := others.rows[a.ID]; !ok {
			others.rows[a.ID] = slices.Clone(rs) // the fold of older reports reads them
		}
		kept, err := c.foldFamily(ctx, a, rs)
		if err == nil {
			kept, err = others.fold(ctx, a, kept)
		}
		if err != nil && loadErr == nil {
			loadErr = err
		}
		return kept
	}, cursor, limit)
	if err == nil {
		err = loadErr
	}
	out.Events = append(out.Events, rows...)
	out.NextCursor = next
	return out, err
}

// rowMatch is the match of the store's index by entity for r in role:
// its entity ID and every name it was written as.
func (r Resolved) rowMatch(role int) store.RowMatch {
	m := store.RowMatch{Role: role}
	seen := map[string]bool{}
	for _, v := range append([]string{r.Entity}, r.Names...) {
		if k := store.RowKey(v); v != "" && !seen[k] {
			seen[k] = true
			m.Keys = append(m.Keys, k)
		}
	}
	return m
}

// Head returns the first limit rows of p, a page read from the start of
// a listing, as the page of limit rows EventRows would return: with the
// cursor after its last row (p's own when it holds no more).
func (p EventPage) Head(limit int) EventPage {
	if len(p.Events) <= limit {
		return p
	}
	rows := p.Events[:limit]
	last, k := rows[limit-1].Article, 0
	for _, r := range rows {
		if r.Article == last {
			k++
		}
	}
	return EventPage{Events: rows, NextCursor: EncodeCursor("r" + strconv.Itoa(k) + ":" + last)}
}

// MaxCopiesRead bounds the derivatives of one report an events listing
// reads to count the reports of its events.
const MaxCopiesRead = 20

// foldFamily folds the copies of a's events across its provenance
// family, as a listing paged article by article must: a row whose event
// the article a derives from states too (sameCopy) is left out (it is
// listed with that article), and each row left counts the derivatives
// of a (the first MaxCopiesRead) that state it.
func (c *Catalog) foldFamily(ctx context.Context, a *news.Article, rows []EventRow) ([]EventRow, error) {
	if len(rows) == 0 || a.Provenance == nil || a.Provenance.Family == "" {
		return rows, nil
	}
	if of := a.Provenance.Of; of != "" && of != a.ID {
		src, err := c.st.Article(ctx, of)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return rows, err
		}
		if src != nil {
			inSource := eventRowsOf(src)
			kept := rows[:0]
			for _, r := range rows {
				if !slices.ContainsFunc(inSource, func(o EventRow) bool { return sameCopy(r, o) }) {
					kept = append(kept, r)
				}
			}
			rows = kept
		}
	}
	if len(rows) == 0 {
		return rows, nil
	}
	ders, err := c.Derivatives(ctx, a.ID)
	if err != nil {
		return rows, err
	}
	for i := range rows {
		rows[i].Outlets = appendOutlet(nil, rows[i].Outlet)
	}
	for _, d := range ders[:min(len(ders), MaxCopiesRead)] {
		da, err := c.st.Article(ctx, d.ID)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return rows, err
		}
		theirs := eventRowsOf(da)
		for i := range rows {
			if slices.ContainsFunc(theirs, func(o EventRow) bool { return sameCopy(rows[i], o) }) {
				rows[i].Reports++
				rows[i].Outlets = appendOutlet(rows[i].Outlets, da.Outlet)
				if o := originOf(da); !slices.Contains(rows[i].origins, o) {
					rows[i].origins = append(slices.Clone(rows[i].origins), o)
					rows[i].Origins = len(rows[i].origins)
				}
			}
		}
	}
	return rows, nil
}

// FoldWindow is how far from a report's publication an events listing
// looks for other outlets' reports of its events (FoldOutlets).
const FoldWindow = 3 * 24 * time.Hour

// MaxFoldRead bounds the reports of other outlets one report's fold
// reads.
const MaxFoldRead = 100

// outletFold folds, in a listing paged article by article, the events
// of one report that independent outlets state too (sameEvent): the
// reports published within FoldWindow that hold an event at one of its
// rows' places (one read of the store's index by entity per report) and of another family (a copy
// counts with its source, foldFamily) are read once per request; a row whose event an earlier report states is left out
// (it is listed with that report), and each row left counts the later
// reports that state it.
type outletFold struct {
	c      *Catalog
	story  string
	rowsOf func(*news.Article) []EventRow
	rows   map[string][]EventRow
}

func (o *outletFold) fold(ctx context.Context, a *news.Article, rows []EventRow) ([]EventRow, error) {
	if len(rows) == 0 || a.Published.IsZero() {
		return rows, nil
	}
	// One read finds the reports near a that hold an event at any of its
	// rows' places.
	var keys []string
	for _, r := range rows {
		if k := store.RowKey(r.Place); r.Place != "" && !strings.HasPrefix(r.Place, "gpe:") && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return rows, nil
	}
	cands, _, err := o.c.List(ctx, Filter{Story: o.story, From: a.Published.Add(-FoldWindow), To: a.Published.Add(FoldWindow),
		Rows: []store.RowMatch{{Role: store.RolePlace, Keys: keys}}}, "", MaxFoldRead)
	if err != nil {
		return rows, err
	}
	kept := rows[:0]
	for _, r := range rows {
		if r.Place == "" || strings.HasPrefix(r.Place, "gpe:") {
			kept = append(kept, r)
			continue
		}
		earlier := false
		for _, e := range cands {
			if e.ID == a.ID || e.Family != "" && e.Family == r.Family {
				continue
			}
			brs, ok := o.rows[e.ID]
			if !ok {
				b, err := o.c.st.Article(ctx, e.ID)
				if errors.Is(err, store.ErrNotFound) {
					continue
				}
				if err != nil {
					return rows, err
				}
				brs = o.rowsOf(b)
				o.rows[e.ID] = brs
			}
			for _, br := range brs {
				if !sameEvent(r, br) {
					continue
				}
				if e.Published.Before(a.Published) || e.Published.Equal(a.Published) && e.ID < a.ID {
					earlier = true
					break
				}
				lead := r
				r.fold(br)
				// The row stays this report's: a later report is counted,
				// it does not lead.
				reports, outlets, origins, n := r.Reports, r.Outlets, r.origins, r.Origins
				r = lead
				r.Reports, r.Outlets, r.origins, r.Origins = reports, outlets, origins, n
				break
			}
			if earlier {
				break
			}
		}
		if !earlier {
			kept = append(kept, r)
		}
	}
	return kept, nil
}

func anyMatches(r Resolved, vs []string) bool {
	for _, v := range vs {
		if r.Matches(v) {
			return true
		}
	}
	return false
}

// scan reads the articles that pass f, newest first from cursor, giving
// those keep passes to rowsOf, until it has limit rows or has read
// MaxScan articles; it returns the rows and the cursor after the last
// row given ("" at the end). A cursor may point into an article: the
// rows of that article already given are skipped.
func scan[T any](ctx context.Context, c *Catalog, f Filter, keep func(Entry) bool, rowsOf func(*news.Article) []T, cursor string, limit int) ([]T, string, error) {
	var out []T
	pos, err := decodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	after := ""
	switch {
	case pos == "":
	case strings.HasPrefix(pos, "a"):
		after = pos[1:]
	case strings.HasPrefix(pos, "r"):
		k, id, ok := strings.Cut(pos[1:], ":")
		skip, err := strconv.Atoi(k)
		if !ok || err != nil || skip < 0 {
			return nil, "", fmt.Errorf("cursor %q: not one of this listing: %w", cursor, ErrBadInput)
		}
		a, err := c.st.Article(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			return nil, "", fmt.Errorf("cursor names no article: %w", ErrBadInput)
		}
		if err != nil {
			return nil, "", err
		}
		rs := rowsOf(a)
		if skip < len(rs) {
			rs = rs[skip:]
			if len(rs) > limit {
				return rs[:limit], EncodeCursor("r" + strconv.Itoa(skip+limit) + ":" + id), nil
			}
			out = append(out, rs...)
		}
		after = id
	default:
		return nil, "", fmt.Errorf("cursor %q: not one of this listing: %w", cursor, ErrBadInput)
	}
	if len(out) == limit {
		return out, ArticleCursor(after), nil
	}
	read := 0
	for {
		page, more, err := c.List(ctx, f, after, 200)
		if errors.Is(err, store.ErrNotFound) {
			return nil, "", fmt.Errorf("cursor names no article: %w", ErrBadInput)
		}
		if err != nil {
			return nil, "", err
		}
		for _, e := range page {
			after = e.ID
			read++
			if keep(e) {
				a, err := c.st.Article(ctx, e.ID)
				if err != nil {
					return nil, "", err
				}
				rs := rowsOf(a)
				if room := limit - len(out); len(rs) > room {
					return append(out, rs[:room]...), EncodeCursor("r" + strconv.Itoa(room) + ":" + e.ID), nil
				}
				out = append(out, rs...)
			}
			if len(out) == limit || read >= MaxScan {
				return out, ArticleCursor(after), nil
			}
		}
		if !more {
			return out, "", nil
		}
	}
}
