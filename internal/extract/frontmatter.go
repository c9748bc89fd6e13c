package extract

import (
	"html"
	"strings"
	"time"

	"sitrep/internal/news"
)

// Limits of a front-matter block.
const (
	frontMatterBytes = 16 << 10 // the block must close within this many bytes
	frontMatterLines = 60
)

// frontMatter lifts a YAML front-matter block off the top of a text
// ("---", lines of "key: value", "---"), as static-site exports and
// markdown crawlers write it, onto the article's metadata: its title,
// publication date, address, author and outlet, each only where the
// source did not set it. It returns the text after the block, or s
// unchanged when s opens with no closed block of key-value lines.
func frontMatter(a *news.Article, s string) string {
	head := strings.TrimLeft(s, "\ufeff \t\r\n")
	first, rest, ok := strings.Cut(head, "\n")
	if !ok || strings.TrimSpace(first) != "---" {
		return s
	}
	meta := map[string]string{}
	for n := 0; n < frontMatterLines && len(head)-len(rest) < frontMatterBytes; n++ {
		line, next, more := strings.Cut(rest, "\n")
		line = strings.TrimRight(line, "\r")
		switch {
		case line == "---" || line == "...":
			fillFrontMatter(a, meta)
			return next
		case strings.TrimSpace(line) == "", strings.HasPrefix(line, "#"), strings.HasPrefix(line, " "), strings.HasPrefix(line, "\t"), strings.HasPrefix(line, "- "):
			// blank, a comment, or a nested value (lists of tags): skipped
		default:
			key, value, isPair := strings.Cut(line, ":")
			if !isPair || !metaKey(key) {
				return s // not a front-matter block
			}
			meta[strings.ToLower(key)] = html.UnescapeString(unquote(strings.TrimSpace(value)))
		}
		if !more {
			break
		}
		rest = next
	}
	return s
}

// metaKey says whether k reads as a YAML key: a letter, then letters,
// digits, '_' or '-'.
func metaKey(k string) bool {
	if k == "" || !('a' <= k[0] && k[0] <= 'z' || 'A' <= k[0] && k[0] <= 'Z') {
		return false
	}
	for i := 1; i < len(k); i++ {
		c := k[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// unquote strips the quotes of a quoted YAML scalar.
func unquote(v string) string {
	if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
		q := v[0]
		v = v[1 : len(v)-1]
		if q == '"' {
			v = strings.ReplaceAll(v, `\"`, `"`)
		} else {
			v = strings.ReplaceAll(v, "''", "'")
		}
	}
	return v
}

// The front-matter keys each field is read from, first found first.
var (
	titleKeys  = []string{"title", "headline"}
	dateKeys   = []string{"date", "published", "published_at", "date_published", "datepublished", "pubdate", "publish_date"}
	urlKeys    = []string{"url", "canonical_url", "canonical", "source", "source_url", "link", "original_url"}
	authorKeys = []string{"author", "byline", "authors"}
	outletKeys = []string{"site_name", "outlet", "publisher", "site"}
)

// fillFrontMatter sets the fields of a that meta gives and a lacks.
func fillFrontMatter(a *news.Article, meta map[string]string) {
	pick := func(keys []string, ok func(string) bool) string {
		for _, k := range keys {
			if v := meta[k]; v != "" && ok(v) {
				return v
			}
		}
		return ""
	}
	all := func(string) bool { return true }
	fill(&a.Title, pick(titleKeys, all))
	fill(&a.Author, pick(authorKeys, func(v string) bool { return !strings.HasPrefix(v, "[") }))
	fill(&a.Outlet, pick(outletKeys, func(v string) bool { return parseURL(v) == nil }))
	fill(&a.URL, pick(urlKeys, func(v string) bool {
		u := parseURL(v)
		return u != nil && (u.Scheme == "http" || u.Scheme == "https")
	}))
	if a.Published.IsZero() {
		for _, k := range dateKeys {
			v := meta[k]
			if t, err := time.Parse("2006-01-02 15:04", v); err == nil {
				a.Published = t.UTC() // "2025-12-28 00:00"
				break
			}
			if t, ok := parseLDTime(v); ok {
				a.Published = t.UTC()
				break
			}
		}
	}
}
