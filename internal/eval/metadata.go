package eval

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode"

	"sitrep/internal/corpus"
	"sitrep/internal/news"
	"sitrep/internal/pipeline"
	"sitrep/internal/source/jsonl"
)

// MetadataGold is one hand-labelled page of the metadata gold set
// (testdata/gold/metadata/benchmark.jsonl): a page of the extraction
// benchmark with the title, author, publication day and outlet a reader
// sees on it. A field left out was not decidable from the page and is not
// scored; an empty Author means the page names no author.
type MetadataGold struct {
	ID     string   `json:"id"`
	Split  string   `json:"split"`
	Titles []string `json:"titles"`
	Author *string  `json:"author,omitempty"`
	Date   *string  `json:"date,omitempty"`
	Outlet string   `json:"outlet"`
}

// LoadMetadataGold reads the metadata gold set in dir.
func LoadMetadataGold(dir string) ([]MetadataGold, error) {
	path := filepath.Join(dir, "benchmark.jsonl")
	var gold []MetadataGold
	if err := readJSONL(path, &gold); err != nil {
		return nil, err
	}
	for _, g := range gold {
		if g.Split != LedgerDev && g.Split != LedgerTest {
			return nil, fmt.Errorf("%s: page %s: unknown split %q", path, g.ID, g.Split)
		}
		if len(g.Titles) == 0 || g.Outlet == "" {
			return nil, fmt.Errorf("%s: page %s: no title or outlet", path, g.ID)
		}
		if g.Date != nil {
			if _, err := time.Parse(time.DateOnly, *g.Date); err != nil {
				return nil, fmt.Errorf("%s: page %s: date: %w", path, g.ID, err)
			}
		}
	}
	return gold, nil
}

// FieldScore counts right answers for one metadata field.
type FieldScore struct{ Right, Scored int }

// Accuracy is Right / Scored.
func (f FieldScore) Accuracy() float64 { return ratio(f.Right, f.Scored) }

// MetadataReport is the metadata accuracy on one split of the gold set.
type MetadataReport struct {
	Split                       string
	Pages                       int
	Title, Author, Date, Outlet FieldScore
	// Wrong lists the wrong answers: page, field, want, got.
	Wrong [][4]string
}

// Write prints the accuracies, and the wrong answers of a split other
// than test.
func (r *MetadataReport) Write(w io.Writer) error {
	fmt.Fprintf(w, "metadata, %s split: %d pages\n", r.Split, r.Pages)
	for _, f := range []struct {
		name string
		s    FieldScore
	}{{"title", r.Title}, {"author", r.Author}, {"date", r.Date}, {"outlet", r.Outlet}} {
		fmt.Fprintf(w, "  %-7s %3d/%3d  %.3f\n", f.name, f.s.Right, f.s.Scored, f.s.Accuracy())
	}
	if r.Split == "test" {
		// Held out: the test split's errors are not shown.
		fmt.Fprintf(w, "  (%d wrong; test errors are not listed)\n", len(r.Wrong))
	} else {
		for _, x := range r.Wrong {
			fmt.Fprintf(w, "  wrong %s %s: want %q, got %q\n", x[0][:12], x[1], x[2], x[3])
		}
	}
	_, err := fmt.Fprintln(w)
	return err
}

