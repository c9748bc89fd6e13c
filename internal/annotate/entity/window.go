package entity

import (
	"sitrep/internal/annotate/tokens"
	"sitrep/internal/news"
)

// WindowTokens bounds the tokens the resolver sees at once. Its
// in-article passes compare mentions pairwise, so an article longer than
// this is tagged and resolved in windows of whole sentences of about
// this many tokens, each on its own: a surname in one window does not
// join a full name in another. News articles are far shorter (a long
// one has 3,000 tokens); the bound keeps the stage linear in the
// article's length.
const WindowTokens = 20000

// windows returns the token ranges [start, end) the stage resolves
// apart: cut at the first sentence start after size tokens, or at 2×size
// tokens inside an endless sentence.
func windows(a *news.Article, size int) [][2]int {
	var out [][2]int
	start, si := 0, 0
	for i, t := range a.Tokens {
		for si < len(a.Sentences) && a.Sentences[si].End <= t.Start {
			si++
		}
		opens := si < len(a.Sentences) && a.Sentences[si].Start == t.Start
		if n := i - start; n >= size && opens || n >= 2*size {
			out = append(out, [2]int{start, i})
			start = i
		}
	}
	return append(out, [2]int{start, len(a.Tokens)})
}

// window returns the part of a that the token range w covers: the same
// text, the range's tokens, their syntax entries (whose heads still index
// the whole article: the stage reads only their tags) and the sentences
// that start in it.
func window(a *news.Article, w [2]int) *news.Article {
	toks := a.Tokens[w[0]:w[1]]
	sp := news.Span{Start: toks[0].Start, End: toks[len(toks)-1].End}
	lo, hi := tokens.Within(len(a.Sentences), func(i int) int { return a.Sentences[i].Start }, sp)
	out := &news.Article{Text: a.Text, Tokens: toks, Sentences: a.Sentences[lo:hi], Published: a.Published}
	if len(a.Syntax) == len(a.Tokens) {
		out.Syntax = a.Syntax[w[0]:w[1]]
	}
	return out
}
