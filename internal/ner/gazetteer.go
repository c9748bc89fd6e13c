package ner

import (
	"sort"
	"strings"
)

// Gazetteer is a list of names (one or more words) with a class each
// ("country", "person" …), matched case-insensitively, longest first, at
// capitalised tokens.
type Gazetteer struct {
	first map[string][]gazEntry // by lower-cased first word
	size  int
}

type gazEntry struct {
	words []string
	class string
}

// NewGazetteer builds a gazetteer from name → class. Names are split into
// words at spaces; the tagger's tokens must match those words.
func NewGazetteer(entries map[string]string) *Gazetteer {
	g := &Gazetteer{first: map[string][]gazEntry{}}
	names := make([]string, 0, len(entries))
	for n := range entries {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		ws := strings.Fields(strings.ToLower(normalize(n)))
		if len(ws) == 0 {
			continue
		}
		g.first[ws[0]] = append(g.first[ws[0]], gazEntry{words: ws, class: entries[n]})
		g.size++
	}
	for k, es := range g.first {
		sort.SliceStable(es, func(i, j int) bool { return len(es[i].words) > len(es[j].words) })
		g.first[k] = es
	}
	return g
}

// Len returns the number of names.
func (g *Gazetteer) Len() int { return g.size }

// Match returns the class of the longest entry starting at words[i] and
// its length in words, or ("", 0).
func (g *Gazetteer) Match(lower []string, i int) (string, int) {
	for _, e := range g.first[lower[i]] {
		if i+len(e.words) > len(lower) {
			continue
		}
		ok := true
		for k, w := range e.words {
			if lower[i+k] != w {
				ok = false
				break
			}
		}
		if ok {
			return e.class, len(e.words)
		}
	}
	return "", 0
}

// mark sets toks[i].gaz to position+class (B-, I-, L-, U-) for tokens
// covered by a gazetteer entry that starts at a capitalised word.
func (g *Gazetteer) mark(toks []token) {
	lower := make([]string, len(toks))
	for i := range toks {
		lower[i] = toks[i].lower
		toks[i].gaz = ""
	}
	for i := 0; i < len(toks); {
		if !toks[i].cap {
			i++
			continue
		}
		class, n := g.Match(lower, i)
		if n == 0 {
			i++
			continue
		}
		if n == 1 {
			toks[i].gaz = "U-" + class
		} else {
			for k := range n {
				p := "I-"
				switch k {
				case 0:
					p = "B-"
				case n - 1:
					p = "L-"
				}
				toks[i+k].gaz = p + class
			}
		}
		i += n
	}
}
