// Package store defines how sitrep keeps articles and their layers, as
// small interfaces that callers depend on. The queries are written once,
// in internal/store/sqlstore; internal/store/sqlite (the embedded
// default) and internal/store/postgres open a database with their
// dialect and migrations, and both pass the conformance suite in
// internal/store/storetest.
package store

import (
	"context"
	"time"

	"sitrep/internal/news"
)

// ErrNotFound is returned when an article ID is not in the store. It is
// news.ErrNotFound (the link steps use that name, since they do not
// import this package); errors.Is matches either name.
var ErrNotFound = news.ErrNotFound

// PutResult says what happened to one article given to ArticleWriter.Put.
type PutResult struct {
	// ID is the ID under which the article is stored: its own, or that
	// of the earlier article it duplicates.
	ID string
	// Duplicate is true when the article was already stored (same ID,
	// same URL, or same news.Article.DuplicateKey) and nothing was written.
	Duplicate bool
}

// ArticleWriter stores processed articles.
type ArticleWriter interface {
	// Put stores articles atomically: all of them or, on error, none.
	// Storing is idempotent: an article whose ID, non-empty URL or
	// DuplicateKey is already stored is reported as a duplicate and left
	// as it was; so is one that repeats those of an earlier article in the
	// same batch. An article with an empty ID, or a nil article, fails the
	// whole batch. Results are in the order of articles.
	Put(ctx context.Context, articles []*news.Article) ([]PutResult, error)
}

// ArticleUpdater rewrites the annotation layers of stored articles; the
// link phase uses it to record verdicts that involve other articles.
type ArticleUpdater interface {
	// Update replaces the layers (and the problems) of the stored article
	// with a.ID by those of a. Identity, metadata and text are fixed at
	// Put and are not changed; a text that differs from the stored one is
	// an error, since every span points into it. An unknown ID is an
	// error wrapping ErrNotFound.
	Update(ctx context.Context, a *news.Article) error
}

// ArticleReader reads stored articles.
type ArticleReader interface {
	// Article returns one article with all its stored layers, or an
	// error wrapping ErrNotFound.
	Article(ctx context.Context, id string) (*news.Article, error)
	EntryLister
	// Count returns the number of stored articles.
	Count(ctx context.Context) (int, error)
}

// Summary is the listing view of an article.
type Summary struct {
	ID        string    `json:"id"`
	URL       string    `json:"url,omitempty"`
	Path      string    `json:"path,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	Title     string    `json:"title,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Words     int       `json:"words"`
	Status    string    `json:"status"`
	// Genre is the kind of the article's genre layer ("opinion", "live"),
	// read from the stored document; "" before the genre stage ran.
	Genre string `json:"genre,omitempty"`
}

// Store is everything a single-process sitrep needs from storage.
type Store interface {
	ArticleWriter
	ArticleUpdater
	ArticleReader
	Close() error
}
