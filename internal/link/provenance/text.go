package provenance

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/link/provenance/minhash"
	"sitrep/internal/news"
)

// word is one word of a text: its byte span, its lower-cased form and
// whether it is a number or starts with a capital letter.
type word struct {
	news.Span
	norm    string
	number  bool
	capital bool
}

// words splits text into words: runs of letters and digits, joined by an
// inner apostrophe or hyphen, or by '.' or ',' between digits.
func words(text string) []word {
	var out []word
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		digits, letters := 0, 0
		for i < len(text) {
			r, n = utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				if unicode.IsDigit(r) {
					digits++
				} else {
					letters++
				}
				i += n
				continue
			}
			// An inner joiner continues the word when a word rune follows.
			if r == '\'' || r == '’' || r == '-' || r == '.' || r == ',' {
				r2, n2 := utf8.DecodeRuneInString(text[i+n:])
				if i+n < len(text) && isWordRune(r2) {
					if (r == '.' || r == ',') && !(unicode.IsDigit(r2) && digits > 0 && letters == 0) {
						break
					}
					i += n + n2
					if unicode.IsDigit(r2) {
						digits++
					} else {
						letters++
					}
					continue
				}
			}
			break
		}
		s := text[start:i]
		first, _ := utf8.DecodeRuneInString(s)
		out = append(out, word{
			Span:    news.Span{Start: start, End: i},
			norm:    normWord(s),
			number:  digits > 0 && letters == 0,
			capital: unicode.IsUpper(first),
		})
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// normWord lower-cases a word and folds typographic apostrophes.
func normWord(s string) string {
	s = strings.ToLower(s)
	if strings.ContainsRune(s, '’') {
		s = strings.ReplaceAll(s, "’", "'")
	}
	return s
}

