// Package genre is the genre stage: it decides what kind of report an
// article is (news.Genre*: news, analysis, opinion, letter, live blog,
// video, press release, fact-check, round-up) and records the evidence
// that decided it as the article's genre layer.
//
// The signals, strongest first:
//
//   - the address: a section path such as /commentisfree/, /opinion/,
//     /live/, /video/, /audio/, /letters/, /fact-check/;
//   - the headline and its kicker: "The Guardian view on …", "Opinion:",
//     "… – video", "… – as it happened", "Letters:", "Fact check:";
//   - page furniture in the text that names the genre: "This article is an
//     editorial", "The views expressed in this commentary are his own",
//     "email us your letter", "Every week we wrap up the must-reads";
//   - structure: the timestamped entries of a live blog, the short caption
//     and "Source: … Last modified" footer of a video page, a rating line of
//     a fact-check, the contact block of a press release;
//   - voice: first-person and prescriptive language outside quotation
//     marks, few attributed sentences, and an author's biography as the
//     last line, which together mark opinion in text with no address.
//
// An article none of these fire on is news. The stage needs only the text
// and the metadata; it runs after extraction.
package genre

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"sitrep/internal/annotate/tokens"
	"sitrep/internal/news"
)

// Stage is the genre stage. It is safe for concurrent use.
type Stage struct{}

// New returns the stage.
func New() *Stage { return &Stage{} }

// Process sets a.Genre.
func (s *Stage) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	a.Genre = Decide(a)
	return nil
}

// A rule is one signal: where it looks, what it matches, the genre it
// votes for and how strongly.
type rule struct {
	where string // "url", "title", "head" (first 600 bytes of text), "tail" (last 600), "text"
	re    *regexp.Regexp
	kind  string
	score float64
	what  string // evidence text; %s is the matched string
	// marks, when given, are words (lower case) one of which every match
	// contains: a text without any is not searched, which keeps the
	// rules over whole texts cheap.
	marks []string
}

