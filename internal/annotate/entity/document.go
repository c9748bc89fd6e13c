package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/news"
)

type document struct {
	text   string
	toks   []news.Token
	words  [][]string // per sentence, the token texts
	starts []int      // index in toks of each sentence's first token
}

func newDocument(a *news.Article) *document {
	d := &document{text: a.Text, toks: a.Tokens}
	si := 0
	cur := -1 // sentence of the group being built
	for i, t := range a.Tokens {
		for si < len(a.Sentences) && a.Sentences[si].End <= t.Start {
			si++
		}
		s := si
		if si >= len(a.Sentences) || t.Start < a.Sentences[si].Start {
			s = -1 - si // a token outside every sentence: its own group
		}
		if len(d.starts) == 0 || s != cur || s < 0 {
			d.starts = append(d.starts, i)
			d.words = append(d.words, nil)
			cur = s
		}
		d.words[len(d.words)-1] = append(d.words[len(d.words)-1], t.In(a.Text))
	}
	return d
}

func (d *document) split(ms []mention, first, last int, typ string) []mention {
	start := first
	for k := first; k <= last; k++ {
		w := d.word(k)
		cut := w == "'s" || w == "’s" || strings.ContainsAny(w, "()[]{}\"“”")
		brk := k < last && strings.ContainsAny(d.text[d.toks[k].End:d.toks[k+1].Start], "\n\r")
		if cut {
			if k > start {
				ms = append(ms, mention{first: start, last: k - 1, nerType: typ, kind: "name"})
			}
			start = k + 1
		} else if brk {
			ms = append(ms, mention{first: start, last: k, nerType: typ, kind: "name"})
			start = k + 1
		}
	}
	if start <= last {
		ms = append(ms, mention{first: start, last: last, nerType: typ, kind: "name"})
	}
	return ms
}

func (d *document) word(i int) string {
	if i < 0 || i >= len(d.toks) {
		return ""
	}
	return d.toks[i].In(d.text)
}

func adjacent(d *document, i, j int) bool {
	for k := i; k < j; k++ {
		gap := d.text[d.toks[k].End:d.toks[k+1].Start]
		if len(gap) > 1 || strings.ContainsAny(gap, "\n\r\t") {
			return false
		}
	}
	return true
}

func startsUpper(w string) bool {
	c, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(c)
}
