// Package storetest is the conformance suite every store.Store
// implementation runs from its own tests:
//
//	func TestConformance(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) store.Store { … })
//	}
//
// It checks round trips of every article field and layer, duplicate
// detection by ID, URL and duplicate key, listing order and keyset pagination, outlet
// filtering, atomic batches and concurrent writers.
package storetest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"sitrep/internal/news"
	"sitrep/internal/store"
)

// Run runs the conformance suite. open must return a new, empty store
// each time it is called and arrange for it to be closed (t.Cleanup).
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"ZeroFields", testZeroFields},
		{"DuplicateID", testDuplicateID},
		{"DuplicateURL", testDuplicateURL},
		{"DuplicateInBatch", testDuplicateInBatch},
		{"DuplicateKey", testDuplicateKey},
		{"EmptyURLNeverCollides", testEmptyURL},
		{"NotFound", testNotFound},
		{"EmptyPut", testEmptyPut},
		{"ListOrderAndPages", testListOrder},
		{"ListDefaultLimit", testListDefaultLimit},
		{"OutletFilter", testOutletFilter},
		{"GenreInSummaries", testGenreInSummaries},
		{"EntityQueueOrder", testEntityQueueOrder},
		{"Count", testCount},
		{"UpdateLayers", testUpdateLayers},
		{"AtomicBadArticle", testAtomicBadArticle},
		{"AtomicCancelled", testAtomicCancelled},
		{"ConcurrentPuts", testConcurrentPuts},
		{"LinkLeases", testLinkLeases},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.fn(t, open(t))
		})
	}
}

// Article returns a test article with invented text, numbered n: its ID
// is the content ID of its text, and it has a URL, an outlet, a
// publication time and a sentence layer. Tests change fields as they need.
func Article(n int) *news.Article {
	text := fmt.Sprintf("Report %d. Officials in the invented town of Velmora said %d families "+
		"had left overnight. Aid convoys were expected by morning.", n, 100+n*7)
	a := &news.Article{
		URL:       fmt.Sprintf("https://news.example/report/%d", n),
		Outlet:    "Example News",
		Title:     fmt.Sprintf("Report %d from Velmora", n),
		Published: time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC).Add(time.Duration(n) * time.Hour),
		Language:  "en",
		Text:      text,
		Format:    news.FormatText,
	}
	a.ID = news.ArticleID(a.URL, a.Text)
	first := strings.Index(text, ". ") + 1
	a.Sentences = []news.Sentence{{Span: news.Span{Start: 0, End: first}}, {Span: news.Span{Start: first + 1, End: len(text)}}}
	return a
}

func put(t *testing.T, s store.Store, as ...*news.Article) []store.PutResult {
	t.Helper()
	res, err := s.Put(context.Background(), as)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	if len(res) != len(as) {
		t.Fatalf("Put returned %d results for %d articles", len(res), len(as))
	}
	return res
}

func get(t *testing.T, s store.Store, id string) *news.Article {
	t.Helper()
	a, err := s.Article(context.Background(), id)
	if err != nil {
		t.Fatalf("Article(%s): %v", id, err)
	}
	return a
}

func count(t *testing.T, s store.Store) int {
	t.Helper()
	n, err := s.Count(context.Background())
	if err != nil {
		t.Fatalf("Count: %v", err)
	}
	return n
}

func wantResults(t *testing.T, got []store.PutResult, want ...store.PutResult) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("Put results\n got %+v\nwant %+v", got, want)
	}
}

// listAll pages through ArticleEntries with the given page size.
func listAll(t *testing.T, s store.Store, opts store.EntryFilter) []store.Summary {
	t.Helper()
	var all []store.Summary
	for page := 0; ; page++ {
		if page > 10000 {
			t.Fatal("pagination does not end")
		}
		got, err := articles(s, opts)
		if err != nil {
			t.Fatalf("Articles(%+v): %v", opts, err)
		}
		if opts.Limit > 0 && len(got) > opts.Limit {
			t.Fatalf("page of %d summaries, limit %d", len(got), opts.Limit)
		}
		all = append(all, got...)
		if len(got) == 0 || (opts.Limit > 0 && len(got) < opts.Limit) {
			return all
		}
		opts.After = got[len(got)-1].ID
	}
}

