// Package tokens is the token layer as the annotation stages read it: a
// read-only view of the sentence stage's tokens (token text, lower-cased
// forms without allocation, the small tests every scanner asks of a
// token), the lookup of a sentence's slice of a later layer, the word
// tables several stages share (number words, word sets), and WordList,
// which counts a list of words and phrases in whole texts. It is a
// helper, not a stage.
package tokens

import (
	"unicode"
	"unicode/utf8"
	"unsafe"

	"sitrep/internal/news"
)

// View reads the tokens Toks of Text. It keeps an arena for lower-cased
// words, so a View is used by one goroutine and thrown away.
type View struct {
	Text  string
	Toks  []news.Token
	arena []byte
}

// NewView returns a view of toks over text.
func NewView(text string, toks []news.Token) View {
	return View{Text: text, Toks: toks, arena: make([]byte, 0, 512)}
}

// Tok returns the text of token i, or "" out of range.
func (v *View) Tok(i int) string {
	if i < 0 || i >= len(v.Toks) {
		return ""
	}
	return v.Text[v.Toks[i].Start:v.Toks[i].End]
}

// Low returns token i lower-cased, with curly apostrophes straightened
// and dashes made hyphens; "" out of range.
func (v *View) Low(i int) string {
	w := v.Tok(i)
	clean := true
	for k := 0; k < len(w); k++ {
		if c := w[k]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			clean = false
			break
		}
	}
	if clean {
		return w
	}
	start := len(v.arena)
	for _, r := range w {
		switch r {
		case '’', '‘':
			r = '\''
		case '–', '—', '‐', '‑':
			r = '-'
		default:
			r = unicode.ToLower(r)
		}
		v.arena = utf8.AppendRune(v.arena, r)
	}
	if len(v.arena) == start {
		return ""
	}
	// The arena only grows and written bytes never change, so the string
	// stays valid even after append moves the arena.
	return unsafe.String(&v.arena[start], len(v.arena)-start)
}

// Kind returns the kind of token i; out of range counts as punctuation.
func (v *View) Kind(i int) news.TokenKind {
	if i < 0 || i >= len(v.Toks) {
		return news.TokenPunct
	}
	return v.Toks[i].Kind
}

// IsWord reports whether token i is a word.
func (v *View) IsWord(i int) bool {
	return i >= 0 && i < len(v.Toks) && v.Toks[i].Kind == news.TokenWord
}

// IsNum reports whether token i is a number.
func (v *View) IsNum(i int) bool {
	return i >= 0 && i < len(v.Toks) && v.Toks[i].Kind == news.TokenNumber
}

// Touch reports whether tokens i and i+1 have no space between them.
func (v *View) Touch(i int) bool {
	return i >= 0 && i+1 < len(v.Toks) && v.Toks[i].End == v.Toks[i+1].Start
}

// Capitalised reports whether token i starts with an upper-case letter.
func (v *View) Capitalised(i int) bool {
	w := v.Tok(i)
	if w == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
