package attribution

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"sitrep/internal/annotate/sentence"
	"sitrep/internal/annotate/syntax"
	"sitrep/internal/news"
)

// Range is a run of tokens, [Start, End) as token indices.
type Range struct{ Start, End int }

// Attribution is one attribution relation as token ranges. A role may
// be empty (no source) or discontinuous (several ranges).
type Attribution struct {
	Cue, Source, Content []Range
}

// Document is one article tokenised by our own token and sentence stage,
// with its attributions (gold ones when read from PolNeAR).
type Document struct {
	Name   string
	Text   string
	Tokens []news.Token
	// Sentences are token ranges, in order, covering every token.
	Sentences    []Range
	Attributions []Attribution
	// Syntax is the syntax layer of Tokens (internal/annotate/syntax:
	// tags and lemmas everywhere, heads where the stage parses), one
	// entry per token. When it is missing the tagger computes it with
	// the syntax stage; the claim stage passes the article's own.
	Syntax []news.Syntax
}

// NewDocument tokenises text with internal/annotate/sentence.
func NewDocument(name, text string) *Document {
	toks := sentence.Tokenize(text)
	return &Document{Name: name, Text: text, Tokens: toks, Sentences: SentenceRanges(toks, sentence.Split(text, toks))}
}

// FromLayers wraps an article's text and its token and sentence layers
// (as the sentence stage wrote them) without copying them.
func FromLayers(text string, toks []news.Token, sents []news.Sentence) *Document {
	return &Document{Text: text, Tokens: toks, Sentences: SentenceRanges(toks, sents)}
}

// syntaxStage is the syntax stage with the embedded models, as the
// pipeline runs it (only some sentences parsed).
var syntaxStage = sync.OnceValue(syntax.New)

// fillSyntax sets d.Syntax with the syntax stage when it does not hold
// one entry per token.
func (d *Document) fillSyntax() error {
	if len(d.Syntax) == len(d.Tokens) {
		return nil
	}
	a := &news.Article{Text: d.Text, Tokens: d.Tokens, Sentences: make([]news.Sentence, 0, len(d.Sentences))}
	for _, s := range d.Sentences {
		if s.End > s.Start {
			a.Sentences = append(a.Sentences, news.Sentence{Span: news.Span{Start: d.Tokens[s.Start].Start, End: d.Tokens[s.End-1].End}})
		}
	}
	if err := syntaxStage().Process(context.Background(), a); err != nil {
		d.Syntax = nil
		return fmt.Errorf("syntax layer: %w", err)
	}
	d.Syntax = a.Syntax
	return nil
}

// Span returns the byte span from the start of the first range to the
// end of the last; the zero span for no ranges.
func (d *Document) Span(rs []Range) news.Span {
	if len(rs) == 0 {
		return news.Span{}
	}
	return news.Span{Start: d.Tokens[rs[0].Start].Start, End: d.Tokens[rs[len(rs)-1].End-1].End}
}

// SentenceRanges maps byte-span sentences onto token ranges.
func SentenceRanges(toks []news.Token, sents []news.Sentence) []Range {
	out := make([]Range, 0, len(sents))
	k := 0
	for _, s := range sents {
		for k < len(toks) && toks[k].Start < s.Start {
			k++
		}
		st := k
		for k < len(toks) && toks[k].End <= s.End {
			k++
		}
		if k > st {
			out = append(out, Range{st, k})
		}
	}
	return out
}

// TokensOf returns the ranges of tokens that overlap the byte spans,
// merged where they touch or overlap.
func (d *Document) TokensOf(spans ...news.Span) []Range {
	var out []Range
	for _, sp := range spans {
		if sp.End <= sp.Start {
			continue
		}
		i := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].End > sp.Start })
		j := i
		for j < len(d.Tokens) && d.Tokens[j].Start < sp.End {
			j++
		}
		if j > i {
			out = append(out, Range{i, j})
		}
	}
	return mergeRanges(out)
}

// mergeRanges sorts ranges and merges those that touch or overlap.
func mergeRanges(rs []Range) []Range {
	if len(rs) < 2 {
		return rs
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].Start < rs[j].Start })
	out := rs[:1]
	for _, r := range rs[1:] {
		last := &out[len(out)-1]
		if r.Start <= last.End {
			last.End = max(last.End, r.End)
			continue
		}
		out = append(out, r)
	}
	return out
}

// ReadPolNeAR reads one split of PolNeAR (a directory holding text/ and
// attributions/, see ../shared/data/attribution/polnear/README.md). An
// article annotated by several annotators is read from the first
// annotation file in name order. Documents come sorted by name.
func ReadPolNeAR(dir string) ([]*Document, error) {
	docs, _, err := readPolNeAR(dir, false)
	return docs, err
}

