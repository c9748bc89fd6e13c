package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"sitrep/internal/api"
	"sitrep/internal/api/apitest"
	"sitrep/internal/news"
	"sitrep/internal/readmodel"
	"sitrep/internal/web"
)

// warSite serves the pages and the API over the real news corpus.
func warSite(t *testing.T) (*httptest.Server, *readmodel.Catalog) {
	t.Helper()
	s := apitest.WarNewsStore(t)
	cat := readmodel.NewCatalog(s, time.Minute)
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

var (
	hrefRe  = regexp.MustCompile(`href="(/[^"]*)"`)
	nextRe  = regexp.MustCompile(`<a href="([^"]*)" rel="next">`)
	timeRe  = regexp.MustCompile(`<time[^>]*>([^<]*)</time>`)
	ofRe    = regexp.MustCompile(`<span class="meta">(\d+)–(\d+) of (\d+)</span>`)
	itemRes = map[string]*regexp.Regexp{
		"/":          regexp.MustCompile(`<li class="group"`),
		"/families":  regexp.MustCompile(`(?m)^<li><h2>`),
		"/entities":  regexp.MustCompile(`<tr><td><a href="/entities/`),
		"/search":    regexp.MustCompile(`(?m)^<li><a href="/articles/`),
		"/articles":  regexp.MustCompile(`(?m)^<li><a href="/articles/`),
		"idTitleRe":  regexp.MustCompile(`>[0-9a-f]{16}<`),
		"emptyTitle": regexp.MustCompile(`<a href="/(articles|stories)/[^"]+">[\s:·]*</a>`),
	}
)

func fetch(t *testing.T, u string) string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d", u, resp.StatusCode)
	}
	return string(b)
}

// TestWarNewsNavigation crawls the pages over the real news corpus from
// the overview (every kind of page must be reached by links, every page
// fetched must render), pages every listing to its end (the rows counted
// must be the total the page states), and checks what the corpus showed
// raw before: no title is empty or an ID, no date-only time reads 00:00,
// no meta line starts with a separator.
func TestWarNewsNavigation(t *testing.T) {
	srv, cat := warSite(t)
	base := srv.URL
	stats, err := cat.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// Crawl.
	const maxPages = 500
	seen := map[string]bool{"/": true, "/search?q=Zelensky": true}
	queue := []string{"/", "/search?q=Zelensky"}
	kinds := map[string]int{}
	for fetched := 0; len(queue) > 0 && fetched < maxPages; fetched++ {
		p := queue[0]
		queue = queue[1:]
		body := fetch(t, base+p)
		kind := p
		if i := strings.IndexAny(kind[1:], "/?"); i >= 0 {
			kind = kind[:i+1]
		}
		kinds[kind]++
		for _, m := range timeRe.FindAllStringSubmatch(body, -1) {
			if strings.Contains(m[1], "00:00") {
				t.Errorf("GET %s shows a date-only time as %q", p, m[1])
			}
		}
		for _, bad := range []string{"render error", `<p class="meta">·`, `<span class="meta"> ·`, `<span class="meta">·`} {
			if strings.Contains(body, bad) {
				t.Errorf("GET %s shows %q", p, bad)
			}
		}
		if m := itemRes["emptyTitle"].FindString(body); m != "" {
			t.Errorf("GET %s: an empty link title: %s", p, m)
		}
		if m := itemRes["idTitleRe"].FindString(body); m != "" && !strings.HasPrefix(p, "/entities/") {
			t.Errorf("GET %s: an ID shown as a title: %s", p, m)
		}
		for _, m := range hrefRe.FindAllStringSubmatch(body, -1) {
			h := strings.ReplaceAll(m[1], "&amp;", "&")
			if strings.HasPrefix(h, "/static/") || strings.HasPrefix(h, "/api/") || seen[h] {
				continue
			}
			seen[h] = true
			queue = append(queue, h)
		}
	}
	for _, k := range []string{"/", "/stories", "/articles", "/entities", "/families", "/search"} { // "/articles" counts the list and the article pages
		if kinds[k] == 0 {
			t.Errorf("no %s page reached from the overview (reached %v)", k, kinds)
		}
	}
	// Every listing to its end.
	for _, start := range []string{"/", "/?sort=size", "/?sort=sources", "/families", "/families?sort=size", "/entities", "/entities?type=PER", "/search?q=Zelensky", "/articles"} {
		path, _, _ := strings.Cut(start, "?")
		item := itemRes[path]
		rows, total, pages := 0, -1, 0
		for u := start; u != ""; pages++ {
			body := fetch(t, base+u)
			n := len(item.FindAllStringIndex(body, -1))
			if m := ofRe.FindStringSubmatch(body); m != nil {
				from, _ := strconv.Atoi(m[1])
				to, _ := strconv.Atoi(m[2])
				total, _ = strconv.Atoi(m[3])
				if from != rows+1 || to != rows+n {
					t.Errorf("%s page %d: says %d–%d, shows %d rows after %d", start, pages, from, to, n, rows)
				}
			}
			rows += n
			u = ""
			if m := nextRe.FindStringSubmatch(body); m != nil {
				u = strings.ReplaceAll(m[1], "&amp;", "&")
			}
			if pages > 200 {
				t.Fatalf("%s: more than 200 pages", start)
			}
		}
		if total < 0 && start == "/articles" {
			total = stats.Articles // the articles list pages by cursor and states no total
		}
		if rows == 0 || rows != total {
			t.Errorf("%s: %d rows over %d pages, the page says %d", start, rows, pages, total)
		}
		t.Logf("%s: %d rows in %d pages", start, rows, pages)
	}
}

