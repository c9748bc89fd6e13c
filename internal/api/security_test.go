package api_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitrep/internal/api"
	"sitrep/internal/api/apitest"
	"sitrep/internal/ingest"
	"sitrep/internal/readmodel"
	"sitrep/internal/source"
	"sitrep/internal/store"
	"sitrep/internal/store/sqlite"
)

// TestStalledBodyIs408 sends a POST whose body stops arriving and checks
// that the server's read timeout answers 408 with the error envelope,
// not 500. The timeout is short here; `sitrep serve` sets 30 s.
func TestStalledBodyIs408(t *testing.T) {
	s := apitest.DemoStore(t)
	ing := func(ctx context.Context, read source.Seq) (ingest.Summary, error) {
		return ingest.Run(ctx, read, s, ingest.Options{})
	}
	srv := httptest.NewUnstartedServer(api.New(readmodel.NewCatalog(s, 0), api.Options{Token: token, Ingest: ing}))
	srv.Config.ReadTimeout = 300 * time.Millisecond
	srv.Start()
	t.Cleanup(srv.Close)

	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	part := `{"url":"https://example.org/a","text":"The`
	fmt.Fprintf(conn, "POST /api/v1/articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n"+
		"Content-Type: application/x-ndjson\r\nContent-Length: 1000\r\n\r\n%s", token, part)
	// The rest of the body never comes.
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no response to a stalled body: %v", err)
	}
	defer resp.Body.Close()
	var body api.ErrorBody
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatalf("408 body: %v", err)
	}
	if resp.StatusCode != http.StatusRequestTimeout || body.Error.Code != "timeout" {
		t.Errorf("stalled body: %d %q, want 408 timeout", resp.StatusCode, body.Error.Code)
	}
}

// TestNoServerPaths ingests a file from a directory of the server and
// checks that no API response names that directory: the article, the
// lists, search, stories and entities.
func TestNoServerPaths(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.OpenTemp(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	dir := filepath.Join(t.TempDir(), "secret-server-dir")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "report.txt")
	text := "Kyiv officials said on Monday that 12 drones were shot down over the city.\n"
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Run(ctx, source.Files(ctx, []string{file}, source.Options{}), s, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := apitest.Link(ctx, s); err != nil {
		t.Fatal(err)
	}
	all, err := s.ArticleEntries(ctx, store.EntryFilter{})
	if err != nil || len(all) != 1 || !strings.Contains(all[0].Path, "secret-server-dir") {
		t.Fatalf("the store should keep the path for the CLI: %v %+v", err, all)
	}
	id := all[0].ID
	srv := httptest.NewServer(api.New(readmodel.NewCatalog(s, 0), api.Options{}))
	t.Cleanup(srv.Close)
	var ents struct {
		Entities []struct {
			Entity string `json:"entity"`
		} `json:"entities"`
	}
	if getJSON(t, srv.URL+"/api/v1/entities", &ents); len(ents.Entities) == 0 {
		t.Fatal("no entity in the article")
	}
	for _, p := range []string{
		"/api/v1/entities/" + url.PathEscape(ents.Entities[0].Entity),
		"/api/v1/articles", "/api/v1/articles/" + id, "/api/v1/search?q=drones", "/api/v1/stories",
		"/api/v1/stories/" + id, "/api/v1/families", "/api/v1/figures", "/api/v1/events", "/api/v1/entities",
	} {
		resp, err := http.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: %d %s", p, resp.StatusCode, b)
		}
		if strings.Contains(string(b), "secret-server-dir") || strings.Contains(string(b), `"path"`) {
			t.Errorf("GET %s shows a server path: %.300s", p, b)
		}
	}
}