// ReadPolNeARAgreement reads the articles of a split that two annotators
// annotated: each document carries the first annotator's attributions,
// and second[i] holds the second annotator's for docs[i]. Scoring one
// against the other measures the annotators' agreement, a ceiling for
// any tagger.
func ReadPolNeARAgreement(dir string) (docs []*Document, second [][]Attribution, err error) {
	return readPolNeAR(dir, true)
}

func readPolNeAR(dir string, pairs bool) ([]*Document, [][]Attribution, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, nil, err
	}
	if len(anns) == 0 {
		return nil, nil, fmt.Errorf("polnear %s: no attributions/*.ann files", dir)
	}
	sort.Strings(anns)
	var names []string
	files := map[string][]string{}
	for _, ann := range anns {
		base := filepath.Base(ann)
		k := strings.LastIndexByte(base, '_')
		if k < 0 {
			return nil, nil, fmt.Errorf("polnear %s: annotation file without annotator suffix", ann)
		}
		name := base[:k]
		if files[name] == nil {
			names = append(names, name)
		}
		files[name] = append(files[name], ann)
	}
	var docs []*Document
	var second [][]Attribution
	for _, name := range names {
		fs := files[name]
		if pairs && len(fs) < 2 {
			continue
		}
		text, err := os.ReadFile(filepath.Join(dir, "text", name+".txt"))
		if err != nil {
			return nil, nil, fmt.Errorf("polnear %s: %w", fs[0], err)
		}
		d := NewDocument(name, string(text))
		if err := d.fillSyntax(); err != nil {
			return nil, nil, fmt.Errorf("polnear %s: %w", fs[0], err)
		}
		read := func(ann string) ([]Attribution, error) {
			raw, err := os.ReadFile(ann)
			if err != nil {
				return nil, fmt.Errorf("polnear: %w", err)
			}
			as, err := parseBrat(d, string(raw))
			if err != nil {
				return nil, fmt.Errorf("polnear %s: %w", ann, err)
			}
			return as, nil
		}
		if d.Attributions, err = read(fs[0]); err != nil {
			return nil, nil, err
		}
		if pairs {
			as, err := read(fs[1])
			if err != nil {
				return nil, nil, err
			}
			second = append(second, as)
		}
		docs = append(docs, d)
	}
	return docs, second, nil
}

// parseBrat reads the Source, Cue and Content text-bound annotations and
// the relations that tie them, mapping code-point offsets onto tokens.
func parseBrat(d *Document, raw string) ([]Attribution, error) {
	// Byte offset of every code point, plus the end.
	cp := make([]int, 0, len(d.Text)+1)
	for i := range d.Text {
		cp = append(cp, i)
	}
	cp = append(cp, len(d.Text))
	spans := map[string][]news.Span{}
	var rels [][]string
	for n, line := range strings.Split(raw, "\n") {
		id, rest, ok := strings.Cut(line, "\t")
		if !ok || len(id) < 2 || !isDigits(id[1:]) {
			continue // notes and continuation lines of multi-line span texts
		}
		switch id[0] {
		case 'T':
			def, _, _ := strings.Cut(rest, "\t")
			typ, offs, ok := strings.Cut(def, " ")
			if !ok {
				return nil, fmt.Errorf("line %d: bad span %q", n+1, def)
			}
			if typ != "Source" && typ != "Cue" && typ != "Content" {
				continue
			}
			var sps []news.Span
			for _, frag := range strings.Split(offs, ";") {
				a, b, ok := strings.Cut(strings.TrimSpace(frag), " ")
				s, err1 := strconv.Atoi(a)
				e, err2 := strconv.Atoi(b)
				if !ok || err1 != nil || err2 != nil || s < 0 || e < s || e >= len(cp) {
					return nil, fmt.Errorf("line %d: bad offsets %q", n+1, frag)
				}
				sps = append(sps, news.Span{Start: cp[s], End: cp[e]})
			}
			spans[id] = sps
		case 'E':
			rels = append(rels, strings.Fields(rest))
		}
	}
	var out []Attribution
	for _, r := range rels {
		var a Attribution
		for _, f := range r {
			role, id, _ := strings.Cut(f, ":")
			sps, ok := spans[id]
			if !ok {
				continue
			}
			switch role {
			case "Cue":
				a.Cue = d.TokensOf(sps...)
			case "Source":
				a.Source = d.TokensOf(sps...)
			case "Content":
				a.Content = d.TokensOf(sps...)
			}
		}
		if len(a.Cue) > 0 {
			out = append(out, a)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Cue[0].Start < out[j].Cue[0].Start })
	return out, nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