// stopwords are English function words, left out of content-word sets.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at be
	because been before being below between both but by can could did do does doing down during each
	few for from further had has have having he her here hers herself him himself his how i if in into
	is it its itself just me more most my myself no nor not now of off on once only or other our ours
	ourselves out over own same she should so some such than that the their theirs them themselves then
	there these they this those through to too under until up very was we were what when where which
	while who whom why will with would you your yours yourself said says say told it's he's she's
	there's that's one two new would may might must us per mr ms mrs`) {
		m[w] = true
	}
	return m
}()

// isContent reports whether a word carries content: not a stopword, and a
// number or at least three characters long.
func isContent(w word) bool {
	return !stopwords[w.norm] && (w.number || len(w.norm) >= 3)
}

// sentence is one sentence of a text with its words.
type sentence struct {
	news.Span
	words   []word
	content map[string]bool
	// furniture marks page furniture (isFurniture), never reused text.
	furniture bool
}

// doc is the per-article view the comparisons work on.
type doc struct {
	text      string
	words     []word
	sentences []sentence
}

// MaxCompareBytes bounds the text of one article that the judge compares:
// the first 256 KiB, cut at a space. Aligning two articles and measuring
// padding compare sentences pairwise, so the bound keeps a judgement's
// cost constant whatever the article's length; a news article is far
// shorter, and what a longer one copies shows in its beginning.
const MaxCompareBytes = 256 << 10

// compared returns the part of text the judge compares.
func compared(text string) string {
	if len(text) <= MaxCompareBytes {
		return text
	}
	cut := strings.LastIndexAny(text[:MaxCompareBytes], " \t\n")
	if cut <= 0 {
		cut = MaxCompareBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
	}
	return text[:cut]
}

// newDoc builds the comparison view of an article's text (up to
// MaxCompareBytes), using its sentence layer when there is one.
func newDoc(text string, spans []news.Sentence) *doc {
	text = compared(text)
	d := &doc{text: text, words: words(text)}
	if len(spans) == 0 {
		spans = splitSentences(text)
	}
	wi := 0
	for _, sp := range spans {
		if sp.Start >= len(text) {
			break
		}
		sp.End = min(sp.End, len(text))
		s := sentence{Span: sp.Span, content: map[string]bool{}}
		for wi < len(d.words) && d.words[wi].Start < sp.Start {
			wi++
		}
		for wi < len(d.words) && d.words[wi].End <= sp.End {
			w := d.words[wi]
			s.words = append(s.words, w)
			if isContent(w) {
				s.content[w.norm] = true
			}
			wi++
		}
		if len(s.words) > 0 {
			s.furniture = isFurniture(text[s.Start:s.End], s.words)
			d.sentences = append(d.sentences, s)
		}
	}
	return d
}

// splitSentences is a plain fallback splitter: line breaks, and '.', '!'
// or '?' followed by a space and a capital letter or quote.
func splitSentences(text string) []news.Sentence {
	var out []news.Sentence
	start := 0
	emit := func(end int) {
		s := strings.TrimSpace(text[start:end])
		if s != "" {
			off := start + strings.Index(text[start:end], s)
			out = append(out, news.Sentence{Span: news.Span{Start: off, End: off + len(s)}})
		}
		start = end
	}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			emit(i + 1)
		case '.', '!', '?':
			if i+2 < len(text) && text[i+1] == ' ' {
				r, _ := utf8.DecodeRuneInString(text[i+2:])
				if unicode.IsUpper(r) || r == '"' || r == '“' {
					emit(i + 1)
				}
			}
		}
	}
	emit(len(text))
	return out
}

// shingleK is the word-shingle length of the copy signature.
const shingleK = 5

// shingles returns the hashes of the word k-shingles of ws (one shingle
// of all words when there are fewer than k).
func shingles(ws []word, k int) []uint64 {
	if len(ws) == 0 {
		return nil
	}
	hs := make([]uint64, len(ws))
	for i, w := range ws {
		hs[i] = minhash.HashString(w.norm)
	}
	n := len(ws) - k + 1
	if n < 1 {
		n, k = 1, len(ws)
	}
	out := make([]uint64, n)
	for i := 0; i < n; i++ {
		h := uint64(k)
		for _, v := range hs[i : i+k] {
			h = minhash.Combine(h, v)
		}
		out[i] = h
	}
	return out
}

// contentSet returns the hashes of the distinct content words of ws.
func contentSet(ws []word) []uint64 {
	seen := map[string]bool{}
	var out []uint64
	for _, w := range ws {
		if isContent(w) && !seen[w.norm] {
			seen[w.norm] = true
			out = append(out, minhash.HashString(w.norm))
		}
	}
	return out
}

// Word is one word of a text as the judge reads it: its byte span, its
// lower-cased form, whether it is a number, starts with a capital letter,
// or is a stopword.
type Word struct {
	news.Span
	Norm                  string
	Number, Capital, Stop bool
}

// Words splits text into words as the judge does (for the evaluation's
// test spinner).
func Words(text string) []Word {
	ws := words(text)
	out := make([]Word, len(ws))
	for i, w := range ws {
		out[i] = Word{Span: w.Span, Norm: w.norm, Number: w.number, Capital: w.capital, Stop: stopwords[w.norm]}
	}
	return out
}

// SentenceWords returns the lower-cased words of each sentence of text
// (split by the plain fallback splitter), as the background language
// model counts them.
func SentenceWords(text string) [][]string {
	d := newDoc(text, nil)
	out := make([][]string, len(d.sentences))
	for i, s := range d.sentences {
		for _, w := range s.words {
			out[i] = append(out[i], w.norm)
		}
	}
	return out
}

// Aligned reports whether the sentence a aligns with the sentence b as a
// paraphrase or closer (for the evaluation on paraphrase pairs).
func Aligned(a, b string) bool {
	whole := func(t string) []news.Sentence { return []news.Sentence{{Span: news.Span{Start: 0, End: len(t)}}} }
	return len(align(newDoc(a, whole(a)), newDoc(b, whole(b)))) > 0
}
