package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"sitrep/internal/news"
	"sitrep/internal/source/warc/warctest"
)

// collect ranges over Files and returns every item.
func collect(t testing.TB, inputs []string, opts Options) []item {
	t.Helper()
	var items []item
	for a, err := range Files(context.Background(), inputs, opts) {
		it := item{Article: a, Err: err}
		if (it.Article == nil) == (it.Err == nil) {
			t.Errorf("item %+v: want exactly one of Article and Err", it)
		}
		if it.Err != nil && strings.ContainsAny(it.Err.Error(), "\r\n") {
			t.Errorf("multi-line error %q", it.Err)
		}
		if a := it.Article; a != nil && (len(a.Raw) == 0 || a.RawSize != len(a.Raw) || len(a.RawSHA256) != 64 || a.Format == "") {
			t.Errorf("article %s: Raw %d bytes, RawSize %d, RawSHA256 %q, Format %q", a.Source(), len(a.Raw), a.RawSize, a.RawSHA256, a.Format)
		}
		items = append(items, it)
	}
	return items
}

// summary renders items as "path format" or "ERR message" lines.
func summary(items []item) []string {
	var out []string
	for _, it := range items {
		if it.Err != nil {
			out = append(out, "ERR "+it.Err.Error())
			continue
		}
		out = append(out, it.Article.Source()+" "+string(it.Article.Format))
	}
	return out
}

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func write(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadTree(t *testing.T) {
	items := collect(t, []string{"testdata/tree"}, Options{})
	want := []string{
		"testdata/tree/a.txt text",
		"testdata/tree/b.html html",
		"testdata/tree/c.md text",
		"testdata/tree/sub/d.jsonl#1 text",
		"testdata/tree/sub/d.jsonl#2 text",
		"https://gazette.example/bridge html",
		"testdata/tree/sub/page html",
	}
	if got := summary(items); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if a := items[5].Article; a.Path != "testdata/tree/sub/e.rss#1" || a.Outlet != "Riverside Gazette" {
		t.Errorf("feed item path %q outlet %q", a.Path, a.Outlet)
	}
	if a := items[3].Article; a.Title != "Clinic opens" || a.Published.IsZero() {
		t.Errorf("jsonl metadata: %+v", a)
	}
	// The same input twice, and a hidden root named explicitly.
	items = collect(t, []string{"testdata/tree/a.txt", "testdata/tree/.hidden"}, Options{})
	if got := summary(items); len(got) != 2 || got[1] != "testdata/tree/.hidden/x.txt text" {
		t.Errorf("explicit inputs: %q", got)
	}
}

var (
	htmlPage  = []byte("<!DOCTYPE html><html><body><p>Snow closed the fictional Kestrel Pass for a day.</p></body></html>")
	textBody  = []byte("Farmers in the fictional Ardent valley began the spring sowing early.\n")
	jsonlBody = []byte(`{"url":"https://j.example/1","text":"A fictional choir toured five towns."}` + "\n" + `{"url":"https://j.example/2","html":"<p>A fictional library reopened.</p>"}` + "\n")
	rss       = []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>I</title><link>https://r.example/1</link><description>A fictional market reopened.</description></item></channel></rss>`)
	atom      = []byte(`<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>E</title><link href="https://a.example/1"/><id>1</id><updated>2024-01-01T00:00:00Z</updated><summary>A fictional tram line opened.</summary></entry></feed>`)
	xhtml     = []byte(`<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><body><p>An XHTML page about a fictional regatta.</p></body></html>`)
)

func warcFile() []byte {
	return warctest.Concat(
		warctest.Warcinfo(),
		warctest.Response("https://w.example/1", 200, "text/html", htmlPage),
		warctest.Response("https://w.example/2", 301, "text/html", nil),
		warctest.Response("https://w.example/3", 200, "text/html; charset=utf-8", htmlPage),
	)
}

func TestReadFormats(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want []string // Source() and Format of each article
	}{
		{"a.txt", textBody, []string{"a.txt text"}},
		{"a.text", textBody, []string{"a.text text"}},
		{"a.md", textBody, []string{"a.md text"}},
		{"a.html", htmlPage, []string{"a.html html"}},
		{"a.htm", htmlPage, []string{"a.htm html"}},
		{"a.xhtml", xhtml, []string{"a.xhtml html"}},
		{"a.txt.gz", gzipBytes(textBody), []string{"a.txt.gz text"}},
		{"page.HTML.GZ", gzipBytes(htmlPage), []string{"page.HTML.GZ html"}},
		{"a.jsonl", jsonlBody, []string{"https://j.example/1 text", "https://j.example/2 html"}},
		{"a.ndjson", jsonlBody, []string{"https://j.example/1 text", "https://j.example/2 html"}},
		{"x.jsonl.gz", gzipBytes(jsonlBody), []string{"https://j.example/1 text", "https://j.example/2 html"}},
		{"a.xml", rss, []string{"https://r.example/1 html"}},
		{"a.rss", rss, []string{"https://r.example/1 html"}},
		{"a.atom", atom, []string{"https://a.example/1 html"}},
		{"a.rss.gz", gzipBytes(rss), []string{"https://r.example/1 html"}},
		{"a.warc", warcFile(), []string{"https://w.example/1 html", "https://w.example/3 html"}},
		{"dump.warc.gz", warctest.Gzip(warcFile()), []string{"https://w.example/1 html", "https://w.example/3 html"}},
		// Unknown extensions are sniffed.
		{"sniff-html.dat", htmlPage, []string{"sniff-html.dat html"}},
		{"sniff-xhtml", xhtml, []string{"sniff-xhtml html"}},
		{"sniff-rss", rss, []string{"https://r.example/1 html"}},
		{"sniff-atom", atom, []string{"https://a.example/1 html"}},
		{"sniff-warc", warcFile(), []string{"https://w.example/1 html", "https://w.example/3 html"}},
		{"sniff-gz-warc", warctest.Gzip(warcFile()), []string{"https://w.example/1 html", "https://w.example/3 html"}},
		{"sniff-gz-html.bin", gzipBytes(htmlPage), []string{"sniff-gz-html.bin html"}},
		{"sniff.json", jsonlBody, []string{"https://j.example/1 text", "https://j.example/2 html"}},
		{"sniff-text", append([]byte("\xef\xbb\xbf  "), textBody...), []string{"sniff-text text"}},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, dir, tt.name, tt.data)
			items := collect(t, []string{p}, Options{})
			got := strings.Join(summary(items), "\n")
			want := strings.ReplaceAll(strings.Join(tt.want, "\n"), tt.name, p)
			if got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// wantErr is one expected error: its message contains every part, and it
// wraps news.ErrRejected when rejected is set.
type wantErr struct {
	parts    []string
	rejected bool
}

func checkErrs(t *testing.T, items []item, want []wantErr) {
	t.Helper()
	var errs []error
	for _, it := range items {
		if it.Err != nil {
			errs = append(errs, it.Err)
		}
	}
	if len(errs) != len(want) {
		t.Fatalf("errors:\n%v\nwant %d", errs, len(want))
	}
	for i, w := range want {
		for _, p := range w.parts {
			if !strings.Contains(errs[i].Error(), p) {
				t.Errorf("error %q does not contain %q", errs[i], p)
			}
		}
		if errors.Is(errs[i], news.ErrRejected) != w.rejected {
			t.Errorf("error %q: errors.Is(ErrRejected) = %v, want %v", errs[i], !w.rejected, w.rejected)
		}
	}
}

func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	good := func(name string) string { return write(t, dir, name, textBody) }
	bigHTML := append(bytes.Repeat([]byte("<p>filler</p>"), 100), htmlPage...)
	truncated := warctest.Gzip(warcFile())
	truncated = truncated[:len(truncated)-25]
	// A .warc.gz of one member per record, the first response's member
	// with a bad checksum: reported with its offset, the records after
	// it kept, whether the name or the bytes say gzip.
	info := warctest.Gzip(warctest.Warcinfo())
	bad := warctest.Gzip(warctest.Response("https://w.example/1", 200, "text/html", htmlPage))
	bad[len(bad)-8] ^= 0xff
	damaged := slices.Concat(info, bad, warctest.Gzip(warctest.Response("https://w.example/3", 200, "text/html", htmlPage)))
	damagedAt := fmt.Sprintf("rejected: damaged gzip member at offset %d skipped: gzip: invalid checksum", len(info))
	inputs := []string{
		good("00-good.txt"),
		write(t, dir, "01-nul.txt", []byte("text\x00with\x00nul bytes")),
		write(t, dir, "02-latin.txt", bytes.Repeat([]byte{0xe9, 0xff, 0xc3, 'a'}, 50)),
		write(t, dir, "03-empty.html", nil),
		write(t, dir, "04-blank.md", []byte(" \n\t\n")),
		write(t, dir, "05-big.html", bigHTML),
		write(t, dir, "06-big.html.gz", gzipBytes(bigHTML)),
		filepath.Join(dir, "07-missing.txt"),
		write(t, dir, "08-bad.jsonl", []byte(`{"text":"ok line"}`+"\n{broken\n"+`{"title":"no body"}`+"\n")),
		write(t, dir, "09-bad.rss", []byte("<rss><channel><item><title>cut")),
		write(t, dir, "10-damaged.warc.gz", damaged),
		write(t, dir, "10-damaged-unnamed.dat", damaged),
		write(t, dir, "10-trunc.warc.gz", truncated),
		write(t, dir, "11-bad.txt.gz", []byte("not gzip at all")),
		write(t, dir, "12-empty.gz", gzipBytes(nil)),
		write(t, dir, "12-trunc.html.gz", gzipBytes(htmlPage)[:60]),
		good("13-good.txt"),
	}
	items := collect(t, inputs, Options{MaxBytes: 1000})
	checkErrs(t, items, []wantErr{
		{[]string{"01-nul.txt: rejected: binary data (NUL bytes)"}, true},
		{[]string{"02-latin.txt: rejected: binary data", "invalid UTF-8"}, true},
		{[]string{"03-empty.html: rejected: empty file"}, true},
		{[]string{"04-blank.md: rejected: empty file"}, true},
		{[]string{"05-big.html: rejected: larger than 1000 bytes"}, true},
		{[]string{"06-big.html.gz: rejected: larger than 1000 bytes"}, true},
		{[]string{"07-missing.txt: cannot stat: no such file or directory"}, false},
		{[]string{"08-bad.jsonl#2: rejected: malformed JSON"}, true},
		{[]string{"08-bad.jsonl#3: rejected: no text or html field"}, true},
		{[]string{"09-bad.rss: rejected: malformed feed"}, true},
		{[]string{"10-damaged.warc.gz: " + damagedAt}, true},
		{[]string{"10-damaged-unnamed.dat: " + damagedAt}, true},
		{[]string{"10-trunc.warc.gz#4: rejected: truncated"}, true},
		{[]string{"11-bad.txt.gz: rejected: bad gzip data"}, true},
		{[]string{"12-empty.gz: rejected: empty file"}, true},
		{[]string{"12-trunc.html.gz: rejected: damaged data: unexpected EOF"}, true},
	})
	var arts []string
	for _, it := range items {
		if it.Article != nil {
			arts = append(arts, strings.TrimPrefix(it.Article.Source(), dir+"/"))
		}
	}
	if want := "00-good.txt 08-bad.jsonl#1 https://w.example/3 https://w.example/3 https://w.example/1 13-good.txt"; strings.Join(arts, " ") != want {
		t.Errorf("articles %q, want %q", arts, want)
	}
}