// Metadata runs ex over the gold pages of one split of the extraction
// benchmark in benchDir (each page with its URL, as a fetch would know
// it) and scores title, author, publication day and outlet.
func Metadata(ctx context.Context, benchDir, goldDir, split string, ex pipeline.Stage) (*MetadataReport, error) {
	gold, err := LoadMetadataGold(goldDir)
	if err != nil {
		return nil, err
	}
	truth, err := loadItems(filepath.Join(benchDir, "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	r := &MetadataReport{Split: split}
	for _, g := range gold {
		if g.Split != split {
			continue
		}
		raw, err := corpus.ReadGzip(filepath.Join(benchDir, "html", g.ID+".html.gz"))
		if err != nil {
			return nil, err
		}
		a := &news.Article{Raw: raw, Format: news.FormatHTML, URL: truth[g.ID].URL}
		if err := ex.Process(ctx, a); err != nil {
			a = &news.Article{} // a rejected page gets every field wrong
		}
		r.Pages++
		r.score(g, a)
	}
	return r, nil
}

func (r *MetadataReport) score(g MetadataGold, a *news.Article) {
	wrong := func(field, want, got string) { r.Wrong = append(r.Wrong, [4]string{g.ID, field, want, got}) }
	r.Title.Scored++
	ok := false
	for _, t := range g.Titles {
		ok = ok || normTitle(t) == normTitle(a.Title)
	}
	if ok {
		r.Title.Right++
	} else {
		wrong("title", g.Titles[0], a.Title)
	}
	if g.Author != nil {
		r.Author.Scored++
		if sameAuthors(*g.Author, a.Author) {
			r.Author.Right++
		} else {
			wrong("author", *g.Author, a.Author)
		}
	}
	if g.Date != nil {
		r.Date.Scored++
		want, _ := time.Parse(time.DateOnly, *g.Date)
		got := ""
		if !a.Published.IsZero() {
			got = a.Published.Format(time.DateOnly)
		}
		// A page shows its local day; a stored time may be UTC: a day
		// either side counts.
		if d := a.Published.Sub(want); !a.Published.IsZero() && d > -24*time.Hour && d < 48*time.Hour {
			r.Date.Right++
		} else {
			wrong("date", *g.Date, got)
		}
	}
	r.Outlet.Scored++
	if sameOutlet(g.Outlet, a.Outlet) {
		r.Outlet.Right++
	} else {
		wrong("outlet", g.Outlet, a.Outlet)
	}
}

var nonAlnum = regexp.MustCompile(`[^\p{L}\p{N}]+`)

// normTitle lower-cases a title and reduces punctuation and quotes to spaces.
func normTitle(s string) string {
	return strings.TrimSpace(nonAlnum.ReplaceAllString(strings.ToLower(s), " "))
}

// sameAuthors compares two bylines as sets of names, ignoring case,
// punctuation, "By" and the order of names.
func sameAuthors(want, got string) bool {
	set := func(s string) map[string]bool {
		s = strings.ToLower(s)
		s = regexp.MustCompile(`^\s*by\s+`).ReplaceAllString(s, "")
		out := map[string]bool{}
		for _, p := range regexp.MustCompile(`\s*(?:,|;|&|\band\b)\s*`).Split(s, -1) {
			if n := normTitle(p); n != "" {
				out[n] = true
			}
		}
		return out
	}
	w, g := set(want), set(got)
	if len(w) != len(g) {
		return false
	}
	for k := range w {
		if !g[k] {
			return false
		}
	}
	return true
}

// sameOutlet compares outlet names with case, spaces, punctuation and a
// leading "the" ignored; one containing the other counts ("pv magazine"
// and "pv magazine International", "Snopes" and "Snopes.com").
func sameOutlet(want, got string) bool {
	norm := func(s string) string {
		s = strings.ToLower(strings.TrimSpace(s))
		s = strings.TrimPrefix(s, "the ")
		return nonAlnum.ReplaceAllString(s, "")
	}
	w, g := norm(want), norm(got)
	if w == "" || g == "" {
		return w == g
	}
	return strings.Contains(g, w) || strings.Contains(w, g)
}

// MetadataDefects counts, over a set of extracted articles, the classes of
// metadata defect issue 14 lists.
type MetadataDefects struct {
	Articles int
	// DatelineTitle: a title that is only a dateline ("CNN —") or a
	// promotional line ("NEW You can now listen to …").
	DatelineTitle int
	// SiteSuffix: a title still ending in the site's name (" - IGN").
	SiteSuffix int
	// AuthorTail: an author with a date or month run into it, or a URL.
	AuthorTail int
	// OutletURL: an outlet that is a URL.
	OutletURL int
	// Markup: text with markdown emphasis or link markup left in it.
	Markup int
	// Examples holds one example per class.
	Examples map[string]string
}

var (
	datelineTitleRe = regexp.MustCompile(`(?i)^(?:[\p{Lu}][\p{L}.'’-]*(?:,? [\p{Lu}][\p{L}.'’-]*){0,4} )?\(?(?:CNN|AP|AFP|Reuters)(?: [\p{Lu}][\p{L}]+)?\)?\s*[—–-]*$|you can now listen to`)
	authorTailRe    = regexp.MustCompile(`(?i)\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s*(?:\d|$)|https?://|\d{4}`)
	markupRe        = regexp.MustCompile(`\*\*\S|\]\((?:https?://|/)|\[\[[^\]]{1,8}\]\]|(?m)^#{1,6} `)
)

// Add counts the defects of one article.
func (d *MetadataDefects) Add(a *news.Article) {
	if d.Examples == nil {
		d.Examples = map[string]string{}
	}
	d.Articles++
	note := func(n *int, class, ex string) {
		*n++
		if _, ok := d.Examples[class]; !ok {
			d.Examples[class] = ex
		}
	}
	if t := strings.TrimSpace(a.Title); t != "" && datelineTitleRe.MatchString(t) {
		note(&d.DatelineTitle, "dateline or promotional title", t)
	}
	if hasSiteSuffix(a.Title, a.Outlet, a.URL) {
		note(&d.SiteSuffix, "site suffix in title", a.Title)
	}
	if a.Author != "" && authorTailRe.MatchString(a.Author) {
		note(&d.AuthorTail, "date or URL in author", a.Author)
	}
	if strings.Contains(a.Outlet, "://") || strings.HasPrefix(strings.ToLower(a.Outlet), "www.") && strings.Contains(a.Outlet, "/") {
		note(&d.OutletURL, "URL as outlet", a.Outlet)
	}
	if m := markupRe.FindStringIndex(a.Text); m != nil {
		lo, hi := max(0, m[0]-20), min(len(a.Text), m[1]+20)
		for lo > 0 && !utf8Start(a.Text[lo]) {
			lo--
		}
		for hi < len(a.Text) && !utf8Start(a.Text[hi]) {
			hi++
		}
		note(&d.Markup, "markup in text", a.Text[lo:hi])
	}
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

// hasSiteSuffix reports whether title ends in " - X" or " | X" where X
// names the site: its outlet or its host's name.
func hasSiteSuffix(title, outlet, url string) bool {
	i := strings.LastIndexAny(title, "|-–—")
	if i <= 0 || i >= len(title)-1 || title[i-1] != ' ' {
		return false
	}
	tail := nonAlnum.ReplaceAllString(strings.ToLower(title[i+1:]), "")
	if tail == "" {
		return false
	}
	site := nonAlnum.ReplaceAllString(strings.ToLower(strings.TrimPrefix(news.Host(url), "www.")), "")
	out := nonAlnum.ReplaceAllString(strings.ToLower(outlet), "")
	return (out != "" && (strings.Contains(out, tail) || strings.Contains(tail, out))) ||
		(site != "" && strings.Contains(site, tail))
}

// Write prints the defect counts.
func (d *MetadataDefects) Write(w io.Writer, name string) error {
	fmt.Fprintf(w, "metadata defects, %s: %d articles\n", name, d.Articles)
	fmt.Fprintf(w, "  dateline or promotional title %4d\n  site suffix in title          %4d\n  date or URL in author         %4d\n  URL as outlet                 %4d\n  markup in text                %4d\n",
		d.DatelineTitle, d.SiteSuffix, d.AuthorTail, d.OutletURL, d.Markup)
	for _, k := range []string{"dateline or promotional title", "site suffix in title", "date or URL in author", "URL as outlet", "markup in text"} {
		if ex, ok := d.Examples[k]; ok {
			fmt.Fprintf(w, "  e.g. %s: %q\n", k, strings.Map(func(r rune) rune {
				if unicode.IsSpace(r) {
					return ' '
				}
				return r
			}, ex))
		}
	}
	_, err := fmt.Fprintln(w)
	return err
}

// BenchmarkDefects counts metadata defects over every page of the
// extraction benchmark in dir.
func BenchmarkDefects(ctx context.Context, dir string, ex pipeline.Stage) (*MetadataDefects, error) {
	truth, err := loadItems(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	d := &MetadataDefects{}
	for _, id := range sortedKeys(truth) {
		raw, err := corpus.ReadGzip(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return nil, err
		}
		a := &news.Article{Raw: raw, Format: news.FormatHTML, URL: truth[id].URL}
		if ex.Process(ctx, a) == nil {
			d.Add(a)
		}
	}
	return d, nil
}

// CorpusDefects counts metadata defects over every record of a JSON
// Lines corpus, each read as `sitrep ingest` reads it.
func CorpusDefects(ctx context.Context, path string, ex pipeline.Stage) (*MetadataDefects, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d := &MetadataDefects{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var id struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(sc.Bytes(), &id) != nil {
			continue
		}
		err := jsonl.Read(bytes.NewReader(sc.Bytes()), id.ID, 0, func(a *news.Article, err error) error {
			if err == nil && ex.Process(ctx, a) == nil {
				d.Add(a)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return d, sc.Err()
}
