package extract

import (
	"html"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/news"
)

// processText cleans a plain-text report: hygiene, boilerplate and source
// lines at the edges, headline and byline at the top, signature at the
// bottom, and hard wraps joined back into paragraphs.
func (e *Extractor) processText(a *news.Article) error {
	d, err := decode(a.Raw, false, e.opts.MaxInvalidUTF8)
	if err != nil {
		return err
	}
	noteRepair(a, d)
	s := unescapeEntities(frontMatter(a, d.text))
	lines := cleanText(s)
	sign := outletSign(lines)
	lines = dropStrictBoilerplate(lines)
	lines, declared, outlet := trimEdges(lines)
	lines = e.header(a, lines)
	// The header may have hidden more boilerplate behind it.
	lines, declared2, outlet2 := trimEdges(lines)
	fill(&a.DeclaredSource, declared)
	fill(&a.DeclaredSource, declared2)
	fill(&a.Outlet, outlet)
	fill(&a.Outlet, outlet2)
	if a.URL == "" {
		fill(&a.Outlet, sign) // a record with no outlet and no address
	}
	a.Text = strings.Join(joinLines(lines), "\n\n")
	return nil
}

// header lifts a headline and a byline off the first lines and returns
// the rest. A headline that differs from a title the source already set
// stays in the text.
func (e *Extractor) header(a *news.Article, lines []string) []string {
	i := skipBlank(lines, 0)
	if i >= len(lines) {
		return lines
	}
	if name, ok := byline(lines[i]); ok {
		fill(&a.Author, name)
		if a.Author == name {
			return lines[i+1:]
		}
		return lines
	}
	next := skipBlank(lines, i+1)
	standsAlone := i+1 < len(lines) && lines[i+1] == ""
	if next < len(lines) && looksLikeHeadline(lines[i], standsAlone) {
		switch {
		case strings.TrimSpace(a.Title) == "":
			a.Title = lines[i]
		case !sameTitle(a.Title, lines[i]):
			return lines
		}
		lines = lines[i+1:]
		j := skipBlank(lines, 0)
		if j < len(lines) {
			if name, ok := byline(lines[j]); ok {
				fill(&a.Author, name)
				if a.Author == name {
					lines = lines[j+1:]
				}
			}
		}
	}
	return lines
}

func skipBlank(lines []string, i int) int {
	for i < len(lines) && lines[i] == "" {
		i++
	}
	return i
}

func sameTitle(a, b string) bool {
	return news.NormalizeForHash(a) == news.NormalizeForHash(b)
}

// stopwords are the short function words a title-cased headline leaves in
// lower case, and the words a hard-wrapped line may end with.
var stopwords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "nor": true,
	"of": true, "in": true, "on": true, "at": true, "to": true, "for": true, "by": true,
	"with": true, "from": true, "as": true, "into": true, "over": true, "after": true,
	"than": true, "that": true, "is": true, "are": true, "was": true, "be": true, "vs": true,
	"its": true, "his": true, "her": true, "their": true, "this": true, "which": true,
	"who": true, "whose": true, "about": true, "against": true, "amid": true, "says": true,
	"were": true, "has": true, "have": true, "had": true, "will": true, "not": true,
}