// compareArticles reports every difference between a stored article and
// the one that was put, comparing times as instants.
func compareArticles(t *testing.T, got, want *news.Article) {
	t.Helper()
	str := []struct {
		field     string
		got, want string
	}{
		{"ID", got.ID, want.ID},
		{"URL", got.URL, want.URL},
		{"Path", got.Path, want.Path},
		{"Outlet", got.Outlet, want.Outlet},
		{"Title", got.Title, want.Title},
		{"Author", got.Author, want.Author},
		{"Language", got.Language, want.Language},
		{"DeclaredSource", got.DeclaredSource, want.DeclaredSource},
		{"Text", got.Text, want.Text},
		{"Format", string(got.Format), string(want.Format)},
		{"RawSHA256", got.RawSHA256, want.RawSHA256},
	}
	for _, f := range str {
		if f.got != f.want {
			t.Errorf("%s = %q, want %q", f.field, f.got, f.want)
		}
	}
	if got.RawSize != want.RawSize {
		t.Errorf("RawSize = %d, want %d", got.RawSize, want.RawSize)
	}
	if !got.Published.Equal(want.Published) || got.Published.IsZero() != want.Published.IsZero() {
		t.Errorf("Published = %v, want %v", got.Published, want.Published)
	}
	if !got.Fetched.Equal(want.Fetched) || got.Fetched.IsZero() != want.Fetched.IsZero() {
		t.Errorf("Fetched = %v, want %v", got.Fetched, want.Fetched)
	}
	if len(got.Sentences) != 0 || len(want.Sentences) != 0 {
		if !reflect.DeepEqual(got.Sentences, want.Sentences) {
			t.Errorf("Sentences = %v, want %v", got.Sentences, want.Sentences)
		}
	}
	if len(got.Problems) != 0 || len(want.Problems) != 0 {
		if !reflect.DeepEqual(got.Problems, want.Problems) {
			t.Errorf("Problems = %v, want %v", got.Problems, want.Problems)
		}
	}
	gotLayers, _ := json.Marshal(layersOf(got))
	wantLayers, _ := json.Marshal(layersOf(want))
	if !bytes.Equal(gotLayers, wantLayers) {
		t.Errorf("layers = %s\nwant %s", gotLayers, wantLayers)
	}
	if got.Raw != nil {
		t.Errorf("Raw is stored (%d bytes); it must not be", len(got.Raw))
	}
	if got.Tokens != nil {
		t.Errorf("Tokens are stored (%d); they must not be", len(got.Tokens))
	}
}

// layersOf returns the annotation layers of a, for comparison as JSON.
func layersOf(a *news.Article) any {
	return []any{a.Quantities, a.Times, a.Entities, a.Provenance}
}

// withLayers fills one element of every annotation layer.
func withLayers(a *news.Article) {
	v := 3000.0
	a.Quantities = []news.Quantity{{Span: news.Span{Start: 0, End: 5}, Text: "3,000", Kind: "cardinal", Value: &v, Approx: "exact", Unit: "troop", Counts: "troops"}}
	a.Times = []news.TimeExpr{{Span: news.Span{Start: 6, End: 12}, Text: "Monday", Value: "2024-03-04", Granularity: "day", Resolved: true}}
	a.Entities = []news.Mention{{Span: news.Span{Start: 13, End: 20}, Text: "Velmora", Type: "LOC", Entity: "velmora", Canonical: "Velmora"}}
	a.Provenance = &news.Provenance{Kind: "copy", Of: "0123456789abcdef", Score: 0.97, Family: "0123456789abcdef",
		Evidence: &news.ProvenanceEvidence{
			Passages:      []news.Passage{{Span: news.Span{Start: 0, End: 20}, OfSpan: news.Span{Start: 5, End: 25}}},
			Substitutions: []news.Substitution{{Span: news.Span{Start: 6, End: 12}, Text: "troopers", Original: "troops"}},
			Measures:      map[string]float64{"jaccard": 0.91},
		}}
}

