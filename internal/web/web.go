// Package web serves sitrep's pages: server-rendered html/template pages
// over the read model (internal/readmodel), with embedded CSS and
// JavaScript (no CDN; every page works offline and without script, which only adds click-to-show
// details for highlighted spans). Pages: the overview (stories or article
// groups, by recency, size or independent sources), a story (articles
// with provenance badges, the figure ledger as a table and a
// server-rendered SVG chart per measure, events, actors), the articles
// list (filters by outlet, entity, genre, provenance and dates), an
// article (annotated text; a derived one aligned with its source over
// both full texts, the share reused and every substitution marked; an
// original lists its derivatives), entities and an entity, families, and
// search (snippets, other spellings of a name). Every list is paged.
package web

import (
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"sitrep/internal/news"
	"sitrep/internal/readmodel"
	"sitrep/internal/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

var funcs = template.FuncMap{
	"date":       readmodel.When,
	"when":       readmodel.When,
	"period":     readmodel.Period,
	"entryTitle": readmodel.EntryTitle,
	"meta":       readmodel.MetaLine,
	"percent":    func(f float64) string { return fmt.Sprintf("%.0f%%", 100*f) },
	"day": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format("2006-01-02")
	},
	"chart":        Chart,
	"chartable":    Chartable,
	"figHref":      figureHref,
	"reports":      reportsLine,
	"readable":     readmodel.ReadableTime,
	"span":         readmodel.ReadableSpan,
	"speaker":      readmodel.SpeakerName,
	"measureLabel": readmodel.MeasureLabel,
	"sub":          func(a, b int) int { return a - b },
	"fig": func(f readmodel.FigureRow) string {
		return describe(f.Value, f.Low, f.High, f.Approx, f.Unit)
	},
	"kindLabel": func(k string) string { return strings.ReplaceAll(k, "_", " ") },
	"webURL":    webURL,
	"short":     func(id string) string { return trim(id, 10) },
	"inc":       func(i int) int { return i + 1 },
	"swatch": func(colour string) template.HTML {
		if colour == "" {
			colour = "#999999"
		}
		return template.HTML(`<svg class="swatch" width="10" height="10" aria-hidden="true"><rect width="10" height="10" fill="` + template.HTMLEscapeString(colour) + `"/></svg>`)
	},
}

// Server serves the pages.
type Server struct {
	cat   *readmodel.Catalog
	log   *slog.Logger
	pages map[string]*template.Template
	mux   *http.ServeMux
}

// New returns the pages over cat. logger receives the cause of every 500
// page, which shows only a generic message; nil discards it.
func New(cat *readmodel.Catalog, logger *slog.Logger) (*Server, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	s := &Server{cat: cat, log: logger, pages: map[string]*template.Template{}, mux: http.NewServeMux()}
	for _, p := range []string{"overview", "story", "articles", "article", "entities", "entity", "families", "measures", "measure", "events", "threads", "thread", "search", "error"} {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/ledger.html", "templates/"+p+".html")
		if err != nil {
			return nil, fmt.Errorf("web: template %s: %w", p, err)
		}
		s.pages[p] = t
	}
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, err
	}
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", s.filesOnly(static)))
	s.mux.HandleFunc("GET /{$}", s.page("overview", s.overview))
	s.mux.HandleFunc("GET /stories/{id}", s.page("story", s.story))
	s.mux.HandleFunc("GET /articles", s.page("articles", s.articles))
	s.mux.HandleFunc("GET /articles/{id}", s.page("article", s.article))
	s.mux.HandleFunc("GET /entities", s.page("entities", s.entities))
	s.mux.HandleFunc("GET /entities/{id}", s.page("entity", s.entity))
	s.mux.HandleFunc("GET /families", s.page("families", s.families))
	s.mux.HandleFunc("GET /measures", s.page("measures", s.measures))
	s.mux.HandleFunc("GET /measures/{id}", s.page("measure", s.measure))
	s.mux.HandleFunc("GET /threads", s.page("threads", s.threads))
	s.mux.HandleFunc("GET /threads/{id}", s.page("thread", s.thread))
	s.mux.HandleFunc("GET /events", s.page("events", s.events))
	s.mux.HandleFunc("GET /search", s.page("search", s.search))
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.renderError(w, http.StatusNotFound, "There is no page at "+r.URL.Path+".")
	})
	return s, nil
}

