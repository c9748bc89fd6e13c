package store

import (
	"context"
	"time"

	"sitrep/internal/news"
)

// EntryFilter selects and pages article entries (EntryLister.ArticleEntries).
// Zero values mean no filter and the default limit.
type EntryFilter struct {
	// Limit is the page size; <= 0 means 100, and more than 1000 means 1000.
	Limit int
	// After is the ID of the last entry of the previous page; one that
	// names no stored article gives an error wrapping ErrNotFound.
	After string
	// Outlet keeps articles from this outlet only (exact match).
	Outlet string
	// Story keeps the members of this story (the story_members index).
	Story string
	// Provenance keeps articles whose recorded verdict has this kind.
	Provenance string
	// Judged keeps the articles with a recorded provenance verdict.
	Judged bool
	// Family keeps the judged articles of the provenance family whose
	// first article has this ID (that article included).
	Family string
	// From and To bound the publication time to [From, To); either bound
	// drops undated articles.
	From, To time.Time
	// Genre keeps articles whose genre layer has this kind.
	Genre string
	// Entity keeps articles that mention this entity (its ID).
	Entity string
	// Rows keeps articles that hold, for each match, a figure or an
	// event with one of its keys in its role (the index by entity of
	// migration 0012).
	Rows []RowMatch
}

// Entry is an article's summary with what the link phase recorded of it.
type Entry struct {
	Summary
	// Story is the story the link phase put the article in ("" before).
	Story string `json:"story,omitempty"`
	// Provenance is the verdict's kind ("" before the link phase).
	Provenance string `json:"provenance,omitempty"`
	// Of is the article it derives from.
	Of string `json:"of,omitempty"`
	// Family is its provenance family (its own ID for a judged original).
	Family string `json:"family,omitempty"`
	// Figures and Events count the article's figure and event layers.
	Figures int `json:"figures"`
	Events  int `json:"events"`
	// Lead is the opening of an untitled article's text (its first 300
	// characters), for a title to fall back on; "" when it has a title.
	Lead string `json:"lead,omitempty"`
	// Origin is the independent origin it counts for (news.Provenance.Origin;
	// "" before the link phase).
	Origin string `json:"origin,omitempty"`
}

// LinkFieldsOf returns an Entry holding only the link-phase fields of a
// (story, provenance kind, source, family and origin, figure and event
// counts), which the stores keep as columns beside the article's document.
func LinkFieldsOf(a *news.Article) Entry {
	e := Entry{Story: a.Story, Figures: len(a.Figures), Events: len(a.Events)}
	if p := a.Provenance; p != nil {
		e.Provenance, e.Of, e.Family, e.Origin = p.Kind, p.Of, p.Family, p.Origin
	}
	return e
}

// Stats are corpus-wide counts for the overview and the families view.
type Stats struct {
	// Articles counts the stored articles, Outlets their distinct outlets.
	Articles, Outlets int
	// Sources counts the independent sources: distinct provenance families,
	// an unjudged article counting as its own.
	Sources int
	// Judged counts the articles with a provenance verdict, Families the
	// distinct families among them, Kinds the verdicts by kind.
	Judged, Families int
	Kinds            map[string]int
}

// EntryLister lists stored articles a page at a time.
type EntryLister interface {
	// ArticleEntries lists the entries of the articles that pass f,
	// newest publication first (then by ID; articles with no known
	// publication time last), after the cursor f.After. An After that
	// names no stored article gives an error wrapping ErrNotFound.
	ArticleEntries(ctx context.Context, f EntryFilter) ([]Entry, error)
}

// Browser is what the web pages and the HTTP API read pages of articles
// with, so that their cost follows the page size and not the store's.
type Browser interface {
	EntryLister
	// EntriesByID returns the entries of the stored articles among ids, in
	// the order of ids; unknown IDs are left out.
	EntriesByID(ctx context.Context, ids []string) ([]Entry, error)
	// ArticleStats returns the corpus-wide counts.
	ArticleStats(ctx context.Context) (Stats, error)
	// StoryOutlets returns the number of distinct outlets of each story
	// among ids, over the articles whose Story it is (stories with no
	// article are left out).
	StoryOutlets(ctx context.Context, ids []string) (map[string]int, error)
}
