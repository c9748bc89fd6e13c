package storetest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"sitrep/internal/news"
	"sitrep/internal/store"
)

// PagerStore is a store with the offset-paged listings (store.Pager).
type PagerStore interface {
	BrowserStore
	store.Pager
	RecordStory(ctx context.Context, rec news.StoryRecord) error
}

// RunPager checks the offset-paged listings both stores answer: stories
// by recency, size and independent sources, and by period; provenance
// families by recency and by size with their true totals,
// and full-text search over alternatives of words, with filters,
// snippets marking the matches, true totals and offsets.
func RunPager(t *testing.T, s PagerStore) {
	ctx := context.Background()
	day := time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC)
	texts := []string{
		"The ferry to Velmora sailed at dawn with grain.",
		"Grain prices rose after the Velmora ferry was delayed.",
		"Officials in Tarsk said the ferry carried grain and fuel.",
		"Nothing about boats is said here, only weather.",
		"Velmorra, as some spell it, welcomed the ferry.",
	}
	var arts []*news.Article
	for i, text := range texts {
		arts = append(arts, &news.Article{ID: fmt.Sprintf("p%d", i), URL: fmt.Sprintf("https://q%d.example/%d", i%2, i),
			Outlet: fmt.Sprintf("q%d", i%2), Title: fmt.Sprintf("report %d", i), Text: text, Published: day.Add(time.Duration(i) * time.Hour)})
	}
	// Families: p0 with its copies p1 and p2 (size 3), p3 alone (newest judged but one), p4 alone (newest).
	recs := []news.ProvenanceRecord{{ID: "p0", Kind: "original", Family: "p0"}, {ID: "p1", Kind: "copy", Of: "p0", Family: "p0"},
		{ID: "p2", Kind: "rewrite", Of: "p0", Family: "p0"}, {ID: "p3", Kind: "original", Family: "p3"}, {ID: "p4", Kind: "original", Family: "p4"}}
	for i, r := range recs {
		arts[i].Provenance = &news.Provenance{Kind: r.Kind, Of: r.Of, Family: r.Family}
	}
	if _, err := s.Put(ctx, arts); err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if err := s.RecordProvenance(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	// Stories: s1 holds p0, p1, p2 (one family), s2 the later p3 and p4 (two).
	for i, id := range []string{"p0", "p1", "p2", "p3", "p4"} {
		st := news.StoryState{ID: "s1", Title: "ferry story", First: day, Last: day.Add(time.Duration(i) * time.Hour), Articles: i + 1}
		if i >= 3 {
			st = news.StoryState{ID: "s2", Title: "later story", First: day.Add(3 * time.Hour), Last: day.Add(time.Duration(i) * time.Hour), Articles: i - 2}
		}
		if err := s.RecordStory(ctx, news.StoryRecord{Article: id, Family: recs[i].Family, Story: st}); err != nil {
			t.Fatal(err)
		}
	}
	stories := func(q store.StoryQuery) string {
		t.Helper()
		sums, total, err := s.StoryPage(ctx, q)
		if err != nil {
			t.Fatalf("%+v: %v", q, err)
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%d:", total)
		for _, sum := range sums {
			fmt.Fprintf(&b, " %s/%d/%d", sum.ID, sum.Articles, sum.Sources)
		}
		return b.String()
	}
	for _, c := range []struct {
		q    store.StoryQuery
		want string
	}{
		{store.StoryQuery{}, "2: s2/2/2 s1/3/1"},
		{store.StoryQuery{Sort: store.SortSize}, "2: s1/3/1 s2/2/2"},
		{store.StoryQuery{Sort: store.SortSources}, "2: s2/2/2 s1/3/1"},
		{store.StoryQuery{Sort: store.SortSize, Page: store.Page{Offset: 1}}, "2: s2/2/2"},
		{store.StoryQuery{From: day.Add(3 * time.Hour)}, "1: s2/2/2"},
		{store.StoryQuery{To: day.Add(time.Hour)}, "1: s1/3/1"},
	} {
		if got := stories(c.q); got != c.want {
			t.Errorf("stories %+v: got %q, want %q", c.q, got, c.want)
		}
	}
	if _, _, err := s.StoryPage(ctx, store.StoryQuery{Sort: "bogus"}); err == nil {
		t.Error("an unknown story sort gave no error")
	}

	fams := func(q store.FamilyQuery) string {
		t.Helper()
		rows, total, err := s.FamilyPage(ctx, q)
		if err != nil {
			t.Fatalf("%+v: %v", q, err)
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%d:", total)
		for _, r := range rows {
			fmt.Fprintf(&b, " %s/%d", r.ID, r.Members)
		}
		return b.String()
	}
	for _, c := range []struct {
		q    store.FamilyQuery
		want string
	}{
		{store.FamilyQuery{}, "3: p4/1 p3/1 p0/3"},
		{store.FamilyQuery{Sort: store.SortSize}, "3: p0/3 p4/1 p3/1"},
		{store.FamilyQuery{Page: store.Page{Offset: 1, Limit: 1}}, "3: p3/1"},
		{store.FamilyQuery{Kind: "rewrite"}, "1: p0/3"},
	} {
		if got := fams(c.q); got != c.want {
			t.Errorf("families %+v: got %q, want %q", c.q, got, c.want)
		}
	}
	if _, _, err := s.FamilyPage(ctx, store.FamilyQuery{Sort: "bogus"}); err == nil {
		t.Error("an unknown family sort gave no error")
	}

	search := func(q store.SearchQuery) (string, []store.Hit) {
		t.Helper()
		hits, total, err := s.SearchPage(ctx, q)
		if err != nil {
			t.Fatalf("%+v: %v", q, err)
		}
		ids := []string{}
		for _, h := range hits {
			ids = append(ids, h.ID)
		}
		return fmt.Sprintf("%d: %s", total, strings.Join(ids, " ")), hits
	}
	sorted := func(s string) string {
		head, tail, _ := strings.Cut(s, ": ")
		f := strings.Fields(tail)
		for i := range f {
			for j := i + 1; j < len(f); j++ {
				if f[j] < f[i] {
					f[i], f[j] = f[j], f[i]
				}
			}
		}
		return head + ": " + strings.Join(f, " ")
	}
	for _, c := range []struct {
		q    store.SearchQuery
		want string
	}{
		{store.SearchQuery{Any: [][]string{{"Velmora ferry"}}}, "2: p0 p1"},
		{store.SearchQuery{Any: [][]string{{"Velmora"}, {"Velmorra"}}}, "3: p0 p1 p4"},
		{store.SearchQuery{Any: [][]string{{"grain"}}, Outlet: "q0"}, "2: p0 p2"},
		{store.SearchQuery{Any: [][]string{{"grain"}}, Provenance: "copy"}, "1: p1"},
		{store.SearchQuery{Any: [][]string{{"grain"}}, From: day.Add(time.Hour)}, "2: p1 p2"},
		{store.SearchQuery{Any: [][]string{{"ferry"}}, Page: store.Page{Limit: 2}}, "4: "},
		{store.SearchQuery{Any: [][]string{{`" OR *`}}}, "0: "},
		{store.SearchQuery{Any: [][]string{{"submarine"}}}, "0: "},
	} {
		got, hits := search(c.q)
		if c.q.Limit == 2 {
			if len(hits) != 2 || !strings.HasPrefix(got, "4: ") {
				t.Errorf("search %+v: got %q, want a page of 2 of 4", c.q, got)
			}
			rest, _ := search(store.SearchQuery{Any: c.q.Any, Page: store.Page{Offset: 2, Limit: 2}})
			all := sorted(got + " " + strings.TrimPrefix(rest, "4: "))
			if all != "4: p0 p1 p2 p4" {
				t.Errorf("two pages of ferry: %q", all)
			}
			continue
		}
		if sorted(got) != c.want {
			t.Errorf("search %+v: got %q, want %q", c.q, got, c.want)
		}
		for _, h := range hits {
			open := strings.Index(h.Snippet, store.HitMarks[0])
			shut := strings.Index(h.Snippet, store.HitMarks[1])
			if open < 0 || shut < open {
				t.Errorf("search %+v: %s: snippet %q marks no match", c.q, h.ID, h.Snippet)
			}
		}
	}
}