func testUpdateLayers(t *testing.T, s store.Store) {
	a := Article(1)
	put(t, s, a)
	withLayers(a)
	a.Problems = []news.Problem{{Stage: "provenance", Message: "no candidates"}}
	if err := s.Update(context.Background(), a); err != nil {
		t.Fatalf("Update: %v", err)
	}
	got := get(t, s, a.ID)
	compareArticles(t, got, a)
	if got.Status() != "partial" {
		t.Errorf("status %q after an update with problems", got.Status())
	}
	list, err := articles(s, store.EntryFilter{})
	if err != nil || len(list) != 1 || list[0].Status != "partial" {
		t.Errorf("listing after update: %v %+v", err, list)
	}

	changed := *a
	changed.Text = "Another text."
	if err := s.Update(context.Background(), &changed); err == nil {
		t.Error("Update with a different text succeeded; spans would break")
	}
	unknown := Article(2)
	if err := s.Update(context.Background(), unknown); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Update of an unknown article: %v, want ErrNotFound", err)
	}
}

func testRoundTrip(t *testing.T, s store.Store) {
	kyiv := time.FixedZone("EET", 2*60*60)
	text := "Київ, 3 березня. Обстріл тривав усю ніч — «це було жахливо», сказала мешканка.\n\n" +
		"وقال مسؤول إن ١٢ شخصاً أصيبوا. Emoji 🚑🔥 and a tab\tand \"quotes\" and \\ backslash."
	a := &news.Article{
		URL:            "https://news.example/ua/2024/03/03/обстріл?id=7&x=ü",
		Path:           "/data/feeds/kyiv.jsonl#12",
		Outlet:         "Приклад Новини",
		Title:          "Обстріл у місті — «ніч тривоги»",
		Author:         "Олена Приклад, Staff",
		Published:      time.Date(2024, 3, 3, 7, 15, 30, 123456789, kyiv),
		Fetched:        time.Date(2024, 3, 3, 9, 0, 1, 5, time.UTC),
		Language:       "uk",
		DeclaredSource: "Original Source: www.example.org",
		Text:           text,
		Format:         news.FormatHTML,
		Raw:            []byte("<html>raw bytes are not kept</html>"),
		RawSHA256:      strings.Repeat("ab", 32),
		RawSize:        35,
		Tokens:         []news.Token{{Span: news.Span{Start: 0, End: 8}, Kind: news.TokenWord}},
		Problems: []news.Problem{
			{Stage: "timex", Message: "ambiguous date «3/4»"},
			{Stage: "quantity", Message: "unparsed number"},
		},
	}
	a.ID = news.ArticleID(a.URL, a.Text)
	withLayers(a)
	first := strings.Index(text, ".") + 1
	a.Sentences = []news.Sentence{{Span: news.Span{Start: 0, End: first}}, {Span: news.Span{Start: first + 1, End: len(text)}}}
	want := *a

	res := put(t, s, a)
	wantResults(t, res, store.PutResult{ID: a.ID})
	if !reflect.DeepEqual(*a, want) {
		t.Error("Put modified its argument")
	}
	got := get(t, s, a.ID)
	compareArticles(t, got, &want)
	if got.Status() != "partial" {
		t.Errorf("Status = %q, want partial", got.Status())
	}

	sums, err := articles(s, store.EntryFilter{})
	if err != nil {
		t.Fatalf("Articles: %v", err)
	}
	wantSum := store.Summary{
		ID: a.ID, URL: a.URL, Path: a.Path, Outlet: a.Outlet, Title: a.Title,
		Published: a.Published, Words: a.Words(), Status: "partial",
	}
	if len(sums) != 1 {
		t.Fatalf("Articles returned %d summaries, want 1", len(sums))
	}
	g := sums[0]
	if !g.Published.Equal(wantSum.Published) {
		t.Errorf("summary Published = %v, want %v", g.Published, wantSum.Published)
	}
	g.Published = wantSum.Published
	if g != wantSum {
		t.Errorf("summary\n got %+v\nwant %+v", g, wantSum)
	}
}

func testZeroFields(t *testing.T, s store.Store) {
	a := &news.Article{ID: "0000000000000001", Text: "Only text."}
	put(t, s, a)
	got := get(t, s, a.ID)
	compareArticles(t, got, a)
	if !got.Published.IsZero() || !got.Fetched.IsZero() {
		t.Errorf("zero times came back as %v, %v", got.Published, got.Fetched)
	}
	if got.Sentences != nil || got.Problems != nil {
		t.Errorf("empty layers came back as %v, %v", got.Sentences, got.Problems)
	}
	if got.Status() != "ok" {
		t.Errorf("Status = %q, want ok", got.Status())
	}
}

