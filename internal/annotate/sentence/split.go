package sentence

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/news"
)

// Splitter is the pipeline stage that writes the token and sentence
// layers. It holds no state and is safe for concurrent use.
type Splitter struct{}

// New returns a Splitter.
func New() *Splitter { return &Splitter{} }

// Process sets a.Tokens and a.Sentences from a.Text.
func (s *Splitter) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	a.Tokens = Tokenize(a.Text)
	a.Sentences = Split(a.Text, a.Tokens)
	return nil
}

// maxHeadlineWords is the longest line, in words and numbers, that may
// stand as a sentence of its own without terminal punctuation.
const maxHeadlineWords = 20

// MaxSentenceTokens bounds a sentence: a run of this many tokens with no
// sentence end is cut at the next space between tokens (at twice as many
// tokens, between any two). Later stages look at a sentence as a whole
// (cues, hedges, clauses), so the bound keeps their work per sentence
// constant and the article's cost linear in its length. Written
// sentences are far shorter; text without punctuation (lists, tables,
// transcripts) is not.
const MaxSentenceTokens = 400

// Split groups the tokens of text, as returned by [Tokenize], into
// sentences. Every token belongs to exactly one sentence; a sentence
// spans from its first token's start to its last token's end.
func Split(text string, toks []news.Token) []news.Sentence {
	sents := make([]news.Sentence, 0, len(toks)/20+1)
	start := 0     // first token of the current sentence
	lineStart := 0 // first token of the current line
	for k := 0; k < len(toks); {
		e := k // last token of the candidate sentence
		term := isTerminal(text, toks[k])
		if term {
			for e+1 < len(toks) && toks[e+1].Start == toks[e].End && isCloser(text, toks[e+1]) {
				e++
			}
			e = skipCitations(text, toks, e)
			e = footnoteMark(text, toks, k, e)
		}
		if e+1 >= len(toks) {
			break
		}
		gapStart, gapEnd := toks[e].End, toks[e+1].Start
		nl := 0
		if gapEnd-gapStart > 1 || gapEnd-gapStart == 1 && text[gapStart] != ' ' {
			nl = newlines(text[gapStart:gapEnd])
		}
		var brk bool
		switch {
		case nl >= 2:
			brk = true
		case e+1-start >= 2*MaxSentenceTokens:
			brk = true
		case gapEnd == gapStart && glued(text, toks, k, e):
			// Extraction lost the space after a sentence ("attendance.The")
			// or the line break between two lines ("deadNine"): decide as
			// if it were there.
			if term {
				brk = terminalBreak(text, toks, k, e, start)
			} else {
				nl = 1
				brk = !gluedWithin(toks[e].In(text))
			}
		case gapEnd == gapStart:
			brk = false
		case e+1-start >= MaxSentenceTokens:
			brk = true
		case term:
			brk = terminalBreak(text, toks, k, e, start)
		case nl == 1:
			brk = start == lineStart && headlineBreak(text, toks[lineStart:e+1], toks[e+1])
		}
		if brk {
			sents = append(sents, news.Sentence{Span: news.Span{Start: toks[start].Start, End: toks[e].End}})
			start = e + 1
		}
		if nl > 0 {
			lineStart = e + 1
		}
		k = e + 1
	}
	if start < len(toks) {
		sents = append(sents, news.Sentence{Span: news.Span{Start: toks[start].Start, End: toks[len(toks)-1].End}})
	}
	return sents
}