// filesOnly serves the files of fsys, cached for an hour; a directory,
// listed by http.FileServer, is a 404 like any missing page.
func (s *Server) filesOnly(fsys fs.FS) http.Handler {
	files := cacheFor(http.FileServer(http.FS(fsys)))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimSuffix(r.URL.Path, "/")
		if name == "" {
			name = "."
		}
		if fi, err := fs.Stat(fsys, name); err != nil || fi.IsDir() {
			s.renderError(w, http.StatusNotFound, "There is no file at /static/"+r.URL.Path+".")
			return
		}
		files.ServeHTTP(w, r)
	})
}

// webURL reports whether raw is an absolute http or https address, the
// only kind a page shows as a link; any other (javascript:, data:, a
// relative path) is shown as plain text.
func webURL(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

func cacheFor(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		h.ServeHTTP(w, r)
	})
}

// ServeHTTP implements http.Handler with the pages' security headers:
// no framing, no scripts or styles from anywhere but this server.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	s.mux.ServeHTTP(w, r)
}

// pageData is what every template gets: the title, the search box's
// query, and the page's own data.
type pageData struct {
	Title string
	Query string
	Nav   string
	Data  any
}

func (s *Server) page(name string, build func(*http.Request) (string, any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		title, data, err := build(r)
		if err != nil {
			status := http.StatusInternalServerError
			msg := "Something went wrong reading the store."
			switch {
			case errors.Is(err, store.ErrNotFound):
				status, msg = http.StatusNotFound, "Not found: "+err.Error()
			case errors.Is(err, errBadQuery), errors.Is(err, readmodel.ErrBadInput):
				status, msg = http.StatusBadRequest, err.Error()
			default:
				s.log.ErrorContext(r.Context(), "internal error", "method", r.Method, "path", r.URL.Path, "err", err)
			}
			s.renderError(w, status, msg)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if err := s.pages[name].Execute(w, pageData{Title: title, Query: r.URL.Query().Get("q"), Nav: name, Data: data}); err != nil {
			s.log.ErrorContext(r.Context(), "render error", "page", name, "err", err)
			fmt.Fprintf(w, "<p>render error</p>")
		}
	}
}

var errBadQuery = errors.New("bad query")

func (s *Server) renderError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_ = s.pages["error"].Execute(w, pageData{Title: http.StatusText(status), Data: msg})
}

// pageSize is how many rows a listing page shows.
const pageSize = 50

// pager is a listing's position: which rows it shows of how many, and
// the links to the first and the next page.
type pager struct {
	From, To, Total int
	First, Next     string
}

// pagerOf builds the pager of a page of n rows of total (total < 0:
// unknown) given at cursor, whose next page starts at next.
func pagerOf(r *http.Request, n, total int, next string) pager {
	p := pager{Total: total}
	if off, ok := readmodel.Offset(r.URL.Query().Get("cursor")); ok && n > 0 {
		// Offset cursors say where the page starts; article cursors do not.
		p.From = off + 1
		p.To = p.From + n - 1
	}
	link := func(cursor string) string {
		q := r.URL.Query()
		q.Del("cursor")
		if cursor != "" {
			q.Set("cursor", cursor)
		}
		if len(q) == 0 {
			return r.URL.Path
		}
		return r.URL.Path + "?" + q.Encode()
	}
	if r.URL.Query().Get("cursor") != "" {
		p.First = link("")
	}
	if next != "" {
		p.Next = link(next)
	}
	return p
}

// sortLink is one of a listing's orders, as a link.
type sortLink struct {
	Label, Href string
	Current     bool
}

func sortLinks(r *http.Request, current string, orders ...[2]string) []sortLink {
	if current == "" {
		current = orders[0][0]
	}
	var out []sortLink
	for _, o := range orders {
		q := r.URL.Query()
		q.Del("cursor")
		q.Set("sort", o[0])
		out = append(out, sortLink{Label: o[1], Href: r.URL.Path + "?" + q.Encode(), Current: o[0] == current})
	}
	return out
}

type overviewData struct {
	Groups    []readmodel.Group
	Stories   bool
	Articles  int
	Families  int
	Outlets   int
	Sorts     []sortLink
	Pager     pager
	Generated time.Time
}