func TestDirectoryEntries(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", textBody)
	// A dangling symbolic link cannot be read. (Tests may run as root,
	// for whom chmod 000 does not make a file unreadable.)
	if err := os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(dir, "b-dangling.txt")); err != nil {
		t.Skip("symlinks not supported:", err)
	}
	write(t, dir, "c.txt", textBody)
	os.Symlink(filepath.Join(dir, "c.txt"), filepath.Join(dir, "d-link.txt"))
	os.Symlink(dir, filepath.Join(dir, "e-loop")) // a link to a directory is not followed
	makeFIFO(t, filepath.Join(dir, "f-fifo"))
	items := collect(t, []string{dir}, Options{})
	want := []string{
		filepath.Join(dir, "a.txt") + " text",
		"ERR " + filepath.Join(dir, "b-dangling.txt") + ": cannot stat: no such file or directory",
		filepath.Join(dir, "c.txt") + " text",
		filepath.Join(dir, "d-link.txt") + " text",
	}
	if fifo := filepath.Join(dir, "f-fifo"); fileExists(fifo) {
		want = append(want, "ERR "+fifo+": rejected: not a regular file (p---------)")
	}
	if got := summary(items); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A link to a directory named as an input is followed.
	items = collect(t, []string{filepath.Join(dir, "e-loop")}, Options{})
	if got := summary(items); len(got) != len(want) || got[0] != filepath.Join(dir, "e-loop", "a.txt")+" text" {
		t.Errorf("through a link: %q", got)
	}
}

