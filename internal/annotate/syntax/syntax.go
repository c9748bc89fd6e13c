// Package syntax writes the syntax layer of an article
// (news.Article.Syntax): for every token of the token layer, its
// Universal Dependencies v2 part-of-speech tag, lemma, head and
// relation, from the tagger, lemmatiser and parser in internal/syntax.
// It runs after the sentence stage. It tags and lemmatises every
// sentence, but by default parses only the sentences a later stage needs
// ([NeedsParse]: a number, or a reporting-verb candidate); the tokens of
// the other sentences keep Head -1 and an empty Rel, the "not parsed"
// marker of [news.Syntax.Parsed]. [NewParseAll] parses every sentence
// (`sitrep show --syntax`, `sitrep export conllu`).
//
// The layer is not stored with the article (like the token layer it is
// recomputed: [Stage.Process] is deterministic). [Sentences] gives a
// JSON view of it and [WriteCoNLLU] writes it as CoNLL-U, for `sitrep show
// --syntax` and `sitrep export conllu`.
//
// The models (data/tagger.model.gz, data/parser.model.gz) are written by
// `sitrep train tagger` and `sitrep train parser` and embedded; they are
// decoded once per process, on first use.
package syntax

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"strings"
	"sync"

	"sitrep/internal/news"
	ud "sitrep/internal/syntax"
)

//go:embed data
var data embed.FS

// Paths of the models inside the repository, where the train commands
// write them.
const (
	TaggerFile = "internal/annotate/syntax/data/tagger.model.gz"
	ParserFile = "internal/annotate/syntax/data/parser.model.gz"
)

// Model returns the embedded tagger, lemmatiser and parser, decoded on
// first use.
var Model = sync.OnceValues(func() (*ud.Analyzer, error) {
	tb, err := data.ReadFile("data/tagger.model.gz")
	if err != nil {
		return nil, fmt.Errorf("embedded tagger model: %w (build it with sitrep train tagger)", err)
	}
	pb, err := data.ReadFile("data/parser.model.gz")
	if err != nil {
		return nil, fmt.Errorf("embedded parser model: %w (build it with sitrep train parser)", err)
	}
	t, l, err := ud.LoadTagger(bytes.NewReader(tb))
	if err != nil {
		return nil, fmt.Errorf("embedded tagger model: %w", err)
	}
	p, err := ud.LoadParser(bytes.NewReader(pb))
	if err != nil {
		return nil, fmt.Errorf("embedded parser model: %w", err)
	}
	return &ud.Analyzer{Tagger: t, Lemmatizer: l, Parser: p}, nil
})

// Stage is the syntax stage. It is safe for concurrent use.
type Stage struct {
	an       *ud.Analyzer
	err      error
	parseAll bool
	pool     sync.Pool // *work
}

// work is the scratch memory of one Process call.
type work struct {
	words []string
	out   ud.Analysis
}

// New returns the stage with the embedded models. A model that fails to
// load makes every Process call report the error.
func New() *Stage {
	an, err := Model()
	return &Stage{an: an, err: err}
}

// NewParseAll returns the stage with the embedded models that parses
// every sentence, not only those [NeedsParse] selects.
func NewParseAll() *Stage {
	s := New()
	s.parseAll = true
	return s
}

// NewWith returns the stage with the given models; parseAll makes it
// parse every sentence, not only those [NeedsParse] selects.
func NewWith(an *ud.Analyzer, parseAll bool) *Stage { return &Stage{an: an, parseAll: parseAll} }

// reportLemmas are the lemmas of the claim stage's reporting cues
// (internal/annotate/claim: "said", "according to", "citing" …): a
// sentence with one of them may hold a claim whose speaker a later stage
// takes from the tree.
var reportLemmas = map[string]bool{
	"say": true, "tell": true, "estimate": true, "warn": true, "confirm": true, "deny": true,
	"report": true, "claim": true, "write": true, "add": true, "state": true, "announce": true,
	"believe": true, "insist": true, "note": true, "acknowledge": true, "admit": true,
	"explain": true, "accord": true, "quote": true, "cite": true,
}

