package extract

import (
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"sitrep/internal/news"
)

// processHTML extracts the article body and metadata of an HTML page.
func (e *Extractor) processHTML(a *news.Article) (err error) {
	d, err := decode(a.Raw, true, e.opts.MaxInvalidUTF8)
	if err != nil {
		return err
	}
	noteRepair(a, d)
	src := d.text
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return fmt.Errorf("%w: no article body: %v", news.ErrRejected, err)
	}
	res, err := e.runTrafilatura(doc, a.URL)
	if err != nil {
		return err
	}
	var paras []string
	if utf8.RuneCountInString(res.ContentText) < shortBody {
		// go-trafilatura's last-resort baseline runs together the
		// paragraphs of short pages; render those pages ourselves.
		paras = plainParagraphs(doc)
	} else if res.ContentNode != nil {
		paras = renderParagraphs(res.ContentNode)
	}
	md := res.Metadata
	title := cleanParagraph(md.Title)
	if len(paras) > 0 && title != "" && sameTitle(paras[0], title) {
		paras = paras[1:]
	}
	var declared string
	paras, declared, _ = trimEdges(paras)
	if !hasBody(paras) {
		return fmt.Errorf("%w: no article body", news.ErrRejected)
	}
	a.Text = strings.Join(paras, "\n\n")

	fill(&a.URL, md.URL)
	facts := jsonLDFacts(doc)
	outlet := cleanParagraph(md.Sitename)
	title, site := cleanTitle(title, a.Text, outlet, a.URL, headings(doc))
	fill(&a.Title, title)
	if site == "" {
		_, site = cleanTitle(pageTitle(doc), "", outlet, a.URL, nil)
	}
	author := cleanAuthor(cleanParagraph(md.Author), outlet)
	if author == "" || facts.organisational(author) {
		author = facts.byline(outlet)
	}
	fill(&a.Author, author)
	fill(&a.Outlet, cleanOutlet(outlet, a.URL, site))
	if a.Published.IsZero() && !facts.reviewed.IsZero() {
		a.Published = facts.reviewed // a fact-check's own date, not the claim's
	}
	fill(&a.DeclaredSource, declared)
	if a.Language == "" {
		if lang := detectLanguage(a.Text); lang != "" {
			a.Language = lang
		} else {
			a.Language = declaredLanguage(doc)
		}
	}
	if a.Published.IsZero() {
		a.Published = e.publishedDate(doc, a.URL, md.Date)
	}
	return nil
}

// runTrafilatura calls go-trafilatura and turns a panic inside it into a
// rejection, so broken HTML can never take the stage down.
func (e *Extractor) runTrafilatura(doc *html.Node, url string) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("%w: no article body: extractor panic: %v", news.ErrRejected, r)
		}
	}()
	opts := e.trafo
	if u := parseURL(url); u != nil {
		opts.OriginalURL = u
	}
	res, err = trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return nil, fmt.Errorf("%w: no article body: %v", news.ErrRejected, err)
	}
	return res, nil
}

// publishedDate returns the date go-trafilatura found, else asks
// go-htmldate, else returns the zero time.
func (e *Extractor) publishedDate(doc *html.Node, url string, found time.Time) (t time.Time) {
	if !found.IsZero() {
		return found
	}
	defer func() {
		if r := recover(); r != nil {
			t = time.Time{}
		}
	}()
	res, err := htmldate.FromDocument(doc, htmldate.Options{
		URL:                 url,
		UseOriginalDate:     true,
		SkipExtensiveSearch: !e.opts.ExtensiveDate,
	})
	if err != nil || res.IsZero() {
		return time.Time{}
	}
	return res.DateTime
}

// renderParagraphs turns an extracted content tree into paragraphs: each
// block element (p, h1…h6, li, blockquote, tr, …) and each <br> ends one.
func renderParagraphs(root *html.Node) []string {
	var r renderer
	r.walk(root)
	r.flush()
	return r.paras
}

type renderer struct {
	cur   strings.Builder
	paras []string
	skip  map[string]bool // extra elements to leave out
}

