package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"sitrep/internal/api"
	"sitrep/internal/api/apitest"
	"sitrep/internal/ingest"
	"sitrep/internal/news"
	"sitrep/internal/readmodel"
	"sitrep/internal/source"
	"sitrep/internal/store/sqlite"
)

const token = "s3cret-token"

// newServer serves the API over the demo store, ingest enabled with token.
func newServer(t *testing.T) (*httptest.Server, *sqlite.Store) {
	t.Helper()
	s := apitest.DemoStore(t)
	ing := func(ctx context.Context, read source.Seq) (ingest.Summary, error) {
		sum, err := ingest.Run(ctx, read, s, ingest.Options{})
		if err != nil {
			return sum, err
		}
		return sum, apitest.Link(ctx, s)
	}
	srv := httptest.NewServer(api.New(readmodel.NewCatalog(s, time.Minute), api.Options{Token: token, Ingest: ing, MaxBody: 64 << 10}))
	t.Cleanup(srv.Close)
	return srv, s
}

func getJSON(t *testing.T, u string, v any) int {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("GET %s: content type %q", u, ct)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	return resp.StatusCode
}

// doc is the part of the OpenAPI document the test reads.
type doc struct {
	Paths      map[string]map[string]operation `json:"paths"`
	Components struct {
		Schemas map[string]schema `json:"schemas"`
	} `json:"components"`
}

type operation struct {
	Parameters []struct {
		Name     string `json:"name"`
		In       string `json:"in"`
		Required bool   `json:"required"`
	} `json:"parameters"`
	Responses map[string]struct {
		Ref     string `json:"$ref"`
		Content map[string]struct {
			Schema schema `json:"schema"`
		} `json:"content"`
	} `json:"responses"`
}

type schema struct {
	Ref      string   `json:"$ref"`
	Required []string `json:"required"`
}

func (d *doc) resolve(s schema) schema {
	for s.Ref != "" {
		s = d.Components.Schemas[strings.TrimPrefix(s.Ref, "#/components/schemas/")]
	}
	return s
}

