package timex

import (
	"context"
	"errors"
	"sitrep/internal/annotate/tokens"
	"strings"
	"time"

	"sitrep/internal/news"
)

// Stage is the pipeline stage that writes news.Article.Times. It holds
// read-only tables and is safe for concurrent use.
type Stage struct {
	t *tables
}

// New returns a Stage; its word lists are built on the first call.
func New() *Stage { return &Stage{t: loadTables()} }

// ErrNoTokens is returned by Process for an article with text but no
// tokens: the sentence stage has to run first.
var ErrNoTokens = errors.New("timex: no tokens (run the sentence stage first)")

// Process sets a.Times from a.Text, a.Tokens and a.Published.
func (s *Stage) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(a.Tokens) == 0 && strings.TrimSpace(a.Text) != "" {
		return ErrNoTokens
	}
	a.Times = s.Find(a.Text, a.Tokens, a.Published)
	return nil
}

// Find returns the time expressions in text, given its tokens (as
// sentence.Tokenize returns them), resolved against published (zero when
// unknown), in text order.
func (s *Stage) Find(text string, toks []news.Token, published time.Time) []news.TimeExpr {
	sc := scanner{t: s.t, View: tokens.NewView(text, toks)}
	if !published.IsZero() {
		sc.pub = date(published.Year(), published.Month(), published.Day())
		sc.hasPub = true
	}
	return sc.run()
}