// looksLikeHeadline reports whether a first line reads as a headline:
// short, no terminal period, and either mostly capitalised words or
// standing alone above the body.
func looksLikeHeadline(line string, standsAlone bool) bool {
	words := strings.Fields(line)
	if len(words) < 2 || len(words) > 25 || utf8.RuneCountInString(line) > 200 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(trimClosers(line))
	if last == '.' || last == ',' || last == ';' || last == ':' {
		return false
	}
	first, _ := utf8.DecodeRuneInString(trimOpeners(line))
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	content, caps := 0, 0
	for _, w := range words {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w == "" || stopwords[strings.ToLower(w)] {
			continue
		}
		content++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	if content == 0 {
		return false
	}
	if caps*10 >= content*6 {
		return true
	}
	return standsAlone && len(words) <= 15
}

// nameParticles may appear in lower case inside a person's name.
var nameParticles = map[string]bool{
	"de": true, "da": true, "del": true, "della": true, "der": true, "di": true, "du": true,
	"la": true, "le": true, "van": true, "von": true, "bin": true, "ibn": true, "al": true,
	"el": true, "ben": true, "dos": true, "das": true, "ter": true, "y": true,
}

var bylinePrefix = regexp.MustCompile(`(?i)^(by|written by|words by|author:|reporting by)\s+`)

// byline reports whether line is a byline, "By NAME" or a bare person's
// name, and returns the name.
func byline(line string) (string, bool) {
	s := line
	prefixed := false
	if m := bylinePrefix.FindStringIndex(s); m != nil {
		s = s[m[1]:]
		prefixed = true
		// "By Jane Doe, Reuters" or "By Jane Doe | 3 May 2024"
		if k := strings.IndexAny(s, ",|•·"); k > 0 {
			s = s[:k]
		}
		if k := strings.Index(s, " - "); k > 0 {
			s = s[:k]
		}
		s = strings.TrimSpace(s)
	}
	words := strings.Fields(s)
	maxWords := 4
	if prefixed {
		maxWords = 9
	}
	if len(words) < 2 || len(words) > maxWords {
		return "", false
	}
	for i, w := range words {
		lw := strings.ToLower(w)
		if prefixed && (lw == "and" || w == "&") {
			continue
		}
		if i > 0 && nameParticles[lw] {
			continue
		}
		if !isNameWord(w) {
			return "", false
		}
	}
	return s, true
}

// isNameWord reports whether w can be one word of a name: a capital
// followed by letters, with inner hyphens, apostrophes or a final dot
// ("O’Brien", "Jean-Luc", "J.").
func isNameWord(w string) bool {
	first, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(first) {
		return false
	}
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			letters++
		case r == '-' || r == '\'' || r == '’' || r == '.':
		default:
			return false
		}
	}
	return letters > 0 && !stopwords[strings.ToLower(w)]
}

// Boilerplate patterns. strictBoilerplate lines are dropped wherever they
// occur; edgeBoilerplate lines only among the leading and trailing lines.
var (
	strictBoilerplate = regexp.MustCompile(`(?i)^(advertisement|advertisements|advert|ad|sponsored|sponsored content|exit mobile version|story continues below( this)? advertisement|scroll to continue( with content)?|continue reading( below)?|skip to (main )?content|- ?advertisement ?-)$`)
	edgeBoilerplate   = regexp.MustCompile(`(?i)^(` +
		`no comments:?|\d+ comments?:?|post a comment|leave a (comment|reply)|comments?|` +
		`newer post|older post|home|subscribe to:? post comments( \(atom\))?|` +
		`share|share this( article| story| post)?:?|share (on|via) .{1,40}|tweet|email|print|whatsapp|facebook|twitter|linkedin|copy link|` +
		`(subscribe( to| now)?|sign up|follow us|follow (on|@)|follow the latest)\b.{0,120}|` +
		`read more\b.{0,120}|related( articles| stories| posts| news| content)?:?|more from .{1,40}|` +
		`(©|\(c\)|copyright\b).{0,200}|all rights reserved\.?|` +
		`.{0,200}\bcookies?\b.{0,200}|` +
		`click here\b.{0,120}|back to top|top of page|loading\.*|tags?:.{0,200}` +
		`)$`)
	cookieLine = regexp.MustCompile(`(?i)\b(use|accept|consent|policy|settings|preferences)\b`)
)

// isEdgeBoilerplate reports whether line is boilerplate when found among
// the first or last lines of a report.
func isEdgeBoilerplate(line string) bool {
	if strictBoilerplate.MatchString(line) {
		return true
	}
	if !edgeBoilerplate.MatchString(line) {
		return false
	}
	if strings.Contains(strings.ToLower(line), "cookie") && !strings.HasPrefix(strings.ToLower(line), "read more") {
		return cookieLine.MatchString(line)
	}
	return true
}

