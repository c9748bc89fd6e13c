package readmodel

import (
	"context"
	"sort"
	"strings"

	"sitrep/internal/link/provenance"
	"sitrep/internal/news"
)

// Reuse is a derived article set against its source, Churnalism-style:
// how much of its text is reused, and both full texts aligned sentence
// by sentence, every reused passage and every substitution marked on
// both sides.
type Reuse struct {
	// Words counts the derived article's words; Reused those in
	// sentences copied verbatim or with edits, Paraphrased those in
	// sentences reworded from the source.
	Words       int `json:"words"`
	Reused      int `json:"reused_words"`
	Paraphrased int `json:"paraphrased_words"`
	// Share is Reused / Words.
	Share float64 `json:"share"`
	// Identical is true when the whole text is the source's, word for word.
	Identical bool `json:"identical"`
	// Substitutions counts the replaced runs of words marked.
	Substitutions int        `json:"substitutions"`
	Rows          []ReuseRow `json:"rows"`
}

// ReuseRow is one row of the aligned texts: a run of identical
// sentences (Kind "identical", collapsed, Words long), a sentence and its
// source ("near", "edited", "paraphrase"), a sentence of the derived
// article only ("new") or of the source only ("dropped"). Here and Of
// are spans of the two texts (empty on the side a row lacks); HereSubs
// and OfSubs the substituted words, as spans of the texts.
type ReuseRow struct {
	Kind     string      `json:"kind"`
	Words    int         `json:"words"`
	Here     *news.Span  `json:"here,omitempty"`
	Of       *news.Span  `json:"of,omitempty"`
	HereSubs []news.Span `json:"here_subs,omitempty"`
	OfSubs   []news.Span `json:"of_subs,omitempty"`
}

// ReuseOf aligns a with its source src (provenance.Align) and adds the
// substitutions the verdict recorded.
func ReuseOf(a, src *news.Article) *Reuse {
	pairs := provenance.Align(a, src)
	byHere := map[int]provenance.SentencePair{}
	usedOf := map[int]bool{}
	for _, p := range pairs {
		byHere[p.Here.Start] = p
		usedOf[p.Of.Start] = true
	}
	var recorded []news.Substitution
	if a.Provenance != nil && a.Provenance.Evidence != nil {
		recorded = a.Provenance.Evidence.Substitutions
	}
	hereSents, ofSents := sentenceSpans(a), sentenceSpans(src)
	r := &Reuse{Rows: []ReuseRow{}}
	nextOf := 0
	dropUntil := func(end int) {
		for ; nextOf < len(ofSents) && ofSents[nextOf].Start < end; nextOf++ {
			if !usedOf[ofSents[nextOf].Start] {
				sp := ofSents[nextOf]
				r.Rows = append(r.Rows, ReuseRow{Kind: "dropped", Words: wordCount(sp.In(src.Text)), Of: &sp})
			}
		}
	}
	for _, h := range hereSents {
		n := wordCount(h.In(a.Text))
		r.Words += n
		p, ok := byHere[h.Start]
		if !ok {
			r.Rows = append(r.Rows, ReuseRow{Kind: "new", Words: n, Here: &h})
			continue
		}
		dropUntil(p.Of.Start)
		for nextOf < len(ofSents) && ofSents[nextOf].Start <= p.Of.Start {
			nextOf++
		}
		here, of := p.Here, p.Of
		row := ReuseRow{Kind: p.Kind, Words: n, Here: &here, Of: &of}
		switch p.Kind {
		case "paraphrase":
			r.Paraphrased += n
		default:
			r.Reused += n
		}
		for _, s := range p.Subs {
			row.HereSubs = append(row.HereSubs, s.Here)
			row.OfSubs = append(row.OfSubs, s.Of)
		}
		for _, s := range recorded {
			if s.Start >= here.Start && s.End <= here.End {
				row.HereSubs = append(row.HereSubs, s.Span)
				if s.OfSpan != nil && s.OfSpan.Start >= of.Start && s.OfSpan.End <= of.End {
					row.OfSubs = append(row.OfSubs, *s.OfSpan)
				}
			}
		}
		row.HereSubs, row.OfSubs = disjoint(row.HereSubs), disjoint(row.OfSubs)
		if p.Kind == "exact" && len(row.HereSubs) == 0 {
			row.Kind = "identical"
		}
		r.Substitutions += len(row.HereSubs)
		r.Rows = append(r.Rows, row)
	}
	dropUntil(len(src.Text) + 1)
	r.Rows = collapse(r.Rows, a.Text, src.Text)
	if r.Words > 0 {
		r.Share = float64(r.Reused) / float64(r.Words)
	}
	r.Identical = len(r.Rows) == 1 && r.Rows[0].Kind == "identical"
	return r
}

// collapse merges runs of identical rows whose source sentences follow
// one another into one row.
func collapse(rows []ReuseRow, here, of string) []ReuseRow {
	var out []ReuseRow
	for _, row := range rows {
		if n := len(out); n > 0 && row.Kind == "identical" && out[n-1].Kind == "identical" &&
			row.Here.Start >= out[n-1].Here.End && row.Of.Start >= out[n-1].Of.End &&
			strings.TrimSpace(here[out[n-1].Here.End:row.Here.Start]) == "" && strings.TrimSpace(of[out[n-1].Of.End:row.Of.Start]) == "" {
			last := &out[n-1]
			h, o := *last.Here, *last.Of
			h.End, o.End = row.Here.End, row.Of.End
			last.Here, last.Of = &h, &o
			last.Words += row.Words
			continue
		}
		out = append(out, row)
	}
	return out
}

// sentenceSpans returns an article's sentences, or its whole text as one
// when it has no sentence layer.
func sentenceSpans(a *news.Article) []news.Span {
	var out []news.Span
	for _, s := range a.Sentences {
		if s.Start >= 0 && s.End <= len(a.Text) && s.Start < s.End {
			out = append(out, s.Span)
		}
	}
	if len(out) == 0 && strings.TrimSpace(a.Text) != "" {
		out = []news.Span{{Start: 0, End: len(a.Text)}}
	}
	return out
}

func wordCount(s string) int { return len(strings.Fields(s)) }

// disjoint sorts spans and drops those overlapping an earlier one.
func disjoint(spans []news.Span) []news.Span {
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var out []news.Span
	end := -1
	for _, s := range spans {
		if s.Start >= end && s.Start < s.End {
			out = append(out, s)
			end = s.End
		}
	}
	return out
}

// Derivatives returns the stored articles that derive from the article
// id directly (their verdict's Of is id), oldest first: its provenance
// family's members, read from the family index.
func (c *Catalog) Derivatives(ctx context.Context, id string) ([]Entry, error) {
	e, ok, err := c.Entry(ctx, id)
	if err != nil || !ok || e.Family == "" {
		return []Entry{}, err
	}
	members, _, err := c.List(ctx, Filter{Family: e.Family}, "", MaxFamily)
	if err != nil {
		return nil, err
	}
	out := []Entry{}
	for _, m := range members {
		if m.Of == id && m.ID != id {
			out = append(out, m)
		}
	}
	sortOldest(out)
	return out, nil
}