// glued reports whether the boundary after token e, which touches the
// next token, is a lost space or line break: a lower-case word ending
// right before it (with terminal punctuation k and closing quotes up to e
// in between, or none),
// or a number with a full stop, and a capitalised word of at least two
// letters right after it.
func glued(text string, toks []news.Token, k, e int) bool {
	w := k // the word before the boundary
	if isTerminal(text, toks[k]) {
		if toks[k].Kind != news.TokenPunct || k == 0 || toks[k-1].End != toks[k].Start {
			return false
		}
		w = k - 1
	}
	prev, next := toks[w], toks[e+1]
	if w != k && next.Kind == news.TokenPunct && e+2 < len(toks) && toks[e+2].Start == next.End && text[toks[e+2].Start] >= 'A' && text[toks[e+2].Start] <= 'Z' {
		switch next.In(text) {
		case "“", "\"", "‘", "«":
			next = toks[e+2] // "the gift.“Although …": a quotation opens the next
		}
	}
	// "opened in 2015.It was": a number ending a sentence glues too.
	number := prev.Kind == news.TokenNumber && w != k && prev.Len() >= 2
	if !number && prev.Kind != news.TokenWord || next.Kind != news.TokenWord || !number && prev.Len() < 3 || next.Len() < 2 {
		return false
	}
	if number {
		a, b, c := text[prev.End-1], text[next.Start], text[next.Start+1]
		return a >= '0' && a <= '9' && b >= 'A' && b <= 'Z' && c >= 'a' && c <= 'z'
	}
	if w != k { // "Newsfeeds.Com", "Mc.Donalds": a host name or a name
		// ("the leader.In a post": after a lower-case word, "In" opens a
		// sentence; a host name is capitalised throughout.)
		_, tld := tlds[strings.ToLower(next.In(text))]
		if tld && !unicode.IsLower(rune(text[prev.Start])) || !lowerTail(prev.In(text)) {
			return false
		}
	}
	a, b := text[prev.End-1], text[next.Start]
	c := text[next.Start+1]
	return a >= 'a' && a <= 'z' && b >= 'A' && b <= 'Z' && c >= 'a' && c <= 'z'
}

// lowerTail reports whether every letter of w after the first is a
// lower-case ASCII letter.
func lowerTail(w string) bool {
	for i := 1; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// gluedWithin reports whether a lost line break after the word w is more
// likely a lost space inside a sentence ("will haveLong-term"): w is a
// function word. Lost breaks come from block elements run together (a
// live blog's headline and its post, a link list), so speech verbs, which
// end such headlines ("…, Lavrov saysRussia's …"), do not count.
func gluedWithin(w string) bool {
	switch w {
	case "said", "says", "say":
		return false
	}
	_, ok := functionWords[w]
	return ok
}

// newlines counts the line breaks in a run of white space; a paragraph
// separator counts as two.
func newlines(gap string) int {
	n := 0
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case '\n':
			n++
		case '\r':
			if i+1 == len(gap) || gap[i+1] != '\n' {
				n++
			}
		case 0xc2: // U+0085 next line
			if i+1 < len(gap) && gap[i+1] == 0x85 {
				n++
			}
		case 0xe2: // U+2028 line separator, U+2029 paragraph separator
			if i+2 < len(gap) && gap[i+1] == 0x80 {
				switch gap[i+2] {
				case 0xa8:
					n++
				case 0xa9:
					n += 2
				}
			}
		}
	}
	return n
}

// isTerminal reports whether t may end a sentence: terminal punctuation
// or a word ending in a period (an abbreviation).
func isTerminal(text string, t news.Token) bool {
	last := text[t.End-1]
	switch t.Kind {
	case news.TokenPunct:
		if last == '.' || last == '!' || last == '?' {
			return true
		}
		r, _ := utf8.DecodeLastRuneInString(text[t.Start:t.End])
		return r == '…'
	case news.TokenWord:
		return last == '.'
	}
	return false
}

// isCloser reports whether t closes a quotation or bracket.
func isCloser(text string, t news.Token) bool {
	if t.Kind != news.TokenPunct {
		return false
	}
	switch t.In(text) {
	case "”", "’", "\"", "'", ")", "]", "}", "»", "›", "」", "』":
		return true
	}
	return false
}

// class is what the token after a possible boundary looks like.
type class uint8

const (
	clsUpper class = iota // a capitalised or caseless word, or other symbols
	clsLower              // a lower-case word
	clsDigit              // a number
	clsOpen               // an opening quote or bracket, a dash or a bullet
	clsCont               // punctuation that continues a sentence: , ; : ) %
)

func classify(text string, t news.Token) class {
	switch t.Kind {
	case news.TokenNumber:
		return clsDigit
	case news.TokenWord:
		r, _ := runeAt(text, t.Start)
		if unicode.IsLower(r) {
			return clsLower
		}
		return clsUpper
	}
	switch t.In(text) {
	case ",", ";", ":", ")", "]", "}", "%", "”", "’", "»", "›":
		return clsCont
	case "“", "‘", "\"", "'", "(", "[", "{", "«", "‹", "—", "–", "-", "--", "•", "·", "*", "¿", "¡":
		return clsOpen
	}
	return clsUpper
}

