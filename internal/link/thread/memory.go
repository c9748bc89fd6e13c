package thread

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"sitrep/internal/news"
)

// Memory is an in-memory Store over a fixed set of articles (their
// stories already assigned), for evaluation and tests. It is not safe
// for concurrent use.
type Memory struct {
	articles map[string]*news.Article
	measures map[string]map[int]string
	queue    []string
	threads  map[string]State
	stories  map[string]string // story → thread
	events   []Event
	df       map[string]int
	n        int
}

// NewMemory returns a Memory holding articles, all pending, queued in
// publication order (undated last, then in the given order); measures
// gives the global measure of each article's figures (article ID →
// figure index → measure ID) and may be nil.
func NewMemory(articles []*news.Article, measures map[string]map[int]string) *Memory {
	m := &Memory{articles: map[string]*news.Article{}, measures: measures, threads: map[string]State{},
		stories: map[string]string{}, df: map[string]int{}}
	order := slices.Clone(articles)
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i].Published, order[j].Published
		if a.IsZero() != b.IsZero() {
			return !a.IsZero()
		}
		return a.Before(b)
	})
	for _, a := range order {
		m.articles[a.ID] = a
		m.queue = append(m.queue, a.ID)
	}
	return m
}

// Article returns a held article.
func (m *Memory) Article(_ context.Context, id string) (*news.Article, error) {
	a, ok := m.articles[id]
	if !ok {
		return nil, fmt.Errorf("article %s: %w", id, news.ErrNotFound)
	}
	return a, nil
}

// FigureMeasures returns the measures of the articles' figures.
func (m *Memory) FigureMeasures(_ context.Context, ids []string) (map[string]map[int]string, error) {
	out := map[string]map[int]string{}
	for _, id := range ids {
		if fm := m.measures[id]; fm != nil {
			out[id] = fm
		}
	}
	return out, nil
}

// PendingThreads returns the first n queued articles.
func (m *Memory) PendingThreads(_ context.Context, n int) ([]string, error) {
	return slices.Clone(m.queue[:min(n, len(m.queue))]), nil
}

// ActiveThreads returns the threads active in [from, to] and the undated
// ones, most recently active first.
func (m *Memory) ActiveThreads(_ context.Context, from, to time.Time, limit int) ([]State, error) {
	var out []State
	for _, s := range m.threads {
		if from.IsZero() || s.Last.IsZero() || !s.Last.Before(from) && !s.First.After(to) {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Last.Equal(out[j].Last) {
			return out[i].Last.After(out[j].Last)
		}
		return out[i].ID < out[j].ID
	})
	return out[:min(limit, len(out))], nil
}

// StoryThread returns a story's thread.
func (m *Memory) StoryThread(_ context.Context, story string) (string, error) {
	return m.stories[story], nil
}

// ThreadState returns one thread.
func (m *Memory) ThreadState(_ context.Context, id string) (State, error) {
	s, ok := m.threads[id]
	if !ok {
		return State{}, fmt.Errorf("thread %s: %w", id, news.ErrNotFound)
	}
	return s, nil
}

// ThreadDocFreqs returns document frequencies.
func (m *Memory) ThreadDocFreqs(_ context.Context, keys []string) (map[string]int, int, error) {
	out := make(map[string]int, len(keys))
	for _, k := range keys {
		if v := m.df[k]; v > 0 {
			out[k] = v
		}
	}
	return out, m.n, nil
}

// RecordThread records rec.
func (m *Memory) RecordThread(_ context.Context, rec Record) error {
	i := slices.Index(m.queue, rec.Article)
	if i < 0 {
		return nil
	}
	m.queue = slices.Delete(m.queue, i, i+1)
	m.threads[rec.Thread.ID] = rec.Thread
	m.stories[rec.Story] = rec.Thread.ID
	for _, g := range rec.Merged {
		delete(m.threads, g)
		for s, t := range m.stories {
			if t == g {
				m.stories[s] = rec.Thread.ID
			}
		}
	}
	m.events = append(m.events, rec.Events...)
	for _, k := range rec.Keys {
		m.df[k]++
	}
	m.n++
	return nil
}

// Assignments returns each held article's thread (through its story).
func (m *Memory) Assignments() map[string]string {
	out := map[string]string{}
	for id, a := range m.articles {
		s := a.Story
		if s == "" {
			s = id
		}
		if t, ok := m.stories[s]; ok {
			out[id] = t
		}
	}
	return out
}

// Events returns the log, in the order it was written.
func (m *Memory) Events() []Event { return slices.Clone(m.events) }