// eventLemmas are the lemmas of the event stage's triggers
// (internal/annotate/event.TriggerLemmas; a test there keeps the two
// equal): the event stage reads participants from the tree.
var eventLemmas = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Fields(`accord agree agreement airstrike allocate annex annexation announce
		arrive assault attack barrage bomb bombard bombardment bombing capture casualty ceasefire clash
		arrival commit conference conversation dead deal death deliver delivery deploy deployment die dispatch
		donate encircle expel export fatality give hand hit host injure kill launch liberate meet meeting
		memorandum move negotiation occupy offer onslaught overrun pact pledge pound promise provide raid
		recapture redeploy redeployment retake seize seizure send shell shelling ship shipment sign signing
		smash speak station stationing strike summit supply take talk target threat threaten toll transfer
		transport treaty trip truce ultimatum visit welcome wound`) {
		m[l] = true
		m[strings.ToUpper(l[:1])+l[1:]] = true // a proper noun's lemma: "Summit"
	}
	return m
}()

// EventLemmas returns the trigger lemmas NeedsParse knows (each also
// capitalised), for the event stage's consistency test.
func EventLemmas() map[string]bool { return eventLemmas }

// NeedsParse is the one place that decides which sentences the stage
// parses by default: those with a number (a token tagged NUM, a count
// noun such as "thousands", or a token holding a digit: quantities,
// figures, dates), a reporting-verb candidate (a
// token, whatever its tag, whose lemma is one of the claim stage's
// reporting verbs) or an event trigger candidate (a token whose lemma is
// one of the event stage's trigger lemmas). tags and lemmas are the
// tagger's and lemmatiser's output for words.
func NeedsParse(words []string, tags []news.UPOS, lemmas []string) bool {
	for i, w := range words {
		if tags[i] == news.NUM || countLemmas[lemmas[i]] || reportLemmas[lemmas[i]] || eventLemmas[lemmas[i]] {
			return true
		}
		for j := 0; j < len(w); j++ {
			if w[j] >= '0' && w[j] <= '9' {
				return true
			}
		}
	}
	return false
}

// countLemmas are the number words the tagger reads as nouns when they
// count on their own ("thousands of missiles", "dozens wounded").
var countLemmas = map[string]bool{"hundred": true, "thousand": true, "million": true, "billion": true, "trillion": true, "dozen": true}

// Process fills a.Syntax, one entry per token, sentence by sentence.
// Tokens outside every sentence get no tag and no head; tokens of
// sentences left unparsed get their tag and lemma, Head -1 and no Rel.
func (s *Stage) Process(ctx context.Context, a *news.Article) error {
	if s.err != nil {
		return s.err
	}
	a.Syntax = a.Syntax[:0]
	if len(a.Tokens) == 0 {
		return nil
	}
	if cap(a.Syntax) < len(a.Tokens) {
		a.Syntax = make([]news.Syntax, len(a.Tokens))
	} else {
		a.Syntax = a.Syntax[:len(a.Tokens)]
	}
	for i := range a.Syntax {
		a.Syntax[i] = news.Syntax{Head: -1}
	}
	w, _ := s.pool.Get().(*work)
	if w == nil {
		w = &work{}
	}
	defer s.pool.Put(w)
	k := 0
	for _, sent := range a.Sentences {
		if err := ctx.Err(); err != nil {
			return err
		}
		for k < len(a.Tokens) && a.Tokens[k].Start < sent.Start {
			k++
		}
		first := k
		w.words = w.words[:0]
		for ; k < len(a.Tokens) && a.Tokens[k].End <= sent.End; k++ {
			w.words = append(w.words, a.Tokens[k].In(a.Text))
		}
		if len(w.words) == 0 {
			continue
		}
		s.an.Tag(w.words, &w.out)
		if s.parseAll || NeedsParse(w.words, w.out.Tags, w.out.Lemmas) {
			s.an.Parse(w.words, &w.out)
		}
		for j := range w.words {
			e := &a.Syntax[first+j]
			e.UPOS = w.out.Tags[j]
			e.Lemma = w.out.Lemmas[j]
			if len(w.out.Heads) == 0 {
				continue
			}
			if h := w.out.Heads[j]; h > 0 {
				e.Head = int32(first) + h - 1
			}
			e.Rel = w.out.Rels[j]
		}
	}
	return nil
}