func (s *Server) overview(r *http.Request) (string, any, error) {
	sort := r.URL.Query().Get("sort")
	page, err := s.cat.Stories(r.Context(), readmodel.StoryFilter{Sort: sort}, r.URL.Query().Get("cursor"), pageSize)
	if err != nil {
		return "", nil, err
	}
	d := overviewData{Groups: page.Groups, Pager: pagerOf(r, len(page.Groups), page.Total, page.NextCursor),
		Sorts: sortLinks(r, sort, [2]string{"recent", "most recent"}, [2]string{"size", "most articles"}, [2]string{"sources", "most provenance families"})}
	for _, g := range page.Groups {
		if g.Kind == "story" {
			d.Stories = true
		}
	}
	st, err := s.cat.Stats(r.Context())
	if err != nil {
		return "", nil, err
	}
	d.Articles, d.Outlets, d.Families = st.Articles, st.Outlets, st.Sources
	return "Overview", d, nil
}

// listFilter is the articles list's and the search's filter form: its
// values as given, and what they select.
type listFilter struct {
	Outlet, Genre, Provenance, Entity, From, To string
	Kinds                                       []string
	// Unknown is true when Entity names no entity the index knows.
	Unknown bool
}

var kindOrder = []string{"original", "copy", "partial_copy", "rewrite", "summary", "spun", "filler", "opinion"}

// filterOf reads the filter form of r into f and the readmodel filter.
func (s *Server) filterOf(r *http.Request) (listFilter, readmodel.Filter, error) {
	q := r.URL.Query()
	lf := listFilter{Outlet: q.Get("outlet"), Genre: q.Get("genre"), Provenance: q.Get("provenance"), Entity: q.Get("entity"),
		From: q.Get("from"), To: q.Get("to"), Kinds: kindOrder}
	f := readmodel.Filter{Outlet: lf.Outlet, Genre: lf.Genre, Provenance: lf.Provenance}
	if f.Provenance != "" && !slices.Contains(kindOrder, f.Provenance) {
		return lf, f, fmt.Errorf("provenance %q is not a provenance kind: %w", f.Provenance, errBadQuery)
	}
	var err error
	for _, d := range []struct {
		v    string
		t    *time.Time
		next bool
	}{{lf.From, &f.From, false}, {lf.To, &f.To, true}} {
		if d.v == "" {
			continue
		}
		if *d.t, err = time.Parse(time.DateOnly, d.v); err != nil {
			return lf, f, fmt.Errorf("date %q: want YYYY-MM-DD: %w", d.v, errBadQuery)
		}
		if d.next {
			*d.t = d.t.AddDate(0, 0, 1)
		}
	}
	if lf.Entity != "" {
		res, err := s.cat.Resolve(r.Context(), lf.Entity)
		if err != nil {
			return lf, f, err
		}
		f.Entity, lf.Unknown = res.Entity, res.Entity == ""
	}
	return lf, f, nil
}

type articlesData struct {
	Filter  listFilter
	Entries []readmodel.Entry
	Pager   pager
}

func (s *Server) articles(r *http.Request) (string, any, error) {
	lf, f, err := s.filterOf(r)
	if err != nil {
		return "", nil, err
	}
	after, err := readmodel.AfterArticle(r.URL.Query().Get("cursor"))
	if err != nil {
		return "", nil, err
	}
	if lf.Unknown {
		return "Articles", articlesData{Filter: lf, Entries: []readmodel.Entry{}}, nil
	}
	list, more, err := s.cat.List(r.Context(), f, after, pageSize)
	if errors.Is(err, store.ErrNotFound) {
		return "", nil, fmt.Errorf("the page to continue from names no article: %w", errBadQuery)
	}
	if err != nil {
		return "", nil, err
	}
	next := ""
	if more {
		next = readmodel.ArticleCursor(list[len(list)-1].ID)
	}
	p := pagerOf(r, len(list), -1, next)
	return "Articles", articlesData{Filter: lf, Entries: list, Pager: p}, nil
}

type storyData struct {
	*readmodel.StoryDetail
	Actors []readmodel.Actor
	Tables []ledgerTable
}

// ledgerTable is one measure's values as the "values" template shows
// them: the speakers' colours, the reports' listing entries by article
// ID, and (in a global measure) the stories' titles by story ID.
type ledgerTable struct {
	M       readmodel.Measure
	Colours []string
	Reports map[string]readmodel.Entry
	Stories map[string]string
}

// maxReportsListed bounds the reports a value lists by title.
const maxReportsListed = 8

func tableOf(m readmodel.Measure, reports map[string]readmodel.Entry, stories map[string]string) ledgerTable {
	return ledgerTable{M: m, Colours: speakerColours(m), Reports: reports, Stories: stories}
}