// rules are tried in order; the first that matches decides, except that
// a later rule with a higher score overrides an earlier one.
var rules = []rule{
	// Addresses.
	{"url", regexp.MustCompile(`(?i)/(?:live|liveblog|live-blog|live-news|live-updates)/`), news.GenreLive, 0.95, "url path %s", nil},
	{"url", regexp.MustCompile(`(?i)[/-]live-?blog[/-]|/live-updates?\b`), news.GenreLive, 0.9, "url %s", nil},
	{"url", regexp.MustCompile(`(?i)/(?:video|videos|audio|podcasts?|watch)/`), news.GenreVideo, 0.95, "url path %s", nil},
	{"url", regexp.MustCompile(`(?i)/commentisfree/picture/`), news.GenreOpinion, 0.95, "url path %s (cartoon)", nil},
	{"url", regexp.MustCompile(`(?i)/(?:commentisfree|opinion|opinions|comment|editorials?|op-?eds?|columns?|columnists?|voices|ideas)/`), news.GenreOpinion, 0.95, "url path %s", nil},
	{"url", regexp.MustCompile(`(?i)/letters?/|/letters-to-the-editor/`), news.GenreLetter, 0.95, "url path %s", nil},
	{"url", regexp.MustCompile(`(?i)/(?:fact-?check(?:s|ing)?|factcheck|reality-check|verify)/`), news.GenreFactCheck, 0.95, "url path %s", nil},
	{"url", regexp.MustCompile(`(?i)/(?:press-?releases?|pressreleases?|news-?releases?|media-?releases?)/`), news.GenrePressRelease, 0.95, "url path %s", nil},
	{"url", regexp.MustCompile(`(?i)/(?:analysis|explainers?)/`), news.GenreAnalysis, 0.85, "url path %s", nil},
	{"url", regexp.MustCompile(`(?i)-podcast/?$|-video(?:-explainer)?/?$`), news.GenreVideo, 0.9, "url slug %s", nil},

	// Headlines and kickers.
	{"title", regexp.MustCompile(`(?i)^the \w+ view on\b`), news.GenreOpinion, 0.97, "headline %q (editorial)", nil},
	{"title", regexp.MustCompile(`(?i)^(?:opinion|op-ed|editorial|comment|commentary|view|column)\s*[:|–—-]\s`), news.GenreOpinion, 0.95, "headline kicker %q", nil},
	{"title", regexp.MustCompile(`(?i)\s[–—-]\s*cartoon\s*$`), news.GenreOpinion, 0.9, "headline %q", nil},
	{"title", regexp.MustCompile(`(?i)^letters?\s*[:|–—-]|\breaders (?:on|react|respond)\b|^your letters\b`), news.GenreLetter, 0.9, "headline %q", nil},
	{"title", regexp.MustCompile(`(?i)\s[–—-]\s*(?:as it happened|live|live updates)\s*$|^live\s*[:|–—-]\s|\blive blog\b|^\S+ live:`), news.GenreLive, 0.95, "headline %q", nil},
	{"title", regexp.MustCompile(`(?i)\s[–—-]\s*(?:video|video explainer|podcast|audio|watch)\s*$|^(?:video|watch|podcast)\s*[:|–—-]\s`), news.GenreVideo, 0.95, "headline %q", nil},
	{"title", regexp.MustCompile(`(?i)^fact[- ]?check\s*[:|–—-]|\bfact[- ]check(?:ing)?\b`), news.GenreFactCheck, 0.9, "headline %q", nil},
	{"title", regexp.MustCompile(`(?i)^(?:analysis|explainer|news analysis)\s*[:|–—-]\s`), news.GenreAnalysis, 0.9, "headline kicker %q", nil},
	{"title", regexp.MustCompile(`(?i)\b(?:complete|visual) guide\b|\bexplained\b|\bwhat (?:it|this|that) means\b|\bhere[’']s what (?:we know|to know|it means)\b|\bwhy it matters\b`), news.GenreAnalysis, 0.8, "headline %q", nil},
	{"title", regexp.MustCompile(`(?i)\bwhat we know (?:on|so far)\b|\bcatch up (?:on|with) (?:the|this week)|\bmust-reads?\b|\b(?:summary|round-?up) of\b.*\bthis week\b|\bkey developments\b.*\bthis week\b|\bthis week in\b|\bnews (?:round-?up|digest|briefing)\b`), news.GenreAggregated, 0.9, "headline %q", nil},

	// Furniture that names the genre.
	{"head", regexp.MustCompile(`(?i)this (?:article|piece) is an? (?:editorial|opinion|op-ed|column|commentary)`), news.GenreOpinion, 0.97, "text %q", nil},
	{"text", regexp.MustCompile(`(?i)the (?:views|opinions) expressed (?:here|herein|in this (?:commentary|article|piece|column|op-ed)) are (?:his|her|their|the (?:author|writer|columnist)[’']?s?) own|opinions expressed in the op-?ed are those of the author|the author[’']?s? (?:views|opinions) (?:are|do not)|\bread more (?:cnn )?opinion\b`), news.GenreOpinion, 0.95, "text %q", []string{"expressed", "author", "read more"}},
	{"head", regexp.MustCompile(`(?i)^(?:editor[’']?s note:.{0,300}\b(?:commentary|opinion|op-ed|views)\b)`), news.GenreOpinion, 0.95, "text %q", nil},
	{"tail", regexp.MustCompile(`(?i)email us your letter|letters? to the editor\b|\bletters@`), news.GenreLetter, 0.9, "text %q", nil},
	{"head", regexp.MustCompile(`(?i)^analysis by\b|you[’']re reading an excerpt from the [^.]{0,40}(?:worldview|analysis)[^.]{0,20} newsletter`), news.GenreAnalysis, 0.85, "text %q", nil},
	{"head", regexp.MustCompile(`(?i)^published (?:daily|weekly) by\b|every (?:week|day) we (?:wrap up|round up|bring you)|\bwe sum up what happened\b|\bhere (?:is|are) (?:the|today[’']s) (?:key|main) (?:events|developments)\b`), news.GenreAggregated, 0.9, "text %q", nil},
	{"head", regexp.MustCompile(`(?i)\bthe full text of the (?:speech|address|statement|remarks) is (?:provided|given|published) below\b|^transcript\b|\bfull transcript\b`), news.GenreVideo, 0.9, "text %q (transcript)", nil},
	{"text", regexp.MustCompile(`(?i)\bthis (?:live ?blog|blog) is (?:now )?clos(?:ed|ing)\b|\bwe[’']ll (?:wrap up|pause) (?:our|the) live coverage\b|\bthat(?:[’']s| is| was) (?:the end of|all from) (?:our|this) live (?:coverage|blog)\b`), news.GenreLive, 0.95, "text %q", []string{"blog", "live"}},
	{"text", regexp.MustCompile(`(?i)^(?:rating|verdict|our ruling|the verdict)\s*:\s*(?:false|true|misleading|mostly|half|pants|partly|unproven|missing context)`), news.GenreFactCheck, 0.9, "text %q", []string{"rating", "verdict", "ruling"}},
	{"head", regexp.MustCompile(`(?i)^(?:for immediate release|press release|news release|media release)\b`), news.GenrePressRelease, 0.95, "text %q", nil},
	{"tail", regexp.MustCompile(`(?i)^(?:media|press) (?:contact|enquiries|inquiries)\s*:?|^about [A-Z][\w&.,' -]{1,60}$|^#{3}\s*$`), news.GenrePressRelease, 0.6, "text %q", nil},
}