func testDuplicateID(t *testing.T, s store.Store) {
	a := Article(1)
	put(t, s, a)
	b := Article(2)
	b.ID = a.ID // same normalised text, by the ID's definition
	b.Title = "Another title"
	res := put(t, s, b)
	wantResults(t, res, store.PutResult{ID: a.ID, Duplicate: true})
	compareArticles(t, get(t, s, a.ID), a)
	if n := count(t, s); n != 1 {
		t.Errorf("Count = %d, want 1", n)
	}
	// Putting the same article again is a no-op too.
	wantResults(t, put(t, s, a), store.PutResult{ID: a.ID, Duplicate: true})
}

func testDuplicateURL(t *testing.T, s store.Store) {
	a := Article(1)
	put(t, s, a)
	b := Article(2)
	b.URL = a.URL
	b.Text = "A different text about the same page, revised later."
	b.ID = "0123456789abcdef" // any ID: the URL alone makes it a duplicate
	res := put(t, s, b)
	wantResults(t, res, store.PutResult{ID: a.ID, Duplicate: true})
	if _, err := s.Article(context.Background(), b.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Article(duplicate by URL) error = %v, want ErrNotFound", err)
	}
	compareArticles(t, get(t, s, a.ID), a)
	if n := count(t, s); n != 1 {
		t.Errorf("Count = %d, want 1", n)
	}
}

// testDuplicateKey checks the rule of news.Article.DuplicateKey: the same
// text from the same host (or with no URL) is one report, while the same
// text republished on another host is a copy and is stored.
func testDuplicateKey(t *testing.T, s store.Store) {
	a := Article(1)
	sameHost := Article(1)
	sameHost.URL = a.URL + "?page=1"
	sameHost.ID = news.ArticleID(sameHost.URL, sameHost.Text)
	otherHost := Article(1)
	otherHost.URL = "https://copies.example/republished"
	otherHost.ID = news.ArticleID(otherHost.URL, otherHost.Text)
	file1, file2 := Article(1), Article(1)
	file1.URL, file2.URL = "", ""
	file1.ID = news.ArticleID("", file1.Text)
	file2.ID = news.ArticleID("", file2.Text+" ")
	file2.Path = "elsewhere.txt"
	res := put(t, s, a, sameHost, otherHost, file1, file2)
	wantResults(t, res,
		store.PutResult{ID: a.ID},
		store.PutResult{ID: a.ID, Duplicate: true},
		store.PutResult{ID: otherHost.ID},
		store.PutResult{ID: file1.ID},
		store.PutResult{ID: file1.ID, Duplicate: true},
	)
	if n := count(t, s); n != 3 {
		t.Errorf("Count = %d, want 3", n)
	}
}

func testDuplicateInBatch(t *testing.T, s store.Store) {
	a, c := Article(1), Article(3)
	sameID := Article(2)
	sameID.ID = a.ID
	sameURL := Article(4)
	sameURL.URL = a.URL
	res := put(t, s, a, sameID, sameURL, c, c)
	wantResults(t, res,
		store.PutResult{ID: a.ID},
		store.PutResult{ID: a.ID, Duplicate: true},
		store.PutResult{ID: a.ID, Duplicate: true},
		store.PutResult{ID: c.ID},
		store.PutResult{ID: c.ID, Duplicate: true},
	)
	if n := count(t, s); n != 2 {
		t.Errorf("Count = %d, want 2", n)
	}
	compareArticles(t, get(t, s, a.ID), a)
}

func testEmptyURL(t *testing.T, s store.Store) {
	var as []*news.Article
	var want []store.PutResult
	for i := range 3 {
		a := Article(i)
		a.URL = ""
		as = append(as, a)
		want = append(want, store.PutResult{ID: a.ID})
	}
	wantResults(t, put(t, s, as[:2]...), want[:2]...)
	wantResults(t, put(t, s, as[2]), want[2])
	if n := count(t, s); n != 3 {
		t.Errorf("Count = %d, want 3", n)
	}
	if got := get(t, s, as[0].ID); got.URL != "" {
		t.Errorf("URL = %q, want empty", got.URL)
	}
}

