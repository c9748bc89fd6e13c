// Package record holds what the format readers (jsonl, feed, warc) share:
// the callback through which they hand over each article or the error of
// one record, and a Collector that gathers them, for tests and small
// in-memory uses.
package record

import "sitrep/internal/news"

// EmitFunc receives one article or the error that kept one record from
// becoming an article (exactly one of the two is non-nil). Returning an
// error stops the reader, which then returns that error.
type EmitFunc func(a *news.Article, err error) error

// Collector gathers what a reader emits.
type Collector struct {
	Articles []*news.Article
	Errors   []error
}

// Emit is an EmitFunc that appends to the collector and never stops.
func (c *Collector) Emit(a *news.Article, err error) error {
	if err != nil {
		c.Errors = append(c.Errors, err)
	} else {
		c.Articles = append(c.Articles, a)
	}
	return nil
}
