package api_test

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"sitrep/internal/api"
	"sitrep/internal/api/apitest"
	"sitrep/internal/readmodel"
)

// documentedParams returns the query parameters the OpenAPI document
// lists for each GET path (references resolved), under /api/v1.
func documentedParams(t *testing.T) map[string][]string {
	t.Helper()
	var d struct {
		Paths map[string]map[string]struct {
			Parameters []struct {
				Ref  string `json:"$ref"`
				Name string `json:"name"`
				In   string `json:"in"`
			} `json:"parameters"`
		} `json:"paths"`
		Components struct {
			Parameters map[string]struct {
				Name string `json:"name"`
				In   string `json:"in"`
			} `json:"parameters"`
		} `json:"components"`
	}
	if err := json.Unmarshal(api.OpenAPI, &d); err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for path, ops := range d.Paths {
		op, ok := ops["get"]
		if !ok {
			continue
		}
		names := []string{}
		for _, p := range op.Parameters {
			name, in := p.Name, p.In
			if p.Ref != "" {
				c, ok := d.Components.Parameters[strings.TrimPrefix(p.Ref, "#/components/parameters/")]
				if !ok {
					t.Fatalf("%s: parameter %s is not in components", path, p.Ref)
				}
				name, in = c.Name, c.In
			}
			if in == "query" {
				names = append(names, name)
			}
		}
		slices.Sort(names)
		out["/api/v1"+path] = names
	}
	return out
}

// TestOpenAPIParameters checks the document against the handlers: every
// GET path documents exactly the query parameters its handler accepts
// (api.QueryParams), every parameter name the handlers read is one of
// them, and an undocumented parameter is refused.
func TestOpenAPIParameters(t *testing.T) {
	doc := documentedParams(t)
	for path, names := range doc {
		want := append([]string(nil), api.QueryParams[path]...)
		slices.Sort(want)
		if !slices.Equal(names, want) && !(len(names) == 0 && len(want) == 0) {
			t.Errorf("%s: documented %v, the handler takes %v", path, names, want)
		}
	}
	for path := range api.QueryParams {
		if _, ok := doc[path]; !ok {
			t.Errorf("%s takes parameters but is not documented", path)
		}
	}
	// Every literal name the handlers read with Query().Get must be a
	// parameter of some route.
	accepted := map[string]bool{}
	for _, ps := range api.QueryParams {
		for _, p := range ps {
			accepted[p] = true
		}
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := gotoken.NewFileSet()
	read := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			lit, isLit := call.Args[0].(*ast.BasicLit)
			if !ok || sel.Sel.Name != "Get" || !isLit || lit.Kind != gotoken.STRING {
				return true
			}
			name, _ := strconv.Unquote(lit.Value)
			if name == "Authorization" || name == "Content-Type" || name == "id" {
				return true
			}
			read++
			if !accepted[name] {
				t.Errorf("%s reads query parameter %q, which no route accepts or documents", fset.Position(call.Pos()), name)
			}
			return true
		})
	}
	if read < 10 {
		t.Errorf("found %d query reads in the handlers; the scan is broken", read)
	}
	srv, _ := newServer(t)
	for path := range api.QueryParams {
		resp, err := http.Get(srv.URL + path + "?limt=3")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("GET %s?limt=3: status %d, want 400", path, resp.StatusCode)
		}
	}
}

// list is how the walk reads one listing: the field holding its rows
// and a row's key.
type list struct {
	field string
	key   func(map[string]any) string
}

func field(name string) func(map[string]any) string {
	return func(r map[string]any) string { return fmt.Sprint(r[name]) }
}

func spanKey(r map[string]any) string {
	return fmt.Sprint(r["article"], "@", r["start"], "-", r["end"], "/", r["type"], r["measure"])
}

var lists = map[string]list{
	"/api/v1/articles": {"articles", field("id")},
	"/api/v1/entities": {"entities", field("entity")},
	"/api/v1/families": {"families", field("first")},
	"/api/v1/search":   {"articles", field("id")},
	"/api/v1/stories":  {"stories", field("id")},
	"/api/v1/figures":  {"figures", spanKey},
	"/api/v1/events":   {"events", spanKey},
}