func testNotFound(t *testing.T, s store.Store) {
	put(t, s, Article(1))
	_, err := s.Article(context.Background(), "ffffffffffffffff")
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Article(missing) error = %v, want one wrapping ErrNotFound", err)
	}
	_, err = articles(s, store.EntryFilter{After: "ffffffffffffffff"})
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Articles(After missing) error = %v, want one wrapping ErrNotFound", err)
	}
}

func testEmptyPut(t *testing.T, s store.Store) {
	res, err := s.Put(context.Background(), nil)
	if err != nil || len(res) != 0 {
		t.Errorf("Put(nil) = %v, %v; want no results, no error", res, err)
	}
	if n := count(t, s); n != 0 {
		t.Errorf("Count of empty store = %d", n)
	}
	sums, err := articles(s, store.EntryFilter{})
	if err != nil || len(sums) != 0 {
		t.Errorf("Articles of empty store = %v, %v", sums, err)
	}
}

// listed returns the IDs of summaries.
func listed(sums []store.Summary) []string {
	ids := make([]string, len(sums))
	for i, s := range sums {
		ids[i] = s.ID
	}
	return ids
}

// sortedIDs returns the IDs of as in listing order: newest first, ties by
// ID, unknown publication time last.
func sortedIDs(as []*news.Article) []string {
	as = slices.Clone(as)
	slices.SortFunc(as, func(a, b *news.Article) int {
		switch {
		case a.Published.IsZero() != b.Published.IsZero():
			if a.Published.IsZero() {
				return 1
			}
			return -1
		case !a.Published.Equal(b.Published):
			return b.Published.Compare(a.Published)
		}
		return strings.Compare(a.ID, b.ID)
	})
	ids := make([]string, len(as))
	for i, a := range as {
		ids[i] = a.ID
	}
	return ids
}

// listArticles returns n articles whose publication times have ties, zero
// values, sub-second differences and different time zones.
func listArticles(n int) []*news.Article {
	base := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	zones := []*time.Location{time.UTC, time.FixedZone("X", 5*3600+1800), time.FixedZone("Y", -7*3600)}
	var as []*news.Article
	for i := range n {
		a := Article(i)
		switch i % 5 {
		case 0:
			a.Published = time.Time{}
		case 1, 2:
			a.Published = base.In(zones[i%3]) // ties, written in different zones
		case 3:
			a.Published = base.Add(time.Duration(i) * time.Millisecond)
		case 4:
			a.Published = base.Add(-time.Duration(i) * time.Hour).In(zones[i%3])
		}
		if i%2 == 0 {
			a.Outlet = "Even Times"
		} else {
			a.Outlet = "Odd Post"
		}
		as = append(as, a)
	}
	return as
}

func testListOrder(t *testing.T, s store.Store) {
	as := listArticles(37)
	put(t, s, as[:20]...)
	put(t, s, as[20:]...)
	want := sortedIDs(as)

	all, err := articles(s, store.EntryFilter{})
	if err != nil {
		t.Fatalf("Articles: %v", err)
	}
	if got := listed(all); !slices.Equal(got, want) {
		t.Errorf("listing order\n got %v\nwant %v", got, want)
	}
	for _, size := range []int{1, 3, 4, 36, 37, 38} {
		if got := listed(listAll(t, s, store.EntryFilter{Limit: size})); !slices.Equal(got, want) {
			t.Errorf("pages of %d\n got %v\nwant %v", size, got, want)
		}
	}
	// Published of zero-time articles is zero in summaries too.
	last := all[len(all)-1]
	if !last.Published.IsZero() {
		t.Errorf("last summary Published = %v, want zero", last.Published)
	}
	// A page starting after the last article is empty.
	got, err := articles(s, store.EntryFilter{After: last.ID})
	if err != nil || len(got) != 0 {
		t.Errorf("Articles(After last) = %v, %v; want empty", listed(got), err)
	}
	// A limit above the maximum still works.
	got, err = articles(s, store.EntryFilter{Limit: 1 << 30})
	if err != nil || len(got) != len(as) {
		t.Errorf("Articles(huge limit) = %d summaries, %v", len(got), err)
	}
}