// TestOpenAPIMatchesResponses calls every documented GET path with real
// IDs from the demo store and checks the documented 200 status and the
// top-level required fields of the documented schema.
func TestOpenAPIMatchesResponses(t *testing.T) {
	srv, _ := newServer(t)
	var d doc
	if err := json.Unmarshal(api.OpenAPI, &d); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	var arts api.ArticlePage
	getJSON(t, srv.URL+"/api/v1/articles?limit=1", &arts)
	var ents readmodel.EntityPage
	getJSON(t, srv.URL+"/api/v1/entities?limit=1", &ents)
	var stories readmodel.GroupPage
	getJSON(t, srv.URL+"/api/v1/stories", &stories)
	var measures readmodel.MeasureList
	getJSON(t, srv.URL+"/api/v1/measures?limit=1", &measures)
	var threads readmodel.ThreadList
	getJSON(t, srv.URL+"/api/v1/threads?limit=1", &threads)
	if len(arts.Articles) == 0 || len(ents.Entities) == 0 || len(stories.Groups) == 0 || len(measures.Measures) == 0 || len(threads.Threads) == 0 {
		t.Fatalf("demo store: %d articles, %d entities, %d stories, %d measures", len(arts.Articles), len(ents.Entities), len(stories.Groups), len(measures.Measures))
	}
	ids := map[string]string{
		"/articles/{id}": arts.Articles[0].ID,
		"/entities/{id}": ents.Entities[0].Entity,
		"/stories/{id}":  stories.Groups[0].ID,
		"/measures/{id}": measures.Measures[0].ID,
		"/threads/{id}":  threads.Threads[0].ID,
	}
	required := map[string]string{"q": "troops"}
	checked := 0
	for path, ops := range d.Paths {
		op, ok := ops["get"]
		if !ok {
			continue
		}
		t.Run(path, func(t *testing.T) {
			p := path
			if id, ok := ids[path]; ok {
				p = strings.Replace(path, "{id}", url.PathEscape(id), 1)
			} else if strings.Contains(path, "{") {
				t.Fatalf("no ID to test %s with", path)
			}
			q := url.Values{}
			for _, prm := range op.Parameters {
				if prm.In == "query" && prm.Required {
					q.Set(prm.Name, required[prm.Name])
				}
			}
			u := srv.URL + "/api/v1" + p
			if len(q) > 0 {
				u += "?" + q.Encode()
			}
			var body map[string]json.RawMessage
			status := getJSON(t, u, &body)
			resp, ok := op.Responses[fmt.Sprint(status)]
			if !ok || status != http.StatusOK {
				t.Fatalf("GET %s: status %d, documented: %v", u, status, keys(op.Responses))
			}
			sch := d.resolve(resp.Content["application/json"].Schema)
			if len(sch.Required) == 0 {
				t.Fatalf("%s: the 200 schema names no required fields", path)
			}
			for _, f := range sch.Required {
				if _, ok := body[f]; !ok {
					t.Errorf("GET %s: response lacks %q (has %v)", u, f, keys(body))
				}
			}
		})
		checked++
	}
	if checked < 11 {
		t.Errorf("checked %d GET paths, want every one of at least 11", checked)
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestErrors checks that bad requests get the JSON envelope with the
// status the OpenAPI document lists for them.
func TestErrors(t *testing.T) {
	srv, _ := newServer(t)
	var d doc
	if err := json.Unmarshal(api.OpenAPI, &d); err != nil {
		t.Fatal(err)
	}
	good := `{"url": "https://example.org/a", "title": "Aid convoy reaches Velgrad", "outlet": "Example", "published": "2031-03-16T10:00:00Z", "text": "An aid convoy of 40 trucks reached Velgrad on Sunday, the UN said.\n\nOfficials said more convoys would follow this week."}`
	cases := []struct {
		name, method, path, body, ctype, auth string
		status                                int
		code                                  string
		doc                                   string // OpenAPI path checked for the status
	}{
		{"unknown article", "GET", "/api/v1/articles/0000000000000000", "", "", "", 404, "not_found", "/articles/{id}"},
		{"unknown entity", "GET", "/api/v1/entities/per:nobody-at-all", "", "", "", 404, "not_found", "/entities/{id}"},
		{"unknown story", "GET", "/api/v1/stories/nope", "", "", "", 404, "not_found", "/stories/{id}"},
		{"unknown measure", "GET", "/api/v1/measures/nope", "", "", "", 404, "not_found", "/measures/{id}"},
		{"bad measure cursor", "GET", "/api/v1/measures?cursor=bm9wZQ", "", "", "", 400, "bad_request", "/measures"},
		{"unknown thread", "GET", "/api/v1/threads/nope", "", "", "", 404, "not_found", "/threads/{id}"},
		{"bad thread cursor", "GET", "/api/v1/threads?cursor=bm9wZQ", "", "", "", 400, "bad_request", "/threads"},
		{"bad limit", "GET", "/api/v1/articles?limit=-3", "", "", "", 400, "bad_request", "/articles"},
		{"bad provenance", "GET", "/api/v1/articles?provenance=forged", "", "", "", 400, "bad_request", "/articles"},
		{"bad date", "GET", "/api/v1/articles?from=March", "", "", "", 400, "bad_request", "/articles"},
		{"bad cursor", "GET", "/api/v1/articles?cursor=!!!", "", "", "", 400, "bad_request", "/articles"},
		{"unknown cursor", "GET", "/api/v1/articles?cursor=bm9wZQ", "", "", "", 400, "bad_request", "/articles"},
		{"query too long", "GET", "/api/v1/articles?outlet=" + strings.Repeat("x", 3000), "", "", "", 414, "query_too_long", "/articles"},
		{"empty search", "GET", "/api/v1/search?q=", "", "", "", 400, "bad_request", "/search"},
		{"bad entity type", "GET", "/api/v1/entities?type=ALIEN", "", "", "", 400, "bad_request", "/entities"},
		{"bad figure date", "GET", "/api/v1/figures?from=yesterday", "", "", "", 400, "bad_request", "/figures"},
		{"no token", "POST", "/api/v1/articles", good, "application/x-ndjson", "", 401, "unauthorized", "/articles"},
		{"wrong token", "POST", "/api/v1/articles", good, "application/x-ndjson", "Bearer s3cret-tokeN", 401, "unauthorized", "/articles"},
		{"wrong media type", "POST", "/api/v1/articles", good, "text/plain", "Bearer " + token, 415, "unsupported_media_type", "/articles"},
		{"malformed body", "POST", "/api/v1/articles", `{"url": "x", "text": `, "application/x-ndjson", "Bearer " + token, 400, "bad_request", "/articles"},
		{"empty body", "POST", "/api/v1/articles", "\n\n", "application/x-ndjson", "Bearer " + token, 400, "bad_request", "/articles"},
		{"oversized body", "POST", "/api/v1/articles", strings.Repeat(good+"\n", 400), "application/x-ndjson", "Bearer " + token, 413, "too_large", "/articles"},
		{"good ingest", "POST", "/api/v1/articles", good, "application/x-ndjson", "Bearer " + token, 201, "", "/articles"},
		{"wrong method", "DELETE", "/api/v1/articles", "", "", "", 405, "method_not_allowed", ""},
		{"unknown path", "GET", "/api/v1/nothing", "", "", "", 404, "not_found", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req, _ := http.NewRequest(c.method, srv.URL+c.path, strings.NewReader(c.body))
			if c.ctype != "" {
				req.Header.Set("Content-Type", c.ctype)
			}
			if c.auth != "" {
				req.Header.Set("Authorization", c.auth)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			raw, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != c.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, c.status, raw)
			}
			if c.doc != "" {
				if _, ok := d.Paths[c.doc][strings.ToLower(c.method)].Responses[fmt.Sprint(c.status)]; !ok {
					t.Errorf("%s %s: status %d is not in the OpenAPI document", c.method, c.doc, c.status)
				}
			}
			if c.code == "" {
				var ok api.IngestResponse
				if err := json.Unmarshal(raw, &ok); err != nil || ok.Summary.Stored != 1 {
					t.Fatalf("ingest response %s (%v)", raw, err)
				}
				return
			}
			var env api.ErrorBody
			dec := json.NewDecoder(strings.NewReader(string(raw)))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&env); err != nil {
				t.Fatalf("not the error envelope: %s", raw)
			}
			if env.Error.Code != c.code || env.Error.Message == "" {
				t.Errorf("envelope %+v, want code %q and a message", env.Error, c.code)
			}
		})
	}
}