// Live-blog structure: entries that start with a time ("22.56Boris …",
// "Updated at 07.39 GMT").
var (
	liveStampRe   = regexp.MustCompile(`(?m)(?:^|[.”"a-z])(?:\d{1,2}[dh] ago)?[0-2]\d[.:][0-5]\d(?:\s*(?:GMT|BST|EDT|EST|CET|ET))?\s?[A-Z‘'“"]`)
	liveUpdatedRe = regexp.MustCompile(`Updated at [0-2]?\d[.:][0-5]\d`)
	// Video page: a short caption ending in "Source: … <date> <time> GMT"
	// and "Last modified on …".
	videoFooterRe = regexp.MustCompile(`(?s)(?:Source:[^\n]{0,120})?\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}[.:]\d{2} (?:GMT|BST)\s*(?:/\s*)*\s*Last modified on`)
	// An author's biography as the last line: "Simon Jenkins is a Guardian
	// columnist", "Jack Watling is senior research fellow for …".
	bioRe        = regexp.MustCompile(`(?:^|[.!?”"\n]\s*|\s)(?:[A-Z][\p{L}’'-]+\.? ){1,3}[A-Z][\p{L}’'-]+ (?:is|was|has been) (?:an? |the )?(?:[\p{L}-]+ ){0,6}(?:columnist|fellow|professor|director|author|editor|writer|commentator|historian|economist|analyst|researcher|convenor|lecturer|ambassador|chair|chairman|president|founder|minister|secretary|former|senior|contributor|member|expert|scholar|adviser|advisor|journalist)\b`)
	twitterBioRe = regexp.MustCompile(`(?i)\b(?:he|she|they) can be (?:found|followed|reached) on (?:twitter|x)\b|\bfollow (?:him|her|them) (?:on twitter )?@\w+`)
	// Voice: first person outside quotes, prescriptions and evaluations
	// (word lists: counted over whole texts, they are much cheaper than
	// the regular expressions they stand for).
	firstPerson  = tokens.NewWordList(false, "I", "I'm", "I’m", "I've", "I’ve", "I'd", "I’d", "me", "my", "mine", "myself")
	firstPlural  = tokens.NewWordList(true, "we", "we're", "we’re", "we've", "we’ve", "us", "our", "ourselves")
	prescriptive = tokens.NewWordList(true, "must", "should", "ought to", "need to", "needs to", "has to", "have to", "it is time", "it's time", "it’s time")
	evaluative   = tokens.NewWordList(true, "outrage*", "shameful", "absurd", "disgrace*", "folly", "foolish", "naive", "reckless",
		"cynical", "catastroph+", "tragic", "appalling", "deluded", "dangerous", "moral*", "immoral", "unforgivable", "grotesque",
		"brutal", "heinous", "tyrant", "irony", "surely", "indeed", "of course", "clearly", "simply", "frankly", "sadly", "alas",
		"perhaps", "arguably")
	attribution = tokens.NewWordList(true, "said", "says", "told", "tells", "stated", "according to", "reported", "reports",
		"announced", "added", "wrote", "warned", "confirmed", "claimed", "quoted", "citing")
	sentenceEndRe = regexp.MustCompile(`[.!?]["”’]?(?:\s|$)`)
)