func testListDefaultLimit(t *testing.T, s store.Store) {
	var as []*news.Article
	for i := range 130 {
		as = append(as, Article(i))
	}
	put(t, s, as...)
	got, err := articles(s, store.EntryFilter{})
	if err != nil {
		t.Fatalf("Articles: %v", err)
	}
	if len(got) != 100 {
		t.Errorf("default page has %d summaries, want 100", len(got))
	}
	rest, err := articles(s, store.EntryFilter{After: got[len(got)-1].ID})
	if err != nil {
		t.Fatalf("Articles: %v", err)
	}
	if len(rest) != 30 {
		t.Errorf("second page has %d summaries, want 30", len(rest))
	}
	if ids := append(listed(got), listed(rest)...); !slices.Equal(ids, sortedIDs(as)) {
		t.Errorf("two default pages are not the listing order")
	}
}

func testOutletFilter(t *testing.T, s store.Store) {
	as := listArticles(25)
	put(t, s, as...)
	var odd []*news.Article
	for _, a := range as {
		if a.Outlet == "Odd Post" {
			odd = append(odd, a)
		}
	}
	want := sortedIDs(odd)
	for _, size := range []int{0, 2, 5} {
		got := listAll(t, s, store.EntryFilter{Outlet: "Odd Post", Limit: size})
		if !slices.Equal(listed(got), want) {
			t.Errorf("outlet filter, pages of %d\n got %v\nwant %v", size, listed(got), want)
		}
		for _, g := range got {
			if g.Outlet != "Odd Post" {
				t.Errorf("summary %s has outlet %q", g.ID, g.Outlet)
			}
		}
	}
	got, err := articles(s, store.EntryFilter{Outlet: "odd post"})
	if err != nil || len(got) != 0 {
		t.Errorf("outlet filter is not exact: %d summaries, %v", len(got), err)
	}
}

