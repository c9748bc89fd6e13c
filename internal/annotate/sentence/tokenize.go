package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/news"
)

// Tokenize splits text into word, number and punctuation tokens whose
// spans cover every non-space rune exactly once, in text order. See the
// package documentation for the rules.
func Tokenize(text string) []news.Token {
	toks := make([]news.Token, 0, len(text)/5+4)
	i := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case asciiSpace[c]:
				i++
			case isASCIILetter(c):
				toks, i = scanWord(text, i, toks)
			case c >= '0' && c <= '9':
				toks, i = scanNumber(text, i, toks)
			default:
				end := scanPunct(text, i)
				toks = append(toks, news.Token{Span: news.Span{Start: i, End: end}, Kind: news.TokenPunct})
				i = end
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			toks = append(toks, news.Token{Span: news.Span{Start: i, End: i + 1}, Kind: news.TokenPunct})
			i++
		case isSpace(r):
			i += size
		case unicode.IsLetter(r):
			toks, i = scanWord(text, i, toks)
		case unicode.IsDigit(r):
			toks, i = scanNumber(text, i, toks)
		default:
			end := i + size
			if r == '…' {
				end = scanPunct(text, i)
			}
			toks = append(toks, news.Token{Span: news.Span{Start: i, End: end}, Kind: news.TokenPunct})
			i = end
		}
	}
	return toks
}

// asciiSpace marks the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isASCIIAlnum(c byte) bool { return isASCIILetter(c) || c >= '0' && c <= '9' }

// isSpace reports whether r separates tokens: Unicode white space plus
// the invisible zero-width space, word joiner and byte-order mark.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return unicode.IsSpace(r) || r == '\u200b' || r == '\u2060' || r == '\ufeff'
}

// runeAt decodes the rune at i, returning (0, 0) at the end of text.
func runeAt(text string, i int) (rune, int) {
	if i >= len(text) {
		return 0, 0
	}
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

// isWordRune reports whether r continues a word: a letter, mark or digit.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(byte(r))
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIILetter(byte(r))
	}
	return r != utf8.RuneError && unicode.IsLetter(r)
}

func isDigitByte(text string, i int) bool { return i < len(text) && text[i] >= '0' && text[i] <= '9' }

// scanPunct returns the end of the punctuation token starting at i: a run
// of terminal punctuation (. ! ? …), a run of ASCII hyphens, or one rune.
func scanPunct(text string, i int) int {
	r, size := runeAt(text, i)
	switch {
	case isTerminalRune(r):
		j := i + size
		for {
			r, size := runeAt(text, j)
			if size == 0 || !isTerminalRune(r) {
				return j
			}
			j += size
		}
	case r == '-':
		j := i + 1
		for j < len(text) && text[j] == '-' {
			j++
		}
		return j
	}
	return i + size
}