// skipCitations returns the index of the last token of the reference
// markers ("[3]", "[citation needed]") that follow token e on its line,
// or e when there are none.
func skipCitations(text string, toks []news.Token, e int) int {
	for e+1 < len(toks) && toks[e+1].In(text) == "[" && newlines(text[toks[e].End:toks[e+1].Start]) == 0 {
		c := e + 2
		for c < len(toks) && c <= e+5 && (toks[c].Kind == news.TokenNumber || classify(text, toks[c]) == clsLower) {
			c++
		}
		if c == e+2 || c >= len(toks) || toks[c].In(text) != "]" {
			break
		}
		e = c
	}
	return e
}

// footnoteMark returns the index of a footnote number glued to the full
// stop k that ends a sentence ("… political control.1 Western
// officials …", the superscript of a web page flattened into text), or
// e when there is none: one to three digits right after the stop (and
// its closing quotes, up to e), a word ending in a lower-case letter or
// a bracket before the stop, and white space and a capital after the
// digits. A number after a stop that closes a figure ("3.5") or an
// abbreviation ("No.1") is not a footnote: either has no lower-case word
// before its stop, or the stop belongs to the word.
func footnoteMark(text string, toks []news.Token, k, e int) int {
	if k == 0 || e+2 >= len(toks) || toks[k].In(text) != "." || toks[k-1].End != toks[k].Start {
		return e
	}
	mark, nx := toks[e+1], toks[e+2]
	if mark.Start != toks[e].End || mark.Kind != news.TokenNumber || mark.Len() > 3 || nx.Start == mark.End {
		return e
	}
	for i := mark.Start; i < mark.End; i++ {
		if text[i] < '0' || text[i] > '9' {
			return e
		}
	}
	prev := toks[k-1].In(text)
	last, _ := utf8.DecodeLastRuneInString(prev)
	if !unicode.IsLower(last) && last != ')' && last != ']' {
		return e
	}
	if c := classify(text, nx); c != clsUpper && c != clsOpen {
		return e
	}
	return e + 1
}

// terminalBreak decides whether a sentence that starts at token start
// ends after the terminal token k and the closing punctuation up to
// token e, given the token after e (past white space).
func terminalBreak(text string, toks []news.Token, k, e, start int) bool {
	t, nx := toks[k], toks[e+1]
	cls := classify(text, nx)
	if cls == clsLower || cls == clsCont {
		return false
	}
	if t.Kind != news.TokenWord {
		switch {
		case nx.Kind == news.TokenPunct && nx.Len() == 1 && isTerminal(text, nx):
			return false // a spaced ellipsis ". . ." or "? ?"
		case k == start+1 && toks[start].Kind == news.TokenNumber && text[t.Start] == '.':
			return false // a numbered heading or list item: "2. Methods"
		case e > k && text[t.End-1] != '.' && attribution(text, toks[e+1:]):
			return false // “Why?” Putin asked.
		}
		return true
	}
	w := text[t.Start : t.End-1]
	if cls == clsOpen && (nx.In(text) == "(" || nx.In(text) == "[") {
		return false
	}
	if len(w) == 1 || hasByte(w, '.') { // an initial or an acronym: U.S.
		return cls == clsOpen || isStarter(text, nx)
	}
	switch abbrevs[w] {
	case abNever, abNumber:
		return false
	case abMonth:
		return cls != clsDigit
	case abMaybe:
		return cls == clsOpen || isStarter(text, nx)
	}
	return true
}

// attribution reports whether toks start with a speaker and a speech
// verb: "Putin said", "Senator Rhea Olin asked", "Sen. Rhea Olin, R-Ore.,
// asked", "Olin, a Republican from Oregon, asked" ("the minister asked" is
// lower-case and never gets here): a name of five capitalised words at
// most, its abbreviation stops, and one apposition between commas.
func attribution(text string, toks []news.Token) bool {
	words := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.Kind == news.TokenWord:
			if words > 0 {
				if _, ok := speechVerbs[t.In(text)]; ok {
					return true
				}
			}
			if classify(text, t) != clsUpper || words == 5 {
				return false
			}
			words++
		case t.In(text) == "." && i > 0 && toks[i-1].End == t.Start:
			// the stop of "Sen." or "Jr." inside the name
		case t.In(text) == "," && words > 0:
			j := appositionEnd(text, toks, i+1)
			if j < 0 || j+1 >= len(toks) || toks[j+1].Kind != news.TokenWord {
				return false
			}
			_, ok := speechVerbs[toks[j+1].In(text)]
			return ok
		default:
			return false
		}
	}
	return false
}

