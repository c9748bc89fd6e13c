package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"sitrep/internal/news"
	"sitrep/internal/store"
)

// BrowserStore is a store with the web pages' queries (store.Browser) and
// the provenance index the pages read verdicts from.
type BrowserStore interface {
	store.ArticleWriter
	store.Browser
	RecordProvenance(ctx context.Context, rec news.ProvenanceRecord) error
}

// RunBrowser checks the pages' reads: order and cursor as Articles,
// the outlet, date, provenance-kind and family filters, entries by ID,
// the link-phase fields read from the stored document, and the counts.
func RunBrowser(t *testing.T, s BrowserStore) {
	ctx := context.Background()
	day := time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC)
	var arts []*news.Article
	for i := range 6 {
		a := &news.Article{ID: fmt.Sprintf("a%d", i), URL: fmt.Sprintf("https://o%d.example/%d", i%2, i), Outlet: fmt.Sprintf("o%d", i%2),
			Title: fmt.Sprintf("title %d", i), Text: fmt.Sprintf("Text number %d of the test.", i)}
		if i < 5 {
			a.Published = day.Add(time.Duration(i) * time.Hour)
		}
		arts = append(arts, a)
	}
	arts[0].Provenance = &news.Provenance{Kind: "original", Family: "a0"}
	arts[2].Provenance = &news.Provenance{Kind: "copy", Of: "a0", Family: "a0", Origin: "Wire"}
	arts[2].Figures = []news.Figure{{Text: "3"}, {Text: "4"}}
	arts[2].Story = "s1"
	arts[3].Story = "s1" // outlet o1
	arts[4].Story = "s1" // outlet o0 again
	if _, err := s.Put(ctx, arts); err != nil {
		t.Fatal(err)
	}
	for _, r := range []news.ProvenanceRecord{{ID: "a0", Kind: "original", Family: "a0"}, {ID: "a2", Kind: "copy", Of: "a0", Family: "a0"}} {
		if err := s.RecordProvenance(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	ids := func(es []store.Entry) string {
		out := ""
		for _, e := range es {
			out += e.ID + " "
		}
		return out
	}
	for _, c := range []struct {
		f    store.EntryFilter
		want string
	}{
		{store.EntryFilter{}, "a4 a3 a2 a1 a0 a5 "},
		{store.EntryFilter{Limit: 2, After: "a3"}, "a2 a1 "},
		{store.EntryFilter{After: "a0"}, "a5 "},
		{store.EntryFilter{Outlet: "o1"}, "a3 a1 a5 "},
		{store.EntryFilter{From: day.Add(time.Hour), To: day.Add(3 * time.Hour)}, "a2 a1 "},
		{store.EntryFilter{Provenance: "copy"}, "a2 "},
		{store.EntryFilter{Family: "a0"}, "a2 a0 "},
		{store.EntryFilter{Judged: true}, "a2 a0 "},
		{store.EntryFilter{Family: "a1"}, ""},
	} {
		got, err := s.ArticleEntries(ctx, c.f)
		if err != nil {
			t.Fatalf("%+v: %v", c.f, err)
		}
		if ids(got) != c.want {
			t.Errorf("%+v: got %q, want %q", c.f, ids(got), c.want)
		}
	}
	if _, err := s.ArticleEntries(ctx, store.EntryFilter{After: "nope"}); err == nil {
		t.Error("an unknown cursor gave no error")
	}
	got, err := s.EntriesByID(ctx, []string{"a2", "nope", "a5"})
	if err != nil {
		t.Fatal(err)
	}
	if ids(got) != "a2 a5 " {
		t.Fatalf("by id: %q", ids(got))
	}
	e := got[0]
	if e.Story != "s1" || e.Provenance != "copy" || e.Of != "a0" || e.Family != "a0" || e.Figures != 2 || e.Events != 0 || !e.Published.Equal(day.Add(2*time.Hour)) || e.Outlet != "o0" || e.Origin != "Wire" {
		t.Errorf("entry %+v", e)
	}
	if !got[1].Published.IsZero() || got[1].Family != "" {
		t.Errorf("undated, unjudged entry %+v", got[1])
	}
	st, err := s.ArticleStats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 6 || st.Outlets != 2 || st.Judged != 2 || st.Families != 1 || st.Sources != 5 || st.Kinds["copy"] != 1 || st.Kinds["original"] != 1 {
		t.Errorf("stats %+v", st)
	}
	if m, err := s.StoryOutlets(ctx, []string{"s1", "s9"}); err != nil || len(m) != 1 || m["s1"] != 2 {
		t.Errorf("story outlets: %v %v, want s1: 2 (o0 twice, o1) and no s9", m, err)
	}
}