// dropStrictBoilerplate removes lines that are boilerplate wherever they
// stand ("Advertisement").
func dropStrictBoilerplate(lines []string) []string {
	out := lines[:0]
	for _, l := range lines {
		if !strictBoilerplate.MatchString(l) && !isPromo(l) {
			out = append(out, l)
		}
	}
	return out
}

var (
	declaredRe  = regexp.MustCompile(`(?i)^(?:(?:original source|originally published (?:by|in|on|at)|this (?:article|story|post) (?:was|is) (?:originally |first )?(?:published|republished|reproduced) (?:by|in|on|at|from|with permission from))\s*[:\-–—]?|sources?\s*[:\-–—])\s*(.+)$`)
	signatureRe = regexp.MustCompile(`^[\p{L}][\p{L} ]{0,30}@\s*(\p{Lu}[\p{L}\p{N} &'’-]{1,60})$`)
)

// declaredSource returns the source a line like "Original Source:
// www.independent.co.uk" names, as written.
func declaredSource(line string) (string, bool) {
	m := declaredRe.FindStringSubmatch(line)
	if m == nil || utf8.RuneCountInString(line) > 200 {
		return "", false
	}
	src := strings.TrimSpace(m[1])
	// "… by The Conversation. Read the original article."
	if k := strings.Index(src, ". "); k > 0 {
		src = src[:k]
	}
	src = strings.TrimRight(src, ".")
	if src == "" {
		return "", false
	}
	return src, true
}

// signature returns the outlet of a closing signature line such as
// "analysis@Al Jazeera".
func signature(line string) (string, bool) {
	m := signatureRe.FindStringSubmatch(line)
	if m == nil {
		return "", false
	}
	return strings.TrimSpace(m[1]), true
}

// trimEdges drops blank and boilerplate lines at both ends of lines, and
// lifts a declared-source line or an outlet signature found there. It
// works on lines or on paragraphs alike.
func trimEdges(lines []string) (rest []string, declared, outlet string) {
	for {
		n := len(lines)
		for len(lines) > 0 && (lines[0] == "" || isEdgeBoilerplate(lines[0])) {
			lines = lines[1:]
		}
		for len(lines) > 0 && (lines[len(lines)-1] == "" || isEdgeBoilerplate(lines[len(lines)-1])) {
			lines = lines[:len(lines)-1]
		}
		if len(lines) > 0 {
			last := lines[len(lines)-1]
			if src, ok := declaredSource(last); ok {
				if declared == "" {
					declared = src
				}
				lines = lines[:len(lines)-1]
			} else if o, ok := signature(last); ok {
				if outlet == "" {
					outlet = o
				}
				lines = lines[:len(lines)-1]
			}
		}
		if len(lines) > 0 {
			if src, ok := declaredSource(lines[0]); ok {
				if declared == "" {
					declared = src
				}
				lines = lines[1:]
			}
		}
		if len(lines) == n {
			return lines, declared, outlet
		}
	}
}

var listItem = regexp.MustCompile(`^([-*•·–—▪■►◦]\s|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s)`)

// joinLines rebuilds paragraphs from lines. A blank line always ends a
// paragraph. In hard-wrapped text (blank-line separated blocks of short
// lines) a single newline is a soft wrap; otherwise a newline ends a
// paragraph unless the line was plainly cut in mid-sentence.
func joinLines(lines []string) []string {
	wrapped := isHardWrapped(lines)
	var paras []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			paras = append(paras, cur.String())
			cur.Reset()
		}
	}
	for i, l := range lines {
		if l == "" {
			flush()
			continue
		}
		if cur.Len() == 0 {
			cur.WriteString(l)
			continue
		}
		prev := lines[i-1]
		var next string
		if i+1 < len(lines) {
			next = lines[i+1]
		}
		if !continues(prev, l, next, wrapped) {
			flush()
			cur.WriteString(l)
			continue
		}
		if glued(prev, l) {
			cur.WriteString(l)
		} else {
			cur.WriteByte(' ')
			cur.WriteString(l)
		}
	}
	flush()
	return paras
}

