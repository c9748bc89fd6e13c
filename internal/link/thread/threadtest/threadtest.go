// Package threadtest is the conformance suite for thread.Index and
// thread.Lister: both stores run it, so the thread step sees the same
// index in each.
package threadtest

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"sitrep/internal/link/story"
	"sitrep/internal/link/thread"
	"sitrep/internal/news"
	"sitrep/internal/store"
)

// Store is what the suite needs: the thread step's store, its lister,
// the story index (threads hold stories) and Put.
type Store interface {
	thread.Store
	thread.Lister
	story.Index
	story.Lister
	store.ArticleWriter
}

func day(d int) time.Time { return time.Date(2031, 4, d, 12, 0, 0, 0, time.UTC) }

// Run runs the suite on an empty store.
func Run(t *testing.T, s Store) {
	ctx := context.Background()
	arts := []*news.Article{
		{ID: "undated", URL: "https://t.example/u", Text: "undated report", Title: "U", Outlet: "Tallow Post"},
		{ID: "late", URL: "https://t.example/l", Text: "late report", Title: "L", Published: day(20), Outlet: "Tallow Post"},
		{ID: "early", URL: "https://t.example/e", Text: "early report", Title: "E", Published: day(1), Outlet: "Brindle Times"},
	}
	if _, err := s.Put(ctx, arts); err != nil {
		t.Fatal(err)
	}
	pending, err := s.PendingThreads(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"early", "late", "undated"}; !reflect.DeepEqual(pending, want) {
		t.Errorf("pending = %v, want %v", pending, want)
	}
	// Each article its own story.
	for _, a := range arts {
		if err := s.RecordStory(ctx, story.Record{Article: a.ID, Story: story.State{ID: a.ID, Title: a.Title, Articles: 1, First: a.Published, Last: a.Published}}); err != nil {
			t.Fatal(err)
		}
	}
	early := thread.State{ID: "early", Title: "E", First: day(1), Last: day(1), Articles: 1, Stories: 1,
		Terms: map[string]float64{"ferry": 1.6931471805599454}, Entities: map[string]float64{"gpe:xx": 1},
		Measures: map[string]float64{"m1": 1}, TermNorm: 0.1 + 0.2, EntityNorm: 1e-7, Roundups: 1}
	if err := s.RecordThread(ctx, thread.Record{Article: "early", Story: "early", Thread: early, Keys: []string{"ferry", "e:gpe:xx"},
		Events: []news.ThreadEvent{{Kind: news.ThreadStarted, Thread: "early", Article: "early", Story: "early", At: day(1)}}}); err != nil {
		t.Fatal(err)
	}
	undated := thread.State{ID: "undated", Title: "U", Articles: 1, Stories: 1, Terms: map[string]float64{"ferry": 1}}
	if err := s.RecordThread(ctx, thread.Record{Article: "undated", Story: "undated", Thread: undated, Keys: []string{"ferry"},
		Events: []news.ThreadEvent{{Kind: news.ThreadStarted, Thread: "undated", Article: "undated", Story: "undated"}}}); err != nil {
		t.Fatal(err)
	}
	// Recording again changes nothing.
	if err := s.RecordThread(ctx, thread.Record{Article: "undated", Story: "undated", Thread: thread.State{ID: "other"}, Keys: []string{"ferry"}}); err != nil {
		t.Fatal(err)
	}
	if pending, _ := s.PendingThreads(ctx, 10); !reflect.DeepEqual(pending, []string{"late"}) {
		t.Errorf("pending after recording = %v, want [late]", pending)
	}
	got, err := s.ThreadState(ctx, "early")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Terms, early.Terms) || !reflect.DeepEqual(got.Entities, early.Entities) || !reflect.DeepEqual(got.Measures, early.Measures) ||
		got.TermNorm != early.TermNorm || got.EntityNorm != early.EntityNorm || !got.First.Equal(early.First) || got.Stories != 1 || got.Title != "E" ||
		got.Roundups != early.Roundups {
		t.Errorf("state = %+v, want %+v", got, early)
	}
	if _, err := s.ThreadState(ctx, "nope"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("unknown thread: %v", err)
	}
	for _, c := range []struct {
		name     string
		from, to time.Time
		want     []string
	}{
		{"around day 2", day(1).Add(-48 * time.Hour), day(9), []string{"early", "undated"}},
		{"around day 20", day(13), day(27), []string{"undated"}},
		{"undated article", time.Time{}, time.Time{}, []string{"early", "undated"}},
	} {
		active, err := s.ActiveThreads(ctx, c.from, c.to, 10)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, a := range active {
			ids = append(ids, a.ID)
			// Twice through a store's centroid cache: the round-up count
			// is kept with the weights.
			if a.ID == "early" && (a.Roundups != 1 || a.TermNorm != early.TermNorm) {
				t.Errorf("%s: active early thread %+v lost its round-up count or norm", c.name, a)
			}
		}
		if !reflect.DeepEqual(ids, c.want) {
			t.Errorf("%s: active = %v, want %v", c.name, ids, c.want)
		}
	}
	if id, err := s.StoryThread(ctx, "early"); err != nil || id != "early" {
		t.Errorf("story thread = %q, %v", id, err)
	}
	if id, err := s.StoryThread(ctx, "late"); err != nil || id != "" {
		t.Errorf("unlinked story thread = %q, %v", id, err)
	}
	df, n, err := s.ThreadDocFreqs(ctx, []string{"ferry", "e:gpe:xx", "missing"})
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]int{"ferry": 2, "e:gpe:xx": 1}; !reflect.DeepEqual(df, want) || n != 2 {
		t.Errorf("df = %v, n = %d; want %v, 2", df, n, want)
	}
	// The late article merges the undated thread into the early one.
	merged := early
	merged.Last, merged.Articles, merged.Stories = day(20), 3, 3
	if err := s.RecordThread(ctx, thread.Record{Article: "late", Story: "late", Thread: merged, Merged: []string{"undated"},
		Events: []news.ThreadEvent{{Kind: news.ThreadMerged, Thread: "early", Other: "undated", Article: "late", Story: "late", At: day(20), Score: 0.5}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ThreadState(ctx, "undated"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("merged thread still there: %v", err)
	}
	th, err := s.StoryThreads(ctx, []string{"early", "late", "undated", "nope"})
	if want := map[string]string{"early": "early", "late": "early", "undated": "early"}; err != nil || !reflect.DeepEqual(th, want) {
		t.Errorf("story threads = %v, %v; want %v", th, err, want)
	}
	page, err := s.Threads(ctx, news.ThreadCursor{}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Threads) != 1 || page.Next != nil {
		t.Fatalf("threads = %+v", page)
	}
	if p := page.Threads[0]; p.ID != "early" || p.Articles != 3 || p.Stories != 3 || p.Outlets != 2 || p.Origins != 3 || !p.Last.Equal(day(20)) {
		t.Errorf("thread summary = %+v", p)
	}
	// Headed by its biggest titled story, the earliest dated of equals.
	if p := page.Threads[0]; p.Title != "E" {
		t.Errorf("thread title %q, want E (the earliest of its equal stories; an undated one last)", p.Title)
	}
	d, err := s.Thread(ctx, "early")
	if err != nil {
		t.Fatal(err)
	}
	var stories []string
	for _, st := range d.Stories {
		stories = append(stories, st.ID)
		if st.Thread != "early" {
			t.Errorf("story %s: thread %q", st.ID, st.Thread)
		}
	}
	if want := []string{"late", "early", "undated"}; !reflect.DeepEqual(stories, want) {
		t.Errorf("thread stories = %v, want %v", stories, want)
	}
	var kinds []string
	for _, e := range d.Events {
		kinds = append(kinds, e.Kind+":"+e.Thread+"<"+e.Other)
	}
	if want := []string{"start:early<", "merge:early<undated"}; !reflect.DeepEqual(kinds, want) {
		t.Errorf("thread log = %v, want %v", kinds, want)
	}
	if _, err := s.Thread(ctx, "nope"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("unknown thread detail: %v", err)
	}
	list, err := s.Stories(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range list {
		if st.Thread != "early" {
			t.Errorf("story listing: %s in thread %q, want early", st.ID, st.Thread)
		}
	}
}