func fileExists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// utf16 encodes ASCII b as UTF-16, big-endian or not, with a BOM or not.
func utf16(b []byte, bigEndian, bom bool) []byte {
	var out []byte
	if bom {
		out = []byte{0xff, 0xfe}
		if bigEndian {
			out = []byte{0xfe, 0xff}
		}
	}
	for _, c := range b {
		if bigEndian {
			out = append(out, 0, c)
		} else {
			out = append(out, c, 0)
		}
	}
	return out
}

func TestStdin(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want []string
	}{
		{"html", htmlPage, []string{"<stdin> html"}},
		{"text", textBody, []string{"<stdin> text"}},
		{"jsonl", jsonlBody, []string{"https://j.example/1 text", "https://j.example/2 html"}},
		{"gzip warc", warctest.Gzip(warcFile()), []string{"https://w.example/1 html", "https://w.example/3 html"}},
		{"empty", nil, []string{"ERR <stdin>: rejected: empty file"}},
		{"binary", []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 13}, []string{"ERR <stdin>: rejected: binary data (NUL bytes)"}},
		{"utf-16le html with BOM", utf16(htmlPage, false, true), []string{"<stdin> html"}},
		{"utf-16be text without BOM", utf16(textBody, true, false), []string{"<stdin> text"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := collect(t, []string{"-"}, Options{Stdin: bytes.NewReader(tt.in)})
			if got := summary(items); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	items := collect(t, []string{"-"}, Options{Stdin: bytes.NewReader(jsonlBody)})
	if p := items[1].Article.Path; p != "<stdin>#2" {
		t.Errorf("path %q, want <stdin>#2", p)
	}
}

func TestURL(t *testing.T) {
	var (
		mu       sync.Mutex
		agents   []string
		released = make(chan struct{})
	)
	mux := http.NewServeMux()
	handle := func(path, ctype string, body []byte) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ctype)
			w.Write(body)
		})
	}
	handle("/page", "text/html; charset=utf-8", htmlPage)
	// Not recognisable by its first bytes: only the Content-Type says feed.
	handle("/feed", "application/atom+xml", append([]byte("<!-- generated -->\n"), atom...))
	handle("/dump.warc.gz", "application/octet-stream", warctest.Gzip(warcFile()))
	handle("/big", "text/html", bytes.Repeat([]byte("<p>x</p>"), 500))
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-released:
		}
	})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agents = append(agents, r.Header.Get("User-Agent"))
		mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	defer srv.Close()
	defer close(released)

	u := func(p string) string { return srv.URL + p }
	inputs := []string{u("/page"), u("/feed"), u("/missing"), u("/broken"), u("/slow"), u("/big"), u("/dump.warc.gz"), "http://[::1"}
	items := collect(t, inputs, Options{Timeout: 300 * time.Millisecond, MaxBytes: 1000, UserAgent: "sitrep-test/1"})
	want := []string{
		u("/page") + " html",
		"https://a.example/1 html",
		"ERR " + u("/missing") + ": HTTP status 404 Not Found",
		"ERR " + u("/broken") + ": HTTP status 500 Internal Server Error",
		"ERR " + u("/slow") + ": fetch: timed out after 300ms",
		"ERR " + u("/big") + ": rejected: larger than 1000 bytes",
		"https://w.example/1 html",
		"https://w.example/3 html",
		"ERR http://[::1: bad URL",
	}
	got := summary(items)
	if len(got) != len(want) {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("item %d = %q, want prefix %q", i, got[i], want[i])
		}
	}
	if a := items[0].Article; a.Fetched.IsZero() || a.Path != "" {
		t.Errorf("page article: Fetched %v, Path %q", a.Fetched, a.Path)
	}
	if a := items[6].Article; a.Path != u("/dump.warc.gz")+"#2" || a.Fetched.Year() != 2024 {
		t.Errorf("warc article: Path %q, Fetched %v", a.Path, a.Fetched)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, ua := range agents {
		if ua != "sitrep-test/1" {
			t.Errorf("User-Agent %q", ua)
		}
	}
	if len(agents) != 7 {
		t.Errorf("%d requests, want 7", len(agents))
	}
}

