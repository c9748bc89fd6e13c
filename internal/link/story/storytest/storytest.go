// Package storytest is the conformance suite for story.Index and
// story.Lister: both stores run it, so the story step sees the same index
// in each.
package storytest

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"sitrep/internal/link/story"
	"sitrep/internal/news"
	"sitrep/internal/store"
)

// Store is what the suite needs: the step's store, its lister and Put.
type Store interface {
	story.Store
	story.Lister
	store.ArticleWriter
}

func day(d int) time.Time { return time.Date(2031, 3, d, 12, 0, 0, 0, time.UTC) }

// Run runs the suite on an empty store.
func Run(t *testing.T, s Store) {
	ctx := context.Background()
	arts := []*news.Article{
		{ID: "undated", URL: "https://a.example/u", Text: "undated report", Title: "U"},
		{ID: "late", URL: "https://a.example/l", Text: "late report", Title: "L", Published: day(20)},
		{ID: "early", URL: "https://a.example/e", Text: "early report", Title: "E", Published: day(1)},
	}
	if _, err := s.Put(ctx, arts); err != nil {
		t.Fatal(err)
	}
	pending, err := s.PendingStories(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"early", "late", "undated"}; !reflect.DeepEqual(pending, want) {
		t.Errorf("pending = %v, want %v", pending, want)
	}
	st := story.State{ID: "early", Title: "E", First: day(1), Last: day(1), Articles: 1,
		Terms: map[string]float64{"troop": 1.6931471805599454, "kazhar": 1}, Entities: map[string]float64{"gpe:kz": 2},
		TermNorm: 0.1 + 0.2, EntityNorm: 1e-7}
	if err := s.RecordStory(ctx, story.Record{Article: "early", Family: "fam", Story: st, Keys: []string{"kazhar", "troop", "e:gpe:kz"}}); err != nil {
		t.Fatal(err)
	}
	st2 := story.State{ID: "undated", Title: "U", Articles: 1, Terms: map[string]float64{"troop": 1}}
	if err := s.RecordStory(ctx, story.Record{Article: "undated", Story: st2, Keys: []string{"troop"}}); err != nil {
		t.Fatal(err)
	}
	// Recording again changes nothing.
	if err := s.RecordStory(ctx, story.Record{Article: "undated", Story: story.State{ID: "other"}, Keys: []string{"troop"}}); err != nil {
		t.Fatal(err)
	}
	if pending, _ := s.PendingStories(ctx, 10); !reflect.DeepEqual(pending, []string{"late"}) {
		t.Errorf("pending after recording = %v, want [late]", pending)
	}
	got, err := s.StoryState(ctx, "early")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Terms, st.Terms) || !reflect.DeepEqual(got.Entities, st.Entities) ||
		got.TermNorm != st.TermNorm || got.EntityNorm != st.EntityNorm || !got.First.Equal(st.First) || !got.Last.Equal(st.Last) || got.Title != "E" {
		t.Errorf("state = %+v, want %+v", got, st)
	}
	if _, err := s.StoryState(ctx, "nope"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("unknown story: %v", err)
	}
	for _, c := range []struct {
		name     string
		from, to time.Time
		want     []string
	}{
		{"around day 2", day(-5), day(9), []string{"early", "undated"}},
		{"around day 20", day(13), day(27), []string{"undated"}},
		{"undated article", time.Time{}, time.Time{}, []string{"early", "undated"}},
	} {
		active, err := s.ActiveStories(ctx, c.from, c.to, 10)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, a := range active {
			ids = append(ids, a.ID)
		}
		if !reflect.DeepEqual(ids, c.want) {
			t.Errorf("%s: active = %v, want %v", c.name, ids, c.want)
		}
	}
	if id, err := s.FamilyStory(ctx, "fam"); err != nil || id != "early" {
		t.Errorf("family story = %q, %v", id, err)
	}
	if id, err := s.FamilyStory(ctx, "other"); err != nil || id != "" {
		t.Errorf("unknown family story = %q, %v", id, err)
	}
	df, n, err := s.DocFreqs(ctx, []string{"troop", "kazhar", "e:gpe:kz", "missing"})
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]int{"troop": 2, "kazhar": 1, "e:gpe:kz": 1}; !reflect.DeepEqual(df, want) || n != 2 {
		t.Errorf("df = %v, n = %d; want %v, 2", df, n, want)
	}
	list, err := s.Stories(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != "early" || list[0].Sources != 1 || list[1].ID != "undated" || !list[1].Last.IsZero() {
		t.Errorf("stories = %+v", list)
	}
	if ids, err := s.StoryArticles(ctx, "early"); err != nil || !reflect.DeepEqual(ids, []string{"early"}) {
		t.Errorf("story articles = %v, %v", ids, err)
	}
	if _, err := s.StoryArticles(ctx, "nope"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("unknown story articles: %v", err)
	}
}