// appositionEnd returns the index of the comma that closes an apposition
// starting at token i ("R-Ore.,", "a Republican from Oregon,"), or -1 when
// none closes within eight tokens or a quotation mark, ! or ? comes first.
func appositionEnd(text string, toks []news.Token, i int) int {
	for j := i; j < len(toks) && j < i+9; j++ {
		switch toks[j].In(text) {
		case ",":
			if j == i {
				return -1
			}
			return j
		case "\"", "“", "”", "!", "?", ";", ":":
			return -1
		}
	}
	return -1
}

// speechVerbs introduce or follow a quotation.
var speechVerbs = wordSet(
	"said", "says", "asked", "asks", "told", "tells", "added", "adds", "wrote", "writes", "replied", "replies",
	"cried", "shouted", "called", "answered", "continued", "insisted", "warned", "explained", "recalled",
	"started", "howled", "whispered", "demanded", "wondered", "responded", "exclaimed", "yelled", "snapped",
	"cautioned", "urged", "vowed", "promised", "complained", "countered", "lamented", "maintained", "proclaimed",
	"reiterated", "objected", "protested", "testified", "pleaded", "mused", "thundered", "retorted", "scoffed",
	"joked", "quipped", "observed", "remarked", "recounted", "declared", "stated", "noted", "conceded", "admitted",
)

// headlineBreak decides whether the line made of toks, which holds no
// terminal punctuation and starts a sentence, stands alone before the
// line starting with nx.
func headlineBreak(text string, line []news.Token, nx news.Token) bool {
	if cls := classify(text, nx); cls == clsLower || cls == clsCont {
		return false
	}
	last := line[len(line)-1]
	switch last.Kind {
	case news.TokenPunct:
		switch last.In(text) {
		case ",", ";", ":", "-", "--", "–", "—", "(", "[", "“", "‘", "/", "&", "+":
			return false
		}
	case news.TokenWord:
		if _, ok := functionWords[last.In(text)]; ok {
			return false
		}
	}
	words := 0
	for _, t := range line {
		if t.Kind != news.TokenPunct {
			words++
			if words > maxHeadlineWords {
				return false
			}
		}
	}
	return true
}

// isStarter reports whether t is a capitalised word that typically opens
// a sentence.
func isStarter(text string, t news.Token) bool {
	if t.Kind != news.TokenWord {
		return false
	}
	_, ok := starters[t.In(text)]
	return ok
}

// starters are capitalised closed-class words and sentence adverbs: after
// an ambiguous abbreviation ("U.S.") they signal a new sentence, while a
// capitalised content word ("U.S. President") does not.
var starters = wordSet(
	"The", "A", "An", "This", "That", "These", "Those", "There", "Here", "It", "Its", "He", "She", "His", "Her",
	"They", "Their", "We", "Our", "I", "You", "Your", "My", "But", "And", "Or", "So", "Yet", "Nor", "In", "On", "At",
	"As", "After", "Before", "When", "While", "If", "Although", "Though", "However", "Meanwhile", "Still", "Also",
	"Some", "Many", "Most", "Both", "All", "Each", "Such", "No", "Not", "For", "From", "With", "Without", "By",
	"Since", "Until", "During", "Despite", "What", "Who", "Why", "How", "Where", "Which", "Now", "Then", "Last",
	"Earlier", "Later", "According", "Instead", "Thus", "Therefore", "Moreover", "Furthermore", "Yes", "Even",
	"Only", "Other", "Another", "One", "Two", "Three", "Several", "Officials", "Mr", "Mrs", "Ms",
)

// functionWords end a line that cannot stand alone: a hard-wrapped
// sentence goes on after them.
var functionWords = wordSet(
	"a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "into", "over", "under", "about",
	"after", "before", "than", "as", "and", "or", "but", "nor", "if", "that", "which", "who", "whose", "whom",
	"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "may",
	"might", "must", "shall", "should", "its", "their", "his", "her", "our", "my", "your", "this", "these",
	"those", "not", "no", "said", "says", "say",
)

func wordSet(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}
