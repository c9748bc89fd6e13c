package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"sitrep/internal/api"
	"sitrep/internal/api/apitest"
	"sitrep/internal/news"
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
func BenchmarkLargeStore(b *testing.B) {
	ctx := context.Background()
	s := apitest.DemoStore(b)
	const n, batch = 20000, 1000
	start := time.Now()
	day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	words := []string{"troops", "ceasefire", "talks", "border", "shelling", "aid", "convoy", "minister", "port", "harvest"}
	for i := 0; i < n; i += batch {
		arts := make([]*news.Article, 0, batch)
		for j := i; j < i+batch; j++ {
			text := fmt.Sprintf("Report %d: %s near the %s, officials said on day %d.", j, words[j%10], words[(j/10)%10], j%365)
			arts = append(arts, &news.Article{ID: fmt.Sprintf("syn%06d", j), URL: fmt.Sprintf("https://outlet%d.example/%d", j%50, j),
				Outlet: fmt.Sprintf("Outlet %d", j%50), Title: fmt.Sprintf("Synthetic report %d", j), Text: text,
				Published: day.Add(time.Duration(j) * time.Minute)})
		}
		if _, err := s.Put(ctx, arts); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("put %d articles in %v", n, time.Since(start))
	cat := api.NewCatalog(s, time.Hour)
	pages, err := web.New(cat)
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
	paths := []string{
		"/", "/api/v1/stories", "/api/v1/articles", "/api/v1/articles?provenance=copy",
		"/articles/syn010000", "/api/v1/articles/syn010000",
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
