package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"html/template"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"sitrep/internal/api"
	"sitrep/internal/api/apitest"
	"sitrep/internal/news"
	"sitrep/internal/readmodel"
	"sitrep/internal/store/sqlite"
	"sitrep/internal/web"
)

// site serves the pages and the API over the demo store, as `sitrep serve` does.
func site(t testing.TB) (*httptest.Server, *readmodel.Catalog) {
	t.Helper()
	s := apitest.DemoStore(t)
	cat := readmodel.NewCatalog(s, 0)
	pages, err := web.New(cat, nil)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", api.New(cat, api.Options{}))
	mux.Handle("/", pages)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, cat
}

// demoPages returns the path of every kind of page, with real IDs: a
// story with a ledger, a derived article with a source, an entity.
func demoPages(t testing.TB, cat *readmodel.Catalog) map[string]string {
	t.Helper()
	ctx := context.Background()
	page, err := cat.Stories(ctx, readmodel.StoryFilter{}, "", 100)
	groups := page.Groups
	if err != nil || len(groups) == 0 {
		t.Fatalf("groups: %v", err)
	}
	story := ""
	for _, g := range groups {
		d, _, err := readmodel.StoryDetailOf(ctx, cat, g.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Ledger.Measures) > 0 {
			story = g.ID
			break
		}
	}
	if story == "" {
		t.Fatal("no story of the demo corpus has a ledger")
	}
	copies, _, err := cat.List(ctx, readmodel.Filter{Provenance: "partial_copy"}, "", 1)
	if err != nil || len(copies) == 0 {
		t.Fatalf("no partial copy in the demo corpus: %v", err)
	}
	ents, err := cat.Lister().Entities(ctx, "PER", 1)
	if err != nil || len(ents) == 0 {
		t.Fatalf("entities: %v", err)
	}
	measures, err := cat.Measures(ctx, news.MeasureCursor{}, 1)
	if err != nil || len(measures.Measures) == 0 {
		t.Fatalf("measures: %v", err)
	}
	threads, err := cat.Threads(ctx, news.ThreadCursor{}, 1)
	if err != nil || len(threads.Threads) == 0 {
		t.Fatalf("threads: %v", err)
	}
	return map[string]string{
		"threads":  "/threads",
		"thread":   "/threads/" + threads.Threads[0].ID,
		"overview": "/",
		"story":    "/stories/" + url.PathEscape(story),
		"article":  "/articles/" + copies[0].ID,
		"entities": "/entities",
		"entity":   "/entities/" + url.PathEscape(ents[0].Entity),
		"families": "/families",
		"search":   "/search?q=troops",
		"measures": "/measures",
		"measure":  "/measures/" + measures.Measures[0].ID,
		"events":   "/events",
	}
}

// TestPages renders each page and checks its key elements.
func TestPages(t *testing.T) {
	srv, cat := site(t)
	paths := demoPages(t, cat)
	spun, _, err := cat.List(context.Background(), readmodel.Filter{Provenance: "spun"}, "", 1)
	if err != nil || len(spun) == 0 {
		t.Fatalf("no spun article in the demo corpus: %v", err)
	}
	paths["spun"] = "/articles/" + spun[0].ID
	want := map[string][]string{
		"spun":     {`<mark class="sub"`, `class="badge prov-spun"`, `Substituted: `},
		"overview": {`<ol class="groups"`, `independent origin`, `href="/stories/`},
		"events":   {`<table class="events">`, `<svg class="chart timeline-chart"`, `Actor 1`, `Fatalities`, `href="/articles/`},
		"story":    {`independent origin`, `<svg class="chart"`, `class="point"`, `Figures ledger`, `#fig-`, ` independent origin`, `<table class="values`, `<table class="events">`, `class="badge prov-`, `<h2 id="h-actors">`, `class="measure-link" href="/measures/`, `part of <a href="/threads/`},
		"measures": {`<table class="measures">`, `href="/measures/`},
		"threads":  {`<table class="threads">`, `href="/threads/`},
		"thread":   {`<h2 id="h-stories">`, `href="/stories/`, `<ul class="history">`, `started by`},
		"measure":  {`<svg class="chart"`, `class="point"`, `Values over time`, `href="/articles/`, `href="/stories/`, `#fig-`, `<table class="values`},
		"article":  {`class="text" id="text"`, `<mark class="fig"`, `id="fig-0"`, `class="ent `, `<mark class="time"`, `class="claim"`, `<table class="aligned">`, `class="badge prov-partial_copy"`, `<span class="genre" title="`},
		"entities": {`<table class="entities">`, `href="/entities/`},
		"entity":   {`<h2 id="h-al">Aliases</h2>`, `class="chips aliases"`, `<ol class="mentions">`, `<h2 id="h-roles">Roles over time</h2>`, `<svg class="graph"`, `<circle class="node"`},
		"families": {`independent families`, `class="badge prov-original"`},
		"search":   {`<ol class="results"`, `href="/articles/`},
	}
	for name, p := range paths {
		t.Run(name, func(t *testing.T) {
			resp, err := http.Get(srv.URL + p)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Fatalf("GET %s: %d", p, resp.StatusCode)
			}
			if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
				t.Errorf("CSP %q", csp)
			}
			for _, w := range want[name] {
				if !strings.Contains(string(body), w) {
					t.Errorf("GET %s: no %q", p, w)
				}
			}
			if strings.Contains(string(body), "http://") && strings.Contains(string(body), "<script src=\"http") {
				t.Errorf("GET %s loads a script from elsewhere", p)
			}
		})
	}
}

