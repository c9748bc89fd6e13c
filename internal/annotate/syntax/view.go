package syntax

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"sitrep/internal/news"
)

// Sentence is the JSON view of one sentence of the syntax layer.
type Sentence struct {
	news.Span
	// Parsed is false for a sentence the stage tagged but did not parse:
	// its tokens have Head -1 and no Rel.
	Parsed bool    `json:"parsed"`
	Tokens []Token `json:"tokens"`
}

// Token is one token of a sentence. ID and Head count from 1 within the
// sentence, as in CoNLL-U; Head 0 is the root, -1 "not parsed".
type Token struct {
	news.Span
	ID    int    `json:"id"`
	Form  string `json:"form"`
	Lemma string `json:"lemma"`
	UPOS  string `json:"upos"`
	Head  int    `json:"head"`
	Rel   string `json:"rel"`
}

// Sentences returns the syntax layer of a, sentence by sentence; nil when
// the syntax stage has not run.
func Sentences(a *news.Article) []Sentence {
	if len(a.Syntax) != len(a.Tokens) || len(a.Tokens) == 0 {
		return nil
	}
	var out []Sentence
	k := 0
	for _, s := range a.Sentences {
		for k < len(a.Tokens) && a.Tokens[k].Start < s.Start {
			k++
		}
		first := k
		v := Sentence{Span: s.Span, Parsed: k < len(a.Tokens) && a.Syntax[k].Parsed()}
		for ; k < len(a.Tokens) && a.Tokens[k].End <= s.End; k++ {
			e := a.Syntax[k]
			head := 0
			if !v.Parsed {
				head = -1
			} else if e.Head >= 0 {
				head = int(e.Head) - first + 1
			}
			v.Tokens = append(v.Tokens, Token{
				Span: a.Tokens[k].Span, ID: k - first + 1, Form: a.Tokens[k].In(a.Text),
				Lemma: e.Lemma, UPOS: e.UPOS.String(), Head: head, Rel: e.Rel,
			})
		}
		if len(v.Tokens) > 0 {
			out = append(out, v)
		}
	}
	return out
}

// WriteCoNLLU writes the syntax layer of a as CoNLL-U: one document
// ("# newdoc id" is the article ID), one sentence per sentence with its
// text, ID FORM LEMMA UPOS and HEAD DEPREL filled, SpaceAfter=No in MISC
// where the next token follows with no space. A sentence the stage did not
// parse has "_" for HEAD and DEPREL.
func WriteCoNLLU(w io.Writer, a *news.Article) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# newdoc id = %s\n", a.ID)
	for n, s := range Sentences(a) {
		fmt.Fprintf(bw, "# sent_id = %s-%d\n# text = %s\n", a.ID, n+1, strings.Join(strings.Fields(s.In(a.Text)), " "))
		for i, t := range s.Tokens {
			misc := "_"
			if i+1 < len(s.Tokens) && s.Tokens[i+1].Start == t.End {
				misc = "SpaceAfter=No"
			}
			head := "_"
			if s.Parsed {
				head = strconv.Itoa(t.Head)
			}
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t_\t_\t%s\t%s\t_\t%s\n", t.ID, field(t.Form), field(t.Lemma), t.UPOS, head, field(t.Rel), misc)
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// field keeps a CoNLL-U column free of tabs and line breaks.
func field(s string) string {
	if s == "" {
		return "_"
	}
	if strings.ContainsAny(s, "\t\n\r") {
		return strings.Join(strings.Fields(s), "_")
	}
	return s
}