// testGenreInSummaries checks that listings carry the genre layer's kind
// as Put and Update wrote it, and "" for an article without one.
func testGenreInSummaries(t *testing.T, s store.Store) {
	a, b := Article(1), Article(2)
	a.Genre = &news.Genre{Kind: news.GenreOpinion, Score: 0.9, Evidence: []string{"url path /opinion/"}}
	put(t, s, a, b)
	check := func(when string, want map[string]string) {
		t.Helper()
		for _, g := range listAll(t, s, store.EntryFilter{}) {
			if g.Genre != want[g.ID] {
				t.Errorf("%s: summary %s: genre %q, want %q", when, g.ID, g.Genre, want[g.ID])
			}
		}
	}
	check("after Put", map[string]string{a.ID: news.GenreOpinion, b.ID: ""})
	if got := get(t, s, a.ID); got.Genre == nil || got.Genre.Kind != news.GenreOpinion || len(got.Genre.Evidence) != 1 {
		t.Errorf("stored genre layer = %+v, want %+v", got.Genre, a.Genre)
	}
	// Update rewrites the listed genre with the layer: a genre changed,
	// a genre added, a genre removed.
	a.Genre = &news.Genre{Kind: news.GenreLive, Score: 0.8}
	b.Genre = &news.Genre{Kind: news.GenreLetter, Score: 0.7}
	for _, x := range []*news.Article{a, b} {
		if err := s.Update(context.Background(), x); err != nil {
			t.Fatal(err)
		}
	}
	check("after Update", map[string]string{a.ID: news.GenreLive, b.ID: news.GenreLetter})
	b.Genre = nil
	if err := s.Update(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	check("after removing a genre", map[string]string{a.ID: news.GenreLive, b.ID: ""})
}

// testEntityQueueOrder checks that a store keeping an entity index
// queues articles for the entity step in publication order, undated
// last, whatever the order they were stored in, as it does for the other
// link steps.
func testEntityQueueOrder(t *testing.T, s store.Store) {
	q, ok := s.(interface {
		PendingEntities(ctx context.Context, n int) ([]string, error)
	})
	if !ok {
		t.Skip("this store keeps no entity index")
	}
	late, undated, early := Article(3), Article(2), Article(1)
	undated.Published = time.Time{}
	put(t, s, late, undated, early)
	got, err := q.PendingEntities(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{early.ID, late.ID, undated.ID}; !slices.Equal(got, want) {
		t.Errorf("PendingEntities = %v, want %v (early, late, undated)", got, want)
	}
}

func testCount(t *testing.T, s store.Store) {
	if n := count(t, s); n != 0 {
		t.Fatalf("Count = %d, want 0", n)
	}
	put(t, s, Article(1), Article(2))
	put(t, s, Article(2), Article(3))
	if n := count(t, s); n != 3 {
		t.Errorf("Count = %d, want 3", n)
	}
}

func testAtomicBadArticle(t *testing.T, s store.Store) {
	old := Article(0)
	put(t, s, old)
	bad := Article(3)
	bad.ID = "" // an article needs an ID
	batches := [][]*news.Article{
		{Article(1), Article(2), bad},
		{Article(1), old, bad, Article(4)},
		{Article(1), nil},
	}
	for i, batch := range batches {
		if _, err := s.Put(context.Background(), batch); err == nil {
			t.Errorf("batch %d: Put succeeded with an invalid article", i)
		}
		if n := count(t, s); n != 1 {
			t.Errorf("batch %d: Count = %d after failed Put, want 1", i, n)
		}
		if _, err := s.Article(context.Background(), Article(1).ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("batch %d: article of a failed batch is stored (err %v)", i, err)
		}
	}
	// The store still works, and the articles can be put afterwards.
	res := put(t, s, Article(1), Article(2))
	wantResults(t, res, store.PutResult{ID: Article(1).ID}, store.PutResult{ID: Article(2).ID})
}

func testAtomicCancelled(t *testing.T, s store.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var as []*news.Article
	for i := range 50 {
		as = append(as, Article(i))
	}
	if _, err := s.Put(ctx, as); err == nil {
		t.Error("Put with a cancelled context succeeded")
	}
	if n := count(t, s); n != 0 {
		t.Errorf("Count = %d after cancelled Put, want 0", n)
	}
}

func testConcurrentPuts(t *testing.T, s store.Store) {
	const (
		workers = 8
		total   = 60
		batch   = 7
	)
	as := make([]*news.Article, total)
	for i := range as {
		as[i] = Article(i)
	}
	// Worker w puts a window of the articles starting at w*total/workers
	// and wrapping around, so every article is put by several workers.
	var (
		mu    sync.Mutex
		fresh = map[string]int{}
		wg    sync.WaitGroup
		errs  []error
	)
	for w := range workers {
		wg.Go(func() {
			start := w * total / workers
			var mine []*news.Article
			for k := range total / 2 {
				mine = append(mine, as[(start+k)%total])
			}
			for len(mine) > 0 {
				n := min(batch, len(mine))
				res, err := s.Put(context.Background(), mine[:n])
				if err != nil {
					mu.Lock()
					errs = append(errs, fmt.Errorf("worker %d: %w", w, err))
					mu.Unlock()
					return
				}
				mu.Lock()
				for i, r := range res {
					if r.ID != mine[i].ID {
						errs = append(errs, fmt.Errorf("worker %d: result ID %s for article %s", w, r.ID, mine[i].ID))
					}
					if !r.Duplicate {
						fresh[r.ID]++
					}
				}
				mu.Unlock()
				mine = mine[n:]
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		t.Error(err)
	}
	if n := count(t, s); n != total {
		t.Errorf("Count = %d, want %d", n, total)
	}
	for _, a := range as {
		if fresh[a.ID] != 1 {
			t.Errorf("article %s reported written %d times, want once", a.ID, fresh[a.ID])
		}
	}
	if got := listed(listAll(t, s, store.EntryFilter{Limit: 9})); !slices.Equal(got, sortedIDs(as)) {
		t.Errorf("listing after concurrent puts\n got %v\nwant %v", got, sortedIDs(as))
	}
}

// articles lists the summaries of the entries s.ArticleEntries lists.
func articles(s store.Store, f store.EntryFilter) ([]store.Summary, error) {
	es, err := s.ArticleEntries(context.Background(), f)
	if err != nil {
		return nil, err
	}
	out := make([]store.Summary, len(es))
	for i, e := range es {
		out[i] = e.Summary
	}
	return out, nil
}