func isTerminalRune(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

// scanNumber scans a number at i and appends it.
func scanNumber(text string, i int, toks []news.Token) ([]news.Token, int) {
	j := skipDigits(text, i)
	lead := j - i // digits in the leading group
	decimal := false
	for j < len(text) {
		c := text[j]
		switch {
		case c == ',' && !decimal && threeDigits(text, j+1):
			j = skipDigits(text, j+1)
			continue
		case c == '.' && !decimal && isDigitByte(text, j+1):
			decimal = true
			j = skipDigits(text, j+1)
			continue
		case c >= utf8.RuneSelf && !decimal && lead <= 3:
			r, size := utf8.DecodeRuneInString(text[j:])
			if (r == '\u00a0' || r == '\u202f' || r == '\u2009') && threeDigits(text, j+size) {
				j = skipDigits(text, j+size)
				continue
			}
		}
		break
	}
	// Non-ASCII digits (Arabic-Indic and others) form a number by themselves.
	if j == i {
		_, size := runeAt(text, i)
		for j = i + size; ; {
			r, size := runeAt(text, j)
			if size == 0 || !unicode.IsDigit(r) {
				break
			}
			j += size
		}
	}
	return append(toks, news.Token{Span: news.Span{Start: i, End: j}, Kind: news.TokenNumber}), j
}

func skipDigits(text string, j int) int {
	for j < len(text) && text[j] >= '0' && text[j] <= '9' {
		j++
	}
	return j
}

// threeDigits reports whether exactly three ASCII digits start at j.
func threeDigits(text string, j int) bool {
	return j+3 <= len(text) && isDigitByte(text, j) && isDigitByte(text, j+1) && isDigitByte(text, j+2) && !isDigitByte(text, j+3)
}

// scanWord scans a word (or URL, e-mail address, abbreviation) at i and
// appends it, with a split-off clitic when there is one.
func scanWord(text string, i int, toks []news.Token) ([]news.Token, int) {
	if end := scanURL(text, i); end > i {
		return append(toks, news.Token{Span: news.Span{Start: i, End: end}, Kind: news.TokenWord}), end
	}
	j := i
	for {
		// A run of letters, marks and digits.
		partStart := j
		lower := true // the run so far is lower-case ASCII
		for {
			r, size := runeAt(text, j)
			if size == 0 || !isWordRune(r) {
				break
			}
			if lower && partStart == i && j-i >= 3 && gluedWord(text, i, j) {
				return appendWord(toks, i, j), j
			}
			lower = lower && r >= 'a' && r <= 'z'
			j += size
		}
		r, size := runeAt(text, j)
		switch {
		case r == '.':
			if end := scanAcronym(text, partStart); end > j {
				j = end
			} else if abbrevDot(text, partStart, j) {
				j++
			} else {
				return appendWord(toks, i, j), j
			}
			// "U.S.-backed": a hyphen and a letter continue the word.
			if h, hs := runeAt(text, j); isHyphen(h) {
				if n, _ := runeAt(text, j+hs); isLetter(n) {
					j += hs
					continue
				}
			}
			return appendWord(toks, i, j), j
		case r == '\'' || r == '’':
			if n := cliticLen(text, j+size); n > 0 {
				return appendClitic(toks, i, j, j+size+n), j + size + n
			}
			// "n't": the clitic starts one letter earlier.
			if j-1 > i && (text[j-1] == 'n' || text[j-1] == 'N') && j+size < len(text) &&
				(text[j+size] == 't' || text[j+size] == 'T') && !isWordAt(text, j+size+1) {
				return appendClitic(toks, i, j-1, j+size+1), j + size + 1
			}
			if n, _ := runeAt(text, j+size); isLetter(n) {
				j += size // inner apostrophe: O'Brien
				continue
			}
		case isHyphen(r):
			if n, _ := runeAt(text, j+size); isWordRune(n) {
				j += size
				continue
			}
		}
		return appendWord(toks, i, j), j
	}
}

// gluedWord reports whether a capitalised word starts at j, right after
// a lower-case one: a capital and two lower-case ASCII letters ("othersNew",
// "deadNine"), where extraction lost the line break or space between a
// link list, a headline or a paragraph and the next. Names written in
// camel case start with a capital ("BlackRock") or have a shorter head
// ("iPhone", "eBay") and stay whole, as do handles and tags ("@enronXgate").
func gluedWord(text string, i, j int) bool {
	if i > 0 && strings.IndexByte("@#/_.", text[i-1]) >= 0 { // "@enronXgate", "#standWith"
		return false
	}
	return j+2 < len(text) && text[j] >= 'A' && text[j] <= 'Z' &&
		text[j+1] >= 'a' && text[j+1] <= 'z' && text[j+2] >= 'a' && text[j+2] <= 'z'
}

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

func isWordAt(text string, j int) bool {
	r, size := runeAt(text, j)
	return size > 0 && isWordRune(r)
}

func appendWord(toks []news.Token, i, j int) []news.Token {
	return append(toks, news.Token{Span: news.Span{Start: i, End: j}, Kind: news.TokenWord})
}

// appendClitic appends the word [i, c) and the clitic [c, end).
func appendClitic(toks []news.Token, i, c, end int) []news.Token {
	if c > i {
		toks = appendWord(toks, i, c)
	}
	return appendWord(toks, c, end)
}

// cliticLen returns the length of the clitic letters after an apostrophe
// at j ("s", "re", "ve", "ll", "d", "m"), or 0 when there is none.
func cliticLen(text string, j int) int {
	n := 0
	for n < 3 && j+n < len(text) && isASCIILetter(text[j+n]) {
		n++
	}
	if n == 0 || n == 3 || isWordAt(text, j+n) {
		return 0
	}
	var buf [2]byte
	for k := range n {
		buf[k] = text[j+k] | 0x20
	}
	switch string(buf[:n]) {
	case "s", "d", "m", "re", "ve", "ll":
		return n
	}
	return 0
}

// scanAcronym returns the end of a letter-period sequence starting at i
// ("U.S.", "e.g.", "a.m.", "Ph.D."): at least two groups of one or two
// letters, each followed by a period. It returns -1 when there is none.
func scanAcronym(text string, i int) int {
	j, groups := i, 0
	for {
		k := j
		for k < len(text) && k-j < 3 && isASCIILetter(text[k]) {
			k++
		}
		if k == j || k-j > 2 || k >= len(text) || text[k] != '.' {
			break
		}
		j = k + 1
		groups++
	}
	if groups < 2 {
		return -1
	}
	return j
}

// abbrevDot reports whether the period after the word text[i:j] belongs
// to it: a known abbreviation or a capital initial.
func abbrevDot(text string, i, j int) bool {
	w := text[i:j]
	if len(w) == 1 {
		// An initial, but not a multiplier or unit after a number ("$90m.").
		return isASCIILetter(w[0]) && (i == 0 || !isASCIIAlnum(text[i-1]))
	}
	switch abbrevs[w] {
	case abNever, abMonth, abMaybe:
		return true
	case abNumber:
		k := j + 1
		for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
			k++
		}
		return k > j+1 && isDigitByte(text, k)
	}
	return false
}

