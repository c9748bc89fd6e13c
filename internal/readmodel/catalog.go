// Package readmodel is the read side that the API, the web pages and the
// CLI share: the Catalog (bounded reads of article entries, groups and
// counts from the store) and the views built over it and over loaded
// articles: story, entity and families details, search, figure and event
// rows, the figure ledger shaped for tables and charts, roles, and top
// actors. It knows nothing of HTTP or of the terminal.
package readmodel

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"

	linkentity "sitrep/internal/link/entity"
	"sitrep/internal/link/story"
	"sitrep/internal/news"
	"sitrep/internal/store"
)

// Searcher is the full-text search both stores offer.
type Searcher interface {
	Search(ctx context.Context, query string, limit int) ([]store.Summary, error)
}

// Entry is the catalog's view of one article: its summary plus what the
// listings filter and group on (store.Entry).
type Entry = store.Entry

// Group is a set of articles shown together on the overview: a story when
// the link phase has clustered stories, else a provenance family.
type Group struct {
	// ID is the story ID, or the family's first article.
	ID string `json:"id"`
	// Kind is "story" or "family".
	Kind  string `json:"kind"`
	Title string `json:"title"`
	// Articles counts the group's articles; Independent its provenance
	// families (articles derived from one another count once); Outlets
	// its distinct outlets; Origins its independent origins
	// (news.Provenance.Origin: copies folded into their source, wire copy
	// into its agency, one outlet's own reports counting once).
	Articles    int `json:"articles"`
	Independent int `json:"independent"`
	Outlets     int `json:"outlets"`
	Origins     int `json:"origins"`
	// First and Last bound the publication times.
	First time.Time `json:"first,omitzero"`
	Last  time.Time `json:"last,omitzero"`
	// Thread is a story's thread (link/thread), "" for a family or a
	// story not yet linked.
	Thread string `json:"thread,omitempty"`
	// IDs are the group's articles, newest first; listings leave them
	// empty, one group (Catalog.Group) has them all.
	IDs []string `json:"article_ids"`
}

// Catalog reads pages of articles from the store (store.Browser, the
// story and entity indexes, full-text search): every read is bounded by
// a page, a story or a family, so its cost does not grow with the store.
// Only the corpus-wide counts (Stats) are cached, for MaxAge or until the
// article count changes.
type Catalog struct {
	st     store.Store
	maxAge time.Duration
	mu     sync.Mutex
	stats  *store.Stats
	built  time.Time
}

// NewCatalog returns a catalog over st; maxAge <= 0 means 30 seconds.
func NewCatalog(st store.Store, maxAge time.Duration) *Catalog {
	if maxAge <= 0 {
		maxAge = 30 * time.Second
	}
	return &Catalog{st: st, maxAge: maxAge}
}

// Invalidate forces the counts to be read again.
func (c *Catalog) Invalidate() {
	c.mu.Lock()
	c.stats = nil
	c.mu.Unlock()
}

var errNoBrowser = errors.New("this store cannot list pages of articles")

func (c *Catalog) browser() (store.Browser, error) {
	b, ok := c.st.(store.Browser)
	if !ok {
		return nil, errNoBrowser
	}
	return b, nil
}

