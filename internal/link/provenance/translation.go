package provenance

import (
	"regexp"
	"strings"

	"sitrep/internal/news"
)

// Thresholds of the translation test: a text in another language than its
// source shares few words with it, but keeps its figures and names.
const (
	translationAnchors = 5   // shared anchors at least
	translationShare   = 0.5 // share of the article's anchors found in the source
	anchorPrefix       = 5   // names compare by their first letters (declension aside)
)

// translated reports whether a and src are in different known languages.
func translated(a, src *news.Article) bool {
	return a.Language != "" && src.Language != "" && !strings.EqualFold(a.Language, src.Language)
}

// anchor returns the form a number or a name is compared by.
func anchor(w word) string {
	if w.number {
		return w.norm
	}
	r := []rune(w.norm)
	return string(r[:min(len(r), anchorPrefix)])
}

// anchorShare returns the share of the distinct anchors of d (figures and
// names: numbers and capitalised words not opening a sentence) found in
// src's text, and how many were found.
func anchorShare(d *doc, src *news.Article) (float64, int) {
	mine := map[string]bool{}
	for _, s := range d.sentences {
		for k, w := range s.words {
			if w.number || k > 0 && w.capital && !stopwords[w.norm] && len(w.norm) >= 3 {
				mine[anchor(w)] = true
			}
		}
	}
	theirs := map[string]bool{}
	for _, w := range words(compared(src.Text)) {
		if w.number || w.capital {
			theirs[anchor(w)] = true
		}
	}
	n := 0
	for k := range mine {
		if theirs[k] {
			n++
		}
	}
	return float64(n) / float64(max(1, len(mine))), n
}

// translationRe finds a text's note that it is a translation
// ("Translated from Polish", "machine translation").
var translationRe = regexp.MustCompile(`(?i)\b(?:(?:machine[- ])?translat(?:ed|ion) from (?:the )?([a-z]+)|machine[- ]translat(?:ed|ion))\b`)

// translationNote returns the match of a translation note in the first or
// last 500 bytes of text (the group names the language, when given), or
// nil: a translation quoted in the body is not a note about the text.
func translationNote(text string) []string {
	for _, part := range []string{text[:min(len(text), 500)], text[max(0, len(text)-500):]} {
		if m := translationRe.FindStringSubmatch(part); m != nil {
			return m
		}
	}
	return nil
}

// languages maps English language names to ISO 639-1 codes.
var languages = map[string]string{
	"arabic": "ar", "chinese": "zh", "czech": "cs", "dutch": "nl", "english": "en", "finnish": "fi",
	"french": "fr", "german": "de", "hungarian": "hu", "italian": "it", "japanese": "ja", "korean": "ko",
	"lithuanian": "lt", "polish": "pl", "portuguese": "pt", "romanian": "ro", "russian": "ru",
	"slovak": "sk", "spanish": "es", "swedish": "sv", "turkish": "tr", "ukrainian": "uk",
}

// languageCode returns the ISO 639-1 code of a language name, or "".
func languageCode(name string) string { return languages[strings.ToLower(name)] }