// abbrevClass says how an abbreviation behaves before a possible
// sentence end.
type abbrevClass uint8

const (
	abNone   abbrevClass = iota
	abNever              // titles and the like: never end a sentence
	abNumber             // "No.": an abbreviation only before a number
	abMonth              // "Jan.": no end before a number
	abMaybe              // "etc.", "Inc.": end before a capital
)

// abbrevs maps an abbreviation, without its period, to its class.
var abbrevs = buildAbbrevs()

func buildAbbrevs() map[string]abbrevClass {
	abbrevs := make(map[string]abbrevClass, 80)
	for _, w := range []string{
		"Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Gens", "Lt", "Col", "Maj", "Sgt", "Cpl", "Pvt",
		"Capt", "Cmdr", "Cdr", "Adm", "Brig", "Gov", "Govs", "Sen", "Sens", "Rep", "Reps", "Pres", "Supt",
		"Insp", "Det", "Rev", "Hon", "Fr", "St", "Ste", "Mt", "Ft", "vs", "cf", "approx", "ca", "Ald",
	} {
		abbrevs[w] = abNever
	}
	for _, w := range []string{"No", "Nos", "Fig", "Figs", "Vol", "Vols", "Art", "Arts", "Ch", "Sec", "para", "pp"} {
		abbrevs[w] = abNumber
	}
	for _, w := range []string{"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"} {
		abbrevs[w] = abMonth
	}
	for _, w := range []string{"etc", "Inc", "Ltd", "Co", "Corp", "Jr", "Sr", "Bros", "Plc", "al", "Ave", "Rd", "Blvd", "Dept", "Univ", "Assn", "est",
		// US states as AP datelines write them.
		"Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Md",
		"Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Vt", "Va",
		"Wis", "Wyo"} {
		abbrevs[w] = abMaybe
	}
	return abbrevs
}

