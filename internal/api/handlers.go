package api

import (
	"errors"
	"fmt"
	"strings"

	"net/http"

	linkentity "sitrep/internal/link/entity"
	"sitrep/internal/news"
	"sitrep/internal/readmodel"
	"sitrep/internal/source"
	"sitrep/internal/store"
)

func sourceOptions(maxBytes int64) source.Options {
	return source.Options{MaxBytes: maxBytes, UserAgent: "sitrep api"}
}

var entityTypes = map[string]bool{"": true, "PER": true, "ORG": true, "LOC": true, "GPE": true, "MISC": true}

// EntityList is the response of GET /api/v1/entities.
type EntityList struct {
	Entities []linkentity.Summary `json:"entities"`
}

func (s *Server) lister() (linkentity.Lister, error) {
	l := s.cat.Lister()
	if l == nil {
		return nil, fmt.Errorf("this store keeps no entity index: %w", store.ErrNotFound)
	}
	return l, nil
}

func (s *Server) entities(r *http.Request) (any, error) {
	typ := strings.ToUpper(r.URL.Query().Get("type"))
	if !entityTypes[typ] {
		return nil, fmt.Errorf("type %q: want PER, ORG, LOC, GPE or MISC: %w", typ, errBadRequest)
	}
	n, err := limit(r)
	if err != nil {
		return nil, err
	}
	l, err := s.lister()
	if err != nil {
		return nil, err
	}
	list, err := l.Entities(r.Context(), typ, n)
	if err != nil {
		return nil, err
	}
	if list == nil {
		list = []linkentity.Summary{}
	}
	return EntityList{Entities: list}, nil
}

func (s *Server) entity(r *http.Request) (any, error) {
	return readmodel.EntityDetailOf(r.Context(), s.cat, r.PathValue("id"))
}

func (s *Server) families(r *http.Request) (any, error) {
	n, err := limit(r)
	if err != nil {
		return nil, err
	}
	return readmodel.FamiliesPage(r.Context(), s.cat, n)
}

func (s *Server) search(r *http.Request) (any, error) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		return nil, fmt.Errorf("q: give words to search for: %w", errBadRequest)
	}
	n, err := limit(r)
	if err != nil {
		return nil, err
	}
	return readmodel.Search(r.Context(), s.cat, q, n)
}

// StoryList is the response of GET /api/v1/stories.
type StoryList struct {
	Stories []readmodel.Group `json:"stories"`
}

func (s *Server) stories(r *http.Request) (any, error) {
	n, err := limit(r)
	if err != nil {
		return nil, err
	}
	gs, err := s.cat.GroupsN(r.Context(), n)
	if err != nil {
		return nil, err
	}
	if gs == nil {
		gs = []readmodel.Group{}
	}
	return StoryList{Stories: gs}, nil
}

func (s *Server) story(r *http.Request) (any, error) {
	d, _, err := readmodel.StoryDetailOf(r.Context(), s.cat, r.PathValue("id"))
	return d, err
}

// FigureList is the response of GET /api/v1/figures.
type FigureList struct {
	Figures []readmodel.FigureRow `json:"figures"`
	// NextCursor continues after the last article read.
	NextCursor string `json:"next_cursor,omitempty"`
}

func (s *Server) figures(r *http.Request) (any, error) {
	q := r.URL.Query()
	f := readmodel.FigureFilter{Measure: q.Get("measure"), Speaker: q.Get("speaker"), From: q.Get("from"), To: q.Get("to")}
	if err := checkDays(f.From, f.To); err != nil {
		return nil, err
	}
	out := FigureList{Figures: []readmodel.FigureRow{}}
	next, err := s.scan(r, func(e readmodel.Entry) bool { return e.Figures > 0 }, func(a *news.Article) int {
		rows := readmodel.Figures([]*news.Article{a}, f)
		out.Figures = append(out.Figures, rows...)
		return len(rows)
	})
	out.NextCursor = next
	return out, err
}

// EventList is the response of GET /api/v1/events.
type EventList struct {
	Events []readmodel.EventRow `json:"events"`
	// NextCursor continues after the last article read.
	NextCursor string `json:"next_cursor,omitempty"`
}

func (s *Server) events(r *http.Request) (any, error) {
	q := r.URL.Query()
	f := readmodel.EventFilter{Type: q.Get("type"), Actor: q.Get("actor"), Place: q.Get("place"), From: q.Get("from"), To: q.Get("to")}
	if err := checkDays(f.From, f.To); err != nil {
		return nil, err
	}
	out := EventList{Events: []readmodel.EventRow{}}
	next, err := s.scan(r, func(e readmodel.Entry) bool { return e.Events > 0 }, func(a *news.Article) int {
		rows := readmodel.Events([]*news.Article{a}, f)
		out.Events = append(out.Events, rows...)
		return len(rows)
	})
	out.NextCursor = next
	return out, err
}

func checkDays(days ...string) error {
	for _, d := range days {
		if d == "" {
			continue
		}
		if len(d) != 10 || d[4] != '-' || d[7] != '-' {
			return fmt.Errorf("date %q: want YYYY-MM-DD: %w", d, errBadRequest)
		}
	}
	return nil
}

// scan reads the articles of the request's ?story= (else all), newest
// first from ?cursor=, that keep passes, giving each to add until add has
// returned ?limit= rows in all or readmodel.MaxScan articles are read; it returns
// the cursor after the last article read, "" at the end.
func (s *Server) scan(r *http.Request, keep func(readmodel.Entry) bool, add func(*news.Article) int) (string, error) {
	q := r.URL.Query()
	n, err := limit(r)
	if err != nil {
		return "", err
	}
	after := ""
	if c := q.Get("cursor"); c != "" {
		if after, err = decodeCursor(c); err != nil {
			return "", err
		}
	}
	f := readmodel.Filter{Story: q.Get("story")}
	rows, read := 0, 0
	for {
		page, more, err := s.cat.List(r.Context(), f, after, 200)
		if errors.Is(err, store.ErrNotFound) {
			return "", fmt.Errorf("cursor names no article: %w", errBadRequest)
		}
		if err != nil {
			return "", err
		}
		for _, e := range page {
			after = e.ID
			read++
			if keep(e) {
				a, err := s.cat.Store().Article(r.Context(), e.ID)
				if err != nil {
					return "", err
				}
				rows += add(a)
			}
			if rows >= n || read >= readmodel.MaxScan {
				return encodeCursor(after), nil
			}
		}
		if !more {
			return "", nil
		}
	}
}
