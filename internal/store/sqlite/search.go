package sqlite

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"sitrep/internal/store"
)

// Search returns summaries of the articles whose title or text contain
// every word of query, best match (BM25) first. Words are runs of letters
// and digits; FTS5 operators in query are treated as plain words, and
// matching ignores case and diacritics. An empty query finds nothing. A
// limit <= 0 means DefaultLimit; it is capped at MaxLimit.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]store.Summary, error) {
	limit = pageLimit(limit)
	match := ftsQuery(query)
	if match == "" {
		return []store.Summary{}, nil
	}
	out, err := s.summaries(ctx, `SELECT a.id, a.url, a.path, a.outlet, a.title, a.published, a.words, a.status, `+genreCol+`
		FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
		WHERE articles_fts MATCH ?
		ORDER BY articles_fts.rank, a.id
		LIMIT ?`, match, limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	return out, nil
}

// ftsQuery turns free text into an FTS5 query that requires every word:
// each word becomes a quoted string, so nothing in it is an operator.
func ftsQuery(query string) string {
	words := strings.FieldsFunc(query, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	return strings.Join(words, " ")
}