// Decide returns the genre of a from its URL, title and text.
func Decide(a *news.Article) *news.Genre {
	text := a.Text
	head, tail := text, text
	if len(head) > 600 {
		head = head[:cut(text, 600)]
	}
	if len(tail) > 600 {
		tail = tail[cut(text, len(text)-600):]
	}
	path := urlPath(a.URL)
	var best *news.Genre
	for _, r := range rules {
		var in string
		switch r.where {
		case "url":
			in = path
		case "title":
			in = strings.TrimSpace(a.Title)
		case "head":
			in = head
		case "tail":
			in = tail
		default:
			in = text
		}
		if in == "" || !marked(in, r.marks) {
			continue
		}
		m := findMultiline(r.re, in)
		if m == "" {
			continue
		}
		ev := fmt.Sprintf(r.what, clip(m, 60))
		if best == nil || r.score > best.Score {
			if best != nil {
				ev2 := best.Evidence
				best = &news.Genre{Kind: r.kind, Score: r.score, Evidence: append([]string{ev}, ev2...)}
			} else {
				best = &news.Genre{Kind: r.kind, Score: r.score, Evidence: []string{ev}}
			}
		} else if best.Kind == r.kind || len(best.Evidence) < 3 {
			best.Evidence = append(best.Evidence, ev)
		}
	}
	if best != nil && best.Score >= 0.9 {
		return best
	}
	if g := structure(text); g != nil {
		return g
	}
	if best != nil {
		return best
	}
	if g := voice(text); g != nil {
		return g
	}
	return &news.Genre{Kind: news.GenreNews, Score: news.GenreUnsignalled, Evidence: []string{"no genre signal: news"}}
}

// marked says whether s holds one of marks (in any case), or marks is
// empty.
func marked(s string, marks []string) bool {
	if len(marks) == 0 {
		return true
	}
	for _, m := range marks {
		if len(s) >= len(m) && indexFold(s, m) >= 0 {
			return true
		}
	}
	return false
}

// indexFold returns the index of the first instance of the lower-case
// ASCII word w in s regardless of ASCII case, or -1.
func indexFold(s, w string) int {
	for i := 0; i+len(w) <= len(s); i++ {
		if c := s[i]; c != w[0] && c+'a'-'A' != w[0] {
			continue
		}
		if strings.EqualFold(s[i:i+len(w)], w) {
			return i
		}
	}
	return -1
}

// findMultiline returns the first match of re in s; a pattern anchored
// with ^ is tried on every line.
func findMultiline(re *regexp.Regexp, s string) string {
	if !strings.Contains(re.String(), "^") {
		return re.FindString(s)
	}
	if m := re.FindString(s); m != "" {
		return m
	}
	for line := range strings.SplitSeq(s, "\n") {
		if m := re.FindString(strings.TrimSpace(line)); m != "" {
			return m
		}
	}
	return ""
}

