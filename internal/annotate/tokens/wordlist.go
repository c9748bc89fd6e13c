package tokens

import (
	"slices"
	"strings"
)

// A WordList finds the words and phrases of a fixed list in text the way
// the regular expression `\b(?:p1|p2|…)\b` finds them (word characters
// are ASCII letters, digits and "_", as in Go's regexp; matches do not
// overlap, the leftmost first and, at one place, the first phrase of the
// list that fits), in one pass over the text and without the regexp
// engine, which the stages' word counts over whole articles made one of
// the costliest parts of a run. A phrase is matched as written (spaces
// and apostrophes included); a final "*" stands for any further word
// characters ("outrage*": "outraged", "outrageous") and a final "+" for
// at least one. A phrase must start with a word character, and one with
// "*" or "+" must be one word.
type WordList struct {
	fold    bool
	phrases []listPhrase
	byFirst map[string][]int // phrase indices by their first word, in list order
	stems   []int            // the "*" and "+" phrases
}

type listPhrase struct {
	lit  string
	more byte // 0, '*' or '+'
}

// NewWordList returns the list of phrases, matched regardless of ASCII
// case when fold is set (as with "(?i)").
func NewWordList(fold bool, phrases ...string) *WordList {
	l := &WordList{fold: fold, byFirst: map[string][]int{}}
	for i, p := range phrases {
		var more byte
		if strings.HasSuffix(p, "*") || strings.HasSuffix(p, "+") {
			more, p = p[len(p)-1], p[:len(p)-1]
		}
		if fold {
			p = strings.ToLower(p)
		}
		end := wordEnd(p, 0)
		if end == 0 || more != 0 && end != len(p) {
			panic("tokens: bad word-list phrase " + phrases[i])
		}
		l.phrases = append(l.phrases, listPhrase{lit: p, more: more})
		if more != 0 {
			l.stems = append(l.stems, i)
		} else {
			l.byFirst[p[:end]] = append(l.byFirst[p[:end]], i)
		}
	}
	return l
}

// Count returns the number of matches in s.
func (l *WordList) Count(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if !isWordByte(s[i]) {
			i++
			continue
		}
		if e := l.matchAt(s, i); e > 0 {
			n++
			i = e
			continue
		}
		i = wordEnd(s, i)
	}
	return n
}

// Match says whether s holds a match.
func (l *WordList) Match(s string) bool {
	for i := 0; i < len(s); {
		if !isWordByte(s[i]) {
			i++
			continue
		}
		if l.matchAt(s, i) > 0 {
			return true
		}
		i = wordEnd(s, i)
	}
	return false
}

// matchAt returns the end of the first phrase of the list that matches at
// the start of the word at i, or 0.
func (l *WordList) matchAt(s string, i int) int {
	end := wordEnd(s, i)
	var buf [32]byte
	w := s[i:end]
	if l.fold && len(w) <= len(buf) {
		b := buf[:len(w)]
		for k := range len(w) {
			b[k] = lowerByte(w[k])
		}
		w = string(b) // (a map lookup with string(b) does not allocate)
	} else if l.fold {
		w = strings.ToLower(w)
	}
	cands := l.byFirst[w]
	stemmed := false
	for _, k := range l.stems {
		p := l.phrases[k]
		if strings.HasPrefix(w, p.lit) && (p.more == '*' || len(w) > len(p.lit)) {
			cands, stemmed = append(slices.Clip(cands), k), true
		}
	}
	if stemmed {
		slices.Sort(cands) // a copy: the map's slices are shared
	}
	for _, k := range cands {
		p := l.phrases[k]
		if p.more != 0 {
			return end
		}
		e := i + len(p.lit)
		if e <= len(s) && (e == len(s) || !isWordByte(s[e])) && l.equal(s[i:e], p.lit) {
			return e
		}
	}
	return 0
}

func (l *WordList) equal(s, lit string) bool {
	if !l.fold {
		return s == lit
	}
	for k := range len(s) {
		if lowerByte(s[k]) != lit[k] {
			return false
		}
	}
	return true
}

// isWordByte is regexp's \w.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// wordEnd returns the end of the run of word characters from i.
func wordEnd(s string, i int) int {
	for i < len(s) && isWordByte(s[i]) {
		i++
	}
	return i
}
