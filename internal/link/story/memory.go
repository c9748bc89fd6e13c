package story

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"sitrep/internal/news"
)

// Memory is an in-memory Store over a fixed set of articles, for
// evaluation on labelled data sets and for tests. It is not safe for
// concurrent use.
type Memory struct {
	articles map[string]*news.Article
	queue    []string
	stories  map[string]State
	members  map[string][]string // story → articles
	families map[string]string   // family → story
	df       map[string]int
	n        int
}

// NewMemory returns a Memory holding articles, all pending, queued in
// publication order (undated last, then in the given order).
func NewMemory(articles []*news.Article) *Memory {
	m := &Memory{articles: map[string]*news.Article{}, stories: map[string]State{},
		members: map[string][]string{}, families: map[string]string{}, df: map[string]int{}}
	order := make([]*news.Article, len(articles))
	copy(order, articles)
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

// Update keeps a.
func (m *Memory) Update(_ context.Context, a *news.Article) error {
	if _, ok := m.articles[a.ID]; !ok {
		return fmt.Errorf("article %s: %w", a.ID, news.ErrNotFound)
	}
	m.articles[a.ID] = a
	return nil
}

// PendingStories returns the first n queued articles.
func (m *Memory) PendingStories(_ context.Context, n int) ([]string, error) {
	return append([]string(nil), m.queue[:min(n, len(m.queue))]...), nil
}

// ActiveStories returns the stories active in [from, to] and the undated
// ones, most recently active first.
func (m *Memory) ActiveStories(_ context.Context, from, to time.Time, limit int) ([]State, error) {
	var out []State
	for _, s := range m.stories {
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

// FamilyStory returns the story of a family.
func (m *Memory) FamilyStory(_ context.Context, family string) (string, error) {
	return m.families[family], nil
}

// StoryState returns one story.
func (m *Memory) StoryState(_ context.Context, id string) (State, error) {
	s, ok := m.stories[id]
	if !ok {
		return State{}, fmt.Errorf("story %s: %w", id, news.ErrNotFound)
	}
	return s, nil
}

// DocFreqs returns document frequencies.
func (m *Memory) DocFreqs(_ context.Context, keys []string) (map[string]int, int, error) {
	out := make(map[string]int, len(keys))
	for _, k := range keys {
		if v := m.df[k]; v > 0 {
			out[k] = v
		}
	}
	return out, m.n, nil
}

// RecordStory records rec.
func (m *Memory) RecordStory(_ context.Context, rec Record) error {
	i := slices.Index(m.queue, rec.Article)
	if i < 0 {
		return nil
	}
	m.queue = slices.Delete(m.queue, i, i+1)
	m.stories[rec.Story.ID] = rec.Story
	m.members[rec.Story.ID] = append(m.members[rec.Story.ID], rec.Article)
	if rec.Family != "" {
		if _, ok := m.families[rec.Family]; !ok {
			m.families[rec.Family] = rec.Story.ID
		}
	}
	for _, k := range rec.Keys {
		m.df[k]++
	}
	m.n++
	return nil
}

// Assignments returns each held article's story.
func (m *Memory) Assignments() map[string]string {
	out := map[string]string{}
	for s, ids := range m.members {
		for _, id := range ids {
			out[id] = s
		}
	}
	return out
}
