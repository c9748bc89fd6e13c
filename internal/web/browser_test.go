package web_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium is Debian's headless browser; .ci/run installs it.
const chromium = "/usr/bin/chromium"

// TestBrowser loads every page of the demo corpus in headless Chromium,
// checks its key elements in the rendered DOM (the chart's SVG has
// drawn points and a measurable size; clicking a highlight shows its
// details), and saves a desktop and a phone screenshot of each to
// $SITREP_SCREENSHOTS (else a temporary directory).
func TestBrowser(t *testing.T) {
	if _, err := os.Stat(chromium); err != nil {
		t.Skip("no " + chromium + " (apt-get install chromium)")
	}
	if os.Getenv("SITREP_TEST_LONG") == "" {
		t.Skip("long test (headless Chromium over every demo page, ~17 s): set SITREP_TEST_LONG=1")
	}
	srv, cat := site(t)
	paths := demoPages(t, cat)
	dir := os.Getenv("SITREP_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()

	// Each page: the selectors that must be present and visible.
	checks := map[string][]string{
		"overview": {"ol.groups li.group h2 a", "header.top form.search input#q"},
		"story":    {"svg.chart circle.point", "section.ledger table tbody tr", "span.badge"},
		"article":  {"div#text mark.fig", "div#text mark.time", "table.aligned tbody tr", "span.badge"},
		"entities": {"table.entities tbody tr a"},
		"entity":   {"ul.aliases li", "ol.mentions li", "svg.graph circle.node"},
		"families": {"ol.families li"},
		"search":   {"ol.results li a"},
		"measures": {"table.measures tbody tr a"},
		"measure":  {"svg.chart circle.point", "section.ledger table tbody tr"},
		"events":   {"table.events tbody tr", "svg.timeline-chart rect"},
	}
	for _, name := range []string{"overview", "story", "article", "entities", "entity", "families", "search", "measures", "measure", "events"} {
		t.Run(name, func(t *testing.T) {
			u := srv.URL + paths[name]
			steps := []chromedp.Action[chromedp.Void]{chromedp.EmulateViewport(1280, 900), chromedp.Navigate(u)}
			for _, sel := range checks[name] {
				steps = append(steps, chromedp.WaitVisible(chromedp.CSS(sel)))
			}
			if err := chromedp.Do(ctx, steps...); err != nil {
				t.Fatalf("%s: %v", u, err)
			}
			wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 2`))
			if err != nil {
				t.Fatal(err)
			}
			if wide {
				t.Errorf("%s overflows a 1280 px wide window", name)
			}
			shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			save(t, dir, name+".png", shot)
			if shot, err = chromedp.Run(ctx, chromedp.CaptureScreenshot()); err != nil {
				t.Fatal(err)
			}
			save(t, dir, name+"-top.png", shot)
			switch name {
			case "story", "measure":
				size, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => { const r = document.querySelector("svg.chart").getBoundingClientRect(); return [r.width, r.height, document.querySelectorAll("svg.chart circle.point, svg.chart rect.band").length]; })()`))
				if err != nil {
					t.Fatal(err)
				}
				if len(size) != 3 || size[0] < 200 || size[1] < 80 || size[2] == 0 {
					t.Errorf("chart rendered as %v (width, height, marks)", size)
				}
				if shot, err = chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS("figure.measure"))); err != nil {
					t.Fatal(err)
				}
				save(t, dir, name+"-chart.png", shot)
			case "entity":
				nodes, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => { const g = document.querySelector("svg.graph"); const r = g.getBoundingClientRect(); return [r.width, r.height, g.querySelectorAll("circle.node").length, g.querySelectorAll("line.edge").length]; })()`))
				if err != nil {
					t.Fatal(err)
				}
				if len(nodes) != 4 || nodes[0] < 200 || nodes[1] < 100 || nodes[2] < 2 || nodes[3] < 1 {
					t.Errorf("entity graph rendered as %v (width, height, nodes, edges)", nodes)
				}
				if shot, err = chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS("figure.graph"))); err != nil {
					t.Fatal(err)
				}
				save(t, dir, "entity-graph.png", shot)
			case "article":
				if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("div#text mark.fig")), chromedp.WaitVisible(chromedp.CSS("#details"))); err != nil {
					t.Fatal(err)
				}
				shown, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#details")))
				if err != nil {
					t.Fatal(err)
				}
				if !strings.HasPrefix(shown, "Figure") {
					t.Errorf("clicking a figure showed %q", shown)
				}
				if shot, err = chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS("section.provenance table.aligned"))); err != nil {
					t.Fatal(err)
				}
				save(t, dir, "article-provenance.png", shot)
			}
			// The same page on a phone: nothing may overflow sideways.
			if err := chromedp.Do(ctx,
				chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile),
				chromedp.Navigate(u),
				chromedp.WaitVisible(chromedp.CSS("main")),
			); err != nil {
				t.Fatal(err)
			}
			overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 2`))
			if err != nil {
				t.Fatal(err)
			}
			if shot, err = chromedp.Run(ctx, chromedp.FullScreenshot(100)); err != nil {
				t.Fatal(err)
			}
			save(t, dir, name+"-phone.png", shot)
			if overflow {
				t.Errorf("%s overflows a 390 px wide phone screen", name)
			}
		})
	}
	t.Logf("screenshots in %s", dir)
}

func save(t *testing.T, dir, name string, b []byte) {
	t.Helper()
	if len(b) == 0 {
		t.Errorf("%s: empty screenshot", name)
		return
	}
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}