// TestErrorsAndAssets checks the not-found pages and the embedded assets.
func TestErrorsAndAssets(t *testing.T) {
	srv, _ := site(t)
	cases := []struct {
		path, contains string
		status         int
	}{
		{"/articles/0000000000000000", "Not found", 404},
		{"/entities/per:nobody", "Not found", 404},
		{"/stories/none", "Not found", 404},
		{"/no/such/page", "no page", 404},
		{"/entities?type=ALIEN", "not an entity type", 400},
		{"/threads?after=x", "want ARTICLES:ID", 400},
		{"/measures?after=3:", "want ARTICLES:ID", 400},
		{"/static/style.css", "--accent", 200},
		{"/static/app.js", "data-d", 200},
		{"/static/", "no file", 404}, // never a directory listing
		{"/static/nosuch.css", "no file", 404},
		{"/search", "every word must appear", 200},
	}
	for _, c := range cases {
		resp, err := http.Get(srv.URL + c.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status || !strings.Contains(string(body), c.contains) {
			t.Errorf("GET %s: %d, want %d with %q", c.path, resp.StatusCode, c.status, c.contains)
		}
	}
}

// brokenStore fails every full-article read with a cause the reader of
// the page must not see.
type brokenStore struct{ *sqlite.Store }

func (brokenStore) Article(context.Context, string) (*news.Article, error) {
	return nil, errors.New("read page 42 of sitrep.db: disk on fire")
}

// TestInternalErrorIsLogged checks that a 500 page shows a generic message
// and that its cause reaches the logger.
func TestInternalErrorIsLogged(t *testing.T) {
	var logs bytes.Buffer
	pages, err := web.New(readmodel.NewCatalog(brokenStore{apitest.DemoStore(t)}, 0), slog.New(slog.NewJSONHandler(&logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	pages.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/articles/0123456789abcdef", nil))
	if rec.Code != http.StatusInternalServerError || strings.Contains(rec.Body.String(), "disk on fire") {
		t.Fatalf("status %d, body shows the cause: %v", rec.Code, strings.Contains(rec.Body.String(), "disk on fire"))
	}
	var got map[string]any
	if err := json.Unmarshal(logs.Bytes(), &got); err != nil {
		t.Fatalf("log %q: want one JSON record: %v", logs.String(), err)
	}
	if cause, _ := got["err"].(string); !strings.Contains(cause, "disk on fire") || got["path"] != "/articles/0123456789abcdef" {
		t.Errorf("log record %v, want the path and the cause", got)
	}
}

// TestUnsafeURLIsPlainText stores articles whose address is a
// javascript: or data: URL and checks that the article page shows it as
// text, never as a link; an https address stays a link.
func TestUnsafeURLIsPlainText(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.OpenTemp(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	arts := []*news.Article{
		{ID: "0000000000000001", URL: "javascript:alert(1)", Title: "Script address", Text: "Officials said the convoy arrived on Monday."},
		{ID: "0000000000000002", URL: "data:text/html,<b>x</b>", Title: "Data address", Text: "The ministry said two bridges were repaired."},
		{ID: "0000000000000003", URL: "https://news.example/a", Title: "Web address", Text: "The mayor said the water supply was restored."},
	}
	if _, err := s.Put(ctx, arts); err != nil {
		t.Fatal(err)
	}
	pages, err := web.New(readmodel.NewCatalog(s, 0), nil)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(pages)
	t.Cleanup(srv.Close)
	for _, a := range arts {
		resp, err := http.Get(srv.URL + "/articles/" + a.ID)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		body := string(b)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET /articles/%s: %d", a.ID, resp.StatusCode)
		}
		linked := strings.Contains(body, "original address</a>")
		if strings.HasPrefix(a.URL, "https:") {
			if !linked || !strings.Contains(body, `href="https://news.example/a"`) {
				t.Errorf("%s: the https address is not a link", a.URL)
			}
			continue
		}
		if linked || strings.Contains(body, "ZgotmplZ") || strings.Contains(body, `href="javascript`) || strings.Contains(body, `href="data`) {
			t.Errorf("%s is shown as a link", a.URL)
		}
		if !strings.Contains(body, template.HTMLEscapeString(a.URL)) {
			t.Errorf("%s is not shown as text", a.URL)
		}
	}
}