// reportEntries reads the listing entries of the reports the values of
// ms list by title.
func (s *Server) reportEntries(r *http.Request, ms ...readmodel.Measure) (map[string]readmodel.Entry, error) {
	var ids []string
	for _, m := range ms {
		for _, v := range m.Values {
			ids = append(ids, v.Articles[:min(len(v.Articles), maxReportsListed)]...)
		}
	}
	slices.Sort(ids)
	ents, err := s.cat.Entries(r.Context(), slices.Compact(ids))
	if err != nil {
		return nil, err
	}
	out := make(map[string]readmodel.Entry, len(ents))
	for _, e := range ents {
		out[e.ID] = e
	}
	return out, nil
}

// maxActors bounds the actors a story page lists.
const maxActors = 20

func (s *Server) story(r *http.Request) (string, any, error) {
	d, arts, err := readmodel.StoryDetailOf(r.Context(), s.cat, r.PathValue("id"))
	if err != nil {
		return "", nil, err
	}
	reports := make(map[string]readmodel.Entry, len(d.Articles))
	for _, e := range d.Articles {
		reports[e.ID] = e
	}
	sd := storyData{StoryDetail: d, Actors: readmodel.TopActors(arts, maxActors)}
	for _, m := range d.Ledger.Measures {
		sd.Tables = append(sd.Tables, tableOf(m, reports, nil))
	}
	return d.Story.Title, sd, nil
}

type measuresData struct {
	Page news.MeasurePage
	// Next is the query value of the next page ("" at the end).
	Next string
}

// measuresPage is how many measures the list page shows.
const measuresPage = 100

func (s *Server) measures(r *http.Request) (string, any, error) {
	n, id, err := afterArticles(r)
	if err != nil {
		return "", nil, err
	}
	p, err := s.cat.Measures(r.Context(), news.MeasureCursor{Articles: n, ID: id}, measuresPage)
	if err != nil {
		return "", nil, err
	}
	d := measuresData{Page: p}
	if p.Next != nil {
		d.Next = articlesAfter(p.Next.Articles, p.Next.ID)
	}
	return "Measures", d, nil
}

// afterArticles reads the "after" query value of the lists ordered by
// article count, "ARTICLES:ID" (zero and "" when absent).
func afterArticles(r *http.Request) (int, string, error) {
	v := r.URL.Query().Get("after")
	if v == "" {
		return 0, "", nil
	}
	n, id, ok := strings.Cut(v, ":")
	articles, err := strconv.Atoi(n)
	if !ok || err != nil || id == "" {
		return 0, "", fmt.Errorf("after %q: want ARTICLES:ID: %w", v, errBadQuery)
	}
	return articles, id, nil
}

// articlesAfter is the "after" query value afterArticles reads.
func articlesAfter(articles int, id string) string { return strconv.Itoa(articles) + ":" + id }

func (s *Server) measure(r *http.Request) (string, any, error) {
	d, err := readmodel.MeasureDetailOf(r.Context(), s.cat, r.PathValue("id"))
	if err != nil {
		return "", nil, err
	}
	reports, err := s.reportEntries(r, d.Ledger)
	if err != nil {
		return "", nil, err
	}
	stories := d.StoryTitles
	if len(stories) == 0 {
		stories = nil
	}
	return d.Measure.Label, measureData{MeasureDetail: d, Table: tableOf(d.Ledger, reports, stories)}, nil
}

type measureData struct {
	*readmodel.MeasureDetail
	Table ledgerTable
}

type entityData struct {
	*readmodel.EntityDetail
	Graph template.HTML
}

type articleData struct {
	A           *news.Article
	Title       string
	Text        template.HTML
	Source      *news.Article
	SourceTitle string
	Reuse       *readmodel.Reuse
	Rows        []reuseRow
	Spun        template.HTML
	Entry       readmodel.Entry
	Figures     []readmodel.FigureRow
	Derivatives []readmodel.Entry
}

