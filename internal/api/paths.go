package api

import (
	"sitrep/internal/news"
	"sitrep/internal/readmodel"
)

// withoutPaths returns v without the server's file paths: the Path of
// every article and entry a response carries (the file an article was
// read from is the server's business, not the client's). Values the
// handlers share with a cache are copied, never changed.
func withoutPaths(v any) any {
	switch r := v.(type) {
	case ArticleResponse:
		r.Article, r.Source = articleWithoutPath(r.Article), articleWithoutPath(r.Source)
		r.Derivatives = entriesWithoutPath(r.Derivatives)
		return r
	case ArticlePage:
		r.Articles = entriesWithoutPath(r.Articles)
		return r
	case *readmodel.SearchResult:
		c := *r
		c.Articles = append([]readmodel.SearchHit(nil), c.Articles...)
		for i := range c.Articles {
			c.Articles[i].Path = ""
		}
		return &c
	case *readmodel.StoryDetail:
		c := *r
		c.Articles = entriesWithoutPath(c.Articles)
		return &c
	case *readmodel.EntityDetail:
		c := *r
		c.Articles = entriesWithoutPath(c.Articles)
		return &c
	}
	return v
}

// articleWithoutPath is a shallow copy of a with no Path (nil for nil).
func articleWithoutPath(a *news.Article) *news.Article {
	if a == nil || a.Path == "" {
		return a
	}
	c := *a
	c.Path = ""
	return &c
}

// entriesWithoutPath is list with no Path in any entry, copied when one
// has a Path.
func entriesWithoutPath(list []readmodel.Entry) []readmodel.Entry {
	for i := range list {
		if list[i].Path != "" {
			out := append([]readmodel.Entry(nil), list...)
			for j := range out {
				out[j].Path = ""
			}
			return out
		}
	}
	return list
}