func TestDefaultUserAgent(t *testing.T) {
	var ua string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ua = r.Header.Get("User-Agent")
		w.Write(textBody)
	}))
	defer srv.Close()
	collect(t, []string{srv.URL}, Options{})
	if ua != DefaultUserAgent {
		t.Errorf("User-Agent %q, want %q", ua, DefaultUserAgent)
	}
}

func TestStop(t *testing.T) {
	n := 0
	for range Files(context.Background(), []string{"testdata/tree"}, Options{}) {
		n++
		if n == 4 {
			break // a consumer that stops must not be called again
		}
	}
	if n != 4 {
		t.Errorf("ranged over %d items, want a stop after 4", n)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n = 0
	for range Files(ctx, []string{"testdata/tree", "testdata/tree"}, Options{}) {
		n++
		cancel()
	}
	if n != 1 || ctx.Err() == nil {
		t.Errorf("ranged over %d items after cancel, want the sequence to end after 1", n)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		head, ctype string
		want        kind
	}{
		{"WARC/1.1\r\n", "", kindWARC},
		{`<?xml version="1.0"?><rss>`, "", kindFeed},
		{`<?xml version="1.0"?><!DOCTYPE html><html>`, "", kindHTML},
		{`<?xml version="1.0"?><urlset>`, "", kindFeed},
		{"<rdf:RDF>", "", kindFeed},
		{"  <feed xmlns=", "", kindFeed},
		{"<!-- x --><feed>", "application/rss+xml", kindFeed},
		{"<channel>", "text/xml", kindFeed},
		{"<!doctype html>", "text/xml", kindHTML},
		{"<!DOCTYPE html>", "", kindHTML},
		{"<p>hi", "", kindHTML},
		{`  {"a":1}`, "", kindJSONL},
		{"Plain words.", "", kindText},
		{"Plain words.", "application/xml", kindText},
	}
	for _, tt := range tests {
		if got := sniff([]byte(tt.head), tt.ctype); got != tt.want {
			t.Errorf("sniff(%q, %q) = %v, want %v", tt.head, tt.ctype, got, tt.want)
		}
	}
}

// sharedData is the shared data directory beside the repository, when
// this checkout has one.
func sharedData(t *testing.T, parts ...string) string {
	p := filepath.Join(append([]string{"..", "..", "..", "shared", "data"}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared data not available: %v", err)
	}
	return p
}

func TestSharedHTML(t *testing.T) {
	dir := sharedData(t, "article-extraction-benchmark", "html")
	files, _ := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	items := collect(t, []string{dir}, Options{})
	n := 0
	for _, it := range items {
		if it.Err != nil {
			t.Errorf("%v", it.Err)
			continue
		}
		if it.Article.Format != news.FormatHTML {
			t.Errorf("%s: format %q", it.Article.Path, it.Article.Format)
		}
		n++
	}
	if n != len(files) {
		t.Errorf("%d articles from %d files", n, len(files))
	}
}

func TestSharedJSONL(t *testing.T) {
	p := sharedData(t, "ukraine-war-news", "articles.jsonl")
	items := collect(t, []string{p}, Options{})
	n := 0
	for _, it := range items {
		if it.Err != nil {
			// A few records of the corpus have an empty text.
			if !strings.Contains(it.Err.Error(), "no text or html field") {
				t.Errorf("%v", it.Err)
			}
			continue
		}
		n++
	}
	if n < 700 {
		t.Errorf("%d articles, want at least 700", n)
	}
}

func BenchmarkRead(b *testing.B) {
	dir := b.TempDir()
	para := []byte("<p>The fictional harbour authority reported that 14 ships docked on Tuesday, and repairs continued.</p>\n")
	var total int64
	for i := range 200 {
		page := append(append([]byte("<html><body>"), bytes.Repeat(para, 40)...), "</body></html>"...)
		write(b, dir, fmt.Sprintf("pages/%03d.html", i), page)
		total += int64(len(page))
	}
	var recs [][]byte
	for i := range 200 {
		recs = append(recs, warctest.Response(fmt.Sprintf("https://b.example/%d", i), 200, "text/html", bytes.Repeat(para, 40)))
	}
	w := warctest.Concat(recs...)
	write(b, dir, "crawl.warc.gz", warctest.Gzip(recs...))
	total += int64(len(w))
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range Files(context.Background(), []string{dir}, Options{}) {
			if err != nil {
				b.Fatalf("Files: %v", err)
			}
			n++
		}
		if n != 400 {
			b.Fatalf("Files: %d articles, want 400", n)
		}
	}
}

func TestStreamSniffsAndNamesRecords(t *testing.T) {
	in := `{"url":"https://a.example/1","title":"One","text":"First report body."}
not json
{"url":"https://a.example/2","title":"Two","text":"Second report body."}
`
	var got []item
	for a, err := range Stream(context.Background(), "corpus", strings.NewReader(in), Options{}) {
		got = append(got, item{Article: a, Err: err})
	}
	if len(got) != 3 {
		t.Fatalf("got %d items, want 3", len(got))
	}
	if got[0].Article == nil || got[0].Article.Path != "corpus#1" || got[0].Article.Title != "One" {
		t.Errorf("first item %+v", got[0])
	}
	if got[1].Err == nil || !strings.Contains(got[1].Err.Error(), "corpus#2") {
		t.Errorf("second item err %v, want one naming corpus#2", got[1].Err)
	}
	if got[2].Article == nil || got[2].Article.Path != "corpus#3" {
		t.Errorf("third item %+v", got[2])
	}
}