// TestIngestOffWithoutToken checks that POST is refused when no token is set.
func TestIngestOffWithoutToken(t *testing.T) {
	s := apitest.DemoStore(t)
	srv := httptest.NewServer(api.New(readmodel.NewCatalog(s, 0), api.Options{}))
	defer srv.Close()
	req, _ := http.NewRequest("POST", srv.URL+"/api/v1/articles", strings.NewReader(`{"text":"x"}`))
	req.Header.Set("Content-Type", "application/x-ndjson")
	req.Header.Set("Authorization", "Bearer ")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("status %d, want 403", resp.StatusCode)
	}
}

// TestPaginationAndFilters pages through every article with a small
// limit and checks the filters against the unfiltered list.
func TestPaginationAndFilters(t *testing.T) {
	srv, s := newServer(t)
	n, err := s.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var all []readmodel.Entry
	seen := map[string]bool{}
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > n {
			t.Fatal("pagination does not end")
		}
		var p api.ArticlePage
		getJSON(t, srv.URL+"/api/v1/articles?limit=4&cursor="+cursor, &p)
		for _, e := range p.Articles {
			if seen[e.ID] {
				t.Fatalf("article %s on two pages", e.ID)
			}
			seen[e.ID] = true
		}
		all = append(all, p.Articles...)
		if p.NextCursor == "" {
			break
		}
		if len(p.Articles) != 4 {
			t.Fatalf("a non-final page of %d", len(p.Articles))
		}
		cursor = p.NextCursor
	}
	if len(all) != n {
		t.Fatalf("paged %d articles, store has %d", len(all), n)
	}
	count := func(keep func(readmodel.Entry) bool) int {
		k := 0
		for _, e := range all {
			if keep(e) {
				k++
			}
		}
		return k
	}
	outlet := all[0].Outlet
	var story string
	for _, e := range all {
		if e.Story != "" {
			story = e.Story
			break
		}
	}
	tests := []struct {
		query string
		keep  func(readmodel.Entry) bool
	}{
		{"provenance=original", func(e readmodel.Entry) bool { return e.Provenance == "original" }},
		{"provenance=copy", func(e readmodel.Entry) bool { return e.Provenance == "copy" }},
		{"outlet=" + url.QueryEscape(outlet), func(e readmodel.Entry) bool { return e.Outlet == outlet }},
		{"from=2031-03-12&to=2031-03-13", func(e readmodel.Entry) bool {
			d := e.Published.UTC().Format("2006-01-02")
			return !e.Published.IsZero() && d >= "2031-03-12" && d <= "2031-03-13"
		}},
		{"story=" + url.QueryEscape(story), func(e readmodel.Entry) bool { return e.Story == story }},
	}
	for _, tc := range tests {
		var p api.ArticlePage
		getJSON(t, srv.URL+"/api/v1/articles?limit=500&"+tc.query, &p)
		want := count(tc.keep)
		if len(p.Articles) != want || want == 0 {
			t.Errorf("%s: %d articles, want %d (and more than 0)", tc.query, len(p.Articles), want)
		}
		for _, e := range p.Articles {
			if !tc.keep(e) {
				t.Errorf("%s: article %s does not match", tc.query, e.ID)
			}
		}
	}
}

