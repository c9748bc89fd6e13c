package quantity

import (
	"context"
	"errors"
	"sitrep/internal/annotate/tokens"
	"strings"

	"sitrep/internal/news"
)

// Stage is the pipeline stage that writes news.Article.Quantities. It
// holds read-only tables and is safe for concurrent use.
type Stage struct {
	t *tables
}

// New returns a Stage; its word lists are built on the first call.
func New() *Stage { return &Stage{t: loadTables()} }

// ErrNoTokens is returned by Process for an article with text but no
// tokens: the sentence stage has to run first.
var ErrNoTokens = errors.New("quantity: no tokens (run the sentence stage first)")

// Process sets a.Quantities from a.Text and a.Tokens.
func (s *Stage) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(a.Tokens) == 0 && strings.TrimSpace(a.Text) != "" {
		return ErrNoTokens
	}
	sc := scanner{t: s.t, View: tokens.NewView(a.Text, a.Tokens)}
	if len(a.Syntax) == len(a.Tokens) {
		sc.syn = a.Syntax
	}
	a.Quantities = sc.run()
	return nil
}

// Find returns the quantities in text, given its tokens (as
// sentence.Tokenize returns them), in text order.
func (s *Stage) Find(text string, toks []news.Token) []news.Quantity {
	sc := scanner{t: s.t, View: tokens.NewView(text, toks)}
	return sc.run()
}