// glued reports whether l continues a word prev broke with a hyphen
// ("counter-" + "offensive"); the hyphen is kept and no space added.
func glued(prev, l string) bool {
	if !strings.HasSuffix(prev, "-") || len(prev) < 2 {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(prev[:len(prev)-1])
	first, _ := utf8.DecodeRuneInString(l)
	return unicode.IsLetter(before) && unicode.IsLower(first)
}

// continues reports whether line l, following prev (both non-blank),
// belongs to prev's paragraph. next is the line after l, "" if none.
func continues(prev, l, next string, wrapped bool) bool {
	if listItem.MatchString(l) {
		return false
	}
	if wrapped {
		// A short line with no closing punctuation followed by a
		// capitalised line is a heading, not a wrap.
		return endsWithContinuation(prev) || !(isHeadingLike(prev) && startsUpper(l) && utf8.RuneCountInString(prev) < 60)
	}
	if listItem.MatchString(prev) {
		return false
	}
	if endsSentence(prev) {
		return false
	}
	if glued(prev, l) || startsLower(l) || endsWithContinuation(prev) {
		return true
	}
	// A short, capitalised line without closing punctuation before a
	// capitalised line is a heading ("Ukraine cities bombarded").
	if isHeadingLike(prev) {
		return false
	}
	return len(strings.Fields(prev)) > 10
}

// isHeadingLike reports whether a line could be a section heading: short
// and starting with a capital or digit.
func isHeadingLike(line string) bool {
	n := len(strings.Fields(line))
	return n >= 1 && n <= 10 && !endsSentence(line) && (startsUpper(line) || startsDigit(line))
}

// endsSentence reports whether line ends with sentence or clause closing
// punctuation, looking through closing quotes and brackets.
func endsSentence(line string) bool {
	r, _ := utf8.DecodeLastRuneInString(trimClosers(line))
	switch r {
	case '.', '!', '?', ':', ';', '…', '。', '！', '？':
		return true
	}
	return false
}

// endsWithContinuation reports whether line ends in a way no paragraph
// does: a comma, a dash, or a function word.
func endsWithContinuation(line string) bool {
	r, _ := utf8.DecodeLastRuneInString(line)
	if r == ',' || r == '-' || r == '–' || r == '—' || r == '(' || r == '/' {
		return true
	}
	k := strings.LastIndexByte(line, ' ')
	last := strings.ToLower(line[k+1:])
	return stopwords[last] && last != "says"
}

func trimClosers(s string) string {
	return strings.TrimRight(s, "\"'”’»)]} ")
}

func trimOpeners(s string) string {
	return strings.TrimLeft(s, "\"'“‘«([{ ")
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(trimOpeners(s))
	return unicode.IsUpper(r)
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func startsDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

// isHardWrapped reports whether the text is laid out as blank-line
// separated blocks of lines cut at a fixed width: it has blank lines, a
// block of three or more lines, and nine lines in ten no longer than 100
// characters.
func isHardWrapped(lines []string) bool {
	var lens []int
	run, maxRun, blanks := 0, 0, 0
	for _, l := range lines {
		if l == "" {
			blanks++
			run = 0
			continue
		}
		run++
		maxRun = max(maxRun, run)
		lens = append(lens, utf8.RuneCountInString(l))
	}
	if blanks == 0 || maxRun < 3 || len(lens) < 3 {
		return false
	}
	sort.Ints(lens)
	return lens[len(lens)*9/10] <= 100
}

// entityRe matches an HTML character reference ("&deg;", "&#8217;",
// "&amp;") left in a plain text by whatever exported it.
var entityRe = regexp.MustCompile(`&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,30});`)

// unescapeEntities replaces the character references of a plain text
// with the characters they stand for ("10&deg;C" is "10°C"); a
// reference HTML does not define stays as written.
func unescapeEntities(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return entityRe.ReplaceAllStringFunc(s, func(ref string) string {
		if r := html.UnescapeString(ref); utf8.RuneCountInString(r) <= 2 {
			return r
		}
		return ref // "&notaname;" is no "&not" followed by "aname;"
	})
}
