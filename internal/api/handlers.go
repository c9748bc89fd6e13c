package api

import (
	"fmt"
	"net/http"
	"strings"

	"sitrep/internal/readmodel"
	"sitrep/internal/source"
	"sitrep/internal/store"
)

func sourceOptions(maxBytes int64) source.Options {
	return source.Options{MaxBytes: maxBytes, UserAgent: "sitrep api"}
}

var entityTypes = map[string]bool{"": true, "PER": true, "ORG": true, "LOC": true, "GPE": true, "MISC": true}

func (s *Server) entities(r *http.Request) (any, error) {
	typ := strings.ToUpper(r.URL.Query().Get("type"))
	if !entityTypes[typ] {
		return nil, fmt.Errorf("type %q: want PER, ORG, LOC, GPE or MISC: %w", typ, errBadRequest)
	}
	n, err := limit(r)
	if err != nil {
		return nil, err
	}
	if s.cat.Lister() == nil {
		return nil, fmt.Errorf("this store keeps no entity index: %w", store.ErrNotFound)
	}
	return s.cat.Entities(r.Context(), typ, r.URL.Query().Get("cursor"), n)
}

func (s *Server) entity(r *http.Request) (any, error) {
	return readmodel.EntityDetailOf(r.Context(), s.cat, r.PathValue("id"))
}

func (s *Server) families(r *http.Request) (any, error) {
	q := r.URL.Query()
	n, err := limit(r)
	if err != nil {
		return nil, err
	}
	f := readmodel.FamilyFilter{Sort: q.Get("sort"), Kind: q.Get("provenance")}
	if err := checkKind(f.Kind); err != nil {
		return nil, err
	}
	return readmodel.FamiliesPage(r.Context(), s.cat, f, q.Get("cursor"), n)
}

func (s *Server) search(r *http.Request) (any, error) {
	q := r.URL.Query()
	text := strings.TrimSpace(q.Get("q"))
	if text == "" {
		return nil, fmt.Errorf("q: give words to search for: %w", errBadRequest)
	}
	n, err := limit(r)
	if err != nil {
		return nil, err
	}
	f := readmodel.SearchFilter{Outlet: q.Get("outlet"), Provenance: q.Get("provenance"), Genre: q.Get("genre")}
	if err := checkKind(f.Provenance); err != nil {
		return nil, err
	}
	if f.From, f.To, err = period(r); err != nil {
		return nil, err
	}
	return readmodel.Search(r.Context(), s.cat, text, f, q.Get("cursor"), n)
}

func (s *Server) stories(r *http.Request) (any, error) {
	q := r.URL.Query()
	n, err := limit(r)
	if err != nil {
		return nil, err
	}
	f := readmodel.StoryFilter{Sort: q.Get("sort")}
	if f.From, f.To, err = period(r); err != nil {
		return nil, err
	}
	return s.cat.Stories(r.Context(), f, q.Get("cursor"), n)
}

func (s *Server) story(r *http.Request) (any, error) {
	d, _, err := readmodel.StoryDetailOf(r.Context(), s.cat, r.PathValue("id"))
	return d, err
}

func (s *Server) figures(r *http.Request) (any, error) {
	q := r.URL.Query()
	f := readmodel.FigureFilter{Measure: q.Get("measure"), Speaker: q.Get("speaker"), From: q.Get("from"), To: q.Get("to")}
	if err := checkDays(f.From, f.To); err != nil {
		return nil, err
	}
	n, err := limit(r)
	if err != nil {
		return nil, err
	}
	return s.cat.FigureRows(r.Context(), q.Get("story"), f, q.Get("cursor"), n)
}

func (s *Server) events(r *http.Request) (any, error) {
	q := r.URL.Query()
	f := readmodel.EventFilter{Type: q.Get("type"), Actor: q.Get("actor"), Place: q.Get("place"), From: q.Get("from"), To: q.Get("to")}
	if err := checkDays(f.From, f.To); err != nil {
		return nil, err
	}
	n, err := limit(r)
	if err != nil {
		return nil, err
	}
	return s.cat.EventRows(r.Context(), q.Get("story"), f, q.Get("cursor"), n)
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

func (s *Server) measures(r *http.Request) (any, error) {
	n, err := limit(r)
	if err != nil {
		return nil, err
	}
	return s.cat.MeasuresPage(r.Context(), r.URL.Query().Get("cursor"), n)
}

func (s *Server) measure(r *http.Request) (any, error) {
	return readmodel.MeasureDetailOf(r.Context(), s.cat, r.PathValue("id"))
}

func (s *Server) threads(r *http.Request) (any, error) {
	n, err := limit(r)
	if err != nil {
		return nil, err
	}
	return s.cat.ThreadsPage(r.Context(), r.URL.Query().Get("cursor"), n)
}

func (s *Server) thread(r *http.Request) (any, error) {
	return s.cat.Thread(r.Context(), r.PathValue("id"))
}
