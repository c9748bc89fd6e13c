package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"sitrep/internal/api"
	"sitrep/internal/api/apitest"
	"sitrep/internal/ingest"
	"sitrep/internal/news"
	"sitrep/internal/readmodel"
	"sitrep/internal/source"
	"sitrep/internal/store"
	"sitrep/internal/store/sqlite"
	"sitrep/internal/web"
)

// BenchmarkPages measures rendering each page of the demo corpus through
// the handler (no network): go test -bench Pages ./internal/web/
func BenchmarkPages(b *testing.B) {
	srv, cat := site(b)
	h := srv.Config.Handler
	for name, p := range demoPages(b, cat) {
		b.Run(name, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, p, nil)
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != 200 {
					b.Fatalf("%s: %d", p, rec.Code)
				}
			}
		})
	}
}

// BenchmarkLargeStore measures the pages and endpoints over the linked
// demo corpus plus 20,000 small articles put straight into the store (no
// link phase), to show that a page's cost follows its size, not the
// store's: go test -run '^$' -bench LargeStore -benchtime 20x ./internal/web/
//
// SITREP_BENCH_ARTICLES=N sets the number of extra articles, and
// SITREP_BENCH_LINKED=1 makes them three-sentence reports on 500 events
// that go through every per-article stage and the link phase (provenance,
// entities, stories), as `sitrep ingest` would store them.
// SITREP_BENCH_STORE=PATH measures a store built that way before (give
// the same SITREP_BENCH_ARTICLES).
func BenchmarkLargeStore(b *testing.B) {
	ctx := context.Background()
	n := 20000
	if v, err := strconv.Atoi(os.Getenv("SITREP_BENCH_ARTICLES")); err == nil && v > 0 {
		n = v
	}
	start := time.Now()
	var s *sqlite.Store
	if path := os.Getenv("SITREP_BENCH_STORE"); path != "" {
		// A store an earlier run built (copied with sqlite3 .backup).
		var err error
		if s, err = sqlite.Open(ctx, path); err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { s.Close() })
	} else {
		s = apitest.DemoStore(b)
	}
	switch {
	case os.Getenv("SITREP_BENCH_STORE") != "":
	case os.Getenv("SITREP_BENCH_LINKED") != "":
		sum, err := ingest.Run(ctx, source.Stream(ctx, "synthetic", syntheticReports(n), source.Options{}), s, ingest.Options{})
		if err != nil || sum.Stored < n*9/10 {
			b.Fatalf("ingest: %v (%d stored of %d)", err, sum.Stored, n)
		}
		b.Logf("ingested %d articles in %v", sum.Stored, time.Since(start))
		if err := apitest.Link(ctx, s); err != nil {
			b.Fatal(err)
		}
	default:
		putSynthetic(ctx, b, s, n)
	}
	b.Logf("stored %d articles in %v", n, time.Since(start))
	cat := readmodel.NewCatalog(s, time.Hour)
	pages, err := web.New(cat, nil)
	if err != nil {
		b.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", api.New(cat, api.Options{}))
	mux.Handle("/", pages)
	ents, err := cat.Lister().Entities(ctx, "PER", 1)
	if err != nil || len(ents) == 0 {
		b.Fatalf("entities: %v", err)
	}
	// An article from the middle of the list.
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, fmt.Sprintf("/api/v1/articles?limit=1&to=%s", midTime(n).Format(time.RFC3339)), nil))
	var list struct {
		Articles []struct {
			ID string `json:"id"`
		} `json:"articles"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &list); err != nil || len(list.Articles) == 0 {
		b.Fatalf("article list: %v %s", err, rec.Body)
	}
	mid := list.Articles[0].ID
	paths := []string{
		"/", "/api/v1/stories", "/api/v1/articles", "/api/v1/articles?provenance=copy",
		"/articles/" + mid, "/api/v1/articles/" + mid,
		"/search?q=troops+border", "/api/v1/search?q=troops+border",
		"/entities/" + url.PathEscape(ents[0].Entity), "/families", "/api/v1/families",
		"/api/v1/figures", "/api/v1/events",
	}
	for _, p := range paths {
		b.Run(strings.NewReplacer("/", "_", "?", "_").Replace(p), func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, p, nil)
			for b.Loop() {
				rec := httptest.NewRecorder()
				mux.ServeHTTP(rec, req)
				if rec.Code != 200 {
					b.Fatalf("%s: %d %s", p, rec.Code, rec.Body)
				}
			}
		})
	}
}

// benchDay is the publication day of the first synthetic article; the
// j-th is published j minutes later.
var benchDay = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// midTime is the publication time of the middle one of n synthetic
// articles.
func midTime(n int) time.Time { return benchDay.Add(time.Duration(n/2) * time.Minute) }

var benchWords = []string{"troops", "ceasefire", "talks", "border", "shelling", "aid", "convoy", "minister", "port", "harvest"}

// putSynthetic puts n one-sentence articles straight into the store.
func putSynthetic(ctx context.Context, b *testing.B, s store.ArticleWriter, n int) {
	const batch = 1000
	for i := 0; i < n; i += batch {
		arts := make([]*news.Article, 0, batch)
		for j := i; j < min(i+batch, n); j++ {
			text := fmt.Sprintf("Report %d: %s near the %s, officials said on day %d.", j, benchWords[j%10], benchWords[(j/10)%10], j%365)
			arts = append(arts, &news.Article{ID: fmt.Sprintf("syn%06d", j), URL: fmt.Sprintf("https://outlet%d.example/%d", j%50, j),
				Outlet: fmt.Sprintf("Outlet %d", j%50), Title: fmt.Sprintf("Synthetic report %d", j), Text: text,
				Published: benchDay.Add(time.Duration(j) * time.Minute)})
		}
		if _, err := s.Put(ctx, arts); err != nil {
			b.Fatal(err)
		}
	}
}

// syntheticReports returns n JSON Lines reports: each of 500 events (a
// place, two officials, a kind of incident) is told by 50 outlets in
// different words and figures, with the same names and places.
func syntheticReports(n int) io.Reader {
	places := []string{"Kharkiv", "Odesa", "Kherson", "Zaporizhzhia", "Sumy", "Mykolaiv", "Dnipro", "Lviv", "Poltava", "Chernihiv"}
	people := []string{"Olena Marchuk", "Taras Bondar", "Ivan Kovalenko", "Maria Savchenko", "Petro Lysenko", "Anna Hrytsenko", "Oleh Tkachenko", "Iryna Melnyk"}
	kinds := []string{"drone strike", "artillery shelling", "missile attack", "aid convoy", "prisoner exchange"}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for j := range n {
		ev := j % 500
		place, who, other, kind := places[ev%10], people[ev%8], people[(ev/8)%8], kinds[(ev/80)%5]
		text := fmt.Sprintf("A %s hit %s on day %d of the month, %s said in a statement. "+
			"At least %d people were wounded and %d buildings were damaged, according to %s. "+
			"Report number %d from outlet %d said the %s was the %s in %s this %s.",
			kind, place, ev%28+1, who, 2+j%40, 1+j%12, other, j, j%50, kind, benchWords[j%10], place, benchWords[(j/10)%10])
		enc.Encode(map[string]string{
			"url":       fmt.Sprintf("https://outlet%d.example/%d", j%50, j),
			"outlet":    fmt.Sprintf("Outlet %d", j%50),
			"title":     fmt.Sprintf("%s in %s (%d)", kind, place, j),
			"published": benchDay.Add(time.Duration(j) * time.Minute).Format(time.RFC3339),
			"text":      text,
		})
	}
	return &buf
}