var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true, "blockquote": true,
	"pre": true, "table": true, "tr": true, "thead": true, "tbody": true, "tfoot": true, "caption": true,
	"section": true, "article": true, "main": true, "header": true, "footer": true, "aside": true,
	"figure": true, "figcaption": true, "hr": true, "br": true, "body": true, "html": true,
	"form": true, "fieldset": true, "address": true, "details": true, "summary": true,
	"title": true, "list": true, "item": true, "quote": true,
}

var skipTags = map[string]bool{"script": true, "style": true, "noscript": true, "template": true, "head": true}

func (r *renderer) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.cur.WriteString(n.Data)
		return
	case html.ElementNode:
		if skipTags[n.Data] || r.skip[n.Data] {
			return
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	block := n.Type == html.ElementNode && blockTags[n.Data]
	if block {
		r.flush()
	}
	cell := n.Type == html.ElementNode && (n.Data == "td" || n.Data == "th")
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
	if cell {
		r.cur.WriteByte(' ')
	}
	if block {
		r.flush()
	}
}

func (r *renderer) flush() {
	if r.cur.Len() == 0 {
		return
	}
	p := cleanParagraph(r.cur.String())
	r.cur.Reset()
	if p != "" {
		r.paras = append(r.paras, p)
	}
}

// fill sets *dst to v when *dst is blank, so metadata the source set is
// never overwritten.
func fill(dst *string, v string) {
	if strings.TrimSpace(*dst) == "" && v != "" {
		*dst = v
	}
}

// parseURL returns u parsed when it is an absolute URL, else nil.
func parseURL(s string) *url.URL {
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || !u.IsAbs() {
		return nil
	}
	return u
}

// shortBody is go-trafilatura's default MinExtractedSize: below it, its
// result comes from the baseline extractor.
const shortBody = 250

// hasBody reports whether paragraphs hold an article body: at least one
// paragraph of five words or more.
func hasBody(paras []string) bool {
	for _, p := range paras {
		if wordCount(p) >= 5 {
			return true
		}
	}
	return false
}

// wordCount counts the space-separated words of p, counting each
// character of a script written without spaces (Chinese, Japanese, Thai)
// as a word.
func wordCount(p string) int {
	n := len(strings.Fields(p))
	for _, r := range p {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar) {
			n++
		}
	}
	return n
}

// chromeTags hold page furniture, never article text.
var chromeTags = map[string]bool{
	"nav": true, "header": true, "footer": true, "aside": true, "form": true, "button": true,
	"select": true, "svg": true, "iframe": true, "menu": true, "dialog": true,
}

// plainParagraphs renders the paragraphs of a short page: its <article>,
// else <main>, else <body>, without navigation, headers, footers, forms
// and asides.
func plainParagraphs(doc *html.Node) []string {
	root := findElement(doc, "article")
	if root == nil {
		root = findElement(doc, "main")
	}
	if root == nil {
		root = findElement(doc, "body")
	}
	if root == nil {
		return nil
	}
	r := renderer{skip: chromeTags}
	r.walk(root)
	r.flush()
	return r.paras
}

// findElement returns the first element named tag in document order.
func findElement(n *html.Node, tag string) *html.Node {
	if n.Type == html.ElementNode && n.Data == tag {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElement(c, tag); f != nil {
			return f
		}
	}
	return nil
}

// declaredLanguage returns the ISO 639-1 code of the page's <html lang>
// attribute ("en-GB" gives "en"), or "".
func declaredLanguage(doc *html.Node) string {
	root := findElement(doc, "html")
	if root == nil {
		return ""
	}
	for _, at := range root.Attr {
		if at.Key != "lang" {
			continue
		}
		code := strings.ToLower(strings.TrimSpace(at.Val))
		if k := strings.IndexAny(code, "-_"); k >= 0 {
			code = code[:k]
		}
		if len(code) == 2 && code[0] >= 'a' && code[0] <= 'z' && code[1] >= 'a' && code[1] <= 'z' {
			return code
		}
	}
	return ""
}
