package readmodel

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"sitrep/internal/link/thread"
	"sitrep/internal/news"
)

var errNoThreads = errors.New("this store has no thread index")

func (c *Catalog) threads() (thread.Lister, error) {
	l, ok := c.st.(thread.Lister)
	if !ok {
		return nil, errNoThreads
	}
	return l, nil
}

// Threads returns a page of threads, most articles first, after the
// cursor (the zero cursor for the first page).
func (c *Catalog) Threads(ctx context.Context, after news.ThreadCursor, limit int) (news.ThreadPage, error) {
	l, err := c.threads()
	if err != nil {
		return news.ThreadPage{}, err
	}
	p, err := l.Threads(ctx, after, limit)
	if err != nil {
		return p, err
	}
	for i := range p.Threads {
		if p.Threads[i].Title, err = c.TitleOr(ctx, p.Threads[i].Title, p.Threads[i].ID); err != nil {
			return p, err
		}
	}
	return p, nil
}

// TitleOr returns title, or when it is blank the readable title of the
// article id (a thread or story is named after the article that started
// it, and an untitled article gets TitleOf's fallback).
func (c *Catalog) TitleOr(ctx context.Context, title, id string) (string, error) {
	if strings.TrimSpace(title) != "" {
		return title, nil
	}
	e, ok, err := c.Entry(ctx, id)
	if err != nil || !ok {
		return title, err
	}
	return EntryTitle(e), nil
}

// Thread reads one thread (its stories, global measures and log), or an
// error wrapping news.ErrNotFound.
func (c *Catalog) Thread(ctx context.Context, id string) (news.ThreadDetail, error) {
	l, err := c.threads()
	if err != nil {
		return news.ThreadDetail{}, err
	}
	d, err := l.Thread(ctx, id)
	if err != nil {
		return d, err
	}
	if d.Thread.Title, err = c.TitleOr(ctx, d.Thread.Title, d.Thread.ID); err != nil {
		return d, err
	}
	for i := range d.Stories {
		if d.Stories[i].Title, err = c.TitleOr(ctx, d.Stories[i].Title, d.Stories[i].ID); err != nil {
			return d, err
		}
	}
	return d, nil
}

// StoryThread returns the thread of a story ("" when it has none or the
// store has no thread index).
func (c *Catalog) StoryThread(ctx context.Context, story string) (string, error) {
	l, err := c.threads()
	if err != nil {
		return "", nil
	}
	m, err := l.StoryThreads(ctx, []string{story})
	if err != nil {
		return "", err
	}
	return m[story], nil
}

// ThreadList is a page of threads and the cursor of the next ("" at the
// end).
type ThreadList struct {
	Threads    []news.ThreadSummary `json:"threads"`
	NextCursor string               `json:"next_cursor,omitempty"`
}

// ThreadsPage reads the page of threads after cursor ("" for the first
// page; the position "t", an article count, ":" and a thread ID); a
// cursor it did not hand out is an error wrapping ErrBadInput.
func (c *Catalog) ThreadsPage(ctx context.Context, cursor string, limit int) (ThreadList, error) {
	var after news.ThreadCursor
	pos, err := decodeCursor(cursor)
	if err != nil {
		return ThreadList{}, err
	}
	if pos != "" {
		n, id, ok := strings.Cut(strings.TrimPrefix(pos, "t"), ":")
		var err error
		if after.Articles, err = strconv.Atoi(n); !strings.HasPrefix(pos, "t") || !ok || err != nil || id == "" {
			return ThreadList{}, fmt.Errorf("cursor %q: not one of this listing: %w", cursor, ErrBadInput)
		}
		after.ID = id
	}
	p, err := c.Threads(ctx, after, limit)
	if err != nil {
		return ThreadList{}, err
	}
	out := ThreadList{Threads: p.Threads}
	if p.Next != nil {
		out.NextCursor = EncodeCursor("t" + strconv.Itoa(p.Next.Articles) + ":" + p.Next.ID)
	}
	return out, nil
}
