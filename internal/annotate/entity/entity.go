// Package entity writes the entity layer of an article
// (news.Article.Entities): named-entity mentions found by the trained
// recogniser in internal/ner, refined for conflict news with the facts
// table in internal/facts, and resolved within the article.
//
// Refinement: a country, or a capital or seat of government used for
// its government ("Pyongyang said", "the Kremlin"), becomes a GPE
// mention of that state; a capital after a locative preposition ("in
// Kyiv") stays a LOC mention of the city. Demonyms ("North Korean") link
// to their country. Names the recogniser missed but the facts table knows
// (countries, capitals, demonyms, organisations, full names of people)
// are added. A person's name the table does not list links to the one
// listed person it is part of or a transliteration of ("Tayyip Erdoğan",
// "Aleksander Lukashenko": facts.Table.PersonNamed).
//
// Resolution within the article: a surname alone ("Zelensky", "Ilyasov")
// joins the one full name in the article it is part of, and stays
// unlinked when two full names share it ("Kim" with both "Kim Jong-un"
// and "Kim Yo-jong"); an acronym defined in brackets after a name
// ("Center for … (CSIS)") or spelling out the initials of an
// organisation named in the article joins it; a role description ("the
// Ukrainian president", "Ukraine's president", "Kazhar's defence
// minister") becomes a PER mention of the person the article itself
// names in that role ("Ukrainian President Volodymyr Zelensky") or,
// failing that, of the facts table's office holder on the article's
// publication date; with neither it stays unlinked.
//
// The model file ner.model.gz is written by `sitrep train ner` and
// embedded; it is decoded once, on first use.
package entity

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"sync"

	"sitrep/internal/facts"
	"sitrep/internal/ner"
	"sitrep/internal/news"
)

//go:embed ner.model.gz
var modelFile []byte

// Model returns the embedded recogniser, decoded on first use.
var Model = sync.OnceValues(func() (*ner.Model, error) {
	m, err := ner.Load(bytes.NewReader(modelFile))
	if err != nil {
		return nil, fmt.Errorf("embedded ner model: %w", err)
	}
	return m, nil
})

// Stage is the entity stage. It is safe for concurrent use.
type Stage struct {
	model *ner.Model
	facts *facts.Table
	err   error
}

// New returns the stage with the embedded model and facts table.
func New() *Stage {
	m, err := Model()
	return &Stage{model: m, facts: facts.Default(), err: err}
}

// NewWith returns a stage with the given model and table, for tests and
// experiments.
func NewWith(m *ner.Model, t *facts.Table) *Stage { return &Stage{model: m, facts: t} }

// Process writes a.Entities from a.Tokens and a.Sentences.
func (s *Stage) Process(ctx context.Context, a *news.Article) error {
	if s.err != nil {
		return s.err
	}
	a.Entities = nil
	if len(a.Tokens) == 0 {
		return nil
	}
	if len(a.Tokens) <= WindowTokens {
		a.Entities = s.find(a)
		return ctx.Err()
	}
	for _, w := range windows(a, WindowTokens) {
		if err := ctx.Err(); err != nil {
			a.Entities = nil // no partial layer
			return err
		}
		a.Entities = append(a.Entities, s.find(window(a, w))...)
	}
	return nil
}

// find tags and resolves the mentions of a.
func (s *Stage) find(a *news.Article) []news.Mention {
	doc := newDocument(a)
	tags := s.model.TagDocument(doc.words)
	var ms []mention
	for si, st := range tags {
		for _, c := range ner.Chunks(st) {
			ms = doc.split(ms, doc.starts[si]+c.Start, doc.starts[si]+c.End-1, c.Type)
		}
	}
	r := &resolver{doc: doc, facts: s.facts, published: a.Published}
	return r.resolve(ms)
}