// clockTimes counts the clock times ("22.56", "07:39") in text: at least
// as many as liveStampRe matches, each of which holds one.
func clockTimes(text string) int {
	n := 0
	for i := 0; i+5 <= len(text); i++ {
		if c := text[i]; c >= '0' && c <= '2' && isDigit(text[i+1]) && (text[i+2] == '.' || text[i+2] == ':') && text[i+3] >= '0' && text[i+3] <= '5' && isDigit(text[i+4]) {
			n++
		}
	}
	return n
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// structure recognises live blogs and video pages by their layout.
func structure(text string) *news.Genre {
	stamps := 0
	if clockTimes(text) >= 3 { // (fewer stamps decide nothing; the scan is much cheaper)
		stamps = len(liveStampRe.FindAllStringIndex(text, -1))
	}
	updated := len(liveUpdatedRe.FindAllStringIndex(text, -1))
	if updated >= 2 || stamps >= 6 || (stamps >= 3 && updated >= 1) {
		return &news.Genre{Kind: news.GenreLive, Score: 0.85, Evidence: []string{fmt.Sprintf("%d timestamped entries, %d \"Updated at\" lines", stamps, updated)}}
	}
	if words := len(strings.Fields(text)); words < 250 && videoFooterRe.MatchString(text) {
		return &news.Genre{Kind: news.GenreVideo, Score: 0.85, Evidence: []string{fmt.Sprintf("short caption (%d words) with a video page's source and \"Last modified\" footer", words)}}
	}
	return nil
}

// Voice holds the measures of an article's voice that mark opinion.
type Voice struct {
	// FirstPerson is first-person singular pronouns outside quotation
	// marks per 100 words; FirstPlural the same for "we", "us", "our".
	FirstPerson, FirstPlural float64
	// Prescriptive counts "must", "should", "it is time" and the like
	// outside quotes per 100 words; Evaluative counts judging words.
	Prescriptive, Evaluative float64
	// Attributed is the share of sentences that attribute what they say.
	Attributed float64
	// Bio is the author's biography found in the last lines, if any.
	Bio string
}

// MeasureVoice measures the voice of text.
func MeasureVoice(text string) Voice {
	var v Voice
	unquoted := stripQuotes(text)
	words := float64(max(1, len(strings.Fields(unquoted))))
	v.FirstPerson = 100 * float64(firstPerson.Count(unquoted)) / words
	v.FirstPlural = 100 * float64(firstPlural.Count(unquoted)) / words
	v.Prescriptive = 100 * float64(prescriptive.Count(unquoted)) / words
	v.Evaluative = 100 * float64(evaluative.Count(unquoted)) / words
	sents := sentenceEndRe.Split(text, -1)
	n, att := 0, 0
	for _, s := range sents {
		if strings.TrimSpace(s) == "" {
			continue
		}
		n++
		if attribution.Match(s) {
			att++
		}
	}
	if n > 0 {
		v.Attributed = float64(att) / float64(n)
	}
	tail := strings.TrimSpace(text)
	if len(tail) > 400 {
		tail = tail[cut(tail, len(tail)-400):]
	}
	if m := bioRe.FindString(tail); m != "" {
		v.Bio = strings.TrimLeft(m, ".!?”\"\n ")
	} else if m := twitterBioRe.FindString(tail); m != "" {
		v.Bio = m
	}
	return v
}

// Score combines the voice measures into an opinion score, 0 to 1.
func (v Voice) Score() float64 {
	s := 0.0
	if v.Bio != "" {
		s += 0.45
	}
	s += clamp01(v.FirstPerson/1.0) * 0.2
	s += clamp01(v.FirstPlural/1.0) * 0.1
	s += clamp01(v.Prescriptive/0.6) * 0.15
	s += clamp01(v.Evaluative/0.8) * 0.1
	s += clamp01((0.3-v.Attributed)/0.2) * 0.2
	return clamp01(s)
}

// opinionVoice is the voice score from which text with no other signal
// is opinion.
const opinionVoice = 0.6

func voice(text string) *news.Genre {
	if len(strings.Fields(text)) < 150 {
		return nil
	}
	v := MeasureVoice(text)
	if v.Score() < opinionVoice {
		return nil
	}
	ev := fmt.Sprintf("voice: %.2f first-person, %.2f we/our, %.2f prescriptive, %.2f evaluative per 100 words; %.0f%% attributed sentences",
		v.FirstPerson, v.FirstPlural, v.Prescriptive, v.Evaluative, 100*v.Attributed)
	evs := []string{ev}
	if v.Bio != "" {
		evs = append([]string{fmt.Sprintf("author biography %q", clip(v.Bio, 60))}, evs...)
	}
	return &news.Genre{Kind: news.GenreOpinion, Score: v.Score(), Evidence: evs}
}

// stripQuotes blanks the text inside quotation marks.
func stripQuotes(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	depth := 0
	straight := false
	for _, r := range s {
		switch r {
		case '“':
			depth++
			continue
		case '”':
			if depth > 0 {
				depth--
			}
			continue
		case '"':
			straight = !straight
			continue
		}
		if depth > 0 || straight {
			if r == '\n' {
				// a paragraph closes an unbalanced quote
				depth, straight = 0, false
				b.WriteRune(r)
			}
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func urlPath(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	p := u.EscapedPath()
	if p == "" {
		return ""
	}
	return strings.ToLower(p)
}

// cut returns the nearest rune boundary at or after i in s.
func cut(s string, i int) int {
	for i < len(s) && !isRuneStart(s[i]) {
		i++
	}
	return i
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

func clip(s string, n int) string {
	s = strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
	if len(s) <= n {
		return s
	}
	return s[:cut(s, n)] + "…"
}

func clamp01(x float64) float64 { return max(0, min(1, x)) }
