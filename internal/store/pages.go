package store

import (
	"context"
	"time"

	"sitrep/internal/news"
)

// Page is an offset and a size: the cursor of the listings whose order
// is not the articles' list order (stories by size, families, entities,
// search results by rank). Limit <= 0 means 100; more than 1000 means
// 1000. Offset < 0 is 0.
type Page struct {
	Offset, Limit int
}

// The orders a story or family listing can take.
const (
	// SortRecent puts the most recently active first (undated last).
	SortRecent = "recent"
	// SortSize puts the most articles first.
	SortSize = "size"
	// SortSources puts the most independent sources (provenance
	// families) first.
	SortSources = "sources"
)

// StoryQuery selects and orders stories (Pager.StoryPage).
type StoryQuery struct {
	Page
	// Sort is SortRecent (the default), SortSize or SortSources; ties go
	// to the most recent, then to the ID.
	Sort string
	// From and To keep the stories active in [From, To): last article at
	// or after From, first article before To. Either drops undated stories.
	From, To time.Time
}

// FamilyQuery selects and orders provenance families (Pager.FamilyPage).
type FamilyQuery struct {
	Page
	// Sort is SortRecent (newest member first, the default) or SortSize.
	Sort string
	// Kind keeps the families with a member of this provenance kind.
	Kind string
}

// FamilyRow is one provenance family: the ID of its first article, its
// judged members and its newest member's publication time.
type FamilyRow struct {
	ID      string
	Members int
	Last    time.Time
}

// EntityQuery selects entities (Pager.EntityPage), most mentioned first.
type EntityQuery struct {
	Page
	// Type keeps the entities whose canonical (majority) type it is.
	Type string
}

// SearchQuery is a full-text search (Pager.SearchPage).
type SearchQuery struct {
	Page
	// Any holds the alternatives: an article matches when it contains
	// every word of at least one of them. Words are runs of letters,
	// digits and marks; nothing is read as query syntax.
	Any [][]string
	// Outlet, Provenance, Genre and [From, To) filter the matches as
	// EntryFilter does.
	Outlet, Provenance, Genre string
	From, To                  time.Time
}

// Hit is one search result: the article's entry and a snippet of its
// text around the matched words, each match between Mark[0] and Mark[1].
type Hit struct {
	Entry
	Snippet string
}

// HitMarks delimit the matched words in Hit.Snippet.
var HitMarks = [2]string{"\x02", "\x03"}

// Pager lists the groups and indexes a page at a time, with their true
// totals: what the overview, the families, entities and search pages
// and the API's listings page through.
type Pager interface {
	// StoryPage returns a page of stories and how many pass q.
	StoryPage(ctx context.Context, q StoryQuery) ([]news.StorySummary, int, error)
	// FamilyPage returns a page of families and how many pass q.
	FamilyPage(ctx context.Context, q FamilyQuery) ([]FamilyRow, int, error)
	// EntityPage returns a page of entities (without their article IDs)
	// and how many pass q.
	EntityPage(ctx context.Context, q EntityQuery) ([]news.EntitySummary, int, error)
	// SearchPage returns a page of hits, best first, and how many
	// articles match.
	SearchPage(ctx context.Context, q SearchQuery) ([]Hit, int, error)
}