// TestWarNewsBrowser walks the real news corpus in headless Chromium:
// the biggest story in two clicks from the overview, then every kind of
// page at 1400 and 390 px with no sideways overflow, saving screenshots
// to $SITREP_SCREENSHOTS (else a temporary directory).
func TestWarNewsBrowser(t *testing.T) {
	if _, err := os.Stat(chromium); err != nil {
		t.Skip("no " + chromium + " (apt-get install chromium)")
	}
	srv, cat := warSite(t)
	ctx := context.Background()
	dir := os.Getenv("SITREP_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	biggest, err := cat.Stories(ctx, readmodel.StoryFilter{Sort: "size"}, "", 1)
	if err != nil || len(biggest.Groups) == 0 {
		t.Fatalf("stories: %v", err)
	}
	first := func(f readmodel.Filter) string {
		list, _, err := cat.List(ctx, f, "", 1)
		if err != nil || len(list) == 0 {
			t.Fatalf("no article for %+v: %v", f, err)
		}
		return list[0].ID
	}
	top, err := cat.Measures(ctx, news.MeasureCursor{}, 1)
	if err != nil || len(top.Measures) == 0 {
		t.Fatalf("no measure: %v", err)
	}
	copied := first(readmodel.Filter{Provenance: "copy"})
	partial := first(readmodel.Filter{Provenance: "partial_copy"})
	entry, _, _ := cat.Entry(ctx, partial)
	pages := map[string]string{
		"overview":    "/",
		"story":       "/stories/" + url.PathEscape(biggest.Groups[0].ID),
		"copy":        "/articles/" + copied,
		"partial":     "/articles/" + partial,
		"original":    "/articles/" + entry.Of,
		"entities":    "/entities",
		"entity":      "/entities/" + url.PathEscape("Zelensky"),
		"families":    "/families?sort=size",
		"search":      "/search?q=Zelensky",
		"articles":    "/articles?entity=Kharkiv",
		"overview-by": "/?sort=sources",
		"measures":    "/measures",
		"measure":     "/measures/" + top.Measures[0].ID,
		"events":      "/events",
		"events-kyiv": "/events?place=Kyiv",
		"events-ua":   "/events?place=Ukraine",
	}

	actx, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium), chromedp.Flag("headless", true), chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true), chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1400, 900))
	defer cancel()
	bctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	bctx, cancel = context.WithTimeout(bctx, 4*time.Minute)
	defer cancel()

	// The biggest story in two clicks: sort by size, open the first.
	if err := chromedp.Do(bctx, chromedp.EmulateViewport(1400, 900), chromedp.Navigate(srv.URL+"/"),
		chromedp.Click(chromedp.CSS(`p.sorts a[href*="sort=size"]`)),
		chromedp.WaitVisible(chromedp.CSS(`p.sorts strong`)),
		chromedp.Click(chromedp.CSS(`ol.groups li.group h2 a`)),
		chromedp.WaitVisible(chromedp.CSS(`h1`)),
	); err != nil {
		t.Fatal(err)
	}
	loc, err := chromedp.Run(bctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if want := srv.URL + pages["story"]; loc != want {
		t.Errorf("two clicks from the overview reached %s, want the biggest story %s", loc, want)
	}

	for name, p := range pages {
		for _, width := range []int64{1400, 390} {
			opts := []chromedp.EmulateViewportOption{}
			if width < 600 {
				opts = append(opts, chromedp.EmulateMobile)
			}
			if err := chromedp.Do(bctx, chromedp.EmulateViewport(width, 900, opts...), chromedp.Navigate(srv.URL+p),
				chromedp.WaitVisible(chromedp.CSS("main h1"))); err != nil {
				t.Fatalf("%s at %d px: %v", p, width, err)
			}
			overflow, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 2`))
			if err != nil {
				t.Fatal(err)
			}
			if overflow {
				t.Errorf("%s overflows a %d px wide window", p, width)
			}
			// The map's place labels as drawn: no two overlap.
			clash, err := chromedp.Run(bctx, chromedp.Evaluate[string](`(() => {
				const bs = [...document.querySelectorAll("svg.map text.label, svg.map text.context")].map(e => [e.textContent, e.getBoundingClientRect()]);
				for (let i = 0; i < bs.length; i++) for (let j = 0; j < i; j++) {
					const [a, b] = [bs[i][1], bs[j][1]];
					if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) return bs[i][0] + " / " + bs[j][0];
				}
				return "";
			})()`))
			if err != nil {
				t.Fatal(err)
			}
			if clash != "" {
				t.Errorf("%s at %d px: map labels overlap: %s", p, width, clash)
			}
			shot, err := chromedp.Run(bctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			save(t, dir, "war-"+name+"-"+strconv.FormatInt(width, 10)+".png", shot)
			if strings.HasPrefix(name, "events") {
				if shot, err = chromedp.Run(bctx, chromedp.Screenshot(chromedp.CSS("svg.map"))); err != nil {
					t.Fatal(err)
				}
				save(t, dir, "war-"+name+"-map-"+strconv.FormatInt(width, 10)+".png", shot)
			}
		}
	}
	// The side by side of a partial copy, in full.
	if err := chromedp.Do(bctx, chromedp.EmulateViewport(1400, 900), chromedp.Navigate(srv.URL+pages["partial"]),
		chromedp.WaitVisible(chromedp.CSS("table.aligned"))); err != nil {
		t.Fatal(err)
	}
	shot, err := chromedp.Run(bctx, chromedp.Screenshot(chromedp.CSS("section.provenance")))
	if err != nil {
		t.Fatal(err)
	}
	save(t, dir, "war-partial-provenance.png", shot)
	// Sections an audit reads: the biggest story's ledger and events,
	// a copy's provenance, and the list of derivatives on its original.
	for _, sec := range []struct{ name, page, css string }{
		{"ledger", pages["story"], "section.ledger"},
		{"story-events", pages["story"], `section[aria-labelledby="h-events"]`},
		{"copy-provenance", pages["copy"], "section.provenance"},
		{"original-derivatives", pages["original"], `section[aria-labelledby="h-deriv"]`},
	} {
		if err := chromedp.Do(bctx, chromedp.EmulateViewport(1400, 900), chromedp.Navigate(srv.URL+sec.page),
			chromedp.WaitVisible(chromedp.CSS("main h1"))); err != nil {
			t.Fatal(err)
		}
		n, err := chromedp.Run(bctx, chromedp.Evaluate[int](`document.querySelectorAll(`+strconv.Quote(sec.css)+`).length`))
		if err != nil || n == 0 {
			t.Logf("%s: no %s on %s", sec.name, sec.css, sec.page)
			continue
		}
		if shot, err = chromedp.Run(bctx, chromedp.Screenshot(chromedp.CSS(sec.css))); err != nil {
			t.Fatal(err)
		}
		save(t, dir, "war-section-"+sec.name+".png", shot)
	}
	t.Logf("screenshots in %s", dir)
}

// BenchmarkWarNewsPages measures the pages and list endpoints over the
// real news corpus (736 articles, built once), through the handlers:
// go test -run '^$' -bench WarNewsPages -benchtime 50x ./internal/web/
func BenchmarkWarNewsPages(b *testing.B) {
	s := apitest.WarNewsStore(b)
	ctx := context.Background()
	cat := readmodel.NewCatalog(s, time.Hour)
	pages, err := web.New(cat, nil)
	if err != nil {
		b.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", api.New(cat, api.Options{}))
	mux.Handle("/", pages)
	biggest, err := cat.Stories(ctx, readmodel.StoryFilter{Sort: "size"}, "", 1)
	if err != nil || len(biggest.Groups) == 0 {
		b.Fatalf("stories: %v", err)
	}
	partial, _, err := cat.List(ctx, readmodel.Filter{Provenance: "partial_copy"}, "", 1)
	if err != nil || len(partial) == 0 {
		b.Fatalf("no partial copy: %v", err)
	}
	top, err := cat.Measures(ctx, news.MeasureCursor{}, 1)
	if err != nil || len(top.Measures) == 0 {
		b.Fatalf("no measure: %v", err)
	}
	for _, p := range []string{
		"/", "/?sort=size", "/?sort=sources", "/stories/" + biggest.Groups[0].ID, "/articles/" + partial[0].ID,
		"/articles/" + partial[0].Of, "/entities", "/entities/Zelensky", "/families?sort=size", "/search?q=Zelensky",
		"/api/v1/stories?sort=sources", "/api/v1/figures?speaker=Zelensky", "/api/v1/events?place=Kharkiv", "/api/v1/search?q=Zelensky",
		"/events", "/events?place=Ukraine", "/measures", "/measures/" + top.Measures[0].ID,
	} {
		b.Run(strings.ReplaceAll(p, "/", "_"), func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, p, nil)
			for b.Loop() {
				rec := httptest.NewRecorder()
				mux.ServeHTTP(rec, req)
				if rec.Code != 200 {
					b.Fatalf("%s: %d", p, rec.Code)
				}
			}
		})
	}
}

// BenchmarkStoryLargeStore measures the story page's tail on a large
// store: the real news corpus (its biggest story, 26 articles) with
// 20,000 synthetic articles put beside it, each request timed and the
// 99th percentile reported (p99-ms), with the process's CPU time per
// request (cpu-ms/op; on a shared machine the wall time is the load's):
// go test -run '^$' -bench StoryLargeStore -benchtime 200x ./internal/web/
func BenchmarkStoryLargeStore(b *testing.B) {
	s := apitest.WarNewsStore(b)
	ctx := context.Background()
	putSynthetic(ctx, b, s, 20000)
	cat := readmodel.NewCatalog(s, time.Hour)
	pages, err := web.New(cat, nil)
	if err != nil {
		b.Fatal(err)
	}
	biggest, err := cat.Stories(ctx, readmodel.StoryFilter{Sort: "size"}, "", 1)
	if err != nil || len(biggest.Groups) == 0 {
		b.Fatalf("stories: %v", err)
	}
	for _, p := range []string{"/stories/" + biggest.Groups[0].ID, "/events?story=" + biggest.Groups[0].ID} {
		b.Run(strings.NewReplacer("/", "_", "?", "_").Replace(p), func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, p, nil)
			var took []time.Duration
			cpu0 := cpuTime()
			for b.Loop() {
				start := time.Now()
				rec := httptest.NewRecorder()
				pages.ServeHTTP(rec, req)
				if rec.Code != 200 {
					b.Fatalf("%s: %d", p, rec.Code)
				}
				took = append(took, time.Since(start))
			}
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(len(took)), "cpu-ms/op")
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)*99/100].Microseconds())/1000, "p99-ms")
		})
	}
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
