// Package feed reads RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed documents
// into raw news.Articles, one per item, using github.com/mmcdole/gofeed.
package feed

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"sitrep/internal/source/record"
	"strings"

	"github.com/mmcdole/gofeed"

	"sitrep/internal/news"
)

// Read parses the feed r, named name in errors and article paths, and
// emits one news.FormatHTML article per item: Path is name#N (N the
// 1-based item index), URL the item link, Title, Author and Published
// (else updated) from the item, Outlet the feed's title, and Raw the
// item's full content (content:encoded, atom:content) or else its
// description or summary. An item with neither is emitted as an error
// naming name#N and wrapping news.ErrRejected.
//
// Read returns emit's error, or an error naming name and wrapping
// news.ErrRejected when r is not a feed it can parse.
func Read(r io.Reader, name string, emit record.EmitFunc) error {
	f, err := parse(r)
	if err != nil {
		return fmt.Errorf("%s: %w: malformed feed: %s", name, news.ErrRejected, oneLine(err.Error()))
	}
	outlet := strings.TrimSpace(f.Title)
	for i, it := range f.Items {
		where := fmt.Sprintf("%s#%d", name, i+1)
		if it == nil {
			continue
		}
		a, err := article(it)
		if err != nil {
			err = fmt.Errorf("%s: %w: %s", where, news.ErrRejected, err.Error())
		} else {
			a.Path, a.Outlet = where, outlet
		}
		if err := emit(a, err); err != nil {
			return err
		}
	}
	return nil
}

// parse runs gofeed, turning a panic in it into an error: the feed is
// untrusted input and one bad file must not stop a batch.
func parse(r io.Reader) (f *gofeed.Feed, err error) {
	defer func() {
		if p := recover(); p != nil {
			f, err = nil, fmt.Errorf("parser panic: %v", p)
		}
	}()
	return gofeed.NewParser().Parse(r)
}

func article(it *gofeed.Item) (*news.Article, error) {
	raw := strings.TrimSpace(it.Content)
	if raw == "" {
		raw = strings.TrimSpace(it.Description)
	}
	if raw == "" {
		return nil, fmt.Errorf("item has neither content nor description")
	}
	sum := sha256.Sum256([]byte(raw))
	a := &news.Article{
		URL:       strings.TrimSpace(it.Link),
		Title:     strings.TrimSpace(it.Title),
		Author:    author(it),
		Format:    news.FormatHTML,
		Raw:       []byte(raw),
		RawSHA256: hex.EncodeToString(sum[:]),
		RawSize:   len(raw),
	}
	switch {
	case it.PublishedParsed != nil:
		a.Published = it.PublishedParsed.UTC()
	case it.UpdatedParsed != nil:
		a.Published = it.UpdatedParsed.UTC()
	}
	return a, nil
}

// author joins the item's author names, falling back to Dublin Core
// creators.
func author(it *gofeed.Item) string {
	var names []string
	for _, p := range it.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			names = append(names, strings.TrimSpace(p.Name))
		}
	}
	if len(names) == 0 && it.Author != nil && strings.TrimSpace(it.Author.Name) != "" {
		names = append(names, strings.TrimSpace(it.Author.Name))
	}
	if len(names) == 0 && it.DublinCoreExt != nil {
		for _, c := range it.DublinCoreExt.Creator {
			if c = strings.TrimSpace(c); c != "" {
				names = append(names, c)
			}
		}
	}
	return strings.Join(names, ", ")
}

// oneLine keeps an error message on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
