package readmodel

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	linkentity "sitrep/internal/link/entity"
	"sitrep/internal/store"
)

// SearchFilter narrows a search; zero values mean no filter.
type SearchFilter struct {
	Outlet, Provenance, Genre string
	From, To                  time.Time
}

// SearchHit is one article a search finds, with a snippet of its text
// around the matched words; Marks are the byte ranges of the matches in
// Snippet.
type SearchHit struct {
	Entry
	Snippet string   `json:"snippet"`
	Marks   [][2]int `json:"marks"`
}

// SearchResult is what a search finds: the API returns it (GET
// /api/v1/search) and the search page shows it.
type SearchResult struct {
	Query string `json:"query"`
	// Names are the names searched for: the query, and when the entity
	// index knows it, the entity's other spellings.
	Names []string `json:"names"`
	// Total counts every matching article; Articles is one page of them,
	// best first; NextCursor continues ("" at the end).
	Total      int                  `json:"total"`
	Articles   []SearchHit          `json:"articles"`
	Entities   []linkentity.Summary `json:"entities"`
	NextCursor string               `json:"next_cursor,omitempty"`
}

// MaxSpellings bounds the other spellings of an entity a search adds.
const MaxSpellings = 12

// Search runs q over the articles' full text, expanded to the other
// spellings of the entity the index knows by q, and over the entity
// index (a name or alias equal to q).
func Search(ctx context.Context, cat *Catalog, q string, f SearchFilter, cursor string, n int) (*SearchResult, error) {
	res := &SearchResult{Query: q, Names: []string{q}, Articles: []SearchHit{}, Entities: []linkentity.Summary{}}
	off, err := offsetOf(cursor)
	if err != nil {
		return nil, err
	}
	if l := cat.Lister(); l != nil {
		if e, err := linkentity.Lookup(ctx, l, q); err == nil {
			res.Entities = append(res.Entities, *e)
			res.Names = append(res.Names, spellings(q, e)...)
		}
	}
	p, err := cat.pager()
	if err != nil {
		return res, nil // a store without full-text search finds entities only
	}
	alts := make([][]string, len(res.Names))
	for i, n := range res.Names {
		alts[i] = []string{n}
	}
	hits, total, err := p.SearchPage(ctx, store.SearchQuery{Page: store.Page{Offset: off, Limit: n}, Any: alts,
		Outlet: f.Outlet, Provenance: f.Provenance, Genre: f.Genre, From: f.From, To: f.To})
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	for _, h := range hits {
		snip, marks := splitMarks(h.Snippet)
		res.Articles = append(res.Articles, SearchHit{Entry: h.Entry, Snippet: snip, Marks: marks})
	}
	res.Total, res.NextCursor = total, nextOffset(off, len(hits), total)
	return res, nil
}

// spellings returns the entity's other names that spell its name, not a
// role ("Zelenskiy" and "Volodymyr Zelenskyy" for "Zelensky", not "the
// Ukrainian president"): names every word of which is capitalised and
// one word of which shares its first five letters with a word of the
// canonical name or of q; most written first, at most MaxSpellings.
func spellings(q string, e *linkentity.Summary) []string {
	stems := map[string]bool{}
	for _, w := range strings.Fields(e.Canonical + " " + q) {
		if s := stem(w); s != "" {
			stems[s] = true
		}
	}
	seen := map[string]bool{strings.ToLower(q): true}
	var out []string
	for _, name := range append([]string{e.Canonical}, aliasTexts(e.Aliases)...) {
		k := strings.ToLower(name)
		if seen[k] || len(out) == MaxSpellings {
			continue
		}
		capital, shares := true, false
		for _, w := range strings.Fields(name) {
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsUpper(r) {
				capital = false
			}
			if stems[stem(w)] {
				shares = true
			}
		}
		if capital && shares {
			seen[k] = true
			out = append(out, name)
		}
	}
	return out
}

// stem is a word's first five letters, lower-cased ("" for a shorter word).
func stem(w string) string {
	var b []rune
	for _, r := range strings.ToLower(w) {
		if unicode.IsLetter(r) {
			b = append(b, r)
		}
		if len(b) == 5 {
			return string(b)
		}
	}
	return ""
}

// splitMarks removes the store's match marks from a snippet and returns
// where they were.
func splitMarks(s string) (string, [][2]int) {
	var (
		b     strings.Builder
		marks [][2]int
		open  = -1
	)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case store.HitMarks[0][0]:
			open = b.Len()
		case store.HitMarks[1][0]:
			if open >= 0 {
				marks = append(marks, [2]int{open, b.Len()})
				open = -1
			}
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String(), marks
}