// maxURL bounds the bytes scanned for a URL, which keeps tokenising
// linear on long runs without white space; a longer URL is split.
const maxURL = 1024

// scanURL returns the end of a URL or e-mail address starting at i, or
// i when there is none. Trailing punctuation is left out.
func scanURL(text string, i int) int {
	if i > 0 && isASCIIAlnum(text[i-1]) {
		return i
	}
	// The candidate is the run of printable ASCII up to white space.
	j := i
	var at, dotAfterAt, dotAlnum, slash, scheme bool
	for j < len(text) && j-i < maxURL {
		c := text[j]
		if c <= ' ' || c >= utf8.RuneSelf || c == '"' || c == '<' || c == '>' {
			break
		}
		switch c {
		case '@':
			at = true
		case '.':
			dotAfterAt = dotAfterAt || at
			dotAlnum = dotAlnum || j+1 < len(text) && isASCIIAlnum(text[j+1])
		case '/':
			slash = true
			if j >= i+2 && text[j-1] == ':' && j+1 < len(text) && text[j+1] == '/' {
				scheme = true
			}
		}
		j++
	}
	if j-i < 4 || !(at || slash || dotAlnum) {
		return i
	}
	run := text[i:j]
	switch {
	case scheme, hasPrefixFold(run, "www."):
	case at && dotAfterAt && run[0] != '@':
	case slash || j-i >= 6:
		// A bare domain: name(.name)*.tld, optionally with a path.
		if !bareDomain(run) {
			return i
		}
	default:
		return i
	}
	// Trim trailing punctuation; keep a closing bracket only when opened.
	for j > i {
		c := text[j-1]
		if c == ')' && hasByte(text[i:j-1], '(') {
			break
		}
		if c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']' || c == '\'' || c == '}' {
			j--
			continue
		}
		break
	}
	if j-i < 4 {
		return i
	}
	return j
}

func hasByte(s string, b byte) bool {
	for k := 0; k < len(s); k++ {
		if s[k] == b {
			return true
		}
	}
	return false
}

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for k := 0; k < len(prefix); k++ {
		if s[k]|0x20 != prefix[k] {
			return false
		}
	}
	return true
}

// bareDomain reports whether run starts with a host name ending in a
// common top-level domain, followed by nothing, a path or punctuation.
func bareDomain(run string) bool {
	k := 0
	for k < len(run) && (isASCIIAlnum(run[k]) || run[k] == '-' || run[k] == '.') {
		k++
	}
	host := run[:k]
	for len(host) > 0 && host[len(host)-1] == '.' {
		host = host[:len(host)-1]
	}
	dot := -1
	for p := len(host) - 1; p >= 0; p-- {
		if host[p] == '.' {
			dot = p
			break
		}
	}
	if dot <= 0 {
		return false
	}
	if _, ok := tlds[host[dot+1:]]; !ok {
		return false
	}
	// After the host: end, a path, or trailing punctuation only.
	rest := run[len(host):]
	if rest == "" || rest[0] == '/' {
		return true
	}
	for k := 0; k < len(rest); k++ {
		switch rest[k] {
		case '.', ',', ';', ':', '!', '?', ')', ']', '\'':
		default:
			return false
		}
	}
	return true
}

// tlds holds the top-level domains a bare host name may end in.
var tlds = buildTLDs()

func buildTLDs() map[string]struct{} {
	tlds := make(map[string]struct{}, 40)
	for _, t := range []string{
		"com", "org", "net", "gov", "edu", "int", "mil", "io", "info", "news", "tv", "me", "co", "eu",
		"uk", "ua", "ru", "by", "kp", "kr", "cn", "jp", "de", "fr", "it", "es", "pl", "nl", "ca", "au", "in", "us",
	} {
		tlds[t] = struct{}{}
	}
	return tlds
}