func (s *Server) article(r *http.Request) (string, any, error) {
	id := r.PathValue("id")
	a, err := s.cat.Store().Article(r.Context(), id)
	if err != nil {
		return "", nil, fmt.Errorf("article %s: %w", id, err)
	}
	d := articleData{A: a, Title: readmodel.ArticleTitle(a), Text: AnnotatedText(a), Figures: readmodel.Figures([]*news.Article{a}, readmodel.FigureFilter{})}
	if err := s.cat.LinkMeasures(r.Context(), d.Figures); err != nil {
		return "", nil, err
	}
	d.Entry, _, _ = s.cat.Entry(r.Context(), id)
	if p := a.Provenance; p != nil {
		if p.Of != "" {
			if src, err := s.cat.Store().Article(r.Context(), p.Of); err == nil {
				d.Source, d.SourceTitle = src, readmodel.ArticleTitle(src)
				d.Reuse = readmodel.ReuseOf(a, src)
				d.Rows = reuseRows(a, src, d.Reuse)
			}
		}
		if d.Source == nil && p.Evidence != nil && len(p.Evidence.Substitutions) > 0 {
			d.Spun = render(a.Text, dedupe(standaloneSubs(a)), nil)
		}
	}
	if d.Derivatives, err = s.cat.Derivatives(r.Context(), id); err != nil {
		return "", nil, err
	}
	return d.Title, d, nil
}

func (s *Server) entities(r *http.Request) (string, any, error) {
	typ := strings.ToUpper(r.URL.Query().Get("type"))
	switch typ {
	case "", "PER", "ORG", "LOC", "GPE", "MISC":
	default:
		return "", nil, fmt.Errorf("type %q is not an entity type: %w", typ, errBadQuery)
	}
	if s.cat.Lister() == nil {
		return "", nil, fmt.Errorf("this store keeps no entity index: %w", store.ErrNotFound)
	}
	page, err := s.cat.Entities(r.Context(), typ, r.URL.Query().Get("cursor"), pageSize)
	if err != nil {
		return "", nil, err
	}
	return "Entities", map[string]any{"Type": typ, "List": page.Entities, "Pager": pagerOf(r, len(page.Entities), page.Total, page.NextCursor)}, nil
}

func (s *Server) entity(r *http.Request) (string, any, error) {
	d, err := readmodel.EntityDetailOf(r.Context(), s.cat, r.PathValue("id"))
	if err != nil {
		return "", nil, err
	}
	return d.Entity.Canonical, entityData{EntityDetail: d, Graph: Graph(d)}, nil
}

type familiesData struct {
	Articles, Independent int
	Families              []readmodel.Family
	Sorts                 []sortLink
	Pager                 pager
}

func (s *Server) families(r *http.Request) (string, any, error) {
	sort := r.URL.Query().Get("sort")
	fams, err := readmodel.FamiliesPage(r.Context(), s.cat, readmodel.FamilyFilter{Sort: sort}, r.URL.Query().Get("cursor"), pageSize)
	if err != nil {
		return "", nil, err
	}
	return "Families", familiesData{Articles: fams.Articles, Independent: fams.Independent, Families: fams.Families, Pager: pagerOf(r, len(fams.Families), fams.Total, fams.NextCursor),
		Sorts: sortLinks(r, sort, [2]string{"recent", "most recent"}, [2]string{"size", "most reports"})}, nil
}

type searchData struct {
	*readmodel.SearchResult
	Filter listFilter
	Hits   []searchHit
	Pager  pager
}

// searchHit is a search result with its snippet rendered, matches marked.
type searchHit struct {
	readmodel.SearchHit
	HTML template.HTML
}

func (s *Server) search(r *http.Request) (string, any, error) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if len(q) > 500 {
		return "", nil, fmt.Errorf("the query is too long: %w", errBadQuery)
	}
	if q == "" {
		return "Search", (*searchData)(nil), nil
	}
	lf, f, err := s.filterOf(r)
	if err != nil {
		return "", nil, err
	}
	res, err := readmodel.Search(r.Context(), s.cat, q, readmodel.SearchFilter{Outlet: f.Outlet, Provenance: f.Provenance, Genre: f.Genre,
		From: f.From, To: f.To}, r.URL.Query().Get("cursor"), pageSize)
	if err != nil {
		return "", nil, err
	}
	d := &searchData{SearchResult: res, Filter: lf, Pager: pagerOf(r, len(res.Articles), res.Total, res.NextCursor)}
	for _, h := range res.Articles {
		var ms []mark
		for _, m := range h.Marks {
			ms = append(ms, mark{m[0], m[1], "hit", "matches the search", "", 1, ""})
		}
		d.Hits = append(d.Hits, searchHit{SearchHit: h, HTML: render(h.Snippet, dedupe(ms), nil)})
	}
	return "Search: " + q, d, nil
}