// Stats returns the corpus-wide counts, cached.
func (c *Catalog) Stats(ctx context.Context) (store.Stats, error) {
	b, err := c.browser()
	if err != nil {
		return store.Stats{}, err
	}
	n, err := c.st.Count(ctx)
	if err != nil {
		return store.Stats{}, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stats != nil && c.stats.Articles == n && time.Since(c.built) < c.maxAge {
		return *c.stats, nil
	}
	st, err := b.ArticleStats(ctx)
	if err != nil {
		return store.Stats{}, err
	}
	c.stats, c.built = &st, time.Now()
	return st, nil
}

// Filter selects articles. Zero values mean no filter.
type Filter struct {
	Outlet     string
	Story      string
	Provenance string
	Family     string
	Judged     bool
	From, To   time.Time // publication time in [From, To)
	Genre      string
	// Entity keeps the articles that mention the entity with this ID.
	Entity string
	// Rows keeps the articles holding a figure or an event under one of
	// the keys of each match (the store's index by entity).
	Rows []store.RowMatch
}

// List returns up to limit entries matching f after the entry with ID
// after ("" for the first page), and whether more follow. An unknown
// after is store.ErrNotFound.
func (c *Catalog) List(ctx context.Context, f Filter, after string, limit int) ([]Entry, bool, error) {
	b, err := c.browser()
	if err != nil {
		return nil, false, err
	}
	list, err := b.ArticleEntries(ctx, store.EntryFilter{Limit: limit + 1, After: after, Outlet: f.Outlet,
		Story: f.Story, Provenance: f.Provenance, Family: f.Family, Judged: f.Judged, From: f.From, To: f.To,
		Genre: f.Genre, Entity: f.Entity, Rows: f.Rows})
	if err != nil {
		return nil, false, err
	}
	if len(list) > limit {
		return list[:limit], true, nil
	}
	return list, false, nil
}

// Entry returns one article's entry.
func (c *Catalog) Entry(ctx context.Context, id string) (Entry, bool, error) {
	list, err := c.Entries(ctx, []string{id})
	if err != nil || len(list) == 0 {
		return Entry{}, false, err
	}
	return list[0], true, nil
}

// Entries returns the entries of the stored articles among ids, in order.
func (c *Catalog) Entries(ctx context.Context, ids []string) ([]Entry, error) {
	b, err := c.browser()
	if err != nil {
		return nil, err
	}
	return b.EntriesByID(ctx, ids)
}

// summarise builds a group of entries, newest first; a family's ID is
// its family key.
func summarise(list []Entry, kind string) Group {
	g := Group{Kind: kind}
	fams, outlets, origins := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, e := range list {
		g.Articles++
		g.IDs = append(g.IDs, e.ID)
		if e.Origin != "" {
			origins[e.Origin] = true
		} else {
			origins["id:"+e.ID] = true // not judged yet: its own origin
		}
		fam := e.Family
		if fam == "" {
			fam = e.ID
		}
		fams[fam] = true
		if e.Outlet != "" {
			outlets[e.Outlet] = true
		}
		if !e.Published.IsZero() {
			if g.First.IsZero() || e.Published.Before(g.First) {
				g.First = e.Published
			}
			if e.Published.After(g.Last) {
				g.Last = e.Published
			}
		}
	}
	if len(list) > 0 {
		g.ID = list[0].Family
		if g.ID == "" {
			g.ID = list[0].ID
		}
		if kind == "story" {
			g.ID = list[0].Story
		}
	}
	g.Independent, g.Outlets, g.Origins = len(fams), len(outlets), len(origins)
	// The title is that of the earliest dated article with one, else of
	// any article with one.
	for j := len(list) - 1; j >= 0; j-- {
		e := list[j]
		if e.Title != "" && (g.Title == "" || !e.Published.IsZero()) {
			g.Title = e.Title
			if !e.Published.IsZero() {
				break
			}
		}
	}
	if g.Title == "" && len(list) > 0 {
		g.Title = EntryTitle(list[len(list)-1])
	}
	return g
}

// Group returns one group by ID: a story, else the family whose first
// article has that ID; or store.ErrNotFound.
func (c *Catalog) Group(ctx context.Context, id string) (Group, error) {
	if sl, ok := c.st.(story.Lister); ok {
		ids, err := sl.StoryArticles(ctx, id)
		if err == nil && len(ids) > 0 {
			list, err := c.Entries(ctx, ids)
			if err != nil {
				return Group{}, err
			}
			sortNewest(list)
			g := summarise(list, "story")
			g.ID = id
			return g, nil
		}
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return Group{}, err
		}
	}
	list, _, err := c.List(ctx, Filter{Family: id}, "", MaxFamily)
	if err != nil {
		return Group{}, err
	}
	if len(list) == 0 {
		// An article never judged is a family of its own.
		e, ok, err := c.Entry(ctx, id)
		if err != nil {
			return Group{}, err
		}
		if !ok || e.Provenance != "" {
			return Group{}, fmt.Errorf("group %s: %w", id, store.ErrNotFound)
		}
		list = []Entry{e}
	}
	g := summarise(list, "family")
	g.ID = id
	return g, nil
}

// MaxFamily bounds the members a family view reads.
const MaxFamily = 1000

// MaxPage bounds the entries one read of a listing asks the store for.
const MaxPage = 500

func sortNewest(list []Entry) {
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i].Published, list[j].Published
		if a.IsZero() != b.IsZero() {
			return !a.IsZero()
		}
		if !a.Equal(b) {
			return a.After(b)
		}
		return list[i].ID < list[j].ID
	})
}

// All returns every article in full, in the store's listing order. It
// reads the whole store: for exports and tests, never for a page or an
// endpoint.
func (c *Catalog) All(ctx context.Context) ([]*news.Article, error) { return All(ctx, c.st) }

// All reads every article r holds, page by page, in its listing order:
// for the CLI's whole-store reports and exports.
func All(ctx context.Context, r store.ArticleReader) ([]*news.Article, error) {
	const page = 1000
	var out []*news.Article
	after := ""
	for {
		list, err := r.ArticleEntries(ctx, store.EntryFilter{Limit: page, After: after})
		if err != nil {
			return nil, err
		}
		for _, sum := range list {
			a, err := r.Article(ctx, sum.ID)
			if err != nil {
				return nil, err
			}
			out = append(out, a)
		}
		if len(list) < page {
			return out, nil
		}
		after = list[len(list)-1].ID
	}
}

// Load reads the articles ids names, in that order.
func (c *Catalog) Load(ctx context.Context, ids []string) ([]*news.Article, error) {
	out := make([]*news.Article, 0, len(ids))
	for _, id := range ids {
		a, err := c.st.Article(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// Lister returns the store's entity index, or nil.
func (c *Catalog) Lister() linkentity.Lister {
	l, _ := c.st.(linkentity.Lister)
	return l
}

// Searcher returns the store's full-text search, or nil.
func (c *Catalog) Searcher() Searcher {
	s, _ := c.st.(Searcher)
	return s
}

// Store returns the underlying store.
func (c *Catalog) Store() store.Store { return c.st }