// walkAPI pages every listing of the API at base, unfiltered and with
// each of its filters set to a value the store holds, through every
// cursor to the end, and checks each walk: pages of exactly limit rows
// but the last, no row twice, the total (where given) equal to the rows
// walked, and the same rows in the same order as one page of MaxLimit.
func walkAPI(t *testing.T, base string) {
	get := func(u string) (map[string]any, int) {
		t.Helper()
		resp, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
			t.Fatalf("GET %s: %v", u, err)
		}
		return body, resp.StatusCode
	}
	rows := func(body map[string]any, l list) []map[string]any {
		raw, _ := body[l.field].([]any)
		out := make([]map[string]any, len(raw))
		for i, r := range raw {
			out[i], _ = r.(map[string]any)
		}
		return out
	}
	// Filter values the store holds, read from unfiltered pages.
	first := func(path, fld string, pick func(map[string]any) string) string {
		body, _ := get(base + path + "?limit=" + strconv.Itoa(api.MaxLimit))
		for _, r := range rows(body, list{field: fld}) {
			if v := pick(r); v != "" && v != "<nil>" {
				return v
			}
		}
		return ""
	}
	str := func(name string) func(map[string]any) string {
		return func(r map[string]any) string { s, _ := r[name].(string); return s }
	}
	day := func(r map[string]any) string {
		s, _ := r["published"].(string)
		if len(s) < 10 {
			return ""
		}
		return s[:10]
	}
	outlet := first("/api/v1/articles", "articles", str("outlet"))
	story := first("/api/v1/articles", "articles", str("story"))
	kind := first("/api/v1/articles", "articles", func(r map[string]any) string {
		if k, _ := r["provenance"].(string); k != "" && k != "original" {
			return k
		}
		return ""
	})
	genre := first("/api/v1/articles", "articles", str("genre"))
	someDay := first("/api/v1/articles", "articles", day)
	entity := first("/api/v1/entities", "entities", str("canonical"))
	measure := first("/api/v1/figures", "figures", str("measure"))
	speaker := first("/api/v1/figures", "figures", str("speaker"))
	evType := first("/api/v1/events", "events", str("type"))
	place := first("/api/v1/events", "events", str("place"))
	actor := first("/api/v1/events", "events", func(r map[string]any) string {
		a, _ := r["actors"].([]any)
		if len(a) > 0 {
			return fmt.Sprint(a[0])
		}
		return ""
	})
	word := strings.Fields(first("/api/v1/articles", "articles", str("title")) + " war")[0]
	values := map[string][]string{
		"outlet": {outlet}, "story": {story}, "provenance": {kind}, "genre": {genre}, "entity": {entity},
		"from": {someDay}, "to": {someDay}, "type": {"PER", evType}, "sort": {"recent", "size", "sources"},
		"measure": {measure}, "speaker": {speaker}, "actor": {actor}, "place": {place}, "q": {word, entity},
	}
	for path, l := range lists {
		filters := []url.Values{{}}
		for _, p := range api.QueryParams[path] {
			for _, v := range values[p] {
				if v == "" || (p == "type" && (path == "/api/v1/entities") != (v == "PER")) ||
					(p == "sort" && v == "sources" && path != "/api/v1/stories") {
					continue
				}
				filters = append(filters, url.Values{p: {v}})
			}
		}
		for _, f := range filters {
			if path == "/api/v1/search" && f.Get("q") == "" {
				f.Set("q", word)
			}
			name := path + "?" + f.Encode()
			t.Run(name, func(t *testing.T) {
				const limit = 7
				seen := map[string]bool{}
				var walked []string
				cursor, pages := "", 0
				var total any
				for {
					q := url.Values{}
					for k, v := range f {
						q[k] = v
					}
					q.Set("limit", strconv.Itoa(limit))
					if cursor != "" {
						q.Set("cursor", cursor)
					}
					body, status := get(base + path + "?" + q.Encode())
					if status != http.StatusOK {
						t.Fatalf("GET %s?%s: status %d: %v", path, q.Encode(), status, body["error"])
					}
					rs := rows(body, l)
					next, _ := body["next_cursor"].(string)
					if len(rs) > limit || (next != "" && len(rs) != limit) {
						t.Fatalf("page %d: %d rows with limit %d (next cursor %q)", pages, len(rs), limit, next)
					}
					for _, r := range rs {
						k := l.key(r)
						if seen[k] {
							t.Fatalf("page %d: row %s given twice", pages, k)
						}
						seen[k] = true
						walked = append(walked, k)
					}
					total = body["total"]
					pages++
					if next == "" {
						break
					}
					if pages > 2000 {
						t.Fatal("more than 2000 pages")
					}
					cursor = next
				}
				if n, ok := total.(float64); ok && int(n) != len(walked) && len(walked) < api.MaxLimit {
					t.Errorf("total %v, walked %d rows", total, len(walked))
				}
				q := url.Values{}
				for k, v := range f {
					q[k] = v
				}
				q.Set("limit", strconv.Itoa(api.MaxLimit))
				body, _ := get(base + path + "?" + q.Encode())
				var whole []string
				for _, r := range rows(body, l) {
					whole = append(whole, l.key(r))
				}
				if len(walked) <= api.MaxLimit && !slices.Equal(walked, whole) {
					t.Errorf("walked %d rows in %d pages; one page of %d has %d, in another order or other rows", len(walked), pages, api.MaxLimit, len(whole))
				}
				if f.Encode() != "" && len(walked) == 0 && f.Get("to") == "" {
					t.Errorf("a filter on a value the store holds found nothing")
				}
			})
		}
	}
}

// TestWalk walks every listing of the demo store's API.
func TestWalk(t *testing.T) {
	srv, _ := newServer(t)
	walkAPI(t, srv.URL)
}

// TestWalkWarNews walks every listing over the real news corpus, and
// checks the filters the corpus exposed as broken: a speaker or a place
// named by one spelling finds the rows of every spelling, and a search
// for either spelling of a name finds the same articles.
func TestWalkWarNews(t *testing.T) {
	s := apitest.WarNewsStore(t)
	srv := httptest.NewServer(api.New(readmodel.NewCatalog(s, time.Minute), api.Options{}))
	t.Cleanup(srv.Close)
	walkAPI(t, srv.URL)
	var a, b readmodel.SearchResult
	getJSON(t, srv.URL+"/api/v1/search?q=Zelensky&limit=1", &a)
	getJSON(t, srv.URL+"/api/v1/search?q=Zelenskyy&limit=1", &b)
	if a.Total == 0 || a.Total != b.Total {
		t.Errorf("search Zelensky: %d articles, Zelenskyy: %d", a.Total, b.Total)
	}
	var figs readmodel.FigurePage
	getJSON(t, srv.URL+"/api/v1/figures?speaker=Zelensky&limit=500", &figs)
	var evs readmodel.EventPage
	getJSON(t, srv.URL+"/api/v1/events?place=Kharkiv&limit=500", &evs)
	if len(figs.Figures) == 0 || len(evs.Events) == 0 {
		t.Errorf("speaker=Zelensky: %d figures; place=Kharkiv: %d events", len(figs.Figures), len(evs.Events))
	}
}