// TestArticleHasLayersAndSource checks one derived article carries its
// layers and its source.
// TestMeasuresPaging pages through every measure two at a time: each
// once, in the listing's order, and each page within the limit.
func TestMeasuresPaging(t *testing.T) {
	srv, _ := newServer(t)
	var all readmodel.MeasureList
	getJSON(t, srv.URL+"/api/v1/measures?limit=500", &all)
	if len(all.Measures) < 3 || all.NextCursor != "" {
		t.Fatalf("%d measures in one page (next %q), want at least 3 and no next page", len(all.Measures), all.NextCursor)
	}
	var got []string
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > len(all.Measures) {
			t.Fatal("pagination does not end")
		}
		var p readmodel.MeasureList
		getJSON(t, srv.URL+"/api/v1/measures?limit=2&cursor="+cursor, &p)
		if len(p.Measures) > 2 {
			t.Fatalf("page of %d measures, limit 2", len(p.Measures))
		}
		for _, m := range p.Measures {
			got = append(got, m.ID)
		}
		if p.NextCursor == "" {
			break
		}
		cursor = p.NextCursor
	}
	if len(got) != len(all.Measures) {
		t.Fatalf("paged %d measures, want %d", len(got), len(all.Measures))
	}
	for i, m := range all.Measures {
		if got[i] != m.ID {
			t.Fatalf("measure %d is %s paged, %s in one page", i, got[i], m.ID)
		}
	}
	var d readmodel.MeasureDetail
	getJSON(t, srv.URL+"/api/v1/measures/"+all.Measures[0].ID, &d)
	if d.Measure.ID != all.Measures[0].ID || len(d.Ledger.Figures) == 0 || len(d.Ledger.Figures) > d.Measure.Figures {
		t.Errorf("measure %s: %d ledger rows for %d figures", d.Measure.ID, len(d.Ledger.Figures), d.Measure.Figures)
	}
}

func TestArticleHasLayersAndSource(t *testing.T) {
	srv, _ := newServer(t)
	var p api.ArticlePage
	getJSON(t, srv.URL+"/api/v1/articles?provenance=copy", &p)
	if len(p.Articles) == 0 {
		t.Fatal("the demo corpus has a copy")
	}
	var r struct {
		Article map[string]json.RawMessage `json:"article"`
		Source  map[string]json.RawMessage `json:"source"`
	}
	getJSON(t, srv.URL+"/api/v1/articles/"+p.Articles[0].ID, &r)
	for _, f := range []string{"text", "sentences", "entities", "quantities", "provenance"} {
		if _, ok := r.Article[f]; !ok {
			t.Errorf("article lacks %s", f)
		}
	}
	if r.Source == nil {
		t.Error("a copy's response lacks its source")
	}
}

// brokenStore fails every full-article read with a cause the client
// must not see.
type brokenStore struct{ *sqlite.Store }

var errDiskOnFire = errors.New("read page 42 of sitrep.db: disk on fire")

func (brokenStore) Article(context.Context, string) (*news.Article, error) { return nil, errDiskOnFire }

// TestInternalErrorIsLoggedNotShown checks that a 500 tells the client
// only "internal error" and that its cause reaches the logger.
func TestInternalErrorIsLoggedNotShown(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, nil))
	srv := httptest.NewServer(api.New(readmodel.NewCatalog(brokenStore{apitest.DemoStore(t)}, 0), api.Options{Logger: logger}))
	defer srv.Close()

	var body api.ErrorBody
	if code := getJSON(t, srv.URL+"/api/v1/articles/0123456789abcdef", &body); code != http.StatusInternalServerError {
		t.Fatalf("status %d, want 500", code)
	}
	if body.Error.Code != "internal" || body.Error.Message != "internal error" {
		t.Errorf("error body %+v, want the generic internal error", body.Error)
	}
	var rec map[string]any
	if err := json.Unmarshal(logs.Bytes(), &rec); err != nil {
		t.Fatalf("log %q: want one JSON record: %v", logs.String(), err)
	}
	if cause, _ := rec["err"].(string); !strings.Contains(cause, "disk on fire") || rec["level"] != "ERROR" || rec["path"] != "/api/v1/articles/0123456789abcdef" {
		t.Errorf("log record %v, want level ERROR, the path and the cause", rec)
	}

	// A client error is the client's to read, not the log's.
	logs.Reset()
	var bad api.ErrorBody
	if code := getJSON(t, srv.URL+"/api/v1/articles?limit=0", &bad); code != http.StatusBadRequest {
		t.Fatalf("limit=0: status %d, want 400", code)
	}
	if logs.Len() != 0 {
		t.Errorf("a 400 was logged: %s", logs.String())
	}
}
